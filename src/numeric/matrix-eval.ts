/**
 * Values of expressions whose symbols stand for numbers or matrices: the lecture's forward pass
 * ŷ = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ with W, x, b bound to rational matrices comes out exactly.
 *  - Arithmetic is exact (rationals) wherever it can be; an entry becomes a float only when an
 *    irrational appears (π, sigmoid(−2)), and only that entry.
 *  - A product of matrices is the matrix product, in the order written; a number times a matrix
 *    scales it; a sum needs equal shapes. A vector [a, b] is a column, as in the lecture.
 *  - One-argument functions (activations) apply entry by entry; transpose(W) (W', Wᵀ, W^T) flips.
 *  - A 1×1 matrix also acts as a number where a matrix cannot (in a sum with a number, a power,
 *    or a product whose shapes do not fit), so (W⁽²⁾h − y)^2 works for one output.
 * Why the order is safe: a product's normal form (src/expr/build.ts) moves only its numeric
 * coefficient (first) and factors with negative exponents (last). Numbers commute with matrices,
 * and a negative power of a matrix (an inverse) is rejected, so the order of matrices is the
 * order written.
 *
 * Syntax:   evaluateValue(parse('W*x + b'), new Map([['W', …], ['x', …], ['b', …]]))
 * See also: ./value-format.ts (printing), ./evaluate.ts (scalar floats, compiled)
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import { add, mul, sym } from '../expr/build.js';
import { InputError } from '../errors.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import type { OpSpec } from '../ops/types.js';
import { toText } from '../print/text.js';
import { isNegative, isZero, ratPow, ZERO, type Rational } from '../rational.js';
import { rawDerivative } from '../calculus/differentiate.js';
import { expandKnownDerivative } from '../calculus/rules.js';
import { canMultiply, productMismatch, shapeText, ShapeError } from '../calculus/matrix-ops.js';

export type Scalar =
  | { readonly kind: 'exact'; readonly value: Rational }
  | { readonly kind: 'float'; readonly value: number };

export interface MatrixValue {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  /** Row-major. */
  readonly entries: readonly Scalar[];
}

export type Value = Scalar | MatrixValue;

export const exact = (value: Rational): Scalar => ({ kind: 'exact', value });
export const float = (value: number): Scalar => ({ kind: 'float', value });

