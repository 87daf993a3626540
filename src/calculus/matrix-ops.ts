/**
 * Symbolic matrices: shapes, transpose and the matrix product of Expr matrices, for Jacobians and
 * the chain rule. A vector [a, b, c] is a column (3×1), as the lecture writes x = [x₁ x₂]ᵀ.
 *
 * Syntax:   matmul(A, B) → A·B;  transpose(A) → Aᵀ;  asMatrix([a, b]) → [a; b]
 * See also: src/calculus/jacobian.ts, src/numeric/matrix-eval.ts (the same shapes with numbers)
 */
import type { Expr, Matrix } from '../expr/types.js';
import { add, matrix, mul } from '../expr/build.js';
import { simplify } from '../simplify/simplify.js';
import { InputError } from '../errors.js';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** "2×3", the lecture's way of writing a shape. */
export function shapeText(s: Shape): string {
  return `${s.rows}×${s.cols}`;
}

/** A product or sum of operands whose shapes do not fit. The message says which shapes. */
export class ShapeError extends InputError {
  override readonly name: string = 'ShapeError';
  constructor(
    message: string,
    readonly left: Shape,
    readonly right: Shape,
  ) {
    super(message);
  }
}

/** Whether A·B is defined: the columns of A match the rows of B. */
export function canMultiply(a: Shape, b: Shape): boolean {
  return a.cols === b.rows;
}

/** "2×3 times 2×1 (3 columns but 2 rows)": why A·B is undefined. */
export function productMismatch(a: Shape, b: Shape): string {
  return `${shapeText(a)} times ${shapeText(b)} (${a.cols} column${a.cols === 1 ? '' : 's'} but ${b.rows} row${b.rows === 1 ? '' : 's'})`;
}

/** A vector as a column, a matrix as itself, anything else as a 1×1 matrix. */
export function asMatrix(e: Expr): Matrix {
  if (e.kind === 'matrix') return e;
  if (e.kind === 'vector') return matrix(e.items.length, 1, e.items);
  return matrix(1, 1, [e]);
}

/** A matrix from its rows; all rows must have the same length. */
export function fromRows(rows: readonly (readonly Expr[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  if (rows.some((r) => r.length !== cols)) throw new RangeError('fromRows: rows of different lengths');
  return matrix(rows.length, cols, rows.flat());
}

/** Entry (i, j), 0-based. */
export function entryAt(m: Matrix, i: number, j: number): Expr {
  return m.entries[i * m.cols + j];
}

export function rowsOf(m: Matrix): Expr[][] {
  return Array.from({ length: m.rows }, (_, i) => m.entries.slice(i * m.cols, (i + 1) * m.cols));
}

export function mapEntries(m: Matrix, f: (e: Expr, i: number, j: number) => Expr): Matrix {
  return matrix(m.rows, m.cols, m.entries.map((e, k) => f(e, Math.floor(k / m.cols), k % m.cols)));
}

export function transpose(m: Matrix): Matrix {
  const out: Expr[] = [];
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out.push(entryAt(m, i, j));
  return matrix(m.cols, m.rows, out);
}

export interface MatmulOptions {
  /** Simplify each entry (default true); false keeps Σₖ aᵢₖ·bₖⱼ as written. */
  readonly simplify?: boolean;
}

/** The matrix product A·B. Throws ShapeError when the columns of A do not match the rows of B. */
export function matmul(a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  if (!canMultiply(a, b)) throw new ShapeError(productMismatch(a, b), a, b);
  const tidy = options.simplify ?? true;
  const out: Expr[] = [];
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      const terms: Expr[] = [];
      for (let k = 0; k < a.cols; k++) terms.push(mul(entryAt(a, i, k), entryAt(b, k, j)));
      const sum = add(...terms);
      out.push(tidy ? simplify(sum) : sum);
    }
  }
  return matrix(a.rows, b.cols, out);
}
