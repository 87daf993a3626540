/** Shared fixtures for the matrix-expression tests: the lecture's symbols and a numeric oracle. */
import type { Expr } from '../../src/expr/types.js';
import type { MatExpr, MatSymbol } from '../../src/linalg/types.js';
import { sym } from '../../src/expr/build.js';
import { matSymbol, vectorSymbol } from '../../src/linalg/build.js';
import { expandMatrix, type ScalarMatrix } from '../../src/linalg/expand.js';
import { compile } from '../../src/numeric/evaluate.js';
import { freeSymbols } from '../../src/expr/traverse.js';
import type { Rng } from '../../src/numeric/rng.js';

export const W1 = matSymbol('W', 2, 3, 1);
export const W2 = matSymbol('W', 2, 2, 2);
export const x = vectorSymbol('x', 3);
export const b1 = vectorSymbol('b', 2, 1);
export const z1 = vectorSymbol('z', 2, 1);
export const h1 = vectorSymbol('h', 2, 1);
export const delta2 = vectorSymbol('delta', 2, 2);
export const yhat = vectorSymbol('yhat', 2);
export const y = vectorSymbol('y', 2);

/** Entries named after the symbol: W⁽¹⁾ → W1_1_1, W1_1_2, …; x → x_1, …. */
export const namedEntries = (s: MatSymbol): ScalarMatrix =>
  Array.from({ length: s.rows }, (_, i) =>
    Array.from({ length: s.cols }, (_, j) => sym(`${s.name}${s.layer ?? ''}_${i + 1}_${j + 1}`)),
  );

export const expandNamed = (e: MatExpr): ScalarMatrix => expandMatrix(e, namedEntries);

/** sin and its derivatives stand for σ: smooth, and σ ≠ σ′ ≠ σ″ at almost every point. */
export const sigmaFunctions = { sigma: (orders: readonly number[], [u]: readonly number[]) => Math.sin(u + (orders[0] * Math.PI) / 2) };

/** Float values of two scalar matrices at one random point; they must have the same shape. */
export function maxDifference(a: ScalarMatrix, b: ScalarMatrix, rng: Rng): number {
  const entries: Expr[] = [...a.flat(), ...b.flat()];
  const vars = [...new Set(entries.flatMap(freeSymbols))];
  const values = vars.map(() => rng.uniform(-1.5, 1.5));
  let worst = 0;
  a.forEach((row, i) =>
    row.forEach((e, j) => {
      const u = compile(e, vars, sigmaFunctions)(values);
      const v = compile(b[i][j], vars, sigmaFunctions)(values);
      worst = Math.max(worst, Math.abs(u - v) / Math.max(1, Math.abs(u), Math.abs(v)));
    }),
  );
  return worst;
}
