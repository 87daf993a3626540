/**
 * Sentences that mention expressions ("Only the term w5*sigma(z) depends on w1"), kept as parts
 * so that each output can typeset the expressions its own way: text for the terminal and JSON,
 * LaTeX for answer keys.
 */
import type { Expr } from '../expr/types.js';
import { toText } from '../print/text.js';
import { toLatex } from '../print/latex.js';

export type Prose = readonly (string | Expr)[];

export function proseText(p: Prose): string {
  return p.map((x) => (typeof x === 'string' ? x : toText(x))).join('');
}

/** Prose with inline math between `$…$` (KaTeX's auto-render convention). */
export function proseLatex(p: Prose): string {
  return p.map((x) => (typeof x === 'string' ? x : `$${toLatex(x)}$`)).join('');
}
