import { describe, expect, it } from 'vitest';
import { keepShortGroups } from '../../src/print/groups.js';

describe('keepShortGroups: short parenthesized sums are kept on one line', () => {
  it.each([
    ["w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}", "w_{5} \\sigma'{(w_{1} x_{1} + w_{2} x_{2} + b_{1})} x_{1}"],
    ['(\\hat{y} - y) w_{5}', '{(\\hat{y} - y)} w_{5}'],
    // Parentheses inside braces (a layer's superscript) do not end the group.
    ['\\sigma(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)})', '\\sigma{(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)})}'],
    // The outer group of a long sum stays breakable; its short inner groups are kept whole.
    [
      '(w_{5} \\sigma(w_{1} x_{1} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + b_{2}) + b_{3} - y) x_{1}',
      '(w_{5} \\sigma{(w_{1} x_{1} + b_{1})} + w_{6} \\sigma{(w_{3} x_{1} + b_{2})} + b_{3} - y) x_{1}',
    ],
  ])('%s', (latex, grouped) => {
    expect(keepShortGroups(latex)).toBe(grouped);
  });

  it.each([
    ['a group with no + or − to break at', '\\sigma(z) + f(x_{1})'],
    ['sized delimiters', '\\left(\\frac{a}{b} + c\\right) + \\biggl(a + b\\biggr)'],
    ['a group longer than 16 glyphs', '\\sigma(w_{1} x_{1} + w_{2} x_{2} + w_{3} x_{3} + w_{4} x_{4} + b_{1})'],
    ['a group across a matrix cell or row', '\\begin{bmatrix} (a & b) \\\\ (c \\\\ d) \\end{bmatrix} + (e'],
    ['escaped parentheses and braces', '\\(a + b\\) \\{c + d\\}'],
  ])('leaves %s alone', (_, latex) => {
    expect(keepShortGroups(latex)).toBe(latex);
  });
});
