/** Matrices in LaTeX (src/parse/latex-matrix.ts), read through parseLatex as a student types them. */
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { parseLatex } from '../../src/parse/latex.js';
import { parse } from '../../src/parse/parse.js';
import { equal } from '../../src/expr/equal.js';
import { toText } from '../../src/print/text.js';
import { ParseError } from '../../src/errors.js';

/** [LaTeX, the same matrix in the text syntax]: rows are \\-separated, entries &-separated. */
const SAME: readonly (readonly [string, string])[] = [
  ['\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\ -1/x_2 & \\frac{x_1}{x_2^2} \\end{bmatrix}', '[2, 1; 0, pi; -1/x2, x1/x2^2]'],
  ['\\begin{pmatrix} a \\\\ b \\end{pmatrix}', '[a; b]'],
  ['\\begin{bmatrix} 1 & -2 & \\frac{1}{4} \\end{bmatrix}', '[[1, -2, 1/4]]'],
  ['\\begin{bmatrix} a & b \\\\ c & d \\\\ \\end{bmatrix}', '[a, b; c, d]'],
  // The keys' own row spacing, as a student copies it.
  ['\\begin{bmatrix} \\frac{3}{4} \\\\[0.4em] -1 \\\\[2pt] x_1 \\end{bmatrix}', '[3/4; -1; x1]'],
  ['\\begin{array}{cc} a & b \\end{array}', '[[a, b]]'],
];

describe('LaTeX matrices read as the text syntax does', () => {
  it.each(SAME)('%s', (latex, text) => {
    const e = parseLatex(latex);
    expect(toText(e)).toBe(toText(parse(text)));
    expect(equal(e, parse(text))).toBe(true);
  });
});

/** [LaTeX, column, message] */
const ERRORS: readonly (readonly [string, number, RegExp])[] = [
  ['\\begin{bmatrix} a & b \\\\ c \\end{bmatrix}', 1, /row 2 of the matrix has 1 entry but row 1 has 2 entries/],
  ['\\begin{bmatrix} a & b', 22, /not closed by \\end\{bmatrix\}/],
  ['\\begin{vmatrix} a \\end{vmatrix}', 1, /determinants/],
  ['\\begin{bmatrix} a \\end{pmatrix}', 19, /\\begin\{bmatrix\} at column 1 is closed by \\end\{pmatrix\}/],
  ['\\begin{cases} a \\end{cases}', 17, /expected '&' and the condition of this case/],
  ['\\begin{cases} a & \\text{foo} \\end{cases}', 17, /expected a condition such as z > 0, or \\text\{otherwise\}, after '&'; not 'foo'/],
  ['\\begin{cases} a & x \\end{cases}', 21, /expected a comparison such as z > 0/],
  ['\\begin{bmatrix} \\end{bmatrix}', 1, /an empty matrix/],
  ['\\begin bmatrix', 8, /expected \{name\} after/],
];

describe('matrix errors name the column in the LaTeX', () => {
  it.each(ERRORS)('%s', (latex, column, message) => {
    const e = thrown(() => parseLatex(latex), ParseError);
    expect(e).toBeInstanceOf(ParseError);
    expect(e.message).toMatch(message);
    expect(e.column).toBe(column);
  });

  it('counts a matrix as a level of nesting', () => {
    const deep = `${'\\begin{bmatrix}'.repeat(30)}x${'\\end{bmatrix}'.repeat(30)}`;
    expect(() => parseLatex(deep, { limits: { maxDepth: 40 } })).toThrow(/nested deeper than 40 levels/);
  });
});
