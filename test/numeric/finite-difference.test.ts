/** The finite-difference oracle that every symbolic derivative is checked against. */
import { describe, expect, it } from 'vitest';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';

describe('centralDifference', () => {
  it.each([
    ['sin at 1', Math.sin, 1, Math.cos(1)],
    ['exp at 2', Math.exp, 2, Math.exp(2)],
    ['tanh at -0.5', Math.tanh, -0.5, 1 - Math.tanh(-0.5) ** 2],
    ['log at 0.3', Math.log, 0.3, 1 / 0.3],
    ['1/x at 50', (x: number) => 1 / x, 50, -1 / 2500],
  ])('%s is accurate to 1e-9', (_, f, x, expected) => {
    // Truncation h⁴·f⁽⁵⁾/30 ≈ 3e-14·f⁽⁵⁾ plus rounding ≈ ε·|f|/h ≈ 1e-13: far below 1e-9.
    expect(relativeError(centralDifference(f, x), expected)).toBeLessThan(1e-9);
  });

  it('is exact (to rounding) for polynomials of degree ≤ 4, as a 5-point stencil must be', () => {
    const p = (x: number): number => 3 * x ** 4 - 2 * x ** 3 + x - 7;
    const dp = (x: number): number => 12 * x ** 3 - 6 * x ** 2 + 1;
    for (const x of [-2, -0.5, 0, 1.25, 3]) expect(relativeError(centralDifference(p, x), dp(x))).toBeLessThan(1e-10);
  });

  it('scales its step with |x|, so it stays accurate far from 0', () => {
    expect(relativeError(centralDifference(Math.sqrt, 1e6), 0.5 / 1e3)).toBeLessThan(1e-9);
  });

  it('takes an explicit step', () => {
    // With a coarse step the O(h⁴) error shows: h = 0.5 on sin at 1 is off by ≈ h⁴/30 ≈ 1e-3.
    const coarse = centralDifference(Math.sin, 1, 0.5);
    expect(Math.abs(coarse - Math.cos(1))).toBeGreaterThan(1e-4);
    expect(Math.abs(coarse - Math.cos(1))).toBeLessThan(1e-2);
  });
});

describe('relativeError', () => {
  it('is absolute near 0 and relative elsewhere', () => {
    expect(relativeError(0, 1e-12)).toBe(1e-12);
    expect(relativeError(1e6, 1e6 + 1)).toBe(1 / (1e6 + 1));
    expect(relativeError(-2, 2)).toBe(2);
    expect(relativeError(3, 3)).toBe(0);
  });
});
