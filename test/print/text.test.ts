/** Text output: the parser's syntax, explicit `*`, derivative marks, and no clutter. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { add, call, constant, deriv, diff, matrix, mul, neg, num, pow, sym, vector } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { freeSymbols } from '../../src/expr/traverse.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { differentiate } from '../../src/calculus/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';
import { expressionArb } from '../support/expressions.js';

/**
 * Clutter a careful writer never leaves: a factor 1 (`1*x`, but not `21*x` or `1/2*x`), a term 0,
 * a double sign, a power 1 (`x^1`, but not `x^12`), an added negative.
 */
const CLUTTER: readonly [string, RegExp][] = [
  ['1*', /(^|[^\w./])1\*/],
  ['+ 0', /\+ 0(?![\w./])/],
  ['--', /--/],
  ['^1', /\^1(?![\w./])/],
  ['+ -', /\+ -/],
];

function clutterIn(text: string): string[] {
  return CLUTTER.filter(([, re]) => re.test(text)).map(([name]) => name);
}

const x = sym('x');
const y = sym('y');

describe('the clutter patterns', () => {
  it('recognise clutter and only clutter', () => {
    expect(clutterIn('1*x + 0 - --y + x^1 + -z')).toEqual(['1*', '+ 0', '--', '^1', '+ -']);
    expect(clutterIn('21*x + 1/2*y + x^12 + 10 - y + x^(1/2)')).toEqual([]);
  });
});

describe('toText', () => {
  it.each<[string, Expr, string]>([
    ['explicit * between factors', mul(sym('w5'), call('sigma', [sym('z')]), sym('x1')), 'w5*sigma(z)*x1'],
    ['a difference for a negative term', add(x, neg(y)), 'x - y'],
    ['a difference for a negative number', add(x, num(-3, 4)), 'x - 3/4'],
    ['a fraction term without parentheses', add(x, num(3, 4)), 'x + 3/4'],
    ['a leading minus', neg(add(x, y)), '-(x + y)'],
    ['a negative power base in parentheses', pow(neg(x), num(2)), '(-x)^2'],
    ['a fraction base in parentheses', pow(num(3, 4), x), '(3/4)^x'],
    ['a negative number base in parentheses', pow(num(-2), x), '(-2)^x'],
    ['a rational exponent in parentheses', pow(x, num(3, 4)), 'x^(3/4)'],
    ['a power of a power', pow(pow(x, y), sym('z')), '(x^y)^z'],
    ['a power tower', pow(x, pow(y, sym('z'))), 'x^(y^z)'],
    ['a quotient', mul(num(3), y, pow(num(4), num(-1)), pow(x, num(-2))), '3*y/(4*x^2)'],
    ['a denominator of several factors', mul(pow(add(x, num(1)), num(-1)), pow(y, num(-1))), '1/((x + 1)*y)'],
    ['σ′ with a mark', deriv('sigma', [1], [x]), "sigma'(x)"],
    ['σ‴ with three marks', deriv('sigma', [3], [x]), "sigma'''(x)"],
    ['relu′ with a mark', deriv('relu', [1], [x]), "relu'(x)"],
    ['a partial of f(x, y) in Maple’s D notation', deriv('f', [1, 1], [x, y]), 'D[1,2](f)(x, y)'],
    ['constants by name', mul(num(2), constant('pi')), '2*pi'],
    ['a vector', vector([x, y]), '[x, y]'],
    ['a matrix', matrix(2, 2, [x, y, y, x]), '[x, y; y, x]'],
    ['a column', matrix(2, 1, [x, y]), '[x; y]'],
    ['a pending derivative', diff(call('sigma', [x]), 'x'), '∂/∂x[sigma(x)]'],
  ])('%s', (_, e, expected) => {
    expect(toText(e)).toBe(expected);
  });

  it.each([
    "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
    '1/2*(yhat - y)^2',
    '-x1/x2',
    'x1/x2^2',
    '3/4*(x1 + 1)',
    'D[2](f)(x, y^2)',
    '[2*x1 + x2, pi*x2, -x1/x2]',
    '[1, 2; 0, 1; -1, 0]',
    'exp(-(w*x + b))',
    '(-2)^x + (3/4)^x + x^(-1/2)',
  ])('round-trips %s', (source) => {
    const e = parse(source);
    expect(equal(parse(toText(e)), e)).toBe(true);
  });
});

describe('no clutter in closed forms', () => {
  it.each([
    ['v*sigma(u*w+z)', 'w'],
    ['w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3', 'w1'],
    ['1/2*(w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3 - y)^2', 'w1'],
    ['1/2*(w5*relu(w1*x1+w2*x2+b1) + b3 - y)^2', 'b1'],
    ['-x1/x2', 'x2'],
    ['x^2 - 2*x + 1', 'x'],
    ['1/(1 + exp(-(w*x + b)))', 'w'],
  ])('∂/∂%s… has none', (source, wrt) => {
    const text = toText(differentiate(parse(source), wrt));
    expect(clutterIn(text), text).toEqual([]);
  });

  it('holds for simplified expressions and derivatives over every operator', () => {
    fc.assert(
      fc.property(expressionArb, fc.nat(4), (e, k) => {
        const vars = freeSymbols(e);
        const simplified = toText(simplify(e));
        expect(clutterIn(simplified), simplified).toEqual([]);
        const derivative = toText(differentiate(e, vars.length ? vars[k % vars.length] : 'x'));
        expect(clutterIn(derivative), derivative).toEqual([]);
      }),
      { seed: 11, numRuns: 400 },
    );
  });
});
