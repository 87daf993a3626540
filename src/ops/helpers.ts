/** Small builders shared by the operator tables. */
import type { Expr } from '../expr/types.js';
import { add, call, div, int, mul, neg, num, pow, sub } from '../expr/build.js';
import type { Rng } from '../numeric/rng.js';
import { isInteger, isNegative, isZero, numerator, ratFromNumber, ratPow, rat, type Rational } from '../rational.js';

export const fn = (name: string, ...args: Expr[]): Expr => call(name, args);
export const sq = (e: Expr): Expr => pow(e, int(2));
export const recip = (e: Expr): Expr => pow(e, int(-1));
export { add, div, int, mul, neg, num, pow, sub };

/** Samplers: uniform in a range, or in a range of either sign (avoids a neighbourhood of 0). */
export const range =
  (lo: number, hi: number) =>
  (rng: Rng, arity: number): number[] =>
    Array.from({ length: arity }, () => rng.uniform(lo, hi));
export const eitherSign =
  (lo: number, hi: number) =>
  (rng: Rng, arity: number): number[] =>
    Array.from({ length: arity }, () => rng.sign() * rng.uniform(lo, hi));

/**
 * Exact value of f at 0 when f(0) is a known rational; undefined elsewhere. The value goes through
 * ratFromNumber: rat(1/2) threw ("Parameters must be integer"), so simplify(sigmoid(0)) crashed.
 */
export const atZero =
  (value: number) =>
  (args: readonly Rational[]): Rational | undefined =>
    isZero(args[0]) ? ratFromNumber(value) : undefined;

/** Exact q-th root of a rational when it is rational. */
export function exactRoot(x: Rational, n: Rational): Rational | undefined {
  if (isZero(n)) return undefined;
  if (isNegative(x)) {
    // Odd integer roots of negatives are real: nthRoot(-8, 3) = -2.
    if (!isInteger(n) || numerator(n) % 2n === 0n) return undefined;
    const r = ratPow(x.neg(), n.inverse());
    return r?.neg();
  }
  return ratPow(x, n.inverse());
}

/** Exact logarithm base b of a rational when it is rational (integer powers only). */
export function exactLog(x: Rational, b: Rational): Rational | undefined {
  if (isNegative(x) || isZero(x) || isNegative(b) || isZero(b) || b.equals(1)) return undefined;
  if (x.equals(1)) return rat(0);
  // Try small integer exponents k with b^k = x.
  for (let k = -64; k <= 64; k++) {
    if (k === 0) continue;
    const p = ratPow(b, rat(k));
    if (p !== undefined && p.equals(x)) return rat(k);
  }
  return undefined;
}
