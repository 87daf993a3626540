/**
 * Exact rational numbers. mathjs's Fraction (fraction.js, bigint-backed) does the arithmetic;
 * this module gives it the few extra operations the core needs and a fixed vocabulary.
 */
import { Fraction, type FractionType } from './mathjs.js';

export type Rational = FractionType;

export const ZERO: Rational = new Fraction(0);
export const ONE: Rational = new Fraction(1);
export const MINUS_ONE: Rational = new Fraction(-1);

export function rat(n: number | bigint | string, d: number | bigint = 1): Rational {
  if (typeof n === 'string') return new Fraction(n);
  return new Fraction(n, d);
}

/** Exact rational from a finite float (every finite double is a dyadic rational). */
export function ratFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return new Fraction(BigInt(x), 1n);
  return ratFromDecimal(String(x));
}

/**
 * The largest written exponent of decimal text, either way: 1e1000 and 1e-1000. 10^1000 is a
 * 3,322-bit integer, made in microseconds; 1e999999999 would be a 415 MB BigInt. Digits written out
 * are not limited here (0.000…1 with 5,000 zeros is fine): the input's length limits them.
 */
export const MAX_DECIMAL_EXPONENT = 1000;

/** Exact rational from decimal text such as `0.1`, `-2.50`, `1e-7`, `3.2E+4`, `2.`, `.5`. */
export function ratFromDecimal(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${text}`);
  const [, sign, whole, frac = '', expText] = m;
  const written = expText ? Number(expText) : 0;
  if (!(Math.abs(written) <= MAX_DECIMAL_EXPONENT)) throw new RangeError(`exponent out of range: ${text}`);
  const digits = BigInt((whole || '0') + frac);
  const exp = written - frac.length;
  let n = sign === '-' ? -digits : digits;
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return new Fraction(n, d);
}

export const isZero = (q: Rational): boolean => q.n === 0n;
export const isOne = (q: Rational): boolean => q.s === 1n && q.n === 1n && q.d === 1n;
export const isMinusOne = (q: Rational): boolean => q.s === -1n && q.n === 1n && q.d === 1n;
export const isInteger = (q: Rational): boolean => q.d === 1n;
export const isNegative = (q: Rational): boolean => q.s < 0n && q.n !== 0n;
export const numerator = (q: Rational): bigint => q.s * q.n;
export const denominator = (q: Rational): bigint => q.d;

/** Exact power when the result is rational (integer exponents always; roots of perfect powers). */
export function ratPow(base: Rational, exp: Rational): Rational | undefined {
  if (isZero(base)) {
    if (isNegative(exp) || isZero(exp)) return isZero(exp) ? ONE : undefined;
    return ZERO;
  }
  if (isInteger(exp)) {
    const e = numerator(exp);
    // Keep exact results small: 2^4096 is exact but no worksheet wants it. The exponent cap alone
    // let (2^4096)^4096 through: 16.7 million bits, 13.6 s to build from a 13-character input.
    if (e > 4096n || e < -4096n) return undefined;
    const bits = BigInt(Math.max(bitLength(base.n), bitLength(base.d)));
    if (bits * (e < 0n ? -e : e) > MAX_EXACT_BITS) return undefined;
    return base.pow(exp);
  }
  if (isNegative(base)) return undefined;
  // A root p/q: exact integer q-th roots by Newton's method. fraction.js's pow factorises n and d by
  // trial division, which took 1.9 s for (0.1234567890123457·0.9876543210987653)^(1/2) and grows
  // with the square root of the largest prime factor (minutes for a 40-digit numerator).
  if (exp.d > 4096n) return undefined;
  const n = intRoot(base.n, exp.d);
  const d = n === undefined ? undefined : intRoot(base.d, exp.d);
  if (n === undefined || d === undefined) return undefined;
  return ratPow(new Fraction(n, d), new Fraction(numerator(exp)));
}

/** 65,536 bits (≈ 19,700 digits): far beyond any worksheet number, and still microseconds of work. */
const MAX_EXACT_BITS = 65_536n;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length;
}

/** The exact k-th root of n ≥ 0 when n is a perfect k-th power, else undefined. */
function intRoot(n: bigint, k: bigint): bigint | undefined {
  if (n < 2n || k === 1n) return n;
  // Newton's iteration x ← ((k−1)x + n/x^(k−1))/k from above converges to ⌊n^(1/k)⌋.
  let x = 1n << BigInt(Math.ceil(bitLength(n) / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  return x ** k === n ? x : undefined;
}

/** A short key that is equal for equal rationals (used in hashing). */
export const ratKey = (q: Rational): string => (isNegative(q) ? '-' : '') + q.n.toString() + '/' + q.d.toString();

/** Text in the parser's syntax: `3`, `-3/4`. */
export const ratText = (q: Rational): string =>
  (isNegative(q) ? '-' : '') + q.n.toString() + (q.d === 1n ? '' : '/' + q.d.toString());

/** gcd of numerators over lcm of denominators: the rational "content" of a list. */
export function ratContent(qs: readonly Rational[]): Rational {
  let g = 0n;
  let l = 1n;
  for (const q of qs) {
    g = bigGcd(g, q.n);
    l = (l / bigGcd(l, q.d)) * q.d;
  }
  return g === 0n ? ZERO : new Fraction(g, l);
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
