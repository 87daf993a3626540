/**
 * Properties of the symbolic core over random expressions built from every operator (see
 * test/support/expressions.ts for how values are kept inside each operator's domain):
 *  (a) the derivative agrees with central differences;
 *  (b) simplify(e) has the value of e;
 *  (c) parse(toText(e)) is structurally equal to e.
 * Seeded, so a run is reproducible; fast-check prints the seed and path of any counterexample.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { equal } from '../../src/expr/equal.js';
import { children, calledFunctions, freeSymbols } from '../../src/expr/traverse.js';
import { differentiate } from '../../src/calculus/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { compile } from '../../src/numeric/evaluate.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';
import { allDerivativeOps, allOps, lookupDerivativeOp, lookupOp } from '../../src/ops/registry.js';
import { ABSTRACT_FUNCTIONS, ABSTRACT_NAMES } from '../support/functions.js';
import { expressionArb, fitStats, PROBES, VARS } from '../support/expressions.js';

const SEED = 4342;
const RUNS = 2000;

/**
 * (a) Tolerance for derivative vs 5-point central difference. With h = 1e-3·max(1, |x|) the
 * stencil's truncation error is h⁴·|f⁽⁵⁾|/30 ≈ 3e-14·|f⁽⁵⁾| and its rounding error ≈ 1.5·ε·|f|/h
 * ≈ 3e-13·|f|. Random compositions of depth 4 reach |f⁽⁵⁾| ≈ 1e3…1e5 (tan, 1/x, exp of exp), so
 * the stencil alone is good to ≈ 1e-9…3e-9 relative; 1e-5 leaves three orders of magnitude of
 * headroom for conditioning while a wrong rule (a missing chain factor, a sign) is off by O(1).
 */
const DERIVATIVE_TOLERANCE = 1e-5;
/**
 * The difference quotient is trusted only where halving h changes it by less than a tenth of the
 * tolerance: elsewhere (a stencil reaching a singularity) it measures nothing, and the point is
 * skipped. A wrong symbolic derivative does not make the two quotients disagree, so this skip
 * cannot hide one; the share of skipped points is bounded below.
 */
const STENCIL_AGREEMENT = DERIVATIVE_TOLERANCE / 10;
/** (b) simplify only reorders exact rational arithmetic and float operations: ≈ 1e-13 is typical. */
const SIMPLIFY_TOLERANCE = 1e-9;

const pointIndices = fc.uniqueArray(fc.nat(PROBES.length - 1), { minLength: 3, maxLength: 3 });
/** Which variable to differentiate by: an index into the expression's own variables (x if it has none). */
const wrtIndex = fc.nat(VARS.length - 1);
const chooseWrt = (e: Expr, k: number): string => {
  const own = freeSymbols(e);
  return own.length === 0 ? 'x' : own[k % own.length];
};

/** Expressions whose sign change is a kink or jump of an operator (relu, abs, sign, relu′, acot). */
function kinkExprs(e: Expr): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'call') out.push(...(lookupOp(n.fn)?.kinks?.(n.args) ?? []));
    if (n.kind === 'deriv') {
      const op = lookupDerivativeOp(n.fn, n.orders) ?? lookupOp(n.fn);
      out.push(...(op?.kinks?.(n.args) ?? []));
    }
    for (const c of children(n)) go(c);
  };
  go(e);
  return out;
}

const compiled = (e: Expr): ((v: ArrayLike<number>) => number) => compile(e, VARS, ABSTRACT_FUNCTIONS);

