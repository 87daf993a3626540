/**
 * A fast-check generator of random expressions over every operator of the table, built only with
 * the constructors of src/expr/build.ts, whose values are finite at a fixed set of probe points.
 *
 * How values stay in each operator's domain: an argument u of an operator is fitted into the
 * interval the operator's own sampler draws from (log: [0.2, 3], csc: ±[0.3, 2.8], relu: ±[0.2, 3])
 * by an affine map a·u + b with a = 2^-k and b a multiple of 1/16, chosen from u's range over the
 * probe points. The derivative and simplification properties evaluate at those same points, so
 * every argument is inside its operator's domain there, away from kinks and singularities; the
 * finite-difference stencil around a point moves by only ±2h (h = 1e-3), and the properties skip
 * the rare stencil that still leaves the domain or crosses a kink.
 */
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { add, call, constant, deriv, div, mul, neg, num, pow, sub, sym } from '../../src/expr/build.js';
import { allDerivativeOps, allOps } from '../../src/ops/registry.js';
import type { OpSpec } from '../../src/ops/types.js';
import { compile } from '../../src/numeric/evaluate.js';
import { createRng } from '../../src/numeric/rng.js';
import { ABSTRACT_FUNCTIONS, ABSTRACT_NAMES } from './functions.js';

export const VARS = ['x', 'y', 'w1', 'b2', 'yhat'] as const;

/** The probe points: 32 points of [-1.5, 1.5]^5 from one seeded generator. */
export const PROBES: readonly (readonly number[])[] = (() => {
  const rng = createRng(0x5eed);
  return Array.from({ length: 32 }, () => VARS.map(() => rng.uniform(-1.5, 1.5)));
})();

/** Values beyond this are treated as unusable (a child that large is replaced by a constant). */
const HUGE = 1e6;

type Interval = readonly [number, number];

const domains = new Map<string, Interval[][]>();

/** The intervals an operator's sampler draws argument i from: one, or two of opposite sign. */
function domainOf(op: OpSpec, arity: number): Interval[][] {
  const key = `${op.name}/${arity}`;
  const known = domains.get(key);
  if (known) return known;
  const d = sampledDomain(op, arity);
  domains.set(key, d);
  return d;
}

function sampledDomain(op: OpSpec, arity: number): Interval[][] {
  const rng = createRng(7).fork(`${op.name}/${arity}`);
  const draws = Array.from({ length: 400 }, () => op.sample(rng, arity));
  return Array.from({ length: arity }, (_, i) => {
    const xs = draws.map((d) => d[i]);
    const pos = xs.filter((x) => x > 0);
    const negs = xs.filter((x) => x < 0);
    if (pos.length > 0 && negs.length > 0 && Math.min(...xs.map(Math.abs)) > 0.05) {
      return [
        [Math.min(...negs), Math.max(...negs)],
        [Math.min(...pos), Math.max(...pos)],
      ];
    }
    return [[Math.min(...xs), Math.max(...xs)]];
  });
}

/** The values of an expression at every probe point, or undefined if any is unusable. */
export function probeRange(e: Expr): Interval | undefined {
  const f = compile(e, VARS, ABSTRACT_FUNCTIONS);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of PROBES) {
    const v = f(p);
    if (!Number.isFinite(v) || Math.abs(v) > HUGE) return undefined;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/** How often a child could not be fitted and was replaced by a constant (kept small by design). */
export const fitStats = { fitted: 0, replaced: 0 };

/** a·u + b with values inside the middle 80% of [lo, hi] at every probe point. */
export function fit(u: Expr, [lo, hi]: Interval): Expr {
  const margin = 0.1 * (hi - lo);
  const tlo = lo + margin;
  const thi = hi - margin;
  const range = probeRange(u);
  if (!range) {
    fitStats.replaced++;
    return num(Math.round(((tlo + thi) / 2) * 16), 16);
  }
  fitStats.fitted++;
  const [mn, mx] = range;
  let k = 0;
  while ((mx - mn) / 2 ** k > (thi - tlo) / 2) k++;
  const a = 2 ** -k;
  // Rounding b to 1/16 moves the range by ≤ 1/32, well inside the 10% margin of every domain.
  const b = Math.round(((tlo + thi) / 2 - (a * (mn + mx)) / 2) * 16) / 16;
  const scaled = k === 0 ? u : mul(num(1, 2 ** k), u);
  return b === 0 ? scaled : add(scaled, num(Math.round(b * 16), 16));
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: fc.constantFrom(...VARS).map(sym), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 }))
      .map(([n, d]) => num(n, d)),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(constant('pi'), constant('e')), weight: 1 },
);

/** Operators applied through call(); pow is the Pow node (a call of `pow` is not an Expr the parser makes). */
const CALL_OPS = allOps().filter((o) => o.name !== 'pow');
/** Known operators whose derivative may appear as a node, as in sigmoid′(z) typed by a student. */
const DERIVABLE_OPS = CALL_OPS;

const oneOf = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
const side = fc.nat(1);
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length];

