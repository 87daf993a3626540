/** Whether a user's expression has a value anywhere: one with none is bad input, not a failed check. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { nowhereDefined, nowhereDefinedReason } from '../../src/numeric/defined.js';

describe('nowhereDefined', () => {
  it.each(['1/(x - x)', 'log(-(x^2) - 1)', 'sqrt(-1 - x^2)', 'log(x) + log(-x)', 'asin(x^2 + 2)', 'sqrt(-sigma(x)^2 - 1)', 'acosh(-x^2)', '1/(1 - 1)', 'sqrt(-1)'])(
    '%s has no value at any point',
    (source) => {
      expect(nowhereDefined(parse(source))).toBe(true);
    },
  );

  it.each([
    'x',
    'v*sigma(u*w + z)',
    'log(x)',
    'sqrt(-x)',
    "sigma'''(x)",
    '1/(x - y)',
    // Defined only far from where the checks look, or on a narrow interval: found by the wide
    // draws and by the draws around the expression's own numbers.
    'log(x - 100)',
    'log(x - 1e5)',
    'asin(x + 5)',
    'asin(x + 5) + asin(y + 5)',
    'asin(x/100 + 5)',
    'sqrt(0.001 - x^2)',
    'acosh(x - 7)*asin(y + 3)',
    'sqrt(x*y - 1000)',
    'log(x^2 - 4) + sqrt(9 - x^2)',
    'log(sigma(x))',
  ])('%s has a value somewhere', (source) => {
    expect(nowhereDefined(parse(source))).toBe(false);
  });

  it('says nothing of what it cannot evaluate: a vector, a derivative of σ with no stand-in', () => {
    expect(nowhereDefined(parse('[1/(x - x), x]'))).toBe(false);
    expect(nowhereDefined(parse("sigma''''(x)"))).toBe(false);
  });
});

describe('nowhereDefinedReason', () => {
  it('names the expression and the variables tried', () => {
    expect(nowhereDefinedReason(parse('1/(x-x)'))).toBe('1/(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶)');
    expect(nowhereDefinedReason(parse('log(x) + log(-x) + y*z*w'))).toBe('log(x) + log(-x) + y*z*w has no finite value at any point tried (x, y, z, … from −10⁶ to 10⁶)');
    expect(nowhereDefinedReason(parse('1/(1-1)'))).toBe('1/(1 - 1) has no finite value');
  });

  it('names the entry of a vector or matrix', () => {
    expect(nowhereDefinedReason(parse('[x, sqrt(-1 - y^2)]'))).toBe('entry 2, sqrt(-1 - y^2), has no finite value at any point tried (y from −10⁶ to 10⁶)');
    expect(nowhereDefinedReason(parse('[x, 1; 2, log(-exp(y))]'))).toBe('entry (2, 2), log(-exp(y)), has no finite value at any point tried (y from −10⁶ to 10⁶)');
  });

  it('is undefined for an expression with a value', () => {
    expect(nowhereDefinedReason(parse('[x, log(y - 100)]'))).toBeUndefined();
  });
});
