/**
 * A plain float evaluator for scalar and matrix expressions: the independent recomputation that
 * verification compares exact answers with. Deliberately simple (no exact arithmetic, no
 * simplification) so that it shares no code path with the evaluator that produced the answer.
 */
import type { Expr } from '../expr/types.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { InputError } from '../errors.js';

export type FloatValue = number | number[][];

export function floatValue(e: Expr, env: Readonly<Record<string, FloatValue>>): FloatValue {
  switch (e.kind) {
    case 'num':
      return e.value.valueOf();
    case 'const':
      return e.name === 'pi' ? Math.PI : Math.E;
    case 'sym': {
      const v = env[e.name];
      if (v === undefined) throw new InputError(`no value for ${e.name}`);
      return v;
    }
    case 'add':
      return e.terms.map((t) => floatValue(t, env)).reduce((a, b) => zip(a, b, (x, y) => x + y, 'add'));
    case 'mul':
      return e.factors.map((f) => floatValue(f, env)).reduce(product);
    case 'pow': {
      const b = floatValue(e.base, env);
      const x = floatValue(e.exp, env);
      if (typeof b !== 'number' || typeof x !== 'number') throw new InputError('powers of matrices are not evaluated');
      return Math.pow(b, x);
    }
    case 'call': {
      const args = e.args.map((a) => floatValue(a, env));
      if (e.fn === 'transpose') {
        const m = args[0];
        return typeof m === 'number' ? m : m[0].map((_, j) => m.map((row) => row[j]));
      }
      const op = lookupOp(e.fn);
      if (!op) throw new InputError(`no values for the function ${e.fn}`);
      return elementwise(args, (xs) => op.eval(xs));
    }
    case 'deriv': {
      const op = lookupDerivativeOp(e.fn, e.orders);
      if (!op) throw new InputError(`no values for ${e.fn}'`);
      return elementwise(e.args.map((a) => floatValue(a, env)), (xs) => op.eval(xs));
    }
    case 'vector':
      return e.items.map((i) => [scalar(floatValue(i, env))]);
    case 'matrix': {
      const out: number[][] = [];
      for (let r = 0; r < e.rows; r++) out.push(e.entries.slice(r * e.cols, (r + 1) * e.cols).map((x) => scalar(floatValue(x, env))));
      return out;
    }
    case 'diff':
      throw new InputError('a pending derivative has no value');
  }
}

function scalar(v: FloatValue): number {
  if (typeof v !== 'number') throw new InputError('a matrix entry must be a number');
  return v;
}

function elementwise(args: readonly FloatValue[], f: (xs: number[]) => number): FloatValue {
  const m = args.find((a): a is number[][] => typeof a !== 'number');
  if (!m) return f(args as number[]);
  return m.map((row, i) => row.map((_, j) => f(args.map((a) => (typeof a === 'number' ? a : a[i][j])))));
}

function zip(a: FloatValue, b: FloatValue, f: (x: number, y: number) => number, what: string): FloatValue {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  if (typeof a === 'number' || typeof b === 'number') throw new InputError(`cannot ${what} a number and a matrix`);
  if (a.length !== b.length || a[0].length !== b[0].length) {
    throw new InputError(`cannot ${what} a ${a.length}×${a[0].length} and a ${b.length}×${b[0].length} matrix`);
  }
  return a.map((row, i) => row.map((x, j) => f(x, b[i][j])));
}

function product(a: FloatValue, b: FloatValue): FloatValue {
  if (typeof a === 'number') return typeof b === 'number' ? a * b : b.map((r) => r.map((x) => a * x));
  if (typeof b === 'number') return a.map((r) => r.map((x) => x * b));
  if (a[0].length !== b.length) throw new InputError(`cannot multiply a ${a.length}×${a[0].length} by a ${b.length}×${b[0].length} matrix`);
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
}
