/**
 * Exact numbers for numeric exercises: matrices and vectors given in a spec as text
 * ("[1, 0, 1; -1, 2, 3]", "[-1, 2]"), or drawn as small integers from the exercise's Rng, and
 * the little exact linear algebra a forward pass needs. Everything stays rational, so the lecture's
 * ŷ = [0; 1] comes out as exactly that.
 */
import type { Expr } from '../expr/types.js';
import { matrix, num } from '../expr/build.js';
import { evaluateValue } from '../numeric/matrix-eval.js';
import { ratFromNumber, ZERO, type Rational } from '../rational.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { freeSymbols } from '../expr/traverse.js';
import { InputError } from '../errors.js';
import type { Rng } from '../numeric/rng.js';
import { parseField } from './content.js';

/** Rows of exact entries: m[i][j] is row i + 1, column j + 1. */
export type QMatrix = readonly (readonly Rational[])[];
export type QVector = readonly Rational[];

/** A number given in a spec: a YAML number or text such as "1/10", "-0.5". */
export function parseNumberField(field: string, source: string | number): Rational {
  if (typeof source === 'number') {
    if (!Number.isFinite(source)) throw new InputError(`${field}: ${source} is not a finite number`);
    return ratFromNumber(source);
  }
  return rationalOf(field, parseField(field, source));
}

function rationalOf(field: string, e: Expr): Rational {
  if (freeSymbols(e).length > 0) throw new InputError(`${field}: expected a number, got ${toText(e)}`);
  let v;
  try {
    v = evaluateValue(e, new Map());
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`${field}: ${err.message}`);
    throw err;
  }
  if (v.kind !== 'exact') throw new InputError(`${field}: expected a rational number such as 2 or -1/2`);
  return v.value;
}

/** A matrix in the parser's syntax: "[1, 0, 1; -1, 2, 3]"; "[a, b]" is a column, as in the lecture. */
export function parseMatrixField(field: string, source: string): QMatrix {
  const e = parseField(field, source);
  if (e.kind === 'matrix') {
    return Array.from({ length: e.rows }, (_, i) =>
      e.entries.slice(i * e.cols, (i + 1) * e.cols).map((x, j) => rationalOf(`${field} (row ${i + 1}, column ${j + 1})`, x)),
    );
  }
  if (e.kind === 'vector') return e.items.map((x, i) => [rationalOf(`${field} (entry ${i + 1})`, x)]);
  return [[rationalOf(field, e)]];
}

/** A column vector: "[1, 0, -2]", "[1; 0; -2]", a single number, or a single row. */
export function parseVectorField(field: string, source: string | number): QVector {
  if (typeof source === 'number') return [parseNumberField(field, source)];
  const m = parseMatrixField(field, source);
  if (m.every((row) => row.length === 1)) return m.map((row) => row[0]);
  if (m.length === 1) return m[0];
  throw new InputError(`${field}: expected a vector such as [1, 0, -2], got a ${m.length}×${m[0].length} matrix`);
}

/** Small integers in [lo, hi], drawn row by row. */
export function randomIntMatrix(rng: Rng, rows: number, cols: number, [lo, hi]: readonly [number, number]): QMatrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => ratFromNumber(rng.int(lo, hi))));
}

export function randomIntVector(rng: Rng, n: number, range: readonly [number, number]): QVector {
  return randomIntMatrix(rng, n, 1, range).map((row) => row[0]);
}

export const shapeOf = (m: QMatrix): string => `${m.length}×${m[0]?.length ?? 0}`;

export function matrixExpr(m: QMatrix): Expr {
  return matrix(m.length, m[0].length, m.flat().map((q) => num(q)));
}

/** A column vector as an n×1 matrix (the lecture's [0; 1]). */
export function columnExpr(v: QVector): Expr {
  return matrix(v.length, 1, v.map((q) => num(q)));
}

export const matrixLatex = (m: QMatrix): string => toLatex(matrixExpr(m));
export const columnLatex = (v: QVector): string => toLatex(columnExpr(v));
export const numberLatex = (q: Rational): string => toLatex(num(q));

export function matVec(W: QMatrix, v: QVector): Rational[] {
  return W.map((row) => row.reduce((s, w, j) => s.add(w.mul(v[j])), ZERO));
}

export function addVectors(a: QVector, b: QVector): Rational[] {
  return a.map((x, i) => x.add(b[i]));
}
