import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toLatex } from '../../src/print/latex.js';
import { glyphCount, mayNotFitALine } from '../../src/print/glyphs.js';

describe('glyphs, the measure of a formula\'s length', () => {
  it('counts the glyphs a formula shows, not the characters of its LaTeX', () => {
    expect(glyphCount('p \\leftarrow p - \\epsilon \\frac{\\partial f_{\\text{MSE}}}{\\partial p}')).toBe(12);
    expect(glyphCount('f_{\\text{MSE}} = \\frac{1}{2}(\\hat{y} - y)^{2}')).toBe(13);
    expect(glyphCount('\\mathbf{b}^{(1)} = \\begin{bmatrix} -1 \\\\ -1 \\end{bmatrix}')).toBe(9);
    expect(glyphCount('\\left(x\\right)\\, \\quad y')).toBe(4);
  });

  it("a formula may not fit its line beyond 26 em as it is set: the lecture's ŷ fits, a 2-2-2-1 sigmoid net's does not", () => {
    const lecture = toLatex(parse('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3'));
    const deeper = toLatex(parse('sigmoid(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3)'));
    expect([glyphCount(lecture), glyphCount(deeper)]).toEqual([38, 59]);
    expect([mayNotFitALine(lecture), mayNotFitALine(deeper)]).toEqual([false, true]);
    // 45 glyphs, not over the 45 once allowed, but 27 em: its operators and their spaces are wide.
    const factor = '1 + x_{2} (1 - \\operatorname{sigmoid}{(-x_{1} - 2 x_{2} + 2 x_{3})}) \\frac{\\partial}{\\partial x_{2}}\\left[-x_{1} - 2 x_{2} + 2 x_{3}\\right]';
    expect(glyphCount(factor)).toBe(45);
    expect(mayNotFitALine(factor)).toBe(true);
  });
});
