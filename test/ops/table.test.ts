/** The rest of each operator's entry: exact values, pieces and LaTeX agree with its `eval`. */
import { describe, expect, it } from 'vitest';
import { allDerivativeOps, allOps, isAbstractFunctionName, lookupOp } from '../../src/ops/registry.js';
import type { OpSpec } from '../../src/ops/types.js';
import { sym } from '../../src/expr/build.js';
import { compile } from '../../src/numeric/evaluate.js';
import { createRng } from '../../src/numeric/rng.js';
import { ratFromNumber, rat } from '../../src/rational.js';
import { paren } from '../../src/print/latex.js';

const rng = createRng(4342);
const everyOp: readonly OpSpec[] = [...allOps(), ...allDerivativeOps()];

describe.each(everyOp.map((op) => [op.name, op] as const))('%s', (_, op) => {
  it('has its exact value equal to its float value where it is rational', () => {
    if (!op.exact) return;
    const r = rng.fork(`exact:${op.name}`);
    // Sampled points rounded to 1/8, plus 0, 1 and small integers where exact values are known.
    const candidates: number[][] = [];
    for (const arity of op.arity) {
      for (let k = 0; k < 20; k++) candidates.push(op.sample(r, arity).map((x) => Math.round(x * 8) / 8));
      for (const special of [0, 1, -1, 2, 4, 8, 1 / 4]) candidates.push(Array.from({ length: arity }, (_, i) => (i === 0 ? special : 2)));
    }
    for (const xs of candidates) {
      const q = op.exact!(xs.map(ratFromNumber));
      if (q === undefined) continue;
      const f = op.eval(xs);
      expect(Math.abs(q.valueOf() - f), `${op.name}(${xs.join(', ')}) = ${q.toFraction()} vs ${f}`).toBeLessThan(1e-12);
    }
  });

  it('has pieces that agree with its value away from the kink', () => {
    if (!op.pieces) return;
    const pieces = op.pieces([sym('u')]);
    const r = rng.fork(`pieces:${op.name}`);
    for (let k = 0; k < 20; k++) {
      const [u] = op.sample(r, 1);
      const holds = pieces.filter((p) => {
        const v = compile(p.when.expr, ['u'])([u]);
        return p.when.rel === '<=' ? v <= 0 : p.when.rel === '<' ? v < 0 : p.when.rel === '>' ? v > 0 : v >= 0;
      });
      expect(holds, `${op.name} at ${u}`).toHaveLength(1);
      expect(compile(holds[0].value, ['u'])([u])).toBe(op.eval([u]));
    }
  });

  it('typesets its arguments', () => {
    for (const arity of op.arity) {
      const args = Array.from({ length: arity }, (_, i) => `ARG${i}`);
      const tex = op.tex(args, paren);
      for (const a of args) expect(tex).toContain(a);
    }
  });
});

describe('exact values', () => {
  it.each([
    ['sigmoid', ['0'], '1/2'],
    ['relu', ['-2'], '0'],
    ['relu', ['3/4'], '3/4'],
    ['sqrt', ['9/4'], '3/2'],
    ['cbrt', ['-8'], '-2'],
    ['nthRoot', ['16', '4'], '2'],
    ['log', ['8', '2'], '3'],
    ['log10', ['1/100'], '-2'],
    ['abs', ['-3/4'], '3/4'],
    ['sign', ['-3/4'], '-1'],
    ['identity', ['5/7'], '5/7'],
  ])('%s(%j) = %s', (name, xs, expected) => {
    const q = lookupOp(name)?.exact?.(xs.map((x) => rat(x)));
    expect(q?.toFraction()).toBe(expected);
  });

  it('relu′ follows the lecture: 0 at 0', () => {
    const reluPrime = allDerivativeOps().find((o) => o.name === "relu'");
    expect(reluPrime?.exact?.([rat(0)])?.toFraction()).toBe('0');
    expect(reluPrime?.eval([0])).toBe(0);
    expect(reluPrime?.eval([1e-12])).toBe(1);
  });
});

describe('abstract function names', () => {
  it('are σ, φ, ψ, f and g by name, and no known operator', () => {
    for (const n of ['sigma', 'phi', 'psi', 'f', 'g']) expect(isAbstractFunctionName(n)).toBe(true);
    for (const n of ['h', 'x', 'relu', 'w']) expect(isAbstractFunctionName(n)).toBe(false);
    for (const op of allOps()) expect(isAbstractFunctionName(op.name)).toBe(false);
  });
});
