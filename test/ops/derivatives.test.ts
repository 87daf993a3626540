/**
 * Every operator's partials against central differences of its own `eval`, one row per operator
 * and accepted arity, in the style of JAX's op tests (lax_autodiff_test.py): each op brings its
 * own domain sampler, and the oracle shares nothing with the symbolic side except `eval`.
 */
import { describe, expect, it } from 'vitest';
import { allDerivativeOps, allOps } from '../../src/ops/registry.js';
import type { OpSpec } from '../../src/ops/types.js';
import type { Expr } from '../../src/expr/types.js';
import { call, deriv, pow, sym } from '../../src/expr/build.js';
import { differentiate, rawDerivative } from '../../src/calculus/differentiate.js';
import { compile } from '../../src/numeric/evaluate.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';
import { createRng } from '../../src/numeric/rng.js';

const POINTS = 20;
// The 5-point stencil's error is ≈ 1e-12·f⁽⁵⁾ (truncation) + ≈ 1e-13·|f| (rounding) on these
// samplers' bounded domains, so 1e-6 leaves six orders of magnitude for the worst-conditioned op
// (acoth near 1.2, where f⁽⁵⁾ ≈ 1e3).
const TOLERANCE = 1e-6;

/** One seeded generator for the whole table; each row forks its own stream, so rows are order-independent. */
const rng = createRng(20_240_419);

interface Row {
  readonly label: string;
  readonly op: OpSpec;
  readonly arity: number;
  /** The operator applied to symbols a1…an. */
  readonly make: (args: readonly Expr[]) => Expr;
}

/** relu′ is a derivative operator: the Deriv node deriv('relu', [1], …), not a call of "relu'". */
function derivativeNode(op: OpSpec): (args: readonly Expr[]) => Expr {
  const m = /^([A-Za-z]\w*)('+)$/.exec(op.name);
  if (!m) throw new Error(`unexpected derivative operator name ${op.name}`);
  return (args) => deriv(m[1], [m[2].length], args);
}

const rows: Row[] = [];
for (const op of allOps()) {
  for (const arity of op.arity) rows.push({ label: `${op.name}/${arity}`, op, arity, make: (args) => call(op.name, args) });
}
// The Pow node is what the parser builds for a^b; its partials are read from the `pow` entry.
const powOp = allOps().find((o) => o.name === 'pow');
if (powOp) rows.push({ label: 'a^b (Pow node)', op: powOp, arity: 2, make: ([a, b]) => pow(a, b) });
for (const op of allDerivativeOps()) {
  for (const arity of op.arity) rows.push({ label: `${op.name}/${arity}`, op, arity, make: derivativeNode(op) });
}

describe('operator table', () => {
  it('has the operators of the notation contract and mathjs’s derivative table', () => {
    const names = allOps().map((o) => o.name);
    for (const n of ['sigmoid', 'relu', 'tanh', 'identity', 'softplus', 'sin', 'exp', 'log', 'sqrt', 'abs', 'pow']) {
      expect(names).toContain(n);
    }
    expect(allDerivativeOps().map((o) => o.name)).toEqual(["relu'"]);
  });

  it.each(rows.map((r) => [r.label, r] as const))('%s: samples are finite, in the domain and off the kinks', (_, row) => {
    const r = rng.fork(`domain:${row.label}`);
    for (let k = 0; k < POINTS; k++) {
      const xs = row.op.sample(r, row.arity);
      expect(xs).toHaveLength(row.arity);
      expect(Number.isFinite(row.op.eval(xs))).toBe(true);
      if (row.op.kinks) {
        const vars = xs.map((_, i) => `a${i + 1}`);
        for (const kink of row.op.kinks(vars.map(sym))) {
          expect(Math.abs(compile(kink, vars)(xs))).toBeGreaterThan(0.1);
        }
      }
    }
  });
});

describe.each(rows.map((r) => [r.label, r] as const))('%s', (_, row) => {
  const vars = Array.from({ length: row.arity }, (_, i) => `a${i + 1}`);
  const e = row.make(vars.map(sym));

  it.each(vars.map((v, i) => [v, i] as const))(
    `symbolic ∂/∂%s agrees with central differences at ${POINTS} sampled points`,
    (v, i) => {
      const r = rng.fork(`${row.label}:${v}`);
      const simplified = compile(differentiate(e, v), vars);
      // The raw chain-rule output is checked separately from its simplification (as mathjs does).
      const raw = compile(rawDerivative(e, v), vars);
      for (let k = 0; k < POINTS; k++) {
        const xs = row.op.sample(r, row.arity);
        const along = (t: number): number => row.op.eval(xs.map((x, j) => (j === i ? t : x)));
        const numeric = centralDifference(along, xs[i]);
        const where = `${row.label} at (${xs.join(', ')})`;
        expect(Number.isFinite(numeric), where).toBe(true);
        expect(relativeError(simplified(xs), numeric), `simplified, ${where}`).toBeLessThanOrEqual(TOLERANCE);
        expect(relativeError(raw(xs), numeric), `raw, ${where}`).toBeLessThanOrEqual(TOLERANCE);
      }
    },
  );
});