export function matrixValue(rows: number, cols: number, entries: readonly Scalar[]): MatrixValue {
  if (entries.length !== rows * cols) throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} entries`);
  return { kind: 'matrix', rows, cols, entries };
}

export function toNumber(s: Scalar): number {
  return s.kind === 'exact' ? s.value.valueOf() : s.value;
}

/** Every entry is an exact rational. */
export function isExactValue(v: Value): boolean {
  return v.kind === 'matrix' ? v.entries.every((s) => s.kind === 'exact') : v.kind === 'exact';
}

/** "a number" or "a 2×3 matrix", for messages. */
export function describeValue(v: Value): string {
  return v.kind === 'matrix' ? `a ${shapeText(v)} matrix` : 'a number';
}

export type ValueEnv = ReadonlyMap<string, Value>;

/** The value of `e` with its symbols bound in `env`. Throws InputError (one line, naming the part). */
export function evaluateValue(e: Expr, env: ValueEnv): Value {
  return new Evaluator(env).value(e);
}

// ---- scalar arithmetic ------------------------------------------------------------------------

function finite(x: number, where: string): Scalar {
  if (!Number.isFinite(x)) throw new InputError(`${where}: no finite real value`);
  return float(x);
}

function addS(a: Scalar, b: Scalar): Scalar {
  return a.kind === 'exact' && b.kind === 'exact' ? exact(a.value.add(b.value)) : float(toNumber(a) + toNumber(b));
}

function mulS(a: Scalar, b: Scalar): Scalar {
  if (a.kind === 'exact' && b.kind === 'exact') return exact(a.value.mul(b.value));
  // 0·x is exactly 0 for every finite x, irrational or not.
  if (a.kind === 'exact' && isZero(a.value)) return a;
  if (b.kind === 'exact' && isZero(b.value)) return b;
  return float(toNumber(a) * toNumber(b));
}

function powS(a: Scalar, b: Scalar, where: string): Scalar {
  if (a.kind === 'exact' && b.kind === 'exact') {
    if (isZero(a.value) && isNegative(b.value)) throw new InputError(`${where}: division by zero`);
    const r = ratPow(a.value, b.value);
    if (r !== undefined) return exact(r);
  }
  if (toNumber(a) === 0 && toNumber(b) < 0) throw new InputError(`${where}: division by zero`);
  const x = Math.pow(toNumber(a), toNumber(b));
  // Beyond exact arithmetic's limits (ratPow) a float may overflow or underflow: (1/3)^5000 is not 0.
  if (!Number.isFinite(x) && !Number.isNaN(x) && Number.isFinite(toNumber(a)) && Number.isFinite(toNumber(b))) {
    throw new InputError(`${where}: too large to compute (beyond ${Number.MAX_VALUE.toExponential(1)}, and too large to keep exact)`);
  }
  if (x === 0 && toNumber(a) !== 0) throw new InputError(`${where}: too small to compute (below ${Number.MIN_VALUE.toExponential(1)}, and too large to keep exact)`);
  return finite(x, where);
}

function applyOp(op: OpSpec, args: readonly Scalar[], where: string): Scalar {
  const qs = args.flatMap((a) => (a.kind === 'exact' ? [a.value] : []));
  if (op.exact && qs.length === args.length) {
    const r = op.exact(qs);
    if (r !== undefined) return exact(r);
  }
  return finite(op.eval(args.map(toNumber)), where);
}

/** Apply a function of numbers to a number, or to every entry of a matrix. */
function entrywise(v: Value, f: (s: Scalar) => Scalar): Value {
  return v.kind === 'matrix' ? matrixValue(v.rows, v.cols, v.entries.map(f)) : f(v);
}

/** A 1×1 matrix as its entry; anything else unchanged. */
function unwrap(v: Value): Value {
  return v.kind === 'matrix' && v.rows === 1 && v.cols === 1 ? v.entries[0] : v;
}

// ---- matrix arithmetic ------------------------------------------------------------------------

function addValues(a: Value, b: Value, where: () => string): Value {
  if (a.kind !== 'matrix' && b.kind !== 'matrix') return addS(a, b);
  if (a.kind === 'matrix' && b.kind === 'matrix' && a.rows === b.rows && a.cols === b.cols) {
    return matrixValue(a.rows, a.cols, a.entries.map((x, i) => addS(x, b.entries[i])));
  }
  const [ua, ub] = [unwrap(a), unwrap(b)];
  if (ua.kind !== 'matrix' && ub.kind !== 'matrix') return matrixValue(1, 1, [addS(ua, ub)]);
  const shape = (v: Value): string => (v.kind === 'matrix' ? shapeText(v) : 'a number');
  throw new InputError(`${where()}: ${shape(a)} plus ${shape(b)}; a sum needs equal shapes`);
}

function mulValues(a: Value, b: Value, where: () => string): Value {
  if (a.kind !== 'matrix' && b.kind !== 'matrix') return mulS(a, b);
  if (a.kind !== 'matrix') return entrywise(b, (s) => mulS(a, s));
  if (b.kind !== 'matrix') return entrywise(a, (s) => mulS(s, b));
  if (canMultiply(a, b)) {
    const out: Scalar[] = [];
    for (let i = 0; i < a.rows; i++) {
      for (let j = 0; j < b.cols; j++) {
        let s: Scalar | undefined;
        for (let k = 0; k < a.cols; k++) {
          const p = mulS(a.entries[i * a.cols + k], b.entries[k * b.cols + j]);
          s = s ? addS(s, p) : p;
        }
        out.push(s ?? exact(ZERO));
      }
    }
    return matrixValue(a.rows, b.cols, out);
  }
  const [ua, ub] = [unwrap(a), unwrap(b)];
  if (ua.kind !== 'matrix' || ub.kind !== 'matrix') return mulValues(ua, ub, where);
  // Two columns: most likely a row typed as [a, b], which (as in the lecture) is a column.
  const hint = a.cols === 1 && b.cols === 1 ? "; [a, b] is a column: write a row as [[a, b]] or transpose with '" : '';
  throw new ShapeError(`${where()}: ${productMismatch(a, b)}${hint}`, a, b);
}

// ---- the evaluator ----------------------------------------------------------------------------

class Evaluator {
  private readonly memo = new Map<Expr, Value>();

  constructor(private readonly env: ValueEnv) {}

  value(e: Expr): Value {
    const hit = this.memo.get(e);
    if (hit) return hit;
    const v = this.compute(e);
    this.memo.set(e, v);
    return v;
  }

  private compute(e: Expr): Value {
    switch (e.kind) {
      case 'num':
        return exact(e.value);
      case 'sym': {
        const v = this.env.get(e.name);
        if (!v) throw new InputError(`no value for ${e.name}`);
        return v;
      }
      case 'const':
        return float(e.name === 'pi' ? Math.PI : Math.E);
      case 'add': {
        let acc = this.value(e.terms[0]);
        for (let i = 1; i < e.terms.length; i++) {
          acc = addValues(acc, this.value(e.terms[i]), () => toText(add(...e.terms.slice(0, i + 1))));
        }
        return acc;
      }
      case 'mul': {
        let acc = this.value(e.factors[0]);
        for (let i = 1; i < e.factors.length; i++) {
          acc = mulValues(acc, this.value(e.factors[i]), () => toText(mul(...e.factors.slice(0, i + 1))));
        }
        return acc;
      }
      case 'pow':
        return this.power(e);
      case 'call':
        return this.call(e);
      case 'deriv':
        return this.deriv(e);
      case 'vector':
        return matrixValue(e.items.length, 1, e.items.map((x, i) => this.entry(x, i, e)));
      case 'matrix':
        return matrixValue(e.rows, e.cols, e.entries.map((x, i) => this.entry(x, i, e)));
      case 'diff':
        throw new InputError(`${toText(e)}: a pending derivative has no value; differentiate first`);
      default:
        return assertNever(e);
    }
  }

  /** An entry of a bracketed list must be a number (block matrices are not supported). */
  private entry(x: Expr, i: number, whole: Expr): Scalar {
    const v = unwrap(this.value(x));
    if (v.kind === 'matrix') throw new InputError(`${toText(whole)}: entry ${i + 1} is ${describeValue(v)}; entries must be numbers`);
    return v;
  }

  private power(e: Expr & { kind: 'pow' }): Value {
    const where = toText(e);
    const exp = unwrap(this.value(e.exp));
    if (exp.kind === 'matrix') throw new InputError(`${where}: the exponent is ${describeValue(exp)}; it must be a number`);
    const base = unwrap(this.value(e.base));
    if (base.kind !== 'matrix') return powS(base, exp, where);
    if (exp.kind === 'exact' && exp.value.equals(1)) return base;
    if (toNumber(exp) < 0) throw new InputError(`${where}: dividing by ${describeValue(base)} (an inverse) is not supported`);
    throw new InputError(`${where}: powers of ${describeValue(base)} are not supported; write a product such as W*W`);
  }

  private call(e: Expr & { kind: 'call' }): Value {
    const where = toText(e);
    const args = e.args.map((a) => this.value(a));
    if (e.fn === 'transpose') return transposeValue(args[0]);
    const op = lookupOp(e.fn);
    if (!op) throw new InputError(`${where}: ${e.fn} is an abstract function with no values; use sigmoid, relu, tanh or identity`);
    if (args.length === 1) return entrywise(args[0], (s) => applyOp(op, [s], where));
    return applyOp(op, scalars(args, where, e.fn), where);
  }

  private deriv(e: Expr & { kind: 'deriv' }): Value {
    const where = toText(e);
    const args = e.args.map((a) => this.value(a));
    const special = lookupDerivativeOp(e.fn, e.orders);
    if (special) {
      if (args.length === 1) return entrywise(args[0], (s) => applyOp(special, [s], where));
      return applyOp(special, scalars(args, where, e.fn), where);
    }
    if (!lookupOp(e.fn)) throw new InputError(`${where}: ${e.fn} is an abstract function with no values; use sigmoid, relu, tanh or identity`);
    // sigmoid′(z) = sigmoid(z)·(1 − sigmoid(z)) applies entry by entry: write it out in a
    // placeholder ($ never comes from the parser) and evaluate it once per entry.
    const names = e.args.map((_, i) => `$a${i + 1}`);
    const formula = expandKnownDerivative(e.fn, e.orders, names.map(sym), rawDerivative);
    const at = (xs: readonly Scalar[]): Scalar => {
      const v = evaluateValue(formula, new Map(names.map((n, i) => [n, xs[i]])));
      if (v.kind === 'matrix') throw new Error('a derivative formula of numbers gave a matrix');
      return v;
    };
    if (args.length === 1) return entrywise(args[0], (s) => at([s]));
    return at(scalars(args, where, e.fn));
  }
}

function scalars(args: readonly Value[], where: string, fn: string): Scalar[] {
  return args.map((a) => {
    const v = unwrap(a);
    if (v.kind === 'matrix') throw new InputError(`${where}: ${fn} of several arguments takes numbers, not ${describeValue(v)}`);
    return v;
  });
}

function transposeValue(v: Value): Value {
  if (v.kind !== 'matrix') return v;
  const out: Scalar[] = [];
  for (let j = 0; j < v.cols; j++) for (let i = 0; i < v.rows; i++) out.push(v.entries[i * v.cols + j]);
  return matrixValue(v.cols, v.rows, out);
}
