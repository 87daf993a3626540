/**
 * Server-side KaTeX: math → HTML, and KaTeX's stylesheet with its fonts inlined as data: URIs.
 *
 * Why inline: Puppeteer's page.setContent blocks file:// fonts and silently falls back to a
 * system serif (wrong glyphs, misplaced hats). The 20 woff2 files are
 * ≈ 260 KB, read and base64-encoded once per process, not once per sheet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import { splitProse } from './prose.js';
import { glyphCount } from '../print/glyphs.js';
import { keepShortGroups } from '../print/groups.js';

/**
 * A formula KaTeX refused. Our printers produce every formula, so from them this is a bug; from a
 * spec's prose it is bad input. The message quotes the formula as it was written (its first 80
 * characters): `KaTeX could not typeset "\frac{1}{": …`, one backslash, not JSON's two.
 */
export class MathError extends Error {
  override readonly name = 'MathError';
  constructor(
    readonly latex: string,
    readonly reason: string,
  ) {
    super(oneLine(`KaTeX could not typeset "${latex.length > 80 ? latex.slice(0, 80) + '…' : latex}": ${reason}`));
  }
}

/**
 * The message on one line, as the CLI prints only a message's first: each line break (in the
 * formula, and in KaTeX's reason, which quotes it) is shown as ⏎. Not as \n, which in LaTeX reads
 * as the start of \nabla or \nu.
 */
function oneLine(message: string): string {
  return message.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '⏎');
}

// A sheet repeats many small formulas ($w$, $\sigma$) and variants repeat whole ones; one
// renderToString is ≈ 0.6 ms (1,000 renders measured at 0.6 s), a Map hit ≈ 0.1 µs. 20 000 entries ≈ 20 MB at most.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, string>();

/**
 * Macro expansions KaTeX allows in one formula. Its default, 1,000, counts every
 * \operatorname{sigmoid}: an answer of a deep sigmoid network written out entry by entry has
 * thousands of them. A writer's \def that calls itself still stops here, in milliseconds.
 */
const MAX_EXPAND = 100_000;

/**
 * KaTeX HTML of one formula. `output: 'html'` leaves out the hidden MathML copy that would double
 * the text extracted from a PDF; `strict: 'error'` rejects what pdflatex would reject too.
 */
export function mathHtml(latex: string): string {
  const hit = cache.get(latex);
  if (hit !== undefined) return hit;
  let html: string;
  try {
    // KaTeX draws tall delimiters as inline <svg xmlns="http://…">; the HTML parser needs no
    // namespace, and without it a sheet holds no URL at all.
    html = katex.renderToString(keepShortGroups(latex), { output: 'html', throwOnError: true, strict: 'error', maxExpand: MAX_EXPAND });
    // Only tall delimiters are drawn as <svg>: most formulas have none, and the search is cheaper than the replace.
    if (html.includes(' xmlns="')) html = html.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '');
  } catch (e) {
    throw new MathError(latex, e instanceof Error ? e.message.replace(/^KaTeX parse error: /, '') : String(e));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(latex, html);
  return html;
}

/**
 * `latex` typeset as `wrapped` (braced, or in \displaystyle). Should KaTeX refuse it, the error is
 * about the writer's own formula and positions in it, not about the wrapping.
 */
function typeset(latex: string, wrapped: string): string {
  try {
    return mathHtml(wrapped);
  } catch (e) {
    if (e instanceof MathError) mathHtml(latex);
    throw e;
  }
}

/**
 * A formula set in display style but as inline math, so that a long answer breaks after `=`
 * or `+` instead of running off the page (KaTeX never breaks display-mode math).
 */
export function displayHtml(latex: string): string {
  return typeset(latex, `\\displaystyle ${latex}`);
}

/** Glyphs up to which a formula in prose is never broken across lines (about a third of a line). */
const SHORT_FORMULA = 24;

