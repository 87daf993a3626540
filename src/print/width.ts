/**
 * Whether a matrix or vector fits on a line of a sheet when set whole. Shared by the key's answers
 * (render/describe.ts sets a wide one entry by entry) and by the exercises whose worked steps would
 * otherwise restate it whole.
 */
import type { Expr } from '../expr/types.js';
import { toLatex } from './latex.js';
import { glyphCount } from './glyphs.js';

/**
 * A matrix row or vector entry that shows more glyphs than this (counting two for each entry's
 * spacing) is too wide for a line of the key: set whole, the matrix would have to shrink. Measured
 * with "∇_{b⁽¹⁾}f = " before it: the lecture's entry, (ŷ − y) written out with σ, counts 62 and is
 * 596 px, just inside a worked step's line; with ReLU it counts 71 and is 698 px, past the 673 px
 * text block. Characters of the text form measured this worse: `relu'` and `sigma` are both five.
 */
const WIDEST_ROW = 60;

/** The rows of a matrix or vector (a vector's entries one a row), or undefined for a scalar. */
export function rowsOf(v: Expr): Expr[][] | undefined {
  if (v.kind === 'matrix') return Array.from({ length: v.rows }, (_, i) => v.entries.slice(i * v.cols, (i + 1) * v.cols));
  if (v.kind === 'vector') return v.items.map((x) => [x]);
  return undefined;
}

/** A matrix or vector of more than one entry with a row too wide to set whole on a line. */
export function tooWideToSetWhole(v: Expr): boolean {
  const rows = rowsOf(v);
  return rows !== undefined && rows.length * rows[0].length > 1 && rows.some((row) => row.reduce((n, x) => n + glyphCount(toLatex(x)) + 2, 0) > WIDEST_ROW);
}

/** The glyphs of a matrix's or vector's widest row, counted as tooWideToSetWhole counts them (0 for a scalar). */
export function widestRow(v: Expr): number {
  const rows = rowsOf(v) ?? [];
  return Math.max(0, ...rows.map((row) => row.reduce((n, x) => n + glyphCount(toLatex(x)) + 2, 0)));
}

/** The glyphs of the label WIDEST_ROW was measured after, ∇_{b⁽¹⁾}f = . */
const MEASURED_LABEL = glyphCount('\\nabla_{\\mathbf{b}^{(1)}} f =');

/**
 * Matrices set side by side on one line after a label (∂f/∂g|_{u = g(x)} = A = B, or AB = C): too
 * wide when one of them is, or their widest rows together are, counting what the label shows
 * beyond the one WIDEST_ROW was measured with. Each alone may fit while the line does not: a 3×4
 * Jacobian of 56 glyphs a row after "∂f/∂g|_{u = g(x)} =" ran 88 pt into the LaTeX margin.
 */
export function tooWideSideBySide(vs: readonly Expr[], label = ''): boolean {
  const extra = Math.max(0, glyphCount(label) - MEASURED_LABEL);
  return vs.some(tooWideToSetWhole) || extra + vs.reduce((n, v) => n + widestRow(v), 0) > WIDEST_ROW;
}

/**
 * Lines of a page a matrix or vector may take when set whole: a row counts one line, two when it
 * holds a fraction (set with extra room between rows). The text block holds about 49 rows of
 * integers; the 40 updated parameters of a 4-4-4 gradient step, most of them fractions, were a
 * column taller than the page (Chromium cut it at the page break, pdflatex ran it off the page).
 */
const TALLEST = 44;

/** A matrix or vector too tall to set whole on one page (see TALLEST). */
export function tooTallToSetWhole(v: Expr): boolean {
  const rows = rowsOf(v);
  return rows !== undefined && rows.reduce((n, row) => n + (row.some((x) => /\\[dt]?frac\{/.test(toLatex(x))) ? 2 : 1), 0) > TALLEST;
}
