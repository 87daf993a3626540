import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toLatex } from '../../src/print/latex.js';
import { fitsALine, rowsOf, tooWideToSetWhole } from '../../src/print/width.js';

const LONG = 'w5*(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*sigma(w1*x1 + w2*x2 + b1)*x1';
const LONG_RELU = "w5*(w5*relu(w1*x1 + w2*x2 + b1) + w6*relu(w3*x1 + w4*x2 + b2) + b3 - y)*relu'(w1*x1 + w2*x2 + b1)";

describe('whether a matrix fits on a line', () => {
  it('splits a matrix into its rows and a vector into one entry a row; a scalar has none', () => {
    expect(rowsOf(parse('[1, 2; 3, 4]'))?.map((r) => r.length)).toEqual([2, 2]);
    expect(rowsOf(parse('x'))).toBeUndefined();
  });

  it('is too wide when the bracketed matrix, as it is set, is wider than a line (35 em); never for one entry', () => {
    expect(tooWideToSetWhole(parse('[2, 1; 0, pi; -1/x2, x1/x2^2]'))).toBe(false);
    expect(tooWideToSetWhole(parse(`[${LONG}, x1]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[x1; ${LONG}]`))).toBe(true);
    expect(tooWideToSetWhole(parse(`[${LONG}]`))).toBe(false);
    // In Chromium with the key's stylesheet, after "∇_{b⁽¹⁾}f = ": with ReLU′ and ReLU (71 glyphs)
    // a column is 698 px, past the 673 px line. Its text form is shorter than LONG's (97 characters
    // against 101): measured in characters, it was set whole, and the key shrank.
    expect(tooWideToSetWhole(parse(`[x1; ${LONG_RELU}]`))).toBe(true);
    expect(tooWideToSetWhole(parse('[sigmoid(2*x1 + 2*x2 - x3)*(1 - sigmoid(2*x1 + 2*x2 - x3)), 2*x3; x1, 1]'))).toBe(false);
    // ∂f/∂g at g(x) of a random chain: 56 glyphs a row, under the 60 once allowed, but 38.5 em as
    // it is set (an operator and its spaces are 1.2 em): with its third row it ran 75 pt into the
    // margin of the LaTeX key.
    expect(tooWideToSetWhole(parse('[-7 + 8*x1, -8*x2, 0, -12*x1 - 36*x2 - 20*x3 + 32; 0, 24*x1 - 16*x2 - 56*x3 - 72, -14*x1 - 6*x2 + 2*x3, -12*x1 + 4*x2 + 32*x3 - 16]'))).toBe(true);
    expect(tooWideToSetWhole(parse('[21*x1 + 21*x2 - 24*x3, 7; 3, 0]'))).toBe(false);
  });

  it('a line fits when each of its pieces between breaks after = and + does: matrices side by side are one piece', () => {
    const column = toLatex(parse('[w7*(w1*x1 + w2*x2 + b1) + w8*(w3*x1 + w4*x2 + b2) + w9*(w5*x1 + b3) + b4; w10*(w1*x1 + w2*x2 + b1) + w11*(w3*x1 + w4*x2 + b2) + w12*(w5*x1 + b3) + b5]'));
    // Each alone fits (the column is 32 em); the product [w₁₃ w₁₄][…] does not (a 2-3-2-1 net's
    // ran 61 pt into the LaTeX margin).
    expect(fitsALine(`\\hat{y} = ${column}`)).toBe(true);
    expect(fitsALine(`\\hat{y} = \\begin{bmatrix} w_{13} & w_{14} \\end{bmatrix} ${column} + b_{6}`)).toBe(false);
    // A long sum breaks after +: it fits, however long.
    const sum = Array.from({ length: 30 }, (_, i) => `w_{${i}} x_{${i}}`).join(' + ');
    expect(fitsALine(`\\hat{y} = ${sum}`)).toBe(true);
    expect(fitsALine(`\\hat{y} = {${sum}}`)).toBe(false);
  });
});
