import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { add, call, int, mul, pow, sym, vector } from '../../src/expr/build.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { chainRule, tidy, type ChainProblem } from '../../src/calculus/chain.js';
import { createRng } from '../../src/numeric/rng.js';

const lecture: ChainProblem = {
  outer: parse('u1 - 2*u2 + u3/4'),
  outerVars: ['u1', 'u2', 'u3'],
  inner: parse('[x1 + 2*x2, x2, -x1 + 3]'),
  vars: ['x1', 'x2'],
};

describe('the lecture\'s example ("Chain rule of multivariate calculus: example")', () => {
  const r = chainRule(lecture);

  it('method 2: ∂f/∂g = [1 −2 ¼] (1×3), ∂g/∂x = [1 2; 0 1; −1 0] (3×2), product [¾ 0] (1×2)', () => {
    expect(toText(r.outerJacobian)).toBe('[[1, -2, 1/4]]');
    expect(toText(r.outerAtInner)).toBe('[[1, -2, 1/4]]');
    expect(toText(r.innerJacobian)).toBe('[1, 2; 0, 1; -1, 0]');
    expect(toText(r.product)).toBe('[[3/4, 0]]');
  });

  it('method 1: f(g(x)) = ¾(x₁ + 1), so ∂(f∘g)/∂x = [¾ 0]', () => {
    expect(toText(r.composition)).toBe('3/4*(x1 + 1)');
    expect(toText(r.substitutedJacobian)).toBe('[[3/4, 0]]');
  });

  it('the two methods agree, symbolically and at the numeric test points', () => {
    expect(r.agreement).toEqual({ agree: true, symbolic: true, numeric: true, points: 5 });
  });

  it('the wrong order ∂g/∂x · ∂f/∂g is not even defined: 3×2 times 1×3', () => {
    expect(r.wrongOrder.kind).toBe('undefined');
    expect(r.wrongOrder.reason).toBe('∂g/∂x · ∂f/∂g is 3×2 times 1×3 (2 columns but 1 row): not defined');
  });

  it('keeps a one-output list f = [·] a list', () => {
    const listed = chainRule({ ...lecture, outer: parse('[u1 - 2*u2 + u3/4]') });
    expect(toText(listed.composition)).toBe('[3/4*(x1 + 1)]');
    expect(toText(listed.product)).toBe('[[3/4, 0]]');
  });
});

describe('the order of the product', () => {
  it('f: ℝ³ → ℝ², g: ℝ² → ℝ³: the wrong order is defined but 3×3, not 2×2', () => {
    const r = chainRule({
      outer: parse('[u1*u2, u3]'),
      outerVars: ['u1', 'u2', 'u3'],
      inner: parse('[x1, x2, x1*x2]'),
      vars: ['x1', 'x2'],
    });
    expect(r.agreement.agree).toBe(true);
    expect(r.wrongOrder.kind).toBe('different-shape');
    expect(r.wrongOrder.reason).toBe('∂g/∂x · ∂f/∂g is 3×3, but ∂(f∘g)/∂x is 2×2');
  });

  it('square Jacobians: the wrong order has the right shape and wrong entries', () => {
    const r = chainRule({
      outer: parse('[sigma(u1*u2), u1^2]'),
      outerVars: ['u1', 'u2'],
      inner: parse('[x1*x2, sin(x1)]'),
      vars: ['x1', 'x2'],
    });
    expect(r.agreement).toMatchObject({ agree: true, numeric: true });
    expect(toText(r.outerAtInner)).toBe("[sigma'(x1*x2*sin(x1))*sin(x1), sigma'(x1*x2*sin(x1))*x1*x2; 2*x1*x2, 0]");
    expect(r.wrongOrder.kind).toBe('different-value');
  });

  it('scalars: with 1×1 Jacobians the order cannot matter, and the report says so', () => {
    const r = chainRule({ outer: parse('tanh(u)'), outerVars: ['u'], inner: parse('w*x + b'), vars: ['w'] });
    expect(toText(r.product)).toBe('[[(1 - tanh(w*x + b)^2)*x]]');
    expect(r.wrongOrder.kind).toBe('same-value');
  });
});

describe('problems the chain rule does not apply to as stated', () => {
  const base = lecture;
  it.each([
    [{ ...base, inner: parse('[x1, x2]') }, 'g has 2 outputs but f has 3 variables (u1, u2, u3); they must match'],
    [{ ...base, outer: parse('u1 + x1') }, 'f mentions x1, a variable of g; f must depend on x1, x2 only through u1, u2, u3'],
    [{ ...base, inner: parse('[x1 + u1, x2, 3]') }, 'g mentions u1, a variable of f; g must be written in x1, x2'],
    [{ ...base, vars: ['u1', 'x2'], inner: parse('[x2, x2, 3]') }, 'u1 is both a variable of f and a variable of g'],
    [{ ...base, outerVars: ['u1', 'u1', 'u3'] }, 'the variables of f: u1 appears twice'],
  ])('%#: rejects it with a one-line reason', (problem, message) => {
    expect(() => chainRule(problem)).toThrow(message);
  });
});

describe('tidy', () => {
  it("gives the lecture's form of the composition, and never a longer one", () => {
    expect(toText(tidy(parse('x1 + 2*x2 - 2*(x2) + (-x1 + 3)/4')))).toBe('3/4*(x1 + 1)');
    expect(toText(tidy(parse('w5*sigma(w1*x1 + b1)*x1')))).toBe('w5*sigma(w1*x1 + b1)*x1');
  });

  it('does not expand products of many sums', () => {
    const big = parse(Array.from({ length: 12 }, (_, i) => `(x${i} + 1)`).join('*'));
    expect(toText(tidy(big))).toBe(toText(big));
  });
});

// ---- property: the two methods agree for random g: ℝ² → ℝ³ and f: ℝ³ → ℝ ---------------------

/** Smooth operators with bounded derivatives near the sample points, so no test point is lost. */
function expression(names: readonly string[], depth: number): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(
    fc.constantFrom(...names).map(sym),
    fc.integer({ min: -3, max: 3 }).map(int),
  );
  if (depth === 0) return leaf;
  const sub = expression(names, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub, sub).map(([a, b]) => add(a, b)) },
    { weight: 2, arbitrary: fc.tuple(sub, sub).map(([a, b]) => mul(a, b)) },
    { weight: 1, arbitrary: sub.map((a) => pow(a, int(2))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'sigma'), sub).map(([fn, a]) => call(fn, [a])) },
  );
}

describe('property', () => {
  it('for random g: ℝ² → ℝ³ and f: ℝ³ → ℝ, ∂f/∂g · ∂g/∂x equals ∂(f∘g)/∂x numerically', () => {
    const g = fc.tuple(...[0, 1, 2].map(() => expression(['x1', 'x2'], 2))).map((items) => vector(items));
    const f = expression(['u1', 'u2', 'u3'], 2);
    fc.assert(
      fc.property(f, g, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (outer, inner, seed) => {
        const r = chainRule({ outer, outerVars: ['u1', 'u2', 'u3'], inner, vars: ['x1', 'x2'] }, { rng: createRng(seed) });
        expect([r.product.rows, r.product.cols]).toEqual([1, 2]);
        expect(r.agreement.numeric, `${toText(outer)} ∘ ${toText(inner)}`).toBe(true);
        expect(r.agreement.agree).toBe(true);
        // 1×3 · 3×2 in the right order; the wrong order is 3×2 times 1×3, never defined.
        expect(r.wrongOrder.kind).toBe('undefined');
      }),
      { numRuns: 60, seed: 4342 },
    );
  });
});
