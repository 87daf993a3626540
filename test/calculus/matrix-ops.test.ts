import { describe, expect, it } from 'vitest';
import { matrix, sym, vector } from '../../src/expr/build.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { asMatrix, entryAt, fromRows, matmul, rowsOf, shapeText, ShapeError, transpose } from '../../src/calculus/matrix-ops.js';
import { isInputError } from '../../src/errors.js';

const M = (source: string) => asMatrix(parse(source));

describe('shapes', () => {
  it('reads a vector as a column, a scalar as 1×1', () => {
    expect(shapeText(asMatrix(vector([sym('a'), sym('b'), sym('c')])))).toBe('3×1');
    expect(shapeText(asMatrix(sym('a')))).toBe('1×1');
    expect(shapeText(M('[1, 2; 3, 4; 5, 6]'))).toBe('3×2');
    expect(shapeText(M('[[1, 2, 3]]'))).toBe('1×3');
  });

  it('builds from rows and reads entries row-major', () => {
    const m = fromRows([[sym('a'), sym('b')], [sym('c'), sym('d')]]);
    expect(toText(entryAt(m, 1, 0))).toBe('c');
    expect(rowsOf(m).map((r) => r.map(toText))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(() => fromRows([[sym('a')], [sym('b'), sym('c')]])).toThrow(RangeError);
  });

  it('transposes', () => {
    expect(toText(transpose(M('[1, 2, 3; 4, 5, 6]')))).toBe('[1, 4; 2, 5; 3, 6]');
    expect(toText(transpose(M('[a, b]')))).toBe('[[a, b]]');
  });
});

describe('matmul', () => {
  it("multiplies the lecture's chain-rule Jacobians: [1 −2 ¼]·[1 2; 0 1; −1 0] = [¾ 0]", () => {
    expect(toText(matmul(M('[[1, -2, 1/4]]'), M('[1, 2; 0, 1; -1, 0]')))).toBe('[[3/4, 0]]');
  });

  it('multiplies symbolically, entry (i, j) = Σₖ aᵢₖ·bₖⱼ, simplified unless asked not to', () => {
    expect(toText(matmul(M('[[a, b]]'), M('[c; d]')))).toBe('[[a*c + b*d]]');
    expect(toText(matmul(M('[[a, a]]'), M('[c; c]')))).toBe('[[2*a*c]]');
    expect(toText(matmul(M('[[a, a]]'), M('[c; c]'), { simplify: false }))).toBe('[[a*c + a*c]]');
    expect(toText(matmul(M('[a; b]'), M('[[c, d]]')))).toBe('[a*c, a*d; b*c, b*d]');
  });

  it('keeps the order of factors, so AB and BA differ', () => {
    const A = M('[1, 2; 3, 4]');
    const B = M('[0, 1; 1, 0]');
    expect(toText(matmul(A, B))).toBe('[2, 1; 4, 3]');
    expect(toText(matmul(B, A))).toBe('[3, 4; 1, 2]');
  });

  it('rejects shapes that do not fit, naming both shapes', () => {
    const wrong = () => matmul(M('[1, 2; 0, 1; -1, 0]'), M('[[1, -2, 1/4]]'));
    expect(wrong).toThrow(ShapeError);
    expect(wrong).toThrow('3×2 times 1×3 (2 columns but 1 row)');
    try {
      wrong();
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      expect(e instanceof ShapeError && [shapeText(e.left), shapeText(e.right)]).toEqual(['3×2', '1×3']);
    }
  });

  it('handles the empty inner dimension as a sum of nothing', () => {
    expect(toText(matmul(matrix(1, 0, []), matrix(0, 1, [])))).toBe('[[0]]');
  });
});
