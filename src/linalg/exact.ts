/**
 * Exact rational values of linear matrix expressions (products, sums, transposes, Hadamard
 * products): an oracle independent of the scalar Expr machinery, used to show that two forms of
 * a linear network are equal entry for entry, with no rounding.
 */
import type { MatExpr, MatSymbol } from './types.js';
import { assertNever } from '../expr/types.js';
import type { Rng } from '../numeric/rng.js';
import { InputError } from '../errors.js';
import { rat, ONE, ZERO, type Rational } from '../rational.js';
import { matrixToText } from './print-text.js';
import { symbolText } from './names.js';

export type RationalMatrix = readonly (readonly Rational[])[];

const build = (rows: number, cols: number, f: (i: number, j: number) => Rational): Rational[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));

/**
 * A random matrix with entries p/q, p in [−9, 9], q in [1, 6]: small enough to read, with
 * denominators, so that an exact comparison means something.
 */
export function randomRationalMatrix(rng: Rng, rows: number, cols: number): RationalMatrix {
  return build(rows, cols, () => rat(rng.int(-9, 9), rng.int(1, 6)));
}

export function matricesEqual(a: RationalMatrix, b: RationalMatrix): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, j) => x.equals(b[i][j])));
}

export function evaluateExactMatrix(e: MatExpr, values: (s: MatSymbol) => RationalMatrix | undefined): RationalMatrix {
  const go = (n: MatExpr): RationalMatrix => {
    switch (n.kind) {
      case 'symbol': {
        const m = values(n);
        if (!m) throw new InputError(`no value for ${symbolText(n)}`);
        return m;
      }
      case 'zero':
        return build(n.rows, n.cols, () => ZERO);
      case 'identity':
        return build(n.rows, n.cols, (i, j) => (i === j ? ONE : ZERO));
      case 'product':
        return n.factors.map(go).reduce((a, b) =>
          build(a.length, b[0].length, (i, j) => a[i].reduce((s, aik, k) => s.add(aik.mul(b[k][j])), ZERO)),
        );
      case 'sum': {
        const ts = n.terms.map(go);
        return build(n.rows, n.cols, (i, j) => ts.reduce((s, t) => s.add(t[i][j]), ZERO));
      }
      case 'neg': {
        const a = go(n.arg);
        return build(n.rows, n.cols, (i, j) => a[i][j].neg());
      }
      case 'scale': {
        const a = go(n.arg);
        return build(n.rows, n.cols, (i, j) => a[i][j].mul(n.coef));
      }
      case 'transpose': {
        const a = go(n.arg);
        return build(n.rows, n.cols, (i, j) => a[j][i]);
      }
      case 'hadamard': {
        const fs = n.factors.map(go);
        return build(n.rows, n.cols, (i, j) => fs.reduce((p, f) => p.mul(f[i][j]), ONE));
      }
      case 'diag': {
        const a = go(n.arg);
        return build(n.rows, n.cols, (i, j) => (i === j ? a[i][0] : ZERO));
      }
      case 'norm2': {
        const a = go(n.arg);
        return [[a.reduce((s, row) => s.add(row[0].mul(row[0])), ZERO)]];
      }
      case 'group':
        return go(n.arg);
      case 'elementwise':
      case 'scalar':
      case 'jacobian':
      case 'gradient':
      case 'apply':
        throw new InputError(`${matrixToText(n)} has no exact rational value here`);
      default:
        return assertNever(n);
    }
  };
  return go(e);
}
