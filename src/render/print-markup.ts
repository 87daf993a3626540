/**
 * KaTeX's markup made lighter for printing in Chromium, with the same layout.
 *
 * KaTeX sets a lone sub- or superscript (x₁, σ′, b⁽¹⁾) as a one-cell inline table: a vlist-t
 * holding a row, a cell, a block, a strut and the script, with a second row for its depth and
 * a spacer cell holding a zero-width space (a Safari fix). That is up to ten elements for one
 * script, and an answer key is mostly scripts: a 10-page key has 579 lone ones. Chromium's
 * renderer time for a document grows with its elements (style, layout, paint and the PDF), so
 * each lone script is printed as the two elements it needs: a box
 * raised or lowered by KaTeX's own shift, with KaTeX's own margins, around the script. Every
 * other vlist (a fraction, a hat) loses its spacer cell, which print.css makes 0 px wide, and its
 * second row, whose depth the formula's strut already gives the line; and the spacer's zero-width
 * space is gone with it (each one was a text run for Chromium to shape, and a character in the
 * PDF's text).
 *
 * Measured on that key: 18,048 elements → 12,544, Chromium's CPU per print 389 → 290 ms (lone
 * scripts and spacers), → 280 ms (the second rows). The
 * glyphs stay where they were to within 1/64 px, Chromium's layout unit, per level of scripts
 * (test/browser/print-markup.test.ts compares every glyph of both worksheets' sheets and keys):
 * KaTeX's shift is the sum of two lengths, the strut's height and the block's offset, that
 * Chromium rounded one at a time, and this rounds once.
 *
 * Only for print, where the browser is ours: the HTML files keep KaTeX's markup, made for every
 * browser. Pure: markup in, markup out; anything not in exactly KaTeX's shape is left as it is.
 */

/** An element of a formula's markup, parsed (spans only: KaTeX's other elements are SVG, kept as text). */
interface Span {
  /** The attributes as written, with their leading space: ` class="vlist" style="height:1em;"`. */
  readonly attrs: string;
  readonly className: string;
  readonly style: string;
  readonly kids: (Span | string)[];
}

/** Every span tag (a module-wide regex: each use sets its lastIndex first, and none calls another while scanning). */
const SPAN_TAG = /<(\/?)span\b([^>]*)>/g;
const TABLE_START = '<span class="vlist-t';
/** KaTeX's spacer cell, and what print keeps of it. */
const SPACER = '<span class="vlist-s">\u200b</span>';
const EMPTY_SPACER = '<span class="vlist-s"></span>';
/**
 * The end of a vlist with a depth (a fraction, a hat, both scripts): its spacer cell, and a second
 * row as deep as the vlist, which only makes the line as deep as the formula's strut already does.
 * What print keeps: the first row and the table, closed.
 */
const DEPTH_TAIL = /<span class="vlist-s"><\/span><\/span><span class="vlist-r"><span class="vlist" style="height:[0-9.]+em;"><span><\/span><\/span><\/span><\/span>/g;
const TABLE_CLOSE = '</span></span>';

/** Attributes exactly as KaTeX writes them on its spans: a class, a style, aria-hidden, in that order. */
const KATEX_ATTRS = /^(?: class="([^"]*)")?(?: style="([^"]*)")?(?: aria-hidden="true")?$/;

/**
 * Classes that only choose a font, a size or an atom's kind: no rule of KaTeX's stylesheet, or
 * ours, gives them a display, a position or a box. A script of only these may take an inline
 * display of its own (it had inline-block from `.vlist > span > span`).
 */
const FONT_CLASS = /^(?:katex-sizing|reset-size\d+|size\d+|mtight|mord|mbin|mrel|mopen|mclose|mpunct|minner|mop|mathnormal|mathit|mathrm|mathbf|mathsf|mathtt|boldsymbol|text|textrm|textit|textbf)$/;

/**
 * `html` with KaTeX's lone scripts flattened, and the spacer cells and depth rows of its other
 * vlists dropped; everything else byte for byte as it was. One pass: each vlist's markup is parsed alone (a few hundred bytes, and only as
 * far as it takes to see it is not a lone script), and a flattened script's own markup is
 * slimmed in turn, so a script in a script is flattened too.
 */
export function slimForPrint(html: string): string {
  const source = html.replaceAll(SPACER, EMPTY_SPACER).replace(DEPTH_TAIL, TABLE_CLOSE);
  let out = '';
  let copied = 0;
  for (let at = source.indexOf(TABLE_START); at !== -1; at = source.indexOf(TABLE_START, at + 1)) {
    if (at < copied) continue;
    const table = parseLone(source, at);
    const flat = table && loneScript(table.root);
    if (!table || !flat) continue;
    out += source.slice(copied, at) + flat;
    copied = table.end;
  }
  return copied === 0 ? source : out + source.slice(copied);
}

/**
 * The span that opens at `start`, as a tree, and where it closes; undefined once it cannot be a
 * lone script (a second block in its first cell: a fraction, an accent, a column of a matrix),
 * or is not one balanced span with KaTeX's attributes throughout.
 */
function parseLone(html: string, start: number): { root: Span; end: number } | undefined {
  const tag = SPAN_TAG;
  tag.lastIndex = start;
  const stack: Span[] = [];
  let root: Span | undefined;
  let last = start;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const top = stack.at(-1);
    if (!top && root) return undefined;
    if (m.index > last) top?.kids.push(html.slice(last, m.index));
    last = tag.lastIndex;
    if (m[1]) {
      stack.pop();
      if (stack.length === 0 && root) return { root, end: last };
      continue;
    }
    const a = KATEX_ATTRS.exec(m[2]);
    if (!a) return undefined;
    const span: Span = { attrs: m[2], className: a[1] ?? '', style: a[2] ?? '', kids: [] };
    // Table, row, cell: a block that is not the cell's first child means more than one.
    if (stack.length === 3 && top?.kids.length) return undefined;
    if (top) top.kids.push(span);
    else root = span;
    stack.push(span);
  }
  return undefined;
}

