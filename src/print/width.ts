/**
 * Whether a formula, a matrix or a vector fits on a line of a sheet when set whole. Shared by the
 * key's answers (render/describe.ts sets a wide one entry by entry) and by the exercises whose
 * worked steps would otherwise restate it whole or set it beside others.
 */
import type { Expr } from '../expr/types.js';
import { toLatex } from './latex.js';
import { keepShortGroups } from './groups.js';
import { pieceWidths } from './measure.js';

/**
 * The widest a piece of a formula may be, in em of its font (print/measure.ts), to fit on a line of
 * the key. The narrowest such line is a worked step's continuation line in the LaTeX export: the
 * 160 mm text block less the list's indent (2.5 em) and \answerline's (3.5 em) is 389.5 pt, 35.6 em
 * at 11 pt. The HTML's are wider in em (a step's is 160 mm in KaTeX's 12.1 pt: 37.5 em), so what
 * fits the LaTeX line fits there too. Half an em is left for the measure's error: on 1,357 lines
 * wider than 25 em from the keys of 600 random sheets, it was never more than 1 % under pdflatex's
 * width, nor more than 3 % over.
 */
export const LINE_EM = 35;

/** The rows of a matrix or vector (a vector's entries one a row), or undefined for a scalar. */
export function rowsOf(v: Expr): Expr[][] | undefined {
  if (v.kind === 'matrix') return Array.from({ length: v.rows }, (_, i) => v.entries.slice(i * v.cols, (i + 1) * v.cols));
  if (v.kind === 'vector') return v.items.map((x) => [x]);
  return undefined;
}

/**
 * Whether a formula set on a line of its own (an \answerline, a display of the HTML) fits it: TeX
 * and KaTeX break it only after a relation or an operator at its top level, so each piece between
 * two such breaks, a bracketed matrix or a product of them, must fit on a line by itself. Short
 * parenthesized groups are kept whole, as both renderers set them (print/groups.ts).
 */
export function fitsALine(latex: string): boolean {
  return pieceWidths(keepShortGroups(latex)).every((w) => w <= LINE_EM);
}

/**
 * A matrix or vector of more than one entry too wide to set whole on a line. (One entry is set in
 * brackets of a fixed size that break after + like a sum: print/latex.ts bmatrixLatex.) Before this
 * was measured in em, a row of glyphs counted alike: three 4-term sums a row, 56 glyphs, were under
 * the 60 allowed, and ran 120 pt into the LaTeX margin.
 */
export function tooWideToSetWhole(v: Expr): boolean {
  const rows = rowsOf(v);
  return rows !== undefined && rows.length * rows[0].length > 1 && !fitsALine(toLatex(v));
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