function withDepth(depth: number): fc.Arbitrary<Expr> {
  if (depth === 0) return leaf;
  const child = withDepth(depth - 1);
  const args = (n: number): fc.Arbitrary<Expr[]> => fc.array(child, { minLength: n, maxLength: n });
  const fitArgs = (op: OpSpec, xs: readonly Expr[], sides: readonly number[]): Expr[] => {
    const domain = domainOf(op, xs.length);
    return xs.map((x, i) => fit(x, pick(domain[i], sides[i] ?? 0)));
  };
  const sides = fc.array(side, { minLength: 3, maxLength: 3 });
  const anyArity = (op: OpSpec): fc.Arbitrary<number> => oneOf(op.arity);

  const opCall = oneOf(CALL_OPS).chain((op) =>
    anyArity(op).chain((n) => fc.tuple(args(n), sides).map(([xs, s]) => call(op.name, fitArgs(op, xs, s)))),
  );
  const knownDeriv = oneOf(DERIVABLE_OPS).chain((op) =>
    anyArity(op).chain((n) =>
      fc.tuple(args(n), sides, fc.nat(n - 1), fc.integer({ min: 1, max: n === 1 ? 2 : 1 })).map(([xs, s, i, k]) =>
        deriv(op.name, xs.map((_, j) => (j === i ? k : 0)), fitArgs(op, xs, s)),
      ),
    ),
  );
  const derivativeOp = oneOf(allDerivativeOps()).chain((op) => {
    const m = /^([A-Za-z]\w*)('+)$/.exec(op.name);
    const [fn, marks] = m ? [m[1], m[2].length] : [op.name, 1];
    return fc.tuple(child, side).map(([x, s]) => deriv(fn, [marks], fitArgs(op, [x], [s])));
  });
  const tame: Interval = [-2, 2];
  const abstract = oneOf(ABSTRACT_NAMES).chain((name) =>
    fc
      .integer({ min: 1, max: name === 'f' || name === 'g' ? 3 : 1 })
      .chain((n) => args(n))
      .map((xs) => call(name, xs.map((x) => fit(x, tame)))),
  );
  const abstractDeriv = oneOf(ABSTRACT_NAMES).chain((name) =>
    fc
      .integer({ min: 1, max: name === 'f' || name === 'g' ? 2 : 1 })
      .chain((n) =>
        fc.tuple(
          args(n),
          // Orders ≤ 2 per argument: the derivative check adds one, and the test functions know 0…3.
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }).filter((os) => os.some((o) => o > 0)),
        ),
      )
      .map(([xs, orders]) => deriv(name, orders, xs.map((x) => fit(x, tame)))),
  );
  const nonZero = (x: Expr, s: number): Expr => fit(x, s === 0 ? [-2, -0.5] : [0.5, 2]);
  const positive: Interval = [0.3, 3];
  const power = fc.oneof(
    // Integer exponents; a negative one needs a base away from 0.
    fc.tuple(child, fc.constantFrom(2, 3, -1, -2), side).map(([b, n, s]) => pow(n < 0 ? nonZero(b, s) : fit(b, tame), num(n))),
    // Rational exponents of a positive base (x^(1/2) prints as a root).
    fc
      .tuple(child, fc.constantFrom([1, 2], [3, 2], [-1, 2], [1, 3], [2, 3]))
      .map(([b, [p, q]]) => pow(fit(b, positive), num(p, q))),
    // Symbolic exponents: u^v, 2^v, e^v (the constructor makes e^v into exp(v)).
    fc.tuple(child, child).map(([b, x]) => pow(fit(b, positive), fit(x, tame))),
    fc.tuple(fc.constantFrom<Expr>(num(2), num(1, 3), constant('e')), child).map(([b, x]) => pow(b, fit(x, tame))),
  );
  return fc.oneof(
    { arbitrary: leaf, weight: 2 },
    { arbitrary: args(2).map((xs) => add(...xs)), weight: 2 },
    { arbitrary: args(3).map((xs) => add(...xs)), weight: 1 },
    { arbitrary: args(2).map((xs) => mul(...xs)), weight: 2 },
    { arbitrary: fc.tuple(leaf, child).map(([c, x]) => mul(c, x)), weight: 1 },
    { arbitrary: args(2).map(([a, b]) => sub(a, b)), weight: 1 },
    { arbitrary: child.map(neg), weight: 1 },
    { arbitrary: fc.tuple(child, child, side).map(([a, b, s]) => div(a, nonZero(b, s))), weight: 1 },
    { arbitrary: power, weight: 2 },
    { arbitrary: opCall, weight: 8 },
    { arbitrary: knownDeriv, weight: 2 },
    { arbitrary: derivativeOp, weight: 1 },
    { arbitrary: abstract, weight: 2 },
    { arbitrary: abstractDeriv, weight: 1 },
  );
}

/** Random expressions of depth ≤ 4 over every operator, finite at every probe point. */
export const expressionArb: fc.Arbitrary<Expr> = withDepth(4);