/**
 * Prose with `$…$` math: text HTML-escaped, math typeset. A short formula is never broken
 * ("f = ½(ŷ − y)²" is not split after its "="). A formula without a break point is also kept on
 * the line of the characters it touches without a space ("∂$x_1$", "$x_1$:", "∂($u$)/∂$w$"), so
 * that a line never ends with a lone "∂" whose variable starts the next. A long formula is left
 * free to break after = or +: Chromium decides a break before a box by the box's parent, so it
 * cannot both break inside and be glued to its neighbours.
 */
export function proseHtml(text: string): string {
  // Units of the output: a run of words and unbreakable formulas with no space between them is
  // one unit (set nowrap when it mixes both); a space, a display formula or a breakable formula
  // stands apart.
  const units: { html: string; math: boolean; words: boolean }[] = [];
  let open = false;
  const touch = (html: string, math: boolean): void => {
    const last = units.at(-1);
    if (open && last) {
      last.html += html;
      last.math ||= math;
      last.words ||= !math;
    } else units.push({ html, math, words: !math });
    open = true;
  };
  const apart = (html: string): void => {
    units.push({ html, math: false, words: false });
    open = false;
  };
  for (const s of splitProse(text)) {
    // Display math in prose is set like every display formula of a sheet (a block of inline
    // \displaystyle math that wraps after = or +), never in KaTeX's display mode: that never
    // wraps, and one line wider than the page makes Chromium shrink the whole PDF to fit it.
    if (s.kind === 'math' && s.display) apart(`<span class="eq">${displayHtml(s.latex)}</span>`);
    else if (s.kind === 'math') {
      // A short formula is braced: KaTeX gives it no break point, so "f = ½(ŷ − y)²" is not split after its "=".
      const html = glyphCount(s.latex) <= SHORT_FORMULA ? typeset(s.latex, `{${s.latex}}`) : mathHtml(s.latex);
      const breakable = html.indexOf('class="katex-base"') !== html.lastIndexOf('class="katex-base"');
      if (breakable) apart(html);
      else touch(html, true);
    } else {
      for (const piece of s.text.split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s/.test(piece)) apart(escapeHtml(piece));
        else touch(symbolSpans(escapeHtml(piece)), false);
      }
    }
  }
  return units.map((u) => (u.math && u.words ? `<span class="nw">${u.html}</span>` : u.html)).join('');
}

/**
 * Math symbols written as Unicode in prose (σ′(z)·∂z/∂w₁) set in a font that has them. The body
 * font, KaTeX_Main, draws ′ as a superscript-sized prime (it reads as "σ/") and · as a glyph that
 * Chromium can only embed as a Type 3 font; Greek, sub/superscripts, ŷ and arrows it lacks.
 */
const SYMBOLS = /[\u00b7\u0177\u0302\u0370-\u03ff\u2032-\u2037\u2070-\u209f\u2190-\u22ff]+/g;

function symbolSpans(html: string): string {
  return html.replace(SYMBOLS, (run) => `<span class="u">${run}</span>`);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

let css: string | undefined;

/** katex.min.css with each font as a woff2 data: URI (woff and ttf fallbacks dropped: Chromium reads woff2). */
export function katexCss(): string {
  if (css !== undefined) return css;
  const dist = katexDist();
  const source = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  const fonts = new Map<string, string>();
  const inlined = source.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^;}]*/g, (_, font: string) => {
    let uri = fonts.get(font);
    if (uri === undefined) {
      uri = `data:font/woff2;base64,${readFileSync(join(dist, 'fonts', `${font}.woff2`)).toString('base64')}`;
      fonts.set(font, uri);
    }
    return `src:url(${uri}) format("woff2")`;
  });
  if (/url\((?!data:)/.test(inlined)) throw new Error('katex.min.css refers to a file that was not inlined; update src/render/katex.ts');
  css = inlined;
  return css;
}

function katexDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('katex/package.json')), 'dist');
}
