import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { rowsOf, tooWideToSetWhole } from '../../src/print/width.js';

const LONG = 'w5*(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*sigma(w1*x1 + w2*x2 + b1)*x1';

describe('whether a matrix fits on a line', () => {
  it('splits a matrix into its rows and a vector into one entry a row; a scalar has none', () => {
    expect(rowsOf(parse('[1, 2; 3, 4]'))?.map((r) => r.length)).toEqual([2, 2]);
    expect(rowsOf(parse('x'))).toBeUndefined();
  });

  it('is too wide when a row’s entries are over about 70 glyphs together, never for one entry', () => {
    expect(tooWideToSetWhole(parse('[2, 1; 0, pi; -1/x2, x1/x2^2]'))).toBe(false);
    expect(tooWideToSetWhole(parse(`[${LONG}, x1]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[x1; ${LONG}]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[${LONG}]`))).toBe(false);
  });
});
