/**
 * How much an exercise gives the key to typeset, and the most a key can hold.
 *
 * Written out in the network's parameters, partials grow exponentially with depth: a
 * matrix-gradients exercise on a 4-4-4-4 sigmoid network would set 799,504 characters of
 * formulas, about 133 pages; such keys crashed Chromium (100 MB of HTML). Refusing such an exercise up front, with the parameter to
 * change, is kinder than a build that runs for minutes and fails. Measured on this tool's own
 * keys: ≈ 6,000 characters of formulas fill a printed page, and a 119-page key (740,000
 * characters) printed in about 3 minutes.
 */
import type { Exercise } from './types.js';
import { toLatex } from '../print/latex.js';

/** One exercise's formulas: about 30 pages of the key. */
export const MAX_EXERCISE_LATEX = 200_000;
/** One sheet's formulas: about 130 pages of the key. */
export const MAX_SHEET_LATEX = 800_000;
/** Characters of formulas on a printed page of a key, measured (rounded). */
const LATEX_PER_PAGE = 6_000;

/** Characters of LaTeX the key sets for an exercise: its prompt, answers (with cases and notes) and worked steps. */
export function latexSize(ex: Exercise): number {
  let n = 0;
  for (const b of ex.prompt) n += b.kind === 'math' ? b.latex.length : b.kind === 'text' ? b.text.length : 0;
  for (const a of ex.answers) {
    n += a.label.length + toLatex(a.value).length;
    for (const c of a.cases ?? []) n += toLatex(c.value).length + toLatex(c.when.expr).length;
    for (const note of a.notes ?? []) n += note.length;
  }
  for (const s of ex.steps) n += s.latex.length + s.becauseLatex.length;
  return n;
}

/** "about 190 pages": the printed length a size comes to. */
export function pagesOf(latexChars: number): string {
  const pages = Math.max(1, Math.round(latexChars / LATEX_PER_PAGE));
  return `about ${pages} ${pages === 1 ? 'page' : 'pages'}`;
}
