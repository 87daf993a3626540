import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { rowsOf, tooWideToSetWhole } from '../../src/print/width.js';

const LONG = 'w5*(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*sigma(w1*x1 + w2*x2 + b1)*x1';
const LONG_RELU = "w5*(w5*relu(w1*x1 + w2*x2 + b1) + w6*relu(w3*x1 + w4*x2 + b2) + b3 - y)*relu'(w1*x1 + w2*x2 + b1)";

describe('whether a matrix fits on a line', () => {
  it('splits a matrix into its rows and a vector into one entry a row; a scalar has none', () => {
    expect(rowsOf(parse('[1, 2; 3, 4]'))?.map((r) => r.length)).toEqual([2, 2]);
    expect(rowsOf(parse('x'))).toBeUndefined();
  });

  it('is too wide when a row shows more than 60 glyphs, two more per entry; never for one entry', () => {
    expect(tooWideToSetWhole(parse('[2, 1; 0, pi; -1/x2, x1/x2^2]'))).toBe(false);
    expect(tooWideToSetWhole(parse(`[${LONG}, x1]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[x1; ${LONG}]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[${LONG}]`))).toBe(false);
    // In Chromium with the key's stylesheet, after "∇_{b⁽¹⁾}f = ": with ReLU′ and ReLU (71 glyphs)
    // a column is 698 px, past the 673 px line. Its text form is shorter than LONG's (97 characters
    // against 101): measured in characters, it was set whole, and the key shrank.
    expect(tooWideToSetWhole(parse(`[x1; ${LONG_RELU}]`))).toBe(true);
    expect(tooWideToSetWhole(parse('[sigmoid(2*x1 + 2*x2 - x3)*(1 - sigmoid(2*x1 + 2*x2 - x3)), 2*x3; x1, 1]'))).toBe(false);
  });
});
