/**
 * A name before `(` that is no function. It used to be read as a product, so a typo gave a wrong
 * answer with exit 0: `sigmod(w*x)` was sigmod·w·x, and its derivative in w was sigmod·x. Now:
 *  - a name with a digit, or of one letter, is still a product, as the input syntax always read it:
 *    w1(x + 1), x2(w5 + 1), w(x + 1);
 *  - so are the Greek letters (η(g1 + g2), δ(1 − δ)), pi, yhat (ŷ(1 − ŷ)) and any name the caller
 *    says is a variable (the checker: the exercise's variables and names that split into them, uw);
 *  - any other name of two or more letters is an error that suggests the nearest function, or says
 *    how to write a product: "unknown function 'sigmod'; did you mean sigmoid?". A name that differs
 *    from a function only in case (relU, Sigma, Tanh) is always a typo of it, Greek or not.
 */
import { ABSTRACT_FUNCTION_NAMES, allOps } from '../ops/registry.js';
import { GREEK } from './latex-lexer.js';

export interface KnownNames {
  /** Names declared as abstract functions (--functions). */
  readonly functions: readonly string[];
  /** The reader's aliases of function names (ln, ReLU, …). */
  readonly aliases: readonly string[];
  /** Names that are variables here, read as a product before `(`. */
  readonly isVariable?: (name: string) => boolean;
}

/** Names of the notation that are no functions: π and ŷ. */
const NAMED_SYMBOLS = new Set(['pi', 'yhat']);
/** Calls the readers accept besides the operator table and the abstract functions. */
const SPECIAL_CALLS = ['max', 'min', 'pow', 'transpose'];

/** Why `name(…)` cannot be read, or undefined when it is a product (a name times a parenthesis). */
export function unknownFunction(name: string, known: KnownNames): string | undefined {
  if (!/^[A-Za-z]{2,}$/.test(name) || known.isVariable?.(name)) return undefined;
  const names = [...allOps().map((op) => op.name), ...SPECIAL_CALLS, ...ABSTRACT_FUNCTION_NAMES, ...known.aliases, ...known.functions];
  const lower = name.toLowerCase();
  const sameLetters = names.find((n) => n.toLowerCase() === lower);
  if (sameLetters === undefined && (GREEK.has(name) || NAMED_SYMBOLS.has(name))) return undefined;
  const suggestion = sameLetters ?? nearest(lower, names);
  return `unknown function '${name}'; ${suggestion === undefined ? `write ${name}*(…) for a product` : `did you mean ${suggestion}?`}`;
}

/**
 * The known name fewest edits away, ignoring case: at most 2 edits, and fewer for short names (1 for
 * three or four letters, none for two), so foo is not "cos" and ex is not "exp". Ties go to the
 * earlier name (the operator table's order).
 */
function nearest(lower: string, names: readonly string[]): string | undefined {
  const limit = lower.length <= 2 ? 0 : lower.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const n of names) {
    const d = editDistance(lower, n.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [n, d];
  }
  return best;
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: sigmiod → sigmoid is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
