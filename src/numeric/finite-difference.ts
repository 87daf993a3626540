/** Finite differences, the independent oracle every symbolic derivative is checked against. */

/**
 * Five-point central difference f′(x) ≈ (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h.
 * Truncation error O(h⁴); with h = 1e-3·max(1, |x|) it is ≈ 1e-12·f⁽⁵⁾ and rounding adds
 * ≈ 1e-16/h ≈ 1e-13, so relative errors of 1e-8 are routine for smooth f.
 */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-3 * Math.max(1, Math.abs(x))): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

/** Relative error |a − b| / max(1, |a|, |b|): absolute near 0, relative elsewhere. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}
