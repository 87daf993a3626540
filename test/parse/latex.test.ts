/**
 * The LaTeX reader: students' LaTeX reads into the same trees as the text syntax, and every error
 * names a column of the LaTeX the student typed.
 */
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { looksLikeLatex, parseLatex, parseMath } from '../../src/parse/latex.js';
import { parse } from '../../src/parse/parse.js';
import { equal } from '../../src/expr/equal.js';
import { call, matrix, sym } from '../../src/expr/build.js';
import { toText } from '../../src/print/text.js';
import { ParseError } from '../../src/errors.js';

/** [LaTeX, the same expression in the text syntax] */
const SAME: readonly (readonly [string, string])[] = [
  // The lecture's ∂ŷ/∂w₁, as typed in several ways.
  ["w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1", "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
  ['w_{5}\\sigma^{\\prime}\\left(w_{1}x_{1}+w_{2}x_{2}+b_{1}\\right)x_{1}', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
  ['w_5 \\cdot \\sigma^\\prime(w_1 x_1 + w_2 x_2 + b_1) \\times x_1', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
  ["w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁", "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
  ['\\frac{1}{2}(\\hat{y} - y)^{2}', '1/2*(yhat - y)^2'],
  ['\\frac12 x', '1/2*x'],
  ['\\dfrac{x_1}{x_2^2}', 'x1/x2^2'],
  ['\\hat{y}_2 - y_2', 'yhat2 - y2'],
  ['\\hat y', 'yhat'],
  // Subscripts end a name; a run of letters and digits is one name, as in the text syntax.
  ['w_1x_1', 'w1*x1'],
  ['x_{12}', 'x12'],
  ['w1x1', 'w1x1'],
  ['u w', 'u*w'],
  ['2x', '2*x'],
  ['\\mathbf{W}^{(1)}_{2,1}', 'W1_2_1'],
  ['b^{(2)}_{1}', 'b2_1'],
  // Two digits after a layer index are a row and a column, as W⁽¹⁾₂₁ reads in the lecture.
  ['W^{(1)}_{21}', 'W1_2_1'],
  ['W^{(1)}', 'W1'],
  // Functions.
  ['\\operatorname{ReLU}(z)', 'relu(z)'],
  ["\\text{relu}'(z)", "relu'(z)"],
  ['\\mathrm{sigmoid}(z)\\left(1 - \\mathrm{sigmoid}(z)\\right)', 'sigmoid(z)*(1 - sigmoid(z))'],
  ["\\sigma''(z)", "sigma''(z)"],
  ["\\tanh'(z)", "tanh'(z)"],
  ['\\sqrt{x}', 'sqrt(x)'],
  ['\\sqrt[3]{x}', 'cbrt(x)'],
  ['\\exp(x)', 'exp(x)'],
  ['e^{x}', 'exp(x)'],
  ['\\ln x', 'log(x)'],
  ['\\log x + 1', 'log(x) + 1'],
  ['\\sin 2x \\cos x', 'sin(2*x)*cos(x)'],
  ['\\sin^2 x', 'sin(x)^2'],
  ['\\max(0, z)', 'relu(z)'],
  ['\\left| x - 1 \\right|', 'abs(x - 1)'],
  ['|x|', 'abs(x)'],
  // Greek letters, constants, operators.
  ['\\alpha \\beta', 'alpha*beta'],
  ['\\varepsilon', 'epsilon'],
  ['2\\pi x', '2*pi*x'],
  ['x \\cdot -y', '-x*y'],
  ['-2x^2', '-2*x^2'],
  ['x^{-1}', '1/x'],
  // LaTeX's one-token exponent: x^23 is x²·3.
  ['x^23', 'x^2*3'],
  ['[a+b]c', '(a + b)*c'],
  ['[a, b]', '[a, b]'],
  ['x \\, y \\quad z', 'x*y*z'],
  // Matrices: test/parse/latex-matrix.test.ts.
];

describe('LaTeX reads as the text syntax does', () => {
  it.each(SAME)('%s', (latex, text) => {
    const e = parseLatex(latex);
    expect(toText(e)).toBe(toText(parse(text)));
    expect(equal(e, parse(text))).toBe(true);
  });
});

describe('transposes are call("transpose", [x]), as in the text syntax', () => {
  it.each(['W^{\\top}', 'W^\\top', 'W^T', 'W^{T}', 'W^{\\intercal}', 'W^{\\mathsf{T}}', 'W^\\mathsf{T}', 'Wᵀ'])('%s', (latex) => {
    expect(equal(parseLatex(latex), call('transpose', [sym('W')]))).toBe(true);
  });

  it('transposes a bracketed matrix, and keeps e^T and 2^T as powers', () => {
    const w = parseLatex('\\begin{bmatrix} w_5 \\\\ w_6 \\end{bmatrix}^{T}');
    expect(equal(w, call('transpose', [matrix(2, 1, [sym('w5'), sym('w6')])]))).toBe(true);
    expect(toText(parseLatex('2^T'))).toBe('2^T');
  });
});

/** [LaTeX, column, message] */
const ERRORS: readonly (readonly [string, number, RegExp])[] = [
  ['(x', 3, /expected '\)' to close '\(' at column 1/],
  ['x)', 2, /unexpected '\)'/],
  ['\\frac{\\partial y}{\\partial x}', 7, /∂ is not part of an answer/],
  ['\\foo', 1, /unknown command \\foo/],
  ["x'", 1, /a prime marks the derivative of a function/],
  ['a = b', 3, /write only the expression/],
  ['x_1_2', 4, /double subscript/],
  ['x^2^3', 4, /double superscript/],
  ['\\sum_i x_i', 1, /write the sum out/],
  ['a & b', 3, /'&' separates the entries of a matrix/],
  ['x \\\\ y', 3, /row break/],
  ['\\', 1, /backslash at the end/],
  ['x + 😀', 5, /unexpected '😀'/],
  ["\\sigma'(a, b)", 1, /sigma′ marks the derivative of a function of one argument/],
  ['\\operatorname{relu}(a, b)', 1, /relu takes 1 argument, not 2/],
  ['', 1, /empty expression/],
];

describe('errors name the column in the LaTeX', () => {
  it.each(ERRORS)('%s', (latex, column, message) => {
    const e = thrown(() => parseLatex(latex), ParseError);
    expect(e).toBeInstanceOf(ParseError);
    expect(e.column).toBe(column);
    expect(e.message).toMatch(message);
  });
});

describe('limits', () => {
  it('refuses input over the length limit before reading it', () => {
    expect(() => parseLatex('x+'.repeat(1_001) + 'x', { limits: { maxLength: 2_000 } })).toThrow(/input is 2,003 characters long; the limit is 2,000/);
  });

  it('refuses nesting deeper than the limit, at the column where it goes too deep', () => {
    const deep = '{'.repeat(50) + 'x' + '}'.repeat(50);
    expect(thrown(() => parseLatex(deep, { limits: { maxDepth: 40 } }), ParseError).message).toMatch(/^column 41: nested deeper than 40 levels$/);
  });

  it('reads 10,000 minus signs and a 1,000-term sum without recursing on them', () => {
    expect(toText(parseLatex('-'.repeat(10_000) + 'x'))).toBe('x');
    expect(parseLatex(Array.from({ length: 1_000 }, (_, i) => `x_{${i}}`).join(' + ')).kind).toBe('add');
  });
});

describe('detection and positions', () => {
  it('detects LaTeX by a backslash, _{ or ^{', () => {
    expect(looksLikeLatex("w_5 \\sigma'(z)")).toBe(true);
    expect(looksLikeLatex('x_{1}')).toBe(true);
    expect(looksLikeLatex('x^{2}')).toBe(true);
    expect(looksLikeLatex("w5*sigma'(z)*x_1")).toBe(false);
    expect(parseMath('x^{2}').syntax).toBe('latex');
    expect(parseMath('x^2').syntax).toBe('text');
    expect(toText(parseMath('x^{2}').expr)).toBe(toText(parseMath('x^2').expr));
  });

  it('records the column where each name first appears', () => {
    const positions = new Map<string, number>();
    parseLatex("w_5 \\sigma'(q_{1} + \\hat{y})", { positions });
    expect(Object.fromEntries(positions)).toEqual({ w5: 1, sigma: 5, q1: 13, yhat: 21 });
  });
});
