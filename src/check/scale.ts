/**
 * How large a value's rounding error can be: the scale of the terms it is computed from.
 *
 * The comparison of ./evaluation.ts has an absolute floor (1e-12) for values that are 0 but come
 * out as float noise, 1e-17, because terms of size 1 cancel ((x+1)² − x² − 2x − 1). A value that is
 * tiny because its terms are tiny ((x+1)¹⁹⁹ at x = −0.5) has no such noise, and under a fixed
 * floor it would equal any other tiny value: 200(x+1)¹⁹⁸ would pass for 200(x+1)¹⁹⁹. So the floor
 * is scaled by errorScale(e), an expression whose value bounds (up to a small factor) the size of
 * the terms whose rounding errors reach e, first-order error propagation written out:
 *
 *   number, variable   |e|
 *   a + b              S(a) + S(b)                  (where cancellation happens)
 *   a · b              S(a) · S(b)                  (≥ |a|·S(b) + |b|·S(a), as S ≥ |·|)
 *   bⁿ, n ≥ 1          |b|ⁿ⁻¹ · (|b| + |n|·S(b))
 *   bⁿ, other n        |bⁿ| · (1 + |n|·S(b)/|b|)
 *   bʸ                 |bʸ| · (1 + |y|·S(b)/|b| + |log|b||·S(y))
 *   f(u, …), f′(u, …)  |f(u, …)| + S(u) + …        (|f′| taken as ≈ 1: arguments stay within ±4)
 *   matrices           entry by entry; transposes and products as the values
 *
 * Undefined for what it does not know (an unevaluated ∂): the caller then keeps the fixed floor.
 */
import type { Expr } from '../expr/types.js';
import { add, call, matrix, mul, num, pow, vector } from '../expr/build.js';

export function errorScale(e: Expr): Expr | undefined {
  const memo = new Map<Expr, Expr | undefined>();
  const abs = (x: Expr): Expr => call('abs', [x]);
  const go = (n: Expr): Expr | undefined => {
    if (memo.has(n)) return memo.get(n);
    const s = build(n);
    memo.set(n, s);
    return s;
  };
  const all = (xs: readonly Expr[]): Expr[] | undefined => {
    const out: Expr[] = [];
    for (const x of xs) {
      const s = go(x);
      if (!s) return undefined;
      out.push(s);
    }
    return out;
  };
  const build = (n: Expr): Expr | undefined => {
    switch (n.kind) {
      case 'num':
      case 'const':
      case 'sym':
        return abs(n);
      case 'add': {
        const ts = all(n.terms);
        return ts && add(...ts);
      }
      case 'mul': {
        const fs = all(n.factors);
        return fs && mul(...fs);
      }
      case 'pow': {
        const b = go(n.base);
        if (!b) return undefined;
        if (n.exp.kind === 'num') {
          const k = Math.abs(n.exp.value.valueOf());
          if (n.exp.value.valueOf() >= 1) return mul(pow(abs(n.base), num(n.exp.value.sub(1))), add(abs(n.base), mul(num(k), b)));
          return mul(abs(n), add(num(1), mul(num(k), b, pow(abs(n.base), num(-1)))));
        }
        const y = go(n.exp);
        if (!y) return undefined;
        return mul(abs(n), add(num(1), mul(abs(n.exp), b, pow(abs(n.base), num(-1))), mul(abs(call('log', [abs(n.base)])), y)));
      }
      case 'call':
      case 'deriv': {
        const args = all(n.args);
        if (!args) return undefined;
        if (n.kind === 'call' && n.fn === 'transpose') return call('transpose', args);
        return add(abs(n), ...args);
      }
      case 'vector': {
        const items = all(n.items);
        return items && vector(items);
      }
      case 'matrix': {
        const entries = all(n.entries);
        return entries && matrix(n.rows, n.cols, entries);
      }
      case 'diff':
        return undefined;
    }
  };
  return go(e);
}
