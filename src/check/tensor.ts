/**
 * Float evaluation of answers that may be vectors or matrices, compiled once into closures and run
 * at every test point. Scalar subtrees go through the core's compiler (src/numeric/evaluate.ts);
 * only the matrix structure is handled here, with the conventions of ./shape.ts. Values are
 * row-major Float64Arrays (a number is an array of one).
 */
import type { Expr } from '../expr/types.js';
import { call, deriv, sym } from '../expr/build.js';
import { compile, type AbstractFunction } from '../numeric/evaluate.js';
import { hasTensor, isScalarShape, shapeOf, type Shape } from './shape.js';

export interface Compiled {
  readonly shape: Shape;
  /** The entries, row-major, at one point (values in the order of the compiled variables). */
  readonly run: (values: ArrayLike<number>) => Float64Array;
}

type Functions = Readonly<Record<string, AbstractFunction>>;
type Run = (v: ArrayLike<number>) => Float64Array;

/** Compile an expression; throws ShapeMismatch for shapes that do not fit, InputError for unknown names. */
export function compileValue(e: Expr, vars: readonly string[], functions: Functions): Compiled {
  const shape = shapeOf(e);
  return { shape, run: new TensorCompiler(vars, functions).go(e) };
}

const PLACEHOLDER = '$x';

class TensorCompiler {
  private readonly memo = new Map<Expr, Run>();

  constructor(
    private readonly vars: readonly string[],
    private readonly functions: Functions,
  ) {}

  go(e: Expr): Run {
    const hit = this.memo.get(e);
    if (hit) return hit;
    const r = this.build(e);
    this.memo.set(e, r);
    return r;
  }

  private build(e: Expr): Run {
    if (!hasTensor(e)) {
      const f = compile(e, this.vars, this.functions);
      return (v) => Float64Array.of(f(v));
    }
    switch (e.kind) {
      case 'vector':
      case 'matrix': {
        const items = (e.kind === 'vector' ? e.items : e.entries).map((x) => compile(x, this.vars, this.functions));
        return (v) => Float64Array.from(items, (f) => f(v));
      }
      case 'add': {
        const terms = e.terms.map((t) => this.go(t));
        return (v) => {
          const out = Float64Array.from(terms[0](v));
          for (let k = 1; k < terms.length; k++) {
            const t = terms[k](v);
            for (let i = 0; i < out.length; i++) out[i] += t[i];
          }
          return out;
        };
      }
      case 'mul': {
        const shapes = e.factors.map(shapeOf);
        const factors = e.factors.map((f) => this.go(f));
        return (v) => {
          let acc: Float64Array = Float64Array.of(1);
          let accShape: Shape = { rows: 1, cols: 1 };
          factors.forEach((f, k) => {
            const x = f(v);
            const s = shapes[k];
            if (isScalarShape(s)) acc = acc.map((a) => a * x[0]);
            else if (isScalarShape(accShape)) {
              const c = acc[0];
              acc = x.map((a) => a * c);
              accShape = s;
            } else {
              acc = matmul(acc, accShape, x, s);
              accShape = { rows: accShape.rows, cols: s.cols };
            }
          });
          return acc;
        };
      }
      case 'call':
      case 'deriv': {
        const arg = this.go(e.args[0]);
        if (e.kind === 'call' && e.fn === 'transpose') {
          const s = shapeOf(e.args[0]);
          return (v) => transpose(arg(v), s);
        }
        // One-argument functions apply entry by entry: compile f($x) once.
        const x = sym(PLACEHOLDER);
        const scalar = e.kind === 'call' ? call(e.fn, [x]) : deriv(e.fn, e.orders, [x]);
        const f = compile(scalar, [PLACEHOLDER], this.functions);
        const one = new Float64Array(1);
        return (v) =>
          arg(v).map((a) => {
            one[0] = a;
            return f(one);
          });
      }
      default:
        // Shape inference admits nothing else with a tensor inside (powers of matrices are refused).
        throw new Error(`tensor evaluation of ${e.kind}`);
    }
  }
}

function matmul(a: Float64Array, as: Shape, b: Float64Array, bs: Shape): Float64Array {
  const out = new Float64Array(as.rows * bs.cols);
  for (let i = 0; i < as.rows; i++) {
    for (let j = 0; j < bs.cols; j++) {
      let s = 0;
      for (let k = 0; k < as.cols; k++) s += a[i * as.cols + k] * b[k * bs.cols + j];
      out[i * bs.cols + j] = s;
    }
  }
  return out;
}

export function transpose(a: Float64Array, s: Shape): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < s.rows; i++) for (let j = 0; j < s.cols; j++) out[j * s.rows + i] = a[i * s.cols + j];
  return out;
}
