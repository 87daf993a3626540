/** Structural equality and hashing. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { add, call, constant, deriv, diff, matrix, mul, num, pow, sym, vector } from '../../src/expr/build.js';
import { equal, ExprMap } from '../../src/expr/equal.js';
import { withChildren, children } from '../../src/expr/traverse.js';
import { parse } from '../../src/parse/parse.js';
import { expressionArb } from '../support/expressions.js';

const x = sym('x');
const y = sym('y');

/** A structurally equal deep copy made of new objects. */
function rebuild(e: Expr): Expr {
  const cs = children(e);
  if (cs.length === 0) {
    switch (e.kind) {
      case 'num':
        return num(e.value);
      case 'sym':
        return sym(e.name);
      case 'const':
        return constant(e.name);
      default:
        return e;
    }
  }
  return withChildren(e, cs.map(rebuild));
}

describe('equal', () => {
  it('is structural: equal trees built separately are equal and hash alike', () => {
    const a = parse("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    const b = parse("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expect(a).not.toBe(b);
    expect(equal(a, b)).toBe(true);
    expect(a.hash).toBe(b.hash);
  });

  it('compares rationals by value', () => {
    expect(equal(num(3, 4), num(6, 8))).toBe(true);
    expect(equal(num(3, 4), num(-3, 4))).toBe(false);
  });

  it('is sensitive to order, kind, names and derivative orders', () => {
    const pairs: [Expr, Expr][] = [
      [add(x, y), add(y, x)],
      [mul(x, y), mul(y, x)],
      [pow(x, y), pow(y, x)],
      [sym('x'), constant('e')],
      [call('sigma', [x]), call('phi', [x])],
      [call('sigma', [x]), deriv('sigma', [1], [x])],
      [deriv('sigma', [1], [x]), deriv('sigma', [2], [x])],
      [deriv('f', [1, 0], [x, y]), deriv('f', [0, 1], [x, y])],
      [vector([x, y]), matrix(1, 2, [x, y])],
      [matrix(1, 2, [x, y]), matrix(2, 1, [x, y])],
      [diff(x, 'x'), diff(x, 'y')],
      [constant('pi'), constant('e')],
    ];
    for (const [a, b] of pairs) expect(equal(a, b)).toBe(false);
  });

  it('holds for rebuilt copies of random expressions, with equal hashes', () => {
    fc.assert(
      fc.property(expressionArb, (e) => {
        const copy = rebuild(e);
        expect(equal(copy, e)).toBe(true);
        expect(copy.hash).toBe(e.hash);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('spreads hashes: distinct random expressions rarely collide', () => {
    const samples = fc.sample(expressionArb, { seed: 5, numRuns: 1000 });
    const byHash = new Map<number, Expr>();
    let collisions = 0;
    for (const e of samples) {
      const other = byHash.get(e.hash);
      if (other && !equal(other, e)) collisions++;
      byHash.set(e.hash, e);
    }
    // 1,000 values in 2^32 buckets: the expected number of collisions is ≈ 0.0001.
    expect(collisions).toBe(0);
  });
});

describe('ExprMap', () => {
  it('finds values by structure, not identity', () => {
    const m = new ExprMap<string>();
    m.set(parse('sigma(w1*x1 + b1)'), 'h1');
    expect(m.get(parse('sigma(w1*x1 + b1)'))).toBe('h1');
    expect(m.get(parse('sigma(w1*x1 + b2)'))).toBeUndefined();
    m.set(parse('sigma(w1*x1 + b1)'), 'again');
    expect(m.get(parse('sigma(w1*x1 + b1)'))).toBe('again');
  });
});
