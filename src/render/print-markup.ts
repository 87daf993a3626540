/**
 * KaTeX's markup made lighter for printing in Chromium, with the same layout.
 *
 * KaTeX sets a lone sub- or superscript (x₁, σ′, b⁽¹⁾) as a one-cell inline table: a vlist-t
 * holding a row, a cell, a block, a strut and the script, with a second row for its depth and
 * a spacer cell holding a zero-width space (a Safari fix). That is ten elements for one script,
 * and an answer key is mostly scripts: in a 10-page key, 579 of them made 5,000 of its 18,000
 * elements. Chromium's renderer time for a document grows with its elements (style, layout,
 * paint and the PDF), so each lone script is printed as the two elements it needs: a box
 * raised or lowered by KaTeX's own shift, with KaTeX's own margins, around the script. And the
 * spacer's zero-width space, which print.css already makes 0 px wide, is dropped (each one was
 * a text run for Chromium to shape, and a character in the PDF's text).
 *
 * Measured on that key: Chromium's CPU per print 389 → 290 ms. The glyphs stay where they were
 * to within 1/64 px, Chromium's layout unit (test/render/print-markup.browser.test.ts compares
 * every glyph of every worksheet's key): KaTeX's shift is the sum of two lengths, the strut's
 * height and the block's offset, that Chromium rounded one at a time.
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

const SPAN_TAG = /<(\/?)span\b([^>]*)>/g;
const FORMULA_START = '<span class="katex">';
const ZWSP = '\u200b';

/** Attributes exactly as KaTeX writes them on its spans: a class, a style, aria-hidden, in that order. */
const KATEX_ATTRS = /^(?: class="([^"]*)")?(?: style="([^"]*)")?(?: aria-hidden="true")?$/;

/**
 * Classes that only choose a font, a size or an atom's kind: no rule of KaTeX's stylesheet, or
 * ours, gives them a display, a position or a box. A script of only these may take an inline
 * display of its own (it had inline-block from `.vlist > span > span`).
 */
const FONT_CLASS = /^(?:katex-sizing|reset-size\d+|size\d+|mtight|mord|mbin|mrel|mopen|mclose|mpunct|minner|mop|mathnormal|mathit|mathrm|mathbf|mathsf|mathtt|boldsymbol|text|textrm|textit|textbf)$/;

/** How many formulas' printed markup to remember: formulas repeat within a key and across keys. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, string>();

/** `html` with every KaTeX formula in it lightened for print; the rest of it byte for byte as it was. */
export function slimForPrint(html: string): string {
  let out = '';
  let copied = 0;
  for (let start = html.indexOf(FORMULA_START); start !== -1; start = html.indexOf(FORMULA_START, start)) {
    const end = formulaEnd(html, start);
    if (end === undefined) break;
    const formula = html.slice(start, end);
    let slim = cache.get(formula);
    if (slim === undefined) {
      slim = slimFormula(formula);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(formula, slim);
    }
    out += html.slice(copied, start) + slim;
    copied = start = end;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** Where the span that opens at `start` closes (just past its </span>); undefined if it never does. */
function formulaEnd(html: string, start: number): number | undefined {
  const tag = new RegExp(SPAN_TAG.source, 'g');
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tag.lastIndex;
  }
  return undefined;
}

/** One formula's markup (one balanced span), lightened; unchanged if it is not as KaTeX writes. */
export function slimFormula(formula: string): string {
  const root = parse(formula);
  return root ? serialize(slim(root)) : formula;
}

function parse(markup: string): Span | undefined {
  const tag = new RegExp(SPAN_TAG.source, 'g');
  const stack: Span[] = [];
  let root: Span | undefined;
  let last = 0;
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    const top = stack.at(-1);
    if (m.index > last) {
      if (!top) return undefined;
      top.kids.push(markup.slice(last, m.index));
    }
    last = tag.lastIndex;
    if (m[1]) {
      stack.pop();
      continue;
    }
    const a = KATEX_ATTRS.exec(m[2]);
    if (!a || (root && !top)) return undefined;
    const span: Span = { attrs: m[2], className: a[1] ?? '', style: a[2] ?? '', kids: [] };
    if (top) top.kids.push(span);
    else root = span;
    stack.push(span);
  }
  return stack.length === 0 && last === markup.length ? root : undefined;
}

function serialize(node: Span | string): string {
  return typeof node === 'string' ? node : `<span${node.attrs}>${node.kids.map(serialize).join('')}</span>`;
}

/** The lightened span, its children first (a script inside a script is flattened from the inside out). */
function slim(span: Span): Span {
  const kids = span.kids.map((k) => (typeof k === 'string' ? k : slim(k)));
  if (span.className === 'vlist-s' && kids.length === 1 && kids[0] === ZWSP) return { ...span, kids: [] };
  const node = { ...span, kids };
  return loneScript(node) ?? node;
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
function loneScript(table: Span): Span | undefined {
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
  const inner = elements(blocks[0].kids);
  if (!block || !inner || inner.length !== 2) return undefined;
  const [strut, script] = inner;
  const strutHeight = /^height:([0-9.]+)em;$/.exec(strut.style);
  if (strut.className !== 'pstrut' || !strutHeight || strut.kids.length !== 0) return undefined;
  if (!script.className.split(' ').every((c) => FONT_CLASS.test(c)) || script.style !== '' || script.attrs !== ` class="${script.className}"`) return undefined;
  const shift = Number((Number(block[1]) + Number(strutHeight[1])).toFixed(4));
  const box = `display:inline-block;position:relative;top:${shift}em;${block[2]}`;
  return {
    attrs: ` style="${box}"`,
    className: '',
    style: box,
    kids: [{ ...script, attrs: ` class="${script.className}" style="display:inline-block;"`, style: 'display:inline-block;' }],
  };
}

/** KaTeX's second row of a vlist: an empty cell as tall as the vlist's depth. */
function isDepthRow(row: Span): boolean {
  const cells = elements(row.kids);
  if (!cells || cells.length !== 1 || cells[0].className !== 'vlist' || !/^height:[0-9.]+em;$/.test(cells[0].style)) return false;
  const filler = elements(cells[0].kids);
  return !!filler && filler.length === 1 && filler[0].attrs === '' && filler[0].kids.length === 0;
}
