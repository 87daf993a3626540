/**
 * Every worked example of the lecture (CS 4342, Class 19: neural networks)
 * comes out of gradsheet in the lecture's form.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/types.js';
import { call, deriv, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { toLatex } from '../../src/print/latex.js';
import { derive, differentiate } from '../../src/calculus/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';

const YHAT = 'w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3';
const Z1 = 'w1*x1 + w2*x2 + b1';
const Z2 = 'w3*x1 + w4*x2 + b2';

const d = (source: string, wrt: string): string => toText(differentiate(parse(source), wrt));

/** Whether two lists hold the same expressions, in any order. */
function sameMultiset(a: readonly Expr[], b: readonly Expr[]): boolean {
  const rest = [...b];
  for (const x of a) {
    const i = rest.findIndex((y) => equal(x, y));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return rest.length === 0;
}

describe('exercise: ∂/∂w [v·σ(uw + z)] = uvσ′(uw + z)', () => {
  it('is the product v·σ′(u*w + z)·u, in some order, and nothing else', () => {
    const result = differentiate(parse('v*sigma(u*w+z)'), 'w');
    expect(result.kind).toBe('mul');
    const factors = result.kind === 'mul' ? result.factors : [];
    const expected = [sym('v'), deriv('sigma', [1], [parse('u*w + z')]), sym('u')];
    expect(sameMultiset(factors, expected), toText(result)).toBe(true);
  });

  it('keeps the chain-rule order: outer factor, σ′, inner derivative', () => {
    expect(d('v*sigma(u*w+z)', 'w')).toBe("v*sigma'(u*w + z)*u");
  });
});

describe('the XOR network ŷ = w5σ(w1x1 + w2x2 + b1) + w6σ(w3x1 + w4x2 + b2) + b3', () => {
  it('∂ŷ/∂w1 is exactly w5·σ′(w1x1 + w2x2 + b1)·x1', () => {
    expect(d(YHAT, 'w1')).toBe(`w5*sigma'(${Z1})*x1`);
    expect(equal(differentiate(parse(YHAT), 'w1'), parse(`w5*sigma'(${Z1})*x1`))).toBe(true);
  });

  it('∂ŷ/∂b2 (the lecture’s exercise) is w6·σ′(w3x1 + w4x2 + b2)', () => {
    expect(d(YHAT, 'b2')).toBe(`w6*sigma'(${Z2})`);
  });

  it.each([
    ['w1', `w5*sigma'(${Z1})*x1`],
    ['w2', `w5*sigma'(${Z1})*x2`],
    ['w3', `w6*sigma'(${Z2})*x1`],
    ['w4', `w6*sigma'(${Z2})*x2`],
    ['w5', `sigma(${Z1})`],
    ['w6', `sigma(${Z2})`],
    ['b1', `w5*sigma'(${Z1})`],
    ['b2', `w6*sigma'(${Z2})`],
    ['b3', '1'],
  ])('all nine partials: ∂ŷ/∂%s = %s', (wrt, expected) => {
    expect(d(YHAT, wrt)).toBe(expected);
  });

  it('with ReLU in place of σ, relu′ takes the place of σ′', () => {
    const relu = YHAT.replace(/sigma/g, 'relu');
    expect(d(relu, 'w1')).toBe(`w5*relu'(${Z1})*x1`);
    expect(d(relu, 'b2')).toBe(`w6*relu'(${Z2})`);
    const result = differentiate(parse(relu), 'w1');
    expect(equal(result, parse(`w5*relu'(${Z1})*x1`))).toBe(true);
    // relu′ is the derivative node of relu, as σ′ is of σ.
    expect(result.kind === 'mul' && result.factors.some((f) => equal(f, deriv('relu', [1], [parse(Z1)])))).toBe(true);
  });

  it('prints ∂ŷ/∂w1 in the lecture’s LaTeX', () => {
    expect(toLatex(differentiate(parse(YHAT), 'w1'))).toBe("w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
  });
});

describe('the MSE cost f = ½(ŷ − y)²', () => {
  const mse = `1/2*(${YHAT} - y)^2`;

  it('∂f/∂ŷ = ŷ − y', () => {
    expect(d('1/2*(yhat - y)^2', 'yhat')).toBe('yhat - y');
  });

  it('∂f/∂w1 = (ŷ − y)·∂ŷ/∂w1, factored, not expanded', () => {
    expect(d(mse, 'w1')).toBe(
      `(w5*sigma(${Z1}) + w6*sigma(${Z2}) + b3 - y)*w5*sigma'(${Z1})*x1`,
    );
    const result = differentiate(parse(mse), 'w1');
    // The first factor is the whole residual ŷ − y, still a sum: nothing was multiplied out.
    expect(result.kind === 'mul' && equal(result.factors[0], parse(`${YHAT} - y`))).toBe(true);
  });

  it('∂f/∂b3 = ŷ − y', () => {
    expect(d(mse, 'b3')).toBe(`w5*sigma(${Z1}) + w6*sigma(${Z2}) + b3 - y`);
  });
});

describe('derive(ŷ, w1): the lecture’s four steps', () => {
  const derivation = derive(parse(YHAT), 'w1');
  const steps = derivation.steps;

  it('applies exactly: sum, constant multiple, chain, linear', () => {
    expect(steps.map((s) => s.rule)).toEqual(['sum', 'constant-multiple', 'chain', 'linear']);
  });

  it('says why, in the lecture’s words', () => {
    // "This is the only term that depends on w1."
    expect(steps[0].because).toMatch(/^Only the term w5\*sigma\(w1\*x1 \+ w2\*x2 \+ b1\) depends on w1\b/);
    // "It has the form: cσ(z) where z is a function of w1."
    expect(steps[1].because).toContain(`It has the form c·σ(z) with c = w5 and z = ${Z1}`);
    // "∂/∂w1 [cσ(z)] = cσ′(z) ∂z/∂w1"
    expect(steps[1].because).toContain('∂/∂w1[c·σ(z)] = c·∂σ(z)/∂w1');
    expect(steps[2].because).toContain('c·σ′(z)·∂z/∂w1');
    expect(steps[2].because).toContain(`z = ${Z1}`);
    // ∂z/∂w1 = x1.
    expect(steps[3].because).toContain('∂z/∂w1 = x1');
  });

  it('shows the whole expression after each step, ending at the derivative', () => {
    expect(steps.map((s) => toText(s.expr))).toEqual([
      `∂/∂w1[w5*sigma(${Z1})]`,
      `w5*∂/∂w1[sigma(${Z1})]`,
      `w5*sigma'(${Z1})*∂/∂w1[${Z1}]`,
      `w5*sigma'(${Z1})*x1`,
    ]);
    expect(equal(steps[3].expr, derivation.value)).toBe(true);
    expect(equal(derivation.value, differentiate(parse(YHAT), 'w1'))).toBe(true);
    for (const s of steps) expect(s.latex).toBe(toLatex(s.expr));
  });

  it('typesets the sentences with inline math', () => {
    expect(steps[0].becauseLatex).toContain('$w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1})$');
    expect(steps[3].becauseLatex).toContain('$x_{1}$');
  });

});

describe('the Jacobian example f(x) = [2x1 + x2, πx2, −x1/x2]', () => {
  const entries = ['2*x1+x2', 'pi*x2', '-x1/x2'];

  it.each([
    [0, 'x1', '2'],
    [0, 'x2', '1'],
    [1, 'x1', '0'],
    [1, 'x2', 'pi'],
    [2, 'x1', '-1/x2'],
    [2, 'x2', 'x1/x2^2'],
  ])('entry %i, ∂/∂%s, prints as %s', (row, wrt, expected) => {
    expect(d(entries[row], wrt)).toBe(expected);
  });

  it('differentiates a vector entry by entry', () => {
    expect(d(`[${entries.join(', ')}]`, 'x2')).toBe('[1, pi, x1/x2^2]');
  });

  it('prints the entries in LaTeX as the lecture does', () => {
    expect(toLatex(differentiate(parse('-x1/x2'), 'x1'))).toBe('-\\frac{1}{x_{2}}');
    expect(toLatex(differentiate(parse('-x1/x2'), 'x2'))).toBe('\\frac{x_{1}}{x_{2}^{2}}');
    expect(toLatex(differentiate(parse('pi*x2'), 'x2'))).toBe('\\pi');
  });
});

describe('the chain-rule example: f(g(x)) by substitution', () => {
  const composition = 'x1 + 2*x2 - 2*(x2) + (-x1 + 3)/4';

  it('simplifies, expanded and then re-factored, to the lecture’s 3/4·(x1 + 1)', () => {
    // Plain simplify keeps (−x1 + 3)/4 as written (it never distributes); the lecture's form is
    // what expanding and simplifying again gives (src/calculus/chain.ts does exactly this).
    expect(toText(simplify(parse(composition)))).toBe('x1 + 1/4*(-x1 + 3)');
    expect(toText(simplify(simplify(parse(composition), { expand: true })))).toBe('3/4*(x1 + 1)');
  });

  it('has the Jacobian [3/4, 0]', () => {
    expect(d(composition, 'x1')).toBe('3/4');
    expect(d(composition, 'x2')).toBe('0');
  });

  it('∂f/∂g = [1, −2, 1/4] for f = x1 − 2x2 + x3/4', () => {
    expect(['x1', 'x2', 'x3'].map((v) => d('x1 - 2*x2 + x3/4', v))).toEqual(['1', '-2', '1/4']);
  });
});

describe('abstract and concrete activations', () => {
  it('σ stays abstract: its derivative is σ′, never a formula', () => {
    expect(equal(differentiate(call('sigma', [sym('z')]), 'z'), deriv('sigma', [1], [sym('z')]))).toBe(true);
  });

  it.each([
    ['sigmoid(z)', 'sigmoid(z)*(1 - sigmoid(z))'],
    ['tanh(z)', '1 - tanh(z)^2'],
    ['identity(z)', '1'],
    ['relu(z)', "relu'(z)"],
  ])('∂/∂z %s = %s', (e, expected) => {
    expect(d(e, 'z')).toBe(expected);
  });
});