function serialize(node: Span | string): string {
  return typeof node === 'string' ? node : `<span${node.attrs}>${node.kids.map(serialize).join('')}</span>`;
}

const elements = (kids: readonly (Span | string)[]): readonly Span[] | undefined =>
  kids.every((k): k is Span => typeof k !== 'string') ? kids : undefined;

/**
 * A vlist of one child (KaTeX's makeVList for a lone script), as two spans: an inline box at the
 * child's baseline, moved by KaTeX's shift (the block's `top` plus the strut's height, in the
 * same em) and with the block's margins, around the child as an inline block. The vlist's own
 * height and depth need no box: the formula's strut (katex-strut) already holds them.
 * Undefined when the vlist is anything else (a fraction, an accent, a matrix column of rows).
 */
function loneScript(table: Span): string | undefined {
  if ((table.className !== 'vlist-t' && table.className !== 'vlist-t vlist-t2') || table.style !== '') return undefined;
  const rows = elements(table.kids);
  if (!rows || rows.length < 1 || rows.length > 2 || rows.some((r) => r.className !== 'vlist-r' || r.style !== '')) return undefined;
  const cells = elements(rows[0].kids);
  if (!cells || cells.length < 1 || cells.length > 2 || cells[0].className !== 'vlist') return undefined;
  if (cells.length === 2 && !(cells[1].className === 'vlist-s' && cells[1].style === '' && cells[1].kids.length === 0)) return undefined;
  if (rows.length === 2 && !isDepthRow(rows[1])) return undefined;
  if (!/^height:-?[0-9.]+em;$/.test(cells[0].style)) return undefined;
  const blocks = elements(cells[0].kids);
  if (!blocks || blocks.length !== 1 || blocks[0].className !== '') return undefined;
  const block = /^top:(-?[0-9.]+)em;((?:margin-left:-?[0-9.]+em;)?(?:margin-right:-?[0-9.]+em;)?)$/.exec(blocks[0].style);
  const pair = elements(blocks[0].kids);
  if (!block || !pair || pair.length !== 2) return undefined;
  const [strut, script] = pair;
  const strutHeight = /^height:([0-9.]+)em;$/.exec(strut.style);
  if (strut.className !== 'pstrut' || !strutHeight || strut.kids.length !== 0) return undefined;
  if (!script.className.split(' ').every((c) => FONT_CLASS.test(c)) || script.style !== '' || script.attrs !== ` class="${script.className}"`) return undefined;
  const shift = Number((Number(block[1]) + Number(strutHeight[1])).toFixed(4));
  const box = `display:inline-block;position:relative;top:${shift}em;${block[2]}`;
  const inner = slimForPrint(script.kids.map(serialize).join(''));
  return `<span style="${box}"><span class="${script.className}" style="display:inline-block;">${inner}</span></span>`;
}

/** KaTeX's second row of a vlist: an empty cell as tall as the vlist's depth. */
function isDepthRow(row: Span): boolean {
  const cells = elements(row.kids);
  if (!cells || cells.length !== 1 || cells[0].className !== 'vlist' || !/^height:[0-9.]+em;$/.test(cells[0].style)) return false;
  const filler = elements(cells[0].kids);
  return !!filler && filler.length === 1 && filler[0].attrs === '' && filler[0].kids.length === 0;
}
