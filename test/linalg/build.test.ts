import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  diag,
  group,
  hadamard,
  identity,
  jacobian,
  gradient,
  matSymbol,
  outer,
  product,
  squaredNorm,
  sum,
  transpose,
  vectorSymbol,
} from '../../src/linalg/build.js';
import { matEqual, mentions } from '../../src/linalg/traverse.js';
import { evaluateExactMatrix, matricesEqual, randomRationalMatrix } from '../../src/linalg/exact.js';
import { symbolKey } from '../../src/linalg/names.js';
import { createRng } from '../../src/numeric/rng.js';
import { b1, W1, W2, x } from './helpers.js';

describe('shapes', () => {
  it('chains products and swaps transposes', () => {
    const z = sum(product(W1, x), b1);
    expect([z.rows, z.cols]).toEqual([2, 1]);
    expect([transpose(W1).rows, transpose(W1).cols]).toEqual([3, 2]);
    const o = outer(b1, x);
    expect([o.rows, o.cols]).toEqual([2, 3]);
    expect([diag(b1).rows, diag(b1).cols]).toEqual([2, 2]);
    expect([squaredNorm(b1).rows, squaredNorm(b1).cols]).toEqual([1, 1]);
    // Rows are outputs, columns inputs (the lecture's convention).
    expect([jacobian(b1, x).rows, jacobian(b1, x).cols]).toEqual([2, 3]);
    expect([gradient(squaredNorm(b1), W1).rows, gradient(squaredNorm(b1), W1).cols]).toEqual([2, 3]);
  });

  it('names the operands and shapes when they do not fit', () => {
    expect(() => product(W2, W1, W2)).toThrowError(InputError);
    expect(() => product(W1, W2)).toThrowError('cannot multiply W⁽¹⁾ (2×3) by W⁽²⁾ (2×2): 3 columns ≠ 2 rows');
    expect(() => sum(W1, W2)).toThrowError('cannot add W⁽¹⁾ (2×3) and W⁽²⁾ (2×2): shapes differ');
    expect(() => hadamard(b1, x)).toThrowError('cannot take the element-wise product of b⁽¹⁾ (2×1) and x (3×1): shapes differ');
    expect(() => diag(W1)).toThrowError('diag needs a column vector, got W⁽¹⁾ (2×3)');
    expect(() => jacobian(W1, x)).toThrowError(InputError);
    expect(() => gradient(b1, x)).toThrowError('a gradient is of a scalar (1×1), got b⁽¹⁾ (2×1)');
    expect(() => matSymbol('W', 0, 2)).toThrowError('rows of W must be a whole number ≥ 1, got 0');
    expect(() => matSymbol('W2', 1, 2)).toThrowError(InputError);
  });
});

describe('products are not commutative', () => {
  it('keeps the order of the factors', () => {
    const A = matSymbol('A', 3, 3);
    const B = matSymbol('B', 3, 3);
    expect(matEqual(product(A, B), product(B, A))).toBe(false);
    expect(matEqual(product(A, B), product(A, B))).toBe(true);
  });

  it('AB ≠ BA for random rational matrices, exactly', () => {
    const A = matSymbol('A', 3, 3);
    const B = matSymbol('B', 3, 3);
    const rng = createRng(11);
    const values = new Map([
      [symbolKey(A), randomRationalMatrix(rng, 3, 3)],
      [symbolKey(B), randomRationalMatrix(rng, 3, 3)],
    ]);
    const at = (e: Parameters<typeof evaluateExactMatrix>[0]) => evaluateExactMatrix(e, (s) => values.get(symbolKey(s)));
    expect(matricesEqual(at(product(A, B)), at(product(B, A)))).toBe(false);
    // (AB)ᵀ = BᵀAᵀ holds exactly.
    expect(matricesEqual(at(transpose(product(A, B))), at(product(transpose(B), transpose(A))))).toBe(true);
  });

  it('flattens nested products but not groups', () => {
    const p = product(W2, product(W1, x));
    expect(p.kind === 'product' && p.factors.length).toBe(3);
    const g = product(W2, group(product(W1, x)));
    expect(g.kind === 'product' && g.factors.length).toBe(2);
    expect(mentions(g, x)).toBe(true);
    expect(mentions(g, vectorSymbol('x', 2))).toBe(false);
  });

  it('has an identity of each size', () => {
    expect(() => product(W1, identity(2))).toThrowError(InputError);
    expect(product(W1, identity(3)).rows).toBe(2);
  });
});
