/** Shared by the printers: a product split into sign, coefficient, numerator and denominator. */
import type { Expr } from '../expr/types.js';
import { neg, num, pow } from '../expr/build.js';
import { isNegative, ONE, type Rational } from '../rational.js';

/** Binding strength of a printed form: a form is parenthesised where a stronger one is needed. */
export const enum Prec {
  Sum = 1,
  Product = 2,
  Power = 4,
  Atom = 5,
}

/** A printed form and how strongly it binds (the matrix printers bind by their own Prec). */
export interface Printed<P = Prec> {
  readonly s: string;
  readonly prec: P;
}

export interface ProductParts {
  readonly negative: boolean;
  /** |numerator| and denominator of the numeric coefficient. */
  readonly coefNum: bigint;
  readonly coefDen: bigint;
  /** Factors with a non-negative (or symbolic) exponent, in order. */
  readonly top: readonly Expr[];
  /** Denominator factors, with their exponents made positive (x^-2 → x^2, x^-1 → x). */
  readonly bottom: readonly Expr[];
}

export function productParts(factors: readonly Expr[]): ProductParts {
  let coef: Rational = ONE;
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'num') coef = coef.mul(f.value);
    else if (f.kind === 'pow' && f.exp.kind === 'num' && isNegative(f.exp.value)) {
      const e = f.exp.value.neg();
      bottom.push(e.equals(1) ? f.base : pow(f.base, num(e)));
    } else top.push(f);
  }
  return { negative: isNegative(coef), coefNum: coef.n, coefDen: coef.d, top, bottom };
}

/** Whether a term of a sum prints with a leading minus (so the sum shows "a - b"). */
export function isNegativeTerm(e: Expr): boolean {
  if (e.kind === 'num') return isNegative(e.value);
  if (e.kind === 'mul') return e.factors[0].kind === 'num' && isNegative(e.factors[0].value);
  return false;
}

/**
 * A sum as the printers write it: the first term as it prints, each other after " + ", or after
 * the minus sign and negated ("a - b", not "a + -b"), printed as an operand of a sum.
 */
export function joinTerms(terms: readonly Expr[], first: (e: Expr) => string, operand: (e: Expr) => string, minus: string): string {
  let s = first(terms[0]);
  for (const t of terms.slice(1)) s += isNegativeTerm(t) ? ` ${minus} ${operand(neg(t))}` : ` + ${operand(t)}`;
  return s;
}
