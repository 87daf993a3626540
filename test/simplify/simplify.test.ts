/** The teaching simplifier: exact, identity-free, collected and factored, never expanded unasked. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, call, deriv, mul, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { simplify, type SimplifyRule } from '../../src/simplify/simplify.js';
import { expressionArb } from '../support/expressions.js';

const s = (source: string): string => toText(simplify(parse(source)));
const expanded = (source: string): string => toText(simplify(parse(source), { expand: true }));

describe('constants fold exactly', () => {
  it.each([
    ['3/4', '3/4'],
    ['0.75', '3/4'],
    ['2*3/8', '3/4'],
    ['1/2 + 1/4', '3/4'],
    ['(3/2)^2', '9/4'],
    ['sqrt(9/16)', '3/4'],
    ['relu(-2)', '0'],
    ['relu(3/4)', '3/4'],
    ["relu'(0)", '0'],
    ["relu'(1/2)", '1'],
    ['sin(0)', '0'],
    ['sigmoid(0)', '1/2'],
    ['log(8, 2)', '3'],
    ['abs(-3/4)', '3/4'],
  ])('%s → %s', (source, expected) => {
    expect(s(source)).toBe(expected);
  });

  it('keeps the exact rational, never a float: 3/4 is the Num 3/4', () => {
    const r = simplify(parse('1/2 + 1/4'));
    expect(r.kind).toBe('num');
    expect(r.kind === 'num' && r.value.n === 3n && r.value.d === 4n).toBe(true);
  });

  it('leaves irrational values symbolic', () => {
    expect(s('sigmoid(1)')).toBe('sigmoid(1)');
    expect(s('sqrt(2)')).toBe('sqrt(2)');
    expect(s('log(3)')).toBe('log(3)');
    expect(s('2*pi')).toBe('2*pi');
  });
});

describe('identities', () => {
  it.each([
    ['x + 0', 'x'],
    ['0 + x', 'x'],
    ['x + 0*y', 'x'],
    ['1*x', 'x'],
    ['x*1', 'x'],
    ['x^1', 'x'],
    ['x^0', '1'],
    ['1^x', '1'],
    ['--x', 'x'],
    ['-(-(x))', 'x'],
    ['x - x', '0'],
    ['x/x', '1'],
    ['x*(1/x)', '1'],
    ['identity(z)', 'z'],
    ['exp(log(x))', 'x'],
    ['log(exp(x))', 'x'],
  ])('%s → %s', (source, expected) => {
    expect(s(source)).toBe(expected);
  });

  it('removes identities the constructors keep as written', () => {
    // The constructors build x + 0 and x^1 as written; only simplify removes them.
    expect(toText(add(sym('x'), num(0)))).toBe('x + 0');
    expect(toText(simplify(add(sym('x'), num(0))))).toBe('x');
    expect(toText(simplify(pow(sym('x'), num(1))))).toBe('x');
    expect(toText(simplify(mul(num(-1), mul(num(-1), sym('x')))))).toBe('x');
  });
});

describe('collecting', () => {
  it.each([
    ['2*x + 3*x', '5*x'],
    ['w1*x1 + x1*w1', '2*w1*x1'],
    ['x*y + y*x', '2*x*y'],
    ['2*x - 2*x + y', 'y'],
    ['x*x^2', 'x^3'],
    ['x^2*x^-2', '1'],
    ['(x^2)^3', 'x^6'],
    ['(2*x)^2', '4*x^2'],
    ['exp(x)^2', 'exp(2*x)'],
    ['sqrt(x)^2', 'x'],
  ])('%s → %s', (source, expected) => {
    expect(s(source)).toBe(expected);
  });
});

describe('factoring', () => {
  it.each([
    ['a*c + b*c', '(a + b)*c'],
    ['a*b + a*c', 'a*(b + c)'],
    ['3/4*x + 3/4', '3/4*(x + 1)'],
    ['x1 - x1/4 + 3/4', '3/4*(x1 + 1)'],
    // The MSE's ½ cancels against the 2 of the power rule.
    ['1/2*(2*a + 2*b)', 'a + b'],
  ])('%s → %s', (source, expected) => {
    expect(s(source)).toBe(expected);
  });
});

describe('no expansion unless asked', () => {
  it('keeps a product of sums as written', () => {
    expect(s('(a + b)*(c + d)')).toBe('(a + b)*(c + d)');
    expect(s('(yhat - y)*(w5 + w6)')).toBe('(yhat - y)*(w5 + w6)');
  });

  it('keeps a power of a sum', () => {
    expect(s('(a + b)^2')).toBe('(a + b)^2');
  });

  it('expands with {expand: true}', () => {
    expect(expanded('(a + b)*(c + d)')).toBe('a*c + a*d + b*c + b*d');
    expect(expanded('a*(b + c)')).toBe('a*b + a*c');
    expect(expanded('3/4*(x + 1)')).toBe('3/4*x + 3/4');
  });

  it('keeps the as-written sum when expansion is off', () => {
    expect(s('(-x1 + 3)/4')).toBe('1/4*(-x1 + 3)');
    expect(expanded('(-x1 + 3)/4')).toBe('-1/4*x1 + 3/4');
  });
});

describe('order', () => {
  it('keeps a chain-rule product outer to inner; only the coefficient moves to the front', () => {
    const z = parse('w1*x1 + w2*x2 + b1');
    const product = mul(sym('w5'), deriv('sigma', [1], [z]), sym('x1'), num(2));
    expect(toText(simplify(product))).toBe("2*w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    const reversed = mul(sym('x1'), deriv('sigma', [1], [z]), sym('w5'));
    expect(toText(simplify(reversed))).toBe("x1*sigma'(w1*x1 + w2*x2 + b1)*w5");
  });

  it('keeps terms in order of first appearance', () => {
    expect(s('b3 + w6*h2 + w5*h1')).toBe('b3 + w6*h2 + w5*h1');
    expect(s('z + y + x + y')).toBe('z + 2*y + x');
  });

  it('puts the denominator last', () => {
    expect(s('1/x2*x1')).toBe('x1/x2');
  });
});

describe('the log of rules that fired', () => {
  it('names each kind of rewrite', () => {
    const log = new Set<SimplifyRule>();
    simplify(parse('2*x + 3*x + 0 + x*x + (1/2 + 1/4)'), { log });
    expect([...log]).toEqual(expect.arrayContaining(['collect-terms', 'fold-constants', 'collect-factors']));
  });

  it('is empty for an expression that is already simple', () => {
    const log = new Set<SimplifyRule>();
    simplify(parse("w5*sigma'(w1*x1 + b1)*x1"), { log });
    expect([...log]).toEqual([]);
  });
});

describe('structure', () => {
  it('returns the same node for an already simplified leaf', () => {
    const x = sym('x');
    expect(simplify(x)).toBe(x);
  });

  it('simplifies shared subtrees once, the same way everywhere', () => {
    const inner = add(sym('x'), num(0));
    const e = call('f', [inner, call('sigma', [inner])]);
    expect(toText(simplify(e))).toBe('f(x, sigma(x))');
  });

  it('is idempotent on random expressions over every operator', () => {
    fc.assert(
      fc.property(expressionArb, (e) => {
        const once = simplify(e);
        const twice = simplify(once);
        expect(equal(twice, once), `${toText(e)} → ${toText(once)} → ${toText(twice)}`).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
