/** LaTeX in the lecture's notation, pinned with inline snapshots. */
import { describe, expect, it } from 'vitest';
import { add, call, deriv, diff, matrix, mul, num, pow, sym, vector } from '../../src/expr/build.js';
import { parse } from '../../src/parse/parse.js';
import { bmatrixLatex, derivativeOfLatex, latexList, paren, partialLatex, toLatex } from '../../src/print/latex.js';
import { displayHtml } from '../../src/render/katex.js';
import { nameLatex } from '../../src/print/names.js';
import { differentiate } from '../../src/calculus/differentiate.js';

const tex = (source: string): string => toLatex(parse(source));

describe('names', () => {
  it('indexes weights, inputs and biases with subscripts', () => {
    expect(tex('w1')).toMatchInlineSnapshot(`"w_{1}"`);
    expect(tex('x2')).toMatchInlineSnapshot(`"x_{2}"`);
    expect(tex('b3')).toMatchInlineSnapshot(`"b_{3}"`);
  });

  it('writes the prediction with a hat', () => {
    expect(tex('yhat')).toMatchInlineSnapshot(`"\\hat{y}"`);
    expect(tex('yhat2')).toMatchInlineSnapshot(`"\\hat{y}_{2}"`);
  });

  it('writes indexed names as entries of W⁽ˡ⁾ and b⁽ˡ⁾', () => {
    expect(nameLatex('W1_2_1')).toMatchInlineSnapshot(`"W^{(1)}_{2,1}"`);
    expect(nameLatex('b1_2')).toMatchInlineSnapshot(`"b^{(1)}_{2}"`);
  });

  it('writes Greek by name, other long names upright', () => {
    expect(tex('epsilon*x')).toMatchInlineSnapshot(`"\\epsilon x"`);
    expect(tex('lr*x')).toMatchInlineSnapshot(`"\\mathrm{lr} x"`);
  });
});

describe('functions', () => {
  it('writes σ and its derivatives with primes', () => {
    expect(toLatex(deriv('sigma', [1], [sym('z')]))).toMatchInlineSnapshot(`"\\sigma'(z)"`);
    expect(tex("sigma''(z)")).toMatchInlineSnapshot(`"\\sigma''(z)"`);
    expect(toLatex(deriv('sigma', [4], [sym('z')]))).toMatchInlineSnapshot(`"\\sigma^{(4)}(z)"`);
  });

  it('writes σ′(·) as the lecture does', () => {
    // σ′ applied to a placeholder symbol, whose LaTeX is then replaced by the lecture's dot.
    const placeholder = toLatex(sym('arg'));
    expect(toLatex(deriv('sigma', [1], [sym('arg')])).replace(placeholder, '\\cdot')).toMatchInlineSnapshot(`"\\sigma'(\\cdot)"`);
  });

  it('writes partials of functions of several arguments with ∂ᵢ', () => {
    expect(tex('D[1](f)(x, y)')).toMatchInlineSnapshot(`"\\partial_{1} f(x, y)"`);
    expect(tex('D[1,2](f)(x, y)')).toMatchInlineSnapshot(`"\\partial_{1} \\partial_{2} f(x, y)"`);
  });

  it('writes the activations by name', () => {
    expect(tex('relu(z) + sigmoid(z) + tanh(z) + identity(z) + softplus(z)')).toMatchInlineSnapshot(`"\\operatorname{ReLU}(z) + \\operatorname{sigmoid}(z) + \\tanh(z) + \\operatorname{id}(z) + \\operatorname{softplus}(z)"`);
    expect(tex("relu'(z)")).toMatchInlineSnapshot(`"\\operatorname{ReLU}'(z)"`);
  });

  it('writes elementary functions in the usual way', () => {
    expect(tex('sqrt(x) + exp(x) + log(x) + log(x, 2) + abs(x) + sin(x)^2')).toMatchInlineSnapshot(`"\\sqrt{x} + e^{x} + \\ln(x) + \\log_{2}(x) + \\left|x\\right| + \\sin(x)^{2}"`);
    expect(tex('nthRoot(x, 3) + cbrt(x) + atan(x) + asinh(x)')).toMatchInlineSnapshot(`"\\sqrt[3]{x} + \\sqrt[3]{x} + \\arctan(x) + \\operatorname{arsinh}(x)"`);
  });
});

