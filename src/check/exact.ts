/**
 * An exact second look at a numeric "correct". Two rational functions (numbers, variables, + − ×,
 * ÷ and whole powers: no σ, no exp, no π) that agree at every test point to 1e-9 may still differ
 * by less: 2x + 10⁻¹⁰ for the derivative of x². Evaluated exactly at rational points, they are
 * equal or they are not, so such an answer is not called correct.
 */
import type { Expr } from '../expr/types.js';
import { freeSymbols, size } from '../expr/traverse.js';
import { evaluateExact } from '../numeric/evaluate.js';
import { isInteger, ratText, rat, type Rational } from '../rational.js';
import { InputError } from '../errors.js';

/** Larger expressions are left to the numeric verdict: exact evaluation grows with them. */
const MAX_SIZE = 2000;
/** Whole powers up to this size are evaluated (x¹⁰⁰⁰ of a fraction is a long number, but exact). */
const MAX_EXPONENT = 64;

/** Whether `e` is a rational function with whole exponents: its value at rational points is rational. */
function rationalFunction(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return true;
    case 'add':
      return e.terms.every(rationalFunction);
    case 'mul':
      return e.factors.every(rationalFunction);
    case 'pow':
      return e.exp.kind === 'num' && isInteger(e.exp.value) && Math.abs(Number(e.exp.value.valueOf())) <= MAX_EXPONENT && rationalFunction(e.base);
    case 'vector':
      return e.items.every(rationalFunction);
    case 'matrix':
      return e.entries.every(rationalFunction);
    default:
      return false;
  }
}

const entries = (e: Expr): readonly Expr[] => (e.kind === 'vector' ? e.items : e.kind === 'matrix' ? e.entries : [e]);

export interface ExactDifference {
  /** The variables and their values, as "x = 3/11, y = 5/12". */
  readonly at: string;
  /** Which entry differs, "(2, 1)", for a vector or matrix; '' for a number. */
  readonly entry: string;
  readonly expected: string;
  readonly answer: string;
}

/**
 * A point where `expected` and `answer`, both rational functions of the same shape, have different
 * exact values; undefined when they agree at the points tried or either is not such a function.
 * The points are fixed small fractions, distinct for each variable (3/11, 5/12, … and 8/12, 10/13, …);
 * a point where either side is undefined (a pole) is skipped.
 */
export function exactDifference(expected: Expr, answer: Expr): ExactDifference | undefined {
  if (size(expected) + size(answer) > MAX_SIZE || !rationalFunction(expected) || !rationalFunction(answer)) return undefined;
  const want = entries(expected);
  const got = entries(answer);
  if (want.length !== got.length) return undefined;
  const vars = [...new Set([...freeSymbols(expected), ...freeSymbols(answer)])].sort();
  for (let p = 0; p < 2; p++) {
    const values: Record<string, Rational> = Object.fromEntries(vars.map((v, k) => [v, rat(3 + 2 * k + 5 * p, 11 + k + p)]));
    for (let i = 0; i < want.length; i++) {
      const [a, b] = [exactly(want[i], values), exactly(got[i], values)];
      if (a === undefined || b === undefined) continue;
      if (!a.equals(b)) {
        const cols = expected.kind === 'matrix' ? expected.cols : 1;
        const entry = want.length === 1 ? '' : `(${Math.floor(i / cols) + 1}, ${(i % cols) + 1})`;
        return { at: vars.map((v) => `${v} = ${ratText(values[v])}`).join(', '), entry, expected: ratText(a), answer: ratText(b) };
      }
    }
  }
  return undefined;
}

function exactly(e: Expr, values: Readonly<Record<string, Rational>>): Rational | undefined {
  try {
    return evaluateExact(e, values);
  } catch (e) {
    // An operation with no value at this point: nothing to compare.
    if (e instanceof InputError || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The difference in words: values agree to many digits, so both are given exactly. */
export function exactDifferenceMessage(d: ExactDifference): string {
  const where = d.entry ? ` in entry ${d.entry}` : '';
  return `Not equal to the expected answer, though close: at ${d.at}, the expected value${where} is exactly ${d.expected} but yours is ${d.answer}.`;
}
