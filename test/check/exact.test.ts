import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/check/check.js';
import { exactDifference } from '../../src/check/exact.js';
import { parse } from '../../src/parse/parse.js';

describe('exactDifference', () => {
  it('tells apart rational functions closer than the numeric tolerance', () => {
    expect(exactDifference(parse('2*x'), parse('2*x + 1/10^10'))).toEqual({ at: 'x = 3/11', entry: '', expected: '6/11', answer: '60000000011/110000000000' });
    expect(exactDifference(parse('2*x'), parse('x + x'))).toBeUndefined();
    expect(exactDifference(parse('(x^2 - 1)/(x - 1)'), parse('x + 1'))).toBeUndefined();
  });

  it('names the entry of a matrix that differs', () => {
    expect(exactDifference(parse('[1, x; y, 2]'), parse('[1, x; y + 1/10^12, 2]'))?.entry).toBe('(2, 1)');
  });

  it('skips a point where a side has no value (a pole) and tries the next', () => {
    // x = 3/11 makes 1/(11x − 3) undefined; the second point, 8/12, tells the two apart.
    const d = exactDifference(parse('1/(11*x - 3)'), parse('1/(11*x - 3) + 1/10^12'));
    expect(d?.at).toBe('x = 2/3');
  });

  it('leaves alone what is not a rational function: σ, exp, π, fractional powers', () => {
    for (const [a, b] of [['sigma(x)', 'sigma(x) + 1/10^12'], ['exp(x)', 'exp(x)'], ['pi*x', 'pi*x'], ['x^(1/2)', 'x^(1/2)']]) {
      expect(exactDifference(parse(a), parse(b)), a).toBeUndefined();
    }
  });
});

describe('checkAnswer, exactly where it can', () => {
  it('does not call 2x + 10⁻¹⁰ the derivative of x² (it did: the values agree to 1e-9)', () => {
    const r = checkAnswer('x^2', '2*x + 1/10^10', { wrt: 'x' });
    expect(r.verdict).toBe('incorrect');
    expect(r.feedback).toBe('Not equal to the expected answer, though close: at x = 3/11, the expected value is exactly 6/11 but yours is 60000000011/110000000000.');
    expect(checkAnswer('x^2', '2*x', { wrt: 'x' }).verdict).toBe('correct');
    expect(checkAnswer('x^3*y', '3*x*x*y', { wrt: 'x' }).verdict).toBe('correct');
  });
});
