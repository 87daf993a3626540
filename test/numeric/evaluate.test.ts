/** Float and exact evaluation. */
import { describe, expect, it } from 'vitest';
import { call, deriv, diff, sym, vector } from '../../src/expr/build.js';
import { parse } from '../../src/parse/parse.js';
import { compile, evaluate, evaluateExact } from '../../src/numeric/evaluate.js';
import { rat, type Rational } from '../../src/rational.js';
import { InputError } from '../../src/errors.js';
import { ABSTRACT_FUNCTIONS } from '../support/functions.js';

const exact = (source: string, values: Record<string, Rational> = {}): Rational | undefined =>
  evaluateExact(parse(source), values);

/** n/d of a rational, to compare exactly (a float 0.75 would not pass). */
const fraction = (q: Rational | undefined): string | undefined => (q === undefined ? undefined : `${q.s * q.n}/${q.d}`);

describe('evaluateExact', () => {
  it('gives 3/4 exactly, not 0.75', () => {
    const q = exact('3/4*(x1 + 1)', { x1: rat(0) });
    expect(fraction(q)).toBe('3/4');
    expect(fraction(exact('x/4 + 1/2', { x: rat(1) }))).toBe('3/4');
  });

  it('evaluates the lecture’s substitution example: f(g(x)) = 3/4·(x1 + 1)', () => {
    const composition = 'x1 + 2*x2 - 2*(x2) + (-x1 + 3)/4';
    for (const [x1, x2] of [[0, 0], [1, 5], [-3, 2], [7, -1]]) {
      expect(fraction(exact(composition, { x1: rat(x1), x2: rat(x2) }))).toBe(fraction(rat(3 * (x1 + 1), 4)));
    }
  });

  it('evaluates the lecture’s bias exercise with ReLU exactly', () => {
    // x = [1, 0, −2], W⁽¹⁾ = [[1, 0, 1], [−1, 2, 3]], b⁽¹⁾ = [−1, 2], W⁽²⁾ = [[1, −1], [−1, 1]],
    // b⁽²⁾ = [0, 1]: z = [−2, −5], so relu(z) = [0, 0] and ŷ = [0, 1].
    const values = { x1: rat(1), x2: rat(0), x3: rat(-2) };
    const h1 = 'relu(1*x1 + 0*x2 + 1*x3 - 1)';
    const h2 = 'relu(-1*x1 + 2*x2 + 3*x3 + 2)';
    expect(fraction(exact(`${h1} - ${h2} + 0`, values))).toBe('0/1');
    expect(fraction(exact(`-${h1} + ${h2} + 1`, values))).toBe('1/1');
  });

  it('uses the lecture’s relu′(0) = 0', () => {
    expect(fraction(exact("relu'(x)", { x: rat(0) }))).toBe('0/1');
    expect(fraction(exact("relu'(x)", { x: rat(1, 100) }))).toBe('1/1');
    expect(fraction(exact('relu(x)', { x: rat(-1, 2) }))).toBe('0/1');
  });

  it('is undefined when the value is irrational or symbolic', () => {
    expect(exact('sigmoid(1)')).toBeUndefined();
    expect(exact('pi')).toBeUndefined();
    expect(exact('x + y', { x: rat(1) })).toBeUndefined();
  });
});

describe('evaluate and compile', () => {
  it('evaluates with variables and constants', () => {
    expect(evaluate(parse('2*x1 + x2'), { vars: { x1: 1.5, x2: -1 } })).toBe(2);
    expect(evaluate(parse('pi*x2'), { vars: { x2: 2 } })).toBeCloseTo(2 * Math.PI, 15);
    expect(evaluate(parse('e^x'), { vars: { x: 1 } })).toBeCloseTo(Math.E, 15);
  });

  it('evaluates known operators, their derivatives, and relu′ by the lecture’s convention', () => {
    expect(evaluate(parse('sigmoid(0)'), { vars: {} })).toBe(0.5);
    expect(evaluate(parse("sigmoid'(0)"), { vars: {} })).toBeCloseTo(0.25, 15);
    expect(evaluate(parse("tanh'(x)"), { vars: { x: 0.3 } })).toBeCloseTo(1 - Math.tanh(0.3) ** 2, 15);
    expect(evaluate(parse("relu'(x)"), { vars: { x: 0 } })).toBe(0);
    expect(evaluate(parse("relu'(x)"), { vars: { x: 1e-9 } })).toBe(1);
  });

  it('evaluates abstract functions and their derivatives through the supplied implementation', () => {
    const functions = ABSTRACT_FUNCTIONS;
    expect(evaluate(call('sigma', [sym('z')]), { vars: { z: 0.5 }, functions })).toBeCloseTo(Math.tanh(0.5), 15);
    expect(evaluate(deriv('sigma', [1], [sym('z')]), { vars: { z: 0.5 }, functions })).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
  });

  it('evaluates a pending derivative by computing it', () => {
    expect(evaluate(diff(parse('x^3'), 'x'), { vars: { x: 2 } })).toBe(12);
  });

  it('orders values as the variable list says', () => {
    const f = compile(parse('x - y'), ['y', 'x']);
    expect(f([1, 10])).toBe(9);
  });

  it('reports what is missing as an input error', () => {
    expect(() => evaluate(parse('x + y'), { vars: { x: 1 } })).toThrow(InputError);
    expect(() => evaluate(parse('x + y'), { vars: { x: 1 } })).toThrow('no value for y');
    expect(() => evaluate(parse('sigma(x)'), { vars: { x: 1 } })).toThrow('no values for the abstract function sigma');
    expect(() => evaluate(vector([sym('x')]), { vars: { x: 1 } })).toThrow(InputError);
  });
});
