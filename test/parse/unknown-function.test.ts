/**
 * A name of two or more letters before `(` that is no function is an error with a suggestion; it
 * used to be read as a product, so `diff "sigmod(w*x)" --wrt w` printed sigmod*x with exit 0.
 */
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { call, mul, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parse } from '../../src/parse/parse.js';
import { parseLatex } from '../../src/parse/latex.js';
import { editDistance, unknownFunction } from '../../src/parse/unknown-function.js';
import { toText } from '../../src/print/text.js';
import { ParseError } from '../../src/errors.js';

describe('a misspelled function', () => {
  it.each([
    ['sigmod(w*x)', 1, "unknown function 'sigmod'; did you mean sigmoid?"],
    ['relU(w*x)', 1, "unknown function 'relU'; did you mean relu?"],
    ['Sigma(w*x)', 1, "unknown function 'Sigma'; did you mean sigma?"],
    ['Σ(w*x)', 1, "unknown function 'Sigma'; did you mean sigma?"],
    ['foo(x)', 1, "unknown function 'foo'; write foo*(…) for a product"],
    ['w5*sigmiod(z) + b', 4, "unknown function 'sigmiod'; did you mean sigmoid?"],
    ['x + tanhh (x)', 5, "unknown function 'tanhh'; did you mean tanh?"],
    ['σ(z)·sqr(z)', 6, "unknown function 'sqr'; did you mean sqrt?"],
    ['Tanh(x)', 1, "unknown function 'Tanh'; did you mean tanh?"],
    // Short names get no far-fetched suggestion: ex is not exp, foo is not cos.
    ['2*ex(x)', 3, "unknown function 'ex'; write ex*(…) for a product"],
  ])('%j: column %i, %s', (source, column, reason) => {
    const e = thrown(() => parse(source), ParseError);
    expect(e.message).toBe(`column ${column}: ${reason}`);
  });

  it('is pointed at as a name, not inside a longer one (and declared functions are suggested too)', () => {
    expect(thrown(() => parse('xfoo(1) + foo(x)', { functions: ['xfoo'] }), ParseError).message).toBe(
      "column 11: unknown function 'foo'; did you mean xfoo?",
    );
  });

  it('is an error in LaTeX too, where a run of letters is one name', () => {
    expect(thrown(() => parseLatex('w_5 \\cdot sigmod(w_1 x_1)'), ParseError).message).toBe("column 11: unknown function 'sigmod'; did you mean sigmoid?");
    expect(thrown(() => parseLatex('\\sigma(z) + relU(z)'), ParseError).message).toBe("column 13: unknown function 'relU'; did you mean relu?");
  });

  it('is a call when declared as a function', () => {
    expect(equal(parse('foo(x)', { functions: ['foo'] }), call('foo', [sym('x')]))).toBe(true);
    expect(equal(parseLatex('foo(x)', { functions: ['foo'] }), call('foo', [sym('x')]))).toBe(true);
  });
});

describe('products before ( that stay products', () => {
  it.each([
    ['x1(w5 + 1)', 'x1*(w5 + 1)'],
    ['w1(x + 1)', 'w1*(x + 1)'],
    ['x2(x + 1)', 'x2*(x + 1)'],
    ['w(x + 1)', 'w*(x + 1)'],
    ['yhat(1 - yhat)', 'yhat*(1 - yhat)'],
    ['ŷ(1 − ŷ)', 'yhat*(1 - yhat)'],
    ['y_hat(1 - y)', 'yhat*(1 - y)'],
    ['w - eta(g1 + g2)', 'w - eta*(g1 + g2)'],
    ['w₁ − ε(ŷ − y)x₁', 'w1 - epsilon*(yhat - y)*x1'],
    ['delta(1 - delta)', 'delta*(1 - delta)'],
    ['2pi(x + 1)', '2*pi*(x + 1)'],
    ['W1_2_1(x + 1)', 'W1_2_1*(x + 1)'],
  ])('%s is %s', (source, text) => {
    expect(toText(parse(source))).toBe(text);
  });

  it('in LaTeX: Greek letters, \\hat{y} and names in a font command', () => {
    for (const [source, text] of [
      ['\\hat{y}(1 - \\hat{y})', 'yhat*(1 - yhat)'],
      ['\\eta(x + 1)', 'eta*(x + 1)'],
      ['\\Sigma(x + 1)', 'Sigma*(x + 1)'],
      ['\\mathrm{lr}(g)', 'lr*g'],
      ['w_1(x + 1)', 'w1*(x + 1)'],
    ]) {
      expect(toText(parseLatex(source)), source).toBe(text);
    }
  });

  it('for the names the caller says are variables (the checker: uw where u and w are)', () => {
    const isVariable = (name: string): boolean => name === 'uw';
    expect(equal(parse('uw(x + 1)', { isVariable }), mul(sym('uw'), parse('x + 1')))).toBe(true);
    expect(equal(parseLatex('uw(x + 1)', { isVariable }), mul(sym('uw'), parse('x + 1')))).toBe(true);
    expect(thrown(() => parse('uv(x + 1)', { isVariable }), ParseError).reason).toBe("unknown function 'uv'; write uv*(…) for a product");
  });
});

describe('unknownFunction', () => {
  const known = { functions: [], aliases: [] };
  it('suggests the nearest name within 2 edits, fewer for short names', () => {
    expect(unknownFunction('softplsu', known)).toBe("unknown function 'softplsu'; did you mean softplus?");
    expect(unknownFunction('sigmoidd', known)).toBe("unknown function 'sigmoidd'; did you mean sigmoid?");
    expect(unknownFunction('exo', known)).toBe("unknown function 'exo'; did you mean exp?");
    expect(unknownFunction('expp', { functions: [], aliases: [] })).toBe("unknown function 'expp'; did you mean exp?");
    expect(unknownFunction('phu', { functions: ['phu'], aliases: [] })).toBe("unknown function 'phu'; did you mean phu?");
    expect(unknownFunction('qwerty', known)).toBe("unknown function 'qwerty'; write qwerty*(…) for a product");
    expect(unknownFunction('x1', known)).toBeUndefined();
    expect(unknownFunction('w', known)).toBeUndefined();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('sigmiod', 'sigmoid')).toBe(1);
    expect(editDistance('sigmod', 'sigmoid')).toBe(1);
    expect(editDistance('sigmod', 'sigma')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