describe('random expressions over every operator', () => {
  const seenFunctions = new Set<string>();
  const seenKinds = new Set<string>();
  const stats = { derivativePoints: 0, derivativeChecked: 0, simplifyPoints: 0, simplifyChecked: 0 };

  afterAll(() => {
    // The generator is only as good as its coverage: every operator, the derivative operators
    // (relu′) and every abstract function name must have appeared.
    const wanted = [...allOps().map((o) => o.name).filter((n) => n !== 'pow'), 'relu', ...ABSTRACT_NAMES];
    for (const name of wanted) expect(seenFunctions, `no expression used ${name}`).toContain(name);
    for (const kind of ['add', 'mul', 'pow', 'call', 'deriv', 'num', 'sym', 'const']) expect(seenKinds).toContain(kind);
  });

  const note = (e: Expr): void => {
    for (const f of calledFunctions(e)) seenFunctions.add(f);
    const go = (n: Expr): void => {
      seenKinds.add(n.kind);
      children(n).forEach(go);
    };
    go(e);
  };

  it(`(a) ∂e/∂v agrees with central differences (${RUNS} expressions)`, () => {
    fc.assert(
      fc.property(expressionArb, wrtIndex, pointIndices, (e, w, indices) => {
        note(e);
        const wrt = chooseWrt(e, w);
        const d = differentiate(e, wrt);
        const f = compiled(e);
        const df = compiled(d);
        const kinks = kinkExprs(e).map(compiled);
        const i = (VARS as readonly string[]).indexOf(wrt);
        for (const k of indices) {
          stats.derivativePoints++;
          const p = [...PROBES[k]];
          const x = p[i];
          const along = (t: number): number => {
            p[i] = t;
            const v = f(p);
            p[i] = x;
            return v;
          };
          const h = 1e-3 * Math.max(1, Math.abs(x));
          const stencil = [-2, -1, 0, 1, 2].map((j) => x + j * h);
          if (!stencil.every((t) => Number.isFinite(along(t)))) continue;
          const crossesKink = kinks.some((kink) => {
            const signs = stencil.map((t) => {
              p[i] = t;
              const s = Math.sign(kink(p));
              p[i] = x;
              return s;
            });
            return signs.some((s) => s !== signs[0] || s === 0);
          });
          if (crossesKink) continue;
          const coarse = centralDifference(along, x, h);
          const fine = centralDifference(along, x, h / 2);
          if (relativeError(coarse, fine) > STENCIL_AGREEMENT) continue;
          stats.derivativeChecked++;
          const symbolic = df(p);
          const where = `∂/∂${wrt} of ${toText(e)}\n= ${toText(d)}\nat ${VARS.map((v, j) => `${v}=${p[j]}`).join(', ')}: symbolic ${symbolic}, numeric ${fine}`;
          expect(relativeError(symbolic, fine), where).toBeLessThanOrEqual(DERIVATIVE_TOLERANCE);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Skips are for stencils that leave the domain: they must stay rare, or the test tests little.
    expect(stats.derivativeChecked / stats.derivativePoints).toBeGreaterThan(0.9);
  });

  it(`(b) simplify(e) has the value of e (${RUNS} expressions)`, () => {
    fc.assert(
      fc.property(expressionArb, pointIndices, (e, indices) => {
        note(e);
        const s = simplify(e);
        const fe = compiled(e);
        const fs = compiled(s);
        for (const k of indices) {
          stats.simplifyPoints++;
          const value = fe(PROBES[k]);
          if (!Number.isFinite(value)) continue;
          stats.simplifyChecked++;
          const simplified = fs(PROBES[k]);
          const where = `${toText(e)}\n→ ${toText(s)}\nat ${PROBES[k].join(', ')}: ${value} vs ${simplified}`;
          expect(relativeError(simplified, value), where).toBeLessThanOrEqual(SIMPLIFY_TOLERANCE);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(stats.simplifyChecked / stats.simplifyPoints).toBeGreaterThan(0.99);
  });

  it(`(c) parse(toText(e)) is structurally equal to e (${RUNS} expressions)`, () => {
    fc.assert(
      fc.property(expressionArb, (e) => {
        note(e);
        const text = toText(e);
        const back = parse(text);
        expect(equal(back, e), `${text}\nread back as ${toText(back)}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps arguments inside their domains without giving up on many children', () => {
    // Children replaced by a constant (because some probe value was not finite) would thin out the
    // compositions under test.
    expect(fitStats.fitted).toBeGreaterThan(0);
    expect(fitStats.replaced / (fitStats.fitted + fitStats.replaced)).toBeLessThan(0.02);
  });
});

describe('the derivative operators are generated too', () => {
  it('lists relu′ among the derivative operators the generator draws from', () => {
    expect(allDerivativeOps().map((o) => o.name)).toContain("relu'");
  });
});
