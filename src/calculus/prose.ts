/**
 * Sentences that mention expressions ("Only the term w5*sigma(z) depends on w1"), kept as parts
 * so that each output can typeset the expressions its own way: text for the terminal and JSON,
 * LaTeX for answer keys.
 */
import type { Expr } from '../expr/types.js';
import { toText } from '../print/text.js';
import { toLatex } from '../print/latex.js';

/** Math that is not an expression (a rule's general form, c·σ(z)), given in both forms. */
export interface ProseMath {
  readonly text: string;
  readonly latex: string;
}

export type Prose = readonly (string | Expr | ProseMath)[];

export const proseMath = (text: string, latex = text): ProseMath => ({ text, latex });

/** Any expression type with a `kind` tag (Expr here, MatExpr in linalg), beside ProseMath which has none. */
type Tagged = { readonly kind: string };

const isMath = <T extends Tagged>(x: T | ProseMath): x is ProseMath => !('kind' in x);

/** A sentence as text, each expression printed by `text`. */
export function sentenceText<T extends Tagged>(p: readonly (string | T | ProseMath)[], text: (x: T) => string): string {
  return p.map((x) => (typeof x === 'string' ? x : isMath(x) ? x.text : text(x))).join('');
}

/**
 * A sentence with inline math between `$…$` (KaTeX's auto-render convention). Math parts that
 * touch share one `$…$`, and so do two joined by a bare " = ": "$c = v$", not "$c$ = $v$".
 */
export function sentenceLatex<T extends Tagged>(p: readonly (string | T | ProseMath)[], latex: (x: T) => string): string {
  let out = '';
  let inMath = false;
  for (const [i, x] of p.entries()) {
    if (typeof x === 'string' && inMath && x.trim() === '=' && i + 1 < p.length && typeof p[i + 1] !== 'string') {
      out += ' =';
    } else if (typeof x === 'string') {
      out += (inMath ? '$' : '') + x;
      inMath = false;
    } else {
      out += (inMath ? ' ' : '$') + (isMath(x) ? x.latex : latex(x));
      inMath = true;
    }
  }
  return inMath ? `${out}$` : out;
}

export const proseText = (p: Prose): string => sentenceText(p, toText);
export const proseLatex = (p: Prose): string => sentenceLatex(p, toLatex);
