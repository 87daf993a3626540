/**
 * Constructors of matrix expressions. Each checks shapes and throws an InputError that names the
 * operands and their shapes ("cannot multiply W⁽²⁾ (1×2) by x (3×1): 2 ≠ 3"). Like the scalar
 * constructors they only flatten (a(bc) is abc, a + (b + c) is a + b + c); every other rewrite
 * is a rule with a reason (./rewrite.ts), so a derivation shows it.
 */
import type { Expr } from '../expr/types.js';
import type {
  Apply,
  Diag,
  Elementwise,
  Gradient,
  Group,
  Identity,
  Jacobian,
  MatExpr,
  MatSymbol,
  Neg,
  Scalar,
  Scale,
  Shape,
  SquaredNorm,
  Transpose,
  Zero,
} from './types.js';
import { InputError } from '../errors.js';
import { ONE, type Rational } from '../rational.js';
import { num } from '../expr/build.js';
import { matrixToText } from './print-text.js';

export const shapeText = (s: Shape): string => `${s.rows}×${s.cols}`;
const named = (e: MatExpr): string => `${matrixToText(e)} (${shapeText(e)})`;

function checkDimension(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${what} must be a whole number ≥ 1, got ${n}`);
}

export function matSymbol(name: string, rows: number, cols: number, layer?: number): MatSymbol {
  if (!/^[A-Za-z]+$/.test(name)) throw new InputError(`matrix symbol name must be letters only, got '${name}'`);
  checkDimension(rows, `rows of ${name}`);
  checkDimension(cols, `columns of ${name}`);
  if (layer !== undefined) checkDimension(layer, `layer of ${name}`);
  return layer === undefined ? { kind: 'symbol', name, rows, cols } : { kind: 'symbol', name, layer, rows, cols };
}

/** A column vector symbol n×1. */
export const vectorSymbol = (name: string, n: number, layer?: number): MatSymbol => matSymbol(name, n, 1, layer);

export function zero(rows: number, cols: number): Zero {
  checkDimension(rows, 'rows of 0');
  checkDimension(cols, 'columns of 0');
  return { kind: 'zero', rows, cols };
}

export function identity(n: number): Identity {
  checkDimension(n, 'size of I');
  return { kind: 'identity', rows: n, cols: n };
}

/** A·B·…: flattened, shapes chained (columns of each factor = rows of the next). */
export function product(...factors: readonly MatExpr[]): MatExpr {
  const flat: MatExpr[] = [];
  for (const f of factors) {
    if (f.kind === 'product') flat.push(...f.factors);
    else flat.push(f);
  }
  if (flat.length === 0) throw new InputError('a product needs at least one factor');
  if (flat.length === 1) return flat[0];
  for (let i = 1; i < flat.length; i++) {
    const a = flat[i - 1];
    const b = flat[i];
    if (a.cols !== b.rows) {
      throw new InputError(`cannot multiply ${named(a)} by ${named(b)}: ${a.cols} columns ≠ ${b.rows} rows`);
    }
  }
  return { kind: 'product', factors: flat, rows: flat[0].rows, cols: flat[flat.length - 1].cols };
}

/** u·vᵀ: the outer product of two column vectors. */
export function outer(u: MatExpr, v: MatExpr): MatExpr {
  if (u.cols !== 1 || v.cols !== 1) throw new InputError(`an outer product needs two column vectors, got ${named(u)} and ${named(v)}`);
  return product(u, transpose(v));
}

function sameShape(what: string, items: readonly MatExpr[]): void {
  const [first] = items;
  for (const t of items.slice(1)) {
    if (t.rows !== first.rows || t.cols !== first.cols) throw new InputError(`cannot ${what} ${named(first)} and ${named(t)}: shapes differ`);
  }
}

export function sum(...terms: readonly MatExpr[]): MatExpr {
  const flat: MatExpr[] = [];
  for (const t of terms) {
    if (t.kind === 'sum') flat.push(...t.terms);
    else flat.push(t);
  }
  if (flat.length === 0) throw new InputError('a sum needs at least one term');
  if (flat.length === 1) return flat[0];
  sameShape('add', flat);
  return { kind: 'sum', terms: flat, rows: flat[0].rows, cols: flat[0].cols };
}

export function neg(arg: MatExpr): Neg {
  return { kind: 'neg', arg, rows: arg.rows, cols: arg.cols };
}

export function difference(a: MatExpr, b: MatExpr): MatExpr {
  return sum(a, neg(b));
}

export function scale(coef: Rational, arg: MatExpr): Scale {
  return { kind: 'scale', coef, arg, rows: arg.rows, cols: arg.cols };
}

export function transpose(arg: MatExpr): Transpose {
  return { kind: 'transpose', arg, rows: arg.cols, cols: arg.rows };
}

export function hadamard(...factors: readonly MatExpr[]): MatExpr {
  const flat: MatExpr[] = [];
  for (const f of factors) {
    if (f.kind === 'hadamard') flat.push(...f.factors);
    else flat.push(f);
  }
  if (flat.length === 0) throw new InputError('a Hadamard product needs at least one factor');
  if (flat.length === 1) return flat[0];
  sameShape('take the element-wise product of', flat);
  return { kind: 'hadamard', factors: flat, rows: flat[0].rows, cols: flat[0].cols };
}

/** fn applied to every entry; order k is the k-th derivative (σ′ is order 1). */
export function elementwise(fn: string, order: number, arg: MatExpr): Elementwise {
  if (!/^[A-Za-z]+$/.test(fn)) throw new InputError(`element-wise function name must be letters only, got '${fn}'`);
  if (!Number.isInteger(order) || order < 0) throw new InputError(`derivative order must be a whole number ≥ 0, got ${order}`);
  return { kind: 'elementwise', fn, order, arg, rows: arg.rows, cols: arg.cols };
}

export function diag(arg: MatExpr): Diag {
  if (arg.cols !== 1) throw new InputError(`diag needs a column vector, got ${named(arg)}`);
  return { kind: 'diag', arg, rows: arg.rows, cols: arg.rows };
}

export function squaredNorm(arg: MatExpr): SquaredNorm {
  if (arg.cols !== 1) throw new InputError(`‖·‖² needs a column vector, got ${named(arg)}`);
  return { kind: 'norm2', arg, rows: 1, cols: 1 };
}

export function group(arg: MatExpr): Group {
  return { kind: 'group', arg, rows: arg.rows, cols: arg.cols };
}

export function scalar(expr: Expr, vars: readonly MatSymbol[] = []): Scalar {
  for (const v of vars) if (v.rows !== 1 || v.cols !== 1) throw new InputError(`a scalar expression can only mention 1×1 symbols, got ${named(v)}`);
  return { kind: 'scalar', expr, vars, rows: 1, cols: 1 };
}

/** The 1×1 number 1. */
export const scalarOne = (): Scalar => scalar(num(ONE));

export function jacobian(of: MatExpr, wrt: MatExpr): Jacobian {
  if (of.cols !== 1) throw new InputError(`a Jacobian is of a column vector or a scalar, got ${named(of)}`);
  if (wrt.cols !== 1) throw new InputError(`a Jacobian is with respect to a column vector, got ${named(wrt)}`);
  return { kind: 'jacobian', of, wrt, rows: of.rows, cols: wrt.rows };
}

export function gradient(of: MatExpr, wrt: MatExpr): Gradient {
  if (of.rows !== 1 || of.cols !== 1) throw new InputError(`a gradient is of a scalar (1×1), got ${named(of)}`);
  return { kind: 'gradient', of, wrt, rows: wrt.rows, cols: wrt.cols };
}

/** g(x) for display; the result has the given shape. */
export function apply(name: string, arg: MatExpr, rows: number, cols = 1): Apply {
  checkDimension(rows, `rows of ${name}(·)`);
  return { kind: 'apply', name, arg, rows, cols };
}
