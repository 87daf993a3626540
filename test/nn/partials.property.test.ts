/**
 * Every symbolic partial of random networks (up to 4 layers, widths ≤ 5, random activations,
 * output activations and costs) against central differences of the network itself, at seeded
 * points; the abbreviated form and the ReLU cases against the expanded partials at the same points.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIDDEN_ACTIVATIONS, network, type ActivationName, type LossName, type NetworkSpec } from '../../src/nn/network.js';
import { networkPartials } from '../../src/nn/partials.js';
import { abbreviatedPartials } from '../../src/nn/abbreviate.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';
import { createRng } from '../../src/numeric/rng.js';
import { abbreviatedValues, evaluator, kinks, networkVars, randomPoint } from './numeric.js';

// The 5-point stencil's error is ≈ 1e-12·f⁽⁵⁾ + 1e-13·|f| at h = 1e-3; nested activations of
// values in [−1.5, 1.5] keep f⁽⁵⁾ small, so 1e-6 leaves a wide margin and still catches any wrong
// factor (which is off by O(1)).
const TOLERANCE = 1e-6;

const architecture = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
    activations: fc.array(fc.constantFrom(...HIDDEN_ACTIVATIONS), { minLength: 2, maxLength: 2 }),
    output: fc.constantFrom<ActivationName | 'none'>('none', ...HIDDEN_ACTIVATIONS),
    loss: fc.constantFrom<LossName>('none', 'mse', 'bce'),
    bias: fc.boolean(),
    indexed: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ widths, activations, output, loss, bias, indexed, seed }) => {
    const bce = loss === 'bce';
    const layers = bce ? [...widths.slice(0, -1), 1] : widths;
    const spec: NetworkSpec = {
      layers,
      activation: activations.slice(0, layers.length - 2),
      outputActivation: bce ? 'sigmoid' : output,
      loss,
      bias,
      naming: indexed ? 'indexed' : 'lecture',
    };
    return { spec, seed };
  });

describe('network partials, property-checked', () => {
  it('agree with central differences, with the abbreviated form and with their cases', () => {
    let checked = 0;
    let casesChecked = 0;
    fc.assert(
      fc.property(architecture, ({ spec, seed }) => {
        const net = network(spec);
        const vars = networkVars(net);
        const targets = net.lossExpr ? [net.lossExpr] : net.outputExprs;
        const of = new Map((net.lossExpr ? ['f'] : net.outputs).map((name, k) => [name, evaluator(targets[k], vars)] as const));
        const kinkFns = kinks(targets).map((u) => evaluator(u, vars));
        const partials = networkPartials(net);
        const expanded = partials.map((p) => evaluator(p.value, vars));
        const abbreviated = abbreviatedValues(abbreviatedPartials(net), vars);
        const rng = createRng(seed);
        for (let trial = 0; trial < 2; trial++) {
          const point = randomPoint(net, rng);
          const short = abbreviated(point);
          partials.forEach((p, i) => {
            const value = expanded[i](point);
            expect(relativeError(short[i], value), `abbreviated ${p.of}/${p.wrt}`).toBeLessThan(1e-10);
            const at = vars.indexOf(p.wrt);
            const x0 = point[at];
            const along = (x: number): number[] => point.map((v, j) => (j === at ? x : v));
            // Kink-free: every ReLU argument keeps its sign across the whole stencil.
            const h = 1e-3 * Math.max(1, Math.abs(x0));
            const signs = (x: number): number[] => kinkFns.map((k) => Math.sign(k(along(x))));
            const centre = signs(x0);
            if (centre.includes(0) || [-2, -1, 1, 2].some((s) => signs(x0 + s * h).some((v, j) => v !== centre[j]))) return;
            const target = of.get(p.of);
            if (!target) throw new Error(`no target ${p.of}`);
            const fd = centralDifference((x) => target(along(x)), x0, h);
            expect(relativeError(value, fd), `${JSON.stringify(spec)} ∂${p.of}/∂${p.wrt}`).toBeLessThan(TOLERANCE);
            checked++;
            if (p.cases) {
              const holding = p.cases.filter((c) =>
                c.when.every((w) => {
                  const u = evaluator(w.expr, vars)(point);
                  return w.rel === '<=' ? u <= 0 : w.rel === '<' ? u < 0 : w.rel === '>' ? u > 0 : u >= 0;
                }),
              );
              expect(holding, `cases of ${p.of}/${p.wrt}`).toHaveLength(1);
              expect(relativeError(evaluator(holding[0].value, vars)(point), value)).toBeLessThan(1e-12);
              casesChecked++;
            }
          });
        }
      }),
      { numRuns: 30, seed: 20_251_126 },
    );
    expect(checked).toBeGreaterThan(400);
    expect(casesChecked).toBeGreaterThan(20);
  });
});