describe('products, fractions and parentheses', () => {
  it('puts simple factors side by side, without \\cdot', () => {
    expect(tex('w5*sigma(w1*x1 + w2*x2 + b1)*x1')).toMatchInlineSnapshot(`"w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}"`);
    expect(tex('u*v*w')).toMatchInlineSnapshot(`"u v w"`);
    expect(tex('2*x')).toMatchInlineSnapshot(`"2 x"`);
  });

  it('uses \\cdot only before a digit', () => {
    expect(toLatex(mul(sym('x'), pow(num(2), sym('y'))))).toMatchInlineSnapshot(`"x \\cdot 2^{y}"`);
  });

  it('uses parentheses only where needed', () => {
    expect(tex('(a + b)*c')).toMatchInlineSnapshot(`"(a + b) c"`);
    expect(tex('a + b*c')).toMatchInlineSnapshot(`"a + b c"`);
    expect(tex('(a*b)^2')).toMatchInlineSnapshot(`"(a b)^{2}"`);
    expect(tex('a*b^2')).toMatchInlineSnapshot(`"a b^{2}"`);
    expect(tex('(a + b)^2')).toMatchInlineSnapshot(`"(a + b)^{2}"`);
    expect(tex('-(a + b)')).toMatchInlineSnapshot(`"-(a + b)"`);
    expect(tex('a - (b + c)')).toMatchInlineSnapshot(`"a - (b + c)"`);
    expect(tex('sigma(a + b)')).toMatchInlineSnapshot(`"\\sigma(a + b)"`);
  });

  it('writes quotients as \\frac and rationals exactly', () => {
    expect(tex('3/4')).toMatchInlineSnapshot(`"\\frac{3}{4}"`);
    expect(tex('-x1/x2')).toMatchInlineSnapshot(`"-\\frac{x_{1}}{x_{2}}"`);
    expect(tex('x1/x2^2')).toMatchInlineSnapshot(`"\\frac{x_{1}}{x_{2}^{2}}"`);
    expect(tex('(a + b)/(c + d)')).toMatchInlineSnapshot(`"\\frac{a + b}{c + d}"`);
    expect(tex('3/4*(x1 + 1)')).toMatchInlineSnapshot(`"\\frac{3}{4} (x_{1} + 1)"`);
  });

  it('writes roots and exponentials', () => {
    expect(tex('x^(1/2)')).toMatchInlineSnapshot(`"\\sqrt{x}"`);
    expect(tex('e^(2*x)')).toMatchInlineSnapshot(`"e^{2 x}"`);
    expect(tex('sqrt(x)^3')).toMatchInlineSnapshot(`"\\left(\\sqrt{x}\\right)^{3}"`);
  });

  it('grows parentheses around tall content', () => {
    expect(paren('\\frac{1}{2}')).toMatchInlineSnapshot(`"\\left(\\frac{1}{2}\\right)"`);
    expect(paren('x + 1')).toMatchInlineSnapshot(`"(x + 1)"`);
  });

  it('gives a long tall body parentheses of a fixed size, so that it can break after +', () => {
    const long = Array.from({ length: 8 }, (_, i) => `w_{${i}} \\frac{\\partial}{\\partial x} x_{${i}}`).join(' + ');
    expect(paren(long)).toBe(`\\biggl(${long}\\biggr)`);
    // A matrix inside keeps \left(…\right): a fixed size could be too small for it.
    expect(paren(`${long} + \\begin{bmatrix} 1 \\end{bmatrix}`)).toMatch(/^\\left\(/);
  });

  it('gives a tall factor parentheses of a fixed size when the product it is in may not fit its line', () => {
    // Factors side by side never break between them. A sigmoid's product rule, sigmoid(z) (1 +
    // x₂(1 − sigmoid(z)) ∂z/∂x₂), set in \left(…\right), was one piece of 38 em and ran 56 pt into
    // the LaTeX margin. Here the factor alone is 14 em and the product 33 em.
    const z = parse('-x1 - 2*x2 + 2*x3');
    const factor = add(num(1), mul(sym('x2'), diff(z, 'x2')));
    expect(toLatex(mul(sym('x1'), factor))).toMatch(/^x_\{1\} \\left\(1 \+ .*\\right\)$/);
    expect(toLatex(mul(call('sigmoid', [z]), call('tanh', [z]), factor))).toMatch(/^\\operatorname\{sigmoid\}.* \\biggl\(1 \+ .*\\biggr\)$/);
  });

  it('writes ∂/∂w [f] with growing brackets, or with fixed ones around a body that may not fit its line', () => {
    expect(toLatex(diff(parse('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3'), 'w1'))).toMatch(/^\\frac\{\\partial\}\{\\partial w_\{1\}\}\\left\[w_\{5\}.*\\right\]$/);
    const deep = parse('sigmoid(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3)');
    expect(toLatex(diff(deep, 'w1'))).toMatch(/^\\frac\{\\partial\}\{\\partial w_\{1\}\}\\bigl\[\\operatorname\{sigmoid\}.*\\bigr\]$/);
    expect(derivativeOfLatex('w1', parse(`${'x1/(1 + w1) + '.repeat(12)}1`))).toMatch(/^\\frac\{\\partial\}\{\\partial w_\{1\}\}\\biggl\[.*\\biggr\]$/);
  });
});

describe('the lecture’s forms', () => {
  it('writes ŷ of the XOR network', () => {
    expect(tex('w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3')).toMatchInlineSnapshot(`"w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + w_{4} x_{2} + b_{2}) + b_{3}"`);
  });

  it('writes ∂ŷ/∂w1 as a fraction of partials', () => {
    expect(partialLatex('\\hat{y}', 'w1')).toMatchInlineSnapshot(`"\\frac{\\partial \\hat{y}}{\\partial w_{1}}"`);
    expect(partialLatex(toLatex(sym('yhat')), 'b2')).toMatchInlineSnapshot(`"\\frac{\\partial \\hat{y}}{\\partial b_{2}}"`);
  });

  it('writes the MSE and its gradient', () => {
    expect(tex('1/2*(yhat - y)^2')).toMatchInlineSnapshot(`"\\frac{1}{2} (\\hat{y} - y)^{2}"`);
    expect(toLatex(differentiate(parse('1/2*(w5*sigma(w1*x1+w2*x2+b1) + b3 - y)^2'), 'w1'))).toMatchInlineSnapshot(`"(w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + b_{3} - y) w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}"`);
  });

  it('spaces out the rows of a matrix next to a row with a fraction, in text style', () => {
    // Before: \\dfrac entries and no extra space; in a column of them each denominator
    // overprinted the next numerator.
    expect(bmatrixLatex([['1'], ['\\frac{9}{10}'], ['2'], ['3']])).toBe('\\begin{bmatrix} 1 \\\\[0.4em] \\frac{9}{10} \\\\[0.4em] 2 \\\\ 3 \\end{bmatrix}');
    expect(toLatex(parse('[3/4, 0; 1, 2]'))).toBe('\\begin{bmatrix} \\frac{3}{4} & 0 \\\\[0.4em] 1 & 2 \\end{bmatrix}');
    expect(toLatex(parse('[1, 2; 3, 4]'))).not.toMatch(/\\\\\[|dfrac/);
  });

  it('sets a long 1×1 matrix in fixed-size brackets, which break after + as a matrix never does', () => {
    const long = toLatex(parse('[[w7*relu(w1*x1 + w2*x2 + w3*x3 + b1) + w8*relu(w4*x1 + w5*x2 + w6*x3 + b2) + b3 - y]]'));
    expect(long).toMatch(/^\\bigl\[w_\{7\} .* - y\\bigr\]$/);
    // Long as it is set (28 em: print/measure.ts), with a fraction: brackets tall enough for it.
    expect(toLatex(parse('[[x1/2 + w1*w2*w3*w4*w5*w6*w7*w8*w9*x1*x2*x3*x4*x5*x6*x7*x8*x9*x10*x11*x12*x13]]'))).toMatch(/^\\Bigl\[.*\\Bigr\]$/);
    expect(toLatex(parse('[[w5*x1 + b3]]'))).toBe('\\begin{bmatrix} w_{5} x_{1} + b_{3} \\end{bmatrix}');
  });

  it('writes vectors and matrices as bmatrix', () => {
    expect(toLatex(vector([parse('2*x1 + x2'), parse('pi*x2'), parse('-x1/x2')]))).toMatchInlineSnapshot(`"\\begin{bmatrix} 2 x_{1} + x_{2} \\\\ \\pi x_{2} \\\\[0.4em] -\\frac{x_{1}}{x_{2}} \\end{bmatrix}"`);
    expect(toLatex(matrix(2, 2, ['w1', 'w2', 'w3', 'w4'].map(sym)))).toMatchInlineSnapshot(`"\\begin{bmatrix} w_{1} & w_{2} \\\\ w_{3} & w_{4} \\end{bmatrix}"`);
  });

  it.each([
    'v*sigma(u*w + z)',
    "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
    'w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3',
    "(yhat - y)*w6*relu'(w3*x1 + w4*x2 + b2)",
    '-x1/x2',
  ])('has no \\cdot and no parentheses beyond calls and sum factors: %s', (source) => {
    const latex = tex(source);
    expect(latex).not.toContain('\\cdot');
    // Each "(" opens a call's arguments or a sum that is a factor; none wraps a single symbol.
    expect(latex).not.toMatch(/\((?:[a-z]|\\hat\{y\}|[a-z]_\{\d+\})\)/);
  });

  it('writes the update rule’s pieces', () => {
    expect(tex('w1 - epsilon*(yhat - y)*x1')).toMatchInlineSnapshot(`"w_{1} - \\epsilon (\\hat{y} - y) x_{1}"`);
  });
});

describe('latexList: formulas side by side', () => {
  it('keeps each formula whole and allows a break only between them', () => {
    const list = latexList(['W = \\begin{bmatrix} 1 & 2 \\end{bmatrix}', 'b = 3', 'c = 4']);
    expect(list).toBe('{W = \\begin{bmatrix} 1 & 2 \\end{bmatrix}}, \\quad\\allowbreak {b = 3}, \\quad\\allowbreak {c = 4}');
    // KaTeX's break points are its .katex-base boxes: one per formula, none after an "=".
    expect(displayHtml(list).match(/class="katex-base"/g)).toHaveLength(3);
    expect(displayHtml('W = 1, \\quad b = 3').match(/class="katex-base"/g)?.length).toBeGreaterThan(2);
  });

  it('takes another gap, without commas, and leaves a single formula alone', () => {
    expect(latexList(['f = 1', 'g = 2'], { gap: '\\qquad', comma: false })).toBe('{f = 1} \\qquad\\allowbreak {g = 2}');
    expect(latexList(['f = 1'])).toBe('f = 1');
  });
});
