/** The differentiation rules, the raw (unsimplified) derivative and the step-by-step trace. */
import { describe, expect, it } from 'vitest';
import { deriv, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { derive, differentiate, rawDerivative } from '../../src/calculus/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';
import { proseHtml } from '../../src/render/katex.js';

const d = (source: string, wrt: string): string => toText(differentiate(parse(source), wrt));
const raw = (source: string, wrt: string): string => toText(rawDerivative(parse(source), wrt));

describe('differentiate', () => {
  it.each([
    ['x^3', 'x', '3*x^2'],
    ['x*sin(x)', 'x', 'sin(x) + x*cos(x)'],
    ['sin(x)/x', 'x', 'cos(x)/x - sin(x)/x^2'],
    ['2^x', 'x', '2^x*log(2)'],
    ['x^x', 'x', 'x^x*(1 + log(x))'],
    ['exp(2*x)', 'x', '2*exp(2*x)'],
    ['log(x)', 'x', '1/x'],
    ['sqrt(x)', 'x', '1/(2*sqrt(x))'],
    ['abs(x)', 'x', 'sign(x)'],
    ['softplus(x)', 'x', 'sigmoid(x)'],
    ['sigmoid(w*x + b)', 'w', 'sigmoid(w*x + b)*(1 - sigmoid(w*x + b))*x'],
    ['relu(w*x)', 'w', "relu'(w*x)*x"],
    ["relu'(w*x)", 'w', '0'],
    ["sigma'(w*x)", 'w', "sigma''(w*x)*x"],
    ['f(x, x^2)', 'x', 'D[1](f)(x, x^2) + 2*D[2](f)(x, x^2)*x'],
    ['g(u, v)', 'v', 'D[2](g)(u, v)'],
    ['identity(w*x)', 'w', 'x'],
    ['w*x*w', 'w', '2*x*w'],
    ['(x + 1)*(x - 1)', 'x', '2*x'],
  ])('∂/∂%s… %s by %s = %s', (source, wrt, expected) => {
    expect(d(source, wrt)).toBe(expected);
  });

  it('is 0 for an expression free of the variable, and 1 for the variable itself', () => {
    expect(d('w5*sigma(z) + pi', 'w1')).toBe('0');
    expect(d('w1', 'w1')).toBe('1');
  });

  it('differentiates vectors and matrices entry by entry', () => {
    expect(d('[x^2, sin(x)]', 'x')).toBe('[2*x, cos(x)]');
    expect(d('[x, y; x*y, 1]', 'x')).toBe('[1, 0; y, 0]');
  });

  it('is simplify(rawDerivative): the raw form is the rules’ output, unsimplified', () => {
    expect(raw('x^2', 'x')).toBe('2*x^1');
    expect(raw('1/2*(yhat - y)^2', 'yhat')).toBe('(yhat - y)^1');
    expect(raw('w*x*w', 'w')).toBe('x*w + w*x');
    for (const [s, w] of [['x^2', 'x'], ['1/2*(yhat - y)^2', 'yhat'], ['w*x*w', 'w'], ['x^x', 'x']]) {
      expect(equal(differentiate(parse(s), w), simplify(rawDerivative(parse(s), w)))).toBe(true);
    }
  });

  it('writes out the derivative of a known function typed with a mark (sigmoid′)', () => {
    expect(d("sigmoid'(x)", 'x')).toBe('sigmoid(x)*(1 - sigmoid(x))^2 - sigmoid(x)^2*(1 - sigmoid(x))');
  });

  it('raises the order of a derivative of an abstract function', () => {
    expect(equal(differentiate(parse("sigma''(x)"), 'x'), deriv('sigma', [3], [sym('x')]))).toBe(true);
    expect(d('D[1](f)(x, y)', 'y')).toBe('D[1,2](f)(x, y)');
  });
});

describe('the letters of the linear rule', () => {
  it('are z for a pre-activation, as the chain rule named it, and u for the rest (before: z was all of ŷ)', () => {
    const yhat = parse('w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3');
    const reasons = (wrt: string): string[] => derive(yhat, wrt).steps.map((s) => s.because);
    expect(reasons('w5')[0]).toMatch(/^∂u\/∂w5 = sigma\(w1\*x1 \+ w2\*x2 \+ b1\), since u = w5\*sigma/);
    expect(reasons('w1').some((r) => r.startsWith('∂z/∂w1 = x1, since z = w1*x1 + w2*x2 + b1 is linear in w1'))).toBe(true);
  });
});

describe('transposes', () => {
  it('are linear, and a number is its own transpose (before: transpose′(x), an unknown function)', () => {
    const d = (text: string): string => toText(differentiate(parse(text), 'x'));
    expect(d("x'")).toBe('1');
    expect(d("(x^2)ᵀ")).toBe('2*x');
    expect(d("[x, 2*x]'")).toBe('transpose([1, 2])');
    expect(d("(2*[x, x])'")).toBe('transpose(2*[1, 1])');
    expect(d("[x; x]'*[x; x]")).toBe('transpose([1; 1])*[x; x] + transpose([x; x])*[1; 1]');
    expect(derive(parse("[x, 3*x]'"), 'x').steps[0].because).toBe('The transpose is linear: the derivative of Aᵀ is (∂A/∂x)ᵀ.');
  });
});

describe('derive', () => {
  it('records the product rule and then each factor’s derivative', () => {
    const { steps, value } = derive(parse('x*sin(x)'), 'x');
    expect(steps.map((s) => s.rule)).toEqual(['product', 'derivative']);
    expect(steps[0].because).toContain('Product rule');
    expect(steps[1].because).toBe('The derivative of sin (here sin′(u) = cos(u)).');
    expect(toText(value)).toBe('sin(x) + x*cos(x)');
  });

  it('walks the MSE from the outside in: ½, the power, the sum, c·σ, the chain, the linear inside', () => {
    const mse = '1/2*(w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3 - y)^2';
    const { steps, value } = derive(parse(mse), 'w1');
    expect(steps.map((s) => s.rule)).toEqual(['constant-multiple', 'power', 'sum', 'constant-multiple', 'chain', 'linear']);
    expect(equal(steps[steps.length - 1].expr, value)).toBe(true);
  });

  it('after maxSteps, finishes the remaining derivatives in one step', () => {
    const { steps, value } = derive(parse('sin(sin(sin(sin(x))))'), 'x', { maxSteps: 2 });
    expect(steps.map((s) => s.rule)).toEqual(['chain', 'chain', 'remaining']);
    expect(equal(steps[2].expr, value)).toBe(true);
    expect(toText(value)).toBe('cos(sin(sin(sin(x))))*cos(sin(sin(x)))*cos(sin(x))*cos(x)');
  });

  it('ends with a "simplify" step when the trace’s last form is not yet the simplified derivative', () => {
    // Step by step, log2′(x) ends as -1/(x^2*log(2)); the fast path orders the denominator
    // log(2)*x^2. The final step bridges the two, so the trace always ends at the answer.
    const { steps, value } = derive(parse("log2'(x)"), 'x');
    expect(steps.map((s) => s.rule)).toEqual(['expand-derivative', 'constant-multiple', 'power', 'simplify']);
    expect(steps[3].because).toMatch(/^Simplify/);
    expect(toText(steps[2].expr)).toBe('-1/(x^2*log(2))');
    expect(toText(value)).toBe('-1/(log(2)*x^2)');
    expect(equal(steps[3].expr, value)).toBe(true);
  });

  it('always ends at the derivative', () => {
    for (const [s, w] of [['x^x', 'x'], ["tanh'(x)", 'x'], ['1/sqrt(x)', 'x'], ['(x^2+1)^(1/2)', 'x'], ["log2'(2*x)", 'x']]) {
      const { steps, value } = derive(parse(s), w);
      expect(equal(steps[steps.length - 1].expr, value), s).toBe(true);
    }
  });

  it('gives the same value as differentiate', () => {
    for (const [s, w] of [['x^x', 'x'], ['f(x, x^2)', 'x'], ['sigmoid(w*x + b)', 'w'], ['[x^2, x*y]', 'y']]) {
      expect(equal(derive(parse(s), w).value, differentiate(parse(s), w))).toBe(true);
    }
  });

  it("names the general form's parts with letters the expression does not use", () => {
    // The lecture's vσ(uw + z): its z is taken, so the inner function is called s, never "z = uw + z".
    const lecture = derive(parse('v*sigma(u*w + z)'), 'w').steps.map((s) => s.because);
    expect(lecture[0]).toBe('It has the form c·σ(s) with c = v and s = u*w + z, where only s depends on w: ∂/∂w[c·σ(s)] = c·∂σ(s)/∂w.');
    expect(lecture.join(' ')).not.toMatch(/z = u\*w \+ z/);
    // Elsewhere the usual letters; where both c and z are taken, the next free ones.
    expect(derive(parse('v*sigma(u*w + b)'), 'w').steps[0].because).toContain('c·σ(z) with c = v and z = u*w + b');
    expect(derive(parse('c*sigma(z*u)'), 'u').steps[0].because).toContain('s·σ(t) with s = c and t = z*u');
    expect(derive(parse('(u + 1)^2'), 'u').steps[0].because).toBe('Power rule with the chain rule: ∂(s^n)/∂u = n*s^(n - 1)·∂s/∂u, with s = u + 1.');
  });

  it("typesets every rule's sentence in KaTeX (strict), its general form as math", () => {
    const source = "v*sigma(u*w + z) + w^3 + (2*w + 1)^2 + 2^w + w^w + relu(w)*f(w, x) + sigmoid'(w) + exp(-w) + sqrt(w) + abs(w) + log10(w) + relu'(w)*w + sigma'(w)";
    const steps = derive(parse(source), 'w').steps;
    expect(new Set(steps.map((s) => s.rule))).toEqual(
      new Set(['sum', 'constant-multiple', 'chain', 'linear', 'power', 'exponential', 'product', 'derivative', 'expand-derivative', 'piecewise-constant']),
    );
    for (const s of steps) expect(() => proseHtml(s.becauseLatex), s.becauseLatex).not.toThrow();
    // Letters and formulas are math; "=" between two of them joins them into one formula.
    expect(steps.find((s) => s.rule === 'constant-multiple')?.becauseLatex).toBe(
      'It has the form $c \\sigma(s)$ with $c = v$ and $s = u w + z$, where only $s$ depends on $w$: $\\partial/\\partial w\\,[c \\sigma(s)] = c\\, \\partial \\sigma(s)/\\partial w$.',
    );
  });

  it('has no steps for a constant', () => {
    const { steps, value } = derive(parse('w5*sigma(z)'), 'w1');
    expect(steps).toEqual([]);
    expect(toText(value)).toBe('0');
  });
});
