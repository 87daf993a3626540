/**
 * Shapes of answers, with the project's matrix conventions (src/numeric/matrix-eval.ts): a vector
 * [a, b, c] is a 3×1 column; a product of matrices is the matrix product in the order written; a
 * 1×1 result acts as a number; one-argument functions apply entry by entry; transpose(A) flips.
 * Symbols are numbers. Scalars and 1×1 matrices are the same shape here.
 */
import type { Expr } from '../expr/types.js';
import { children } from '../expr/traverse.js';
import { InputError } from '../errors.js';
import { unicode } from './notation.js';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export const SCALAR: Shape = { rows: 1, cols: 1 };

export const isScalarShape = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
export const sameShape = (a: Shape, b: Shape): boolean => a.rows === b.rows && a.cols === b.cols;
export const shapeText = (s: Shape): string => `${s.rows}×${s.cols}`;

/** "a number", "a 3×1 column", "a 3×2 matrix". */
export function describeShape(s: Shape): string {
  if (isScalarShape(s)) return 'a number';
  // "an 8×1 column", "an 11×2 matrix": the article goes by how the number is said.
  const a = /^(?:8|11(?!\d)|18(?!\d))/.test(String(s.rows)) ? 'an' : 'a';
  if (s.cols === 1) return `${a} ${shapeText(s)} column`;
  if (s.rows === 1) return `${a} ${shapeText(s)} row`;
  return `${a} ${shapeText(s)} matrix`;
}

/** A product or sum whose operands' shapes do not fit; `node` is the offending product or sum. */
export class ShapeMismatch extends InputError {
  override readonly name: string = 'ShapeMismatch';
  constructor(
    message: string,
    readonly node: Expr,
    readonly left: Shape,
    readonly right: Shape,
  ) {
    super(message);
  }
}

/** Whether the expression has anything that is not a number: a vector, a matrix, a transpose. */
export function hasTensor(e: Expr): boolean {
  const hit = tensorMemo.get(e);
  if (hit !== undefined) return hit;
  const r = e.kind === 'vector' || e.kind === 'matrix' || (e.kind === 'call' && e.fn === 'transpose') || children(e).some(hasTensor);
  tensorMemo.set(e, r);
  return r;
}

const tensorMemo = new WeakMap<Expr, boolean>();

/** The shape of an expression; throws ShapeMismatch (an InputError) naming the operands. */
export function shapeOf(e: Expr): Shape {
  return new ShapeInference().of(e);
}

/** The shape of a product of operands of these shapes, or undefined when it is not defined. */
export function productShape(shapes: readonly Shape[]): Shape | undefined {
  let acc = SCALAR;
  for (const s of shapes) {
    if (isScalarShape(acc)) acc = s;
    else if (isScalarShape(s)) continue;
    else if (acc.cols === s.rows) acc = { rows: acc.rows, cols: s.cols };
    else return undefined;
  }
  return acc;
}

class ShapeInference {
  private readonly memo = new Map<Expr, Shape>();

  of(e: Expr): Shape {
    const hit = this.memo.get(e);
    if (hit) return hit;
    const s = this.compute(e);
    this.memo.set(e, s);
    return s;
  }

  private compute(e: Expr): Shape {
    switch (e.kind) {
      case 'num':
      case 'sym':
      case 'const':
        return SCALAR;
      case 'vector':
        this.entries(e, e.items);
        return { rows: e.items.length, cols: 1 };
      case 'matrix':
        this.entries(e, e.entries);
        return { rows: e.rows, cols: e.cols };
      case 'add': {
        let acc = this.of(e.terms[0]);
        for (const t of e.terms.slice(1)) {
          const s = this.of(t);
          if (!sameShape(acc, s)) {
            throw new ShapeMismatch(`${unicode(e)}: cannot add ${describeShape(acc)} and ${describeShape(s)}`, e, acc, s);
          }
          acc = s;
        }
        return acc;
      }
      case 'mul': {
        let acc = SCALAR;
        for (const f of e.factors) {
          const s = this.of(f);
          const next = productShape([acc, s]);
          if (!next) {
            const why = `${acc.cols} column${acc.cols === 1 ? '' : 's'} but ${s.rows} row${s.rows === 1 ? '' : 's'}`;
            throw new ShapeMismatch(`${unicode(e)}: cannot multiply ${describeShape(acc)} by ${describeShape(s)} (${why})`, e, acc, s);
          }
          acc = next;
        }
        return acc;
      }
      case 'pow': {
        const b = this.of(e.base);
        const x = this.of(e.exp);
        if (!isScalarShape(b) || !isScalarShape(x)) {
          throw new ShapeMismatch(`${unicode(e)}: powers and inverses of matrices are not supported; write a product`, e, b, x);
        }
        return SCALAR;
      }
      case 'call':
      case 'deriv': {
        const args = e.args.map((a) => this.of(a));
        if (e.kind === 'call' && e.fn === 'transpose') return { rows: args[0].cols, cols: args[0].rows };
        if (args.length === 1) return args[0];
        const bad = args.findIndex((a) => !isScalarShape(a));
        if (bad >= 0) {
          throw new ShapeMismatch(`${unicode(e)}: argument ${bad + 1} is ${describeShape(args[bad])}; it must be a number`, e, args[bad], SCALAR);
        }
        return SCALAR;
      }
      case 'diff':
        return this.of(e.expr);
    }
  }

  private entries(whole: Expr, items: readonly Expr[]): void {
    items.forEach((x, i) => {
      const s = this.of(x);
      if (!isScalarShape(s)) {
        throw new ShapeMismatch(`${unicode(whole)}: entry ${i + 1} is ${describeShape(s)}; entries must be numbers`, whole, s, SCALAR);
      }
    });
  }
}
