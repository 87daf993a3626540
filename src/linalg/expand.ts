/**
 * A matrix expression as a matrix of scalar Exprs, given the entries of its symbols: W⁽¹⁾x + b⁽¹⁾
 * becomes [[w1·x1 + w2·x2 + b1], [w3·x1 + w4·x2 + b2]]. This is how a matrix-form result is
 * compared, entry by entry, with the scalar partials of the core.
 */
import type { Expr } from '../expr/types.js';
import type { MatExpr, MatSymbol } from './types.js';
import { assertNever } from '../expr/types.js';
import { add, call, deriv, mul, neg, num, ONE_EXPR, pow, ZERO_EXPR } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { InputError } from '../errors.js';
import { scalarName, symbolText } from './names.js';
import { matrixToText } from './print-text.js';

/** rows × cols entries, row-major: m[i][j] is row i + 1, column j + 1. */
export type ScalarMatrix = readonly (readonly Expr[])[];

/** The entries of a symbol, or undefined when it has none. */
export type Bindings = (s: MatSymbol) => ScalarMatrix | undefined;

const build = (rows: number, cols: number, f: (i: number, j: number) => Expr): Expr[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));

/** The scalar function of an element-wise node: σ(u), σ′(u) (identity: u, 1). */
export function elementwiseEntry(fn: string, order: number, u: Expr): Expr {
  if (fn === 'identity') return order === 0 ? u : order === 1 ? ONE_EXPR : ZERO_EXPR;
  return order === 0 ? call(fn, [u]) : deriv(fn, [order], [u]);
}

/** A sum without its 0 terms: the zeros off the diagonal of diag(v) and I add nothing. */
function addNonZero(terms: readonly Expr[]): Expr {
  return add(...terms.filter((t) => !(t.kind === 'num' && t.value.n === 0n)));
}

export function expandMatrix(e: MatExpr, bind: Bindings): ScalarMatrix {
  const memo = new Map<MatExpr, ScalarMatrix>();
  const go = (n: MatExpr): ScalarMatrix => {
    const hit = memo.get(n);
    if (hit) return hit;
    const out = expandNode(n, go, bind);
    memo.set(n, out);
    return out;
  };
  return go(e);
}

function expandNode(e: MatExpr, go: (n: MatExpr) => ScalarMatrix, bind: Bindings): ScalarMatrix {
  switch (e.kind) {
    case 'symbol': {
      const m = bind(e);
      if (!m) throw new InputError(`no entries for ${symbolText(e)}`);
      if (m.length !== e.rows || m.some((row) => row.length !== e.cols)) {
        throw new InputError(`the entries given for ${symbolText(e)} are not ${e.rows}×${e.cols}`);
      }
      return m;
    }
    case 'zero':
      return build(e.rows, e.cols, () => ZERO_EXPR);
    case 'identity':
      return build(e.rows, e.cols, (i, j) => (i === j ? ONE_EXPR : ZERO_EXPR));
    case 'product':
      return e.factors.map(go).reduce((a, b) =>
        build(a.length, b[0].length, (i, j) => addNonZero(a[i].map((aik, k) => mul(aik, b[k][j])))),
      );
    case 'sum': {
      const ts = e.terms.map(go);
      return build(e.rows, e.cols, (i, j) => addNonZero(ts.map((t) => t[i][j])));
    }
    case 'neg': {
      const a = go(e.arg);
      return build(e.rows, e.cols, (i, j) => neg(a[i][j]));
    }
    case 'scale': {
      const a = go(e.arg);
      return build(e.rows, e.cols, (i, j) => mul(num(e.coef), a[i][j]));
    }
    case 'transpose': {
      const a = go(e.arg);
      return build(e.rows, e.cols, (i, j) => a[j][i]);
    }
    case 'hadamard': {
      const fs = e.factors.map(go);
      return build(e.rows, e.cols, (i, j) => mul(...fs.map((f) => f[i][j])));
    }
    case 'elementwise': {
      const a = go(e.arg);
      return build(e.rows, e.cols, (i, j) => elementwiseEntry(e.fn, e.order, a[i][j]));
    }
    case 'diag': {
      const a = go(e.arg);
      return build(e.rows, e.cols, (i, j) => (i === j ? a[i][0] : ZERO_EXPR));
    }
    case 'norm2': {
      const a = go(e.arg);
      return [[add(...a.map((row) => pow(row[0], num(2))))]];
    }
    case 'group':
      return go(e.arg);
    case 'scalar': {
      const values = new Map(e.vars.map((v) => [scalarName(v), go(v)[0][0]]));
      return [[substitute(e.expr, values)]];
    }
    case 'jacobian':
    case 'gradient':
    case 'apply':
      throw new InputError(`cannot expand ${matrixToText(e)}: work it out first`);
    default:
      return assertNever(e);
  }
}
