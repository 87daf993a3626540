import { describe, expect, it } from 'vitest';
import { network, type NetworkSpec } from '../../src/nn/network.js';
import { networkPartials } from '../../src/nn/partials.js';
import { abbreviatedPartials } from '../../src/nn/abbreviate.js';
import { partialsText } from '../../src/nn/format.js';
import { toText } from '../../src/print/text.js';
import { toLatex } from '../../src/print/latex.js';
import { createRng } from '../../src/numeric/rng.js';
import { relativeError } from '../../src/numeric/finite-difference.js';
import { abbreviatedValues, evaluator, networkVars, randomPoint } from './numeric.js';

const listing = (spec: NetworkSpec, wrt?: string[], inlineSingleUse?: boolean) => {
  const ab = abbreviatedPartials(network(spec), { wrt, inlineSingleUse });
  return {
    definitions: ab.definitions.map((d) => `${d.name} = ${toText(d.expr)}`),
    partials: ab.partials.map((p) => `${p.of}/${p.wrt} = ${toText(p.value)}`),
  };
};

describe('abbreviatedPartials', () => {
  it("names the 2-2-1 net's intermediates and writes every partial through them", () => {
    expect(listing({ layers: [2, 2, 1] })).toEqual({
      definitions: [
        'z1_1 = w1*x1 + w2*x2 + b1',
        'h1_1 = sigma(z1_1)',
        'z1_2 = w3*x1 + w4*x2 + b2',
        'h1_2 = sigma(z1_2)',
        "delta1_1 = w5*sigma'(z1_1)",
        "delta1_2 = w6*sigma'(z1_2)",
      ],
      partials: [
        'yhat/w1 = delta1_1*x1',
        'yhat/w2 = delta1_1*x2',
        'yhat/w3 = delta1_2*x1',
        'yhat/w4 = delta1_2*x2',
        'yhat/w5 = h1_1',
        'yhat/w6 = h1_2',
        'yhat/b1 = delta1_1',
        'yhat/b2 = delta1_2',
        'yhat/b3 = 1',
      ],
    });
  });

  it('derives the output δ of the MSE, ŷ − y, and backpropagates it', () => {
    const { definitions, partials } = listing({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' });
    expect(definitions).toContain('yhat = w5*h1_1 + w6*h1_2 + b3');
    expect(definitions).toContain('delta2_1 = yhat - y');
    expect(definitions).toContain("delta1_1 = delta2_1*w5*relu'(z1_1)");
    expect(partials).toContain('f/w5 = delta2_1*h1_1');
    expect(partials).toContain('f/b3 = delta2_1');
  });

  it('gives δ with relu′ its cases', () => {
    const ab = abbreviatedPartials(network({ layers: [2, 2, 1], activation: 'relu' }));
    const d = ab.definitions.find((x) => x.name === 'delta1_1');
    expect(d?.cases?.map((c) => [c.when.map((w) => `${toText(w.expr)} ${w.rel} 0`).join(' and '), toText(c.value)])).toEqual([
      ['z1_1 <= 0', '0'],
      ['z1_1 > 0', 'w5'],
    ]);
  });

  it('follows the textbook recursion δ⁽ˡ⁾ᵢ = (Σₖ δ⁽ˡ⁺¹⁾ₖ W⁽ˡ⁺¹⁾ₖᵢ)·σ′(z⁽ˡ⁾ᵢ) in a deeper net', () => {
    const { definitions, partials } = listing({ layers: [2, 2, 2, 1], naming: 'indexed' }, undefined, false);
    expect(definitions).toContain("delta2_1 = W3_1_1*sigma'(z2_1)");
    expect(definitions).toContain("delta1_2 = (delta2_1*W2_1_2 + delta2_2*W2_2_2)*sigma'(z1_2)");
    expect(partials).toContain('yhat/W1_2_1 = delta1_2*x1');
    expect(partials).toContain('yhat/W2_1_2 = delta2_1*h1_2');
  });

  it('writes a z or δ used once in place, and lists every needed name when asked', () => {
    expect(listing({ layers: [2, 2, 1] }, ['w1'])).toEqual({ definitions: [], partials: ["yhat/w1 = w5*sigma'(w1*x1 + w2*x2 + b1)*x1"] });
    expect(listing({ layers: [2, 2, 1] }, ['w1'], false)).toEqual({
      definitions: ['z1_1 = w1*x1 + w2*x2 + b1', "delta1_1 = w5*sigma'(z1_1)"],
      partials: ['yhat/w1 = delta1_1*x1'],
    });
  });

  it('names δ per output without a cost: delta1_k_i = ∂ŷₖ/∂z⁽¹⁾ᵢ', () => {
    const { definitions, partials } = listing({ layers: [2, 2, 2] }, undefined, false);
    expect(definitions).toContain("delta1_2_1 = w7*sigma'(z1_1)");
    expect(partials).toContain('yhat2/w1 = delta1_2_1*x1');
    expect(partials).toContain('yhat2/w5 = 0');
  });

  it('prints δ and z in the notation contract', () => {
    const ab = abbreviatedPartials(network({ layers: [2, 2, 1] }));
    const d = ab.definitions.find((x) => x.name === 'delta1_1');
    expect(d && `${toLatex(d.expr)}`).toBe("w_{5} \\sigma'(z^{(1)}_{1})");
  });
});

describe('abbreviated and expanded partials agree numerically', () => {
  const specs: NetworkSpec[] = [
    { layers: [2, 2, 1] },
    { layers: [2, 2, 1], activation: 'relu', loss: 'mse' },
    { layers: [3, 2, 2], activation: 'tanh', loss: 'mse', naming: 'indexed' },
    { layers: [2, 3, 2, 1], activation: ['sigmoid', 'sigma'], outputActivation: 'sigmoid', loss: 'bce' },
    { layers: [2, 2, 2], activation: 'sigmoid', outputActivation: 'tanh' },
    { layers: [2, 2, 2, 1], activation: 'identity', bias: false, loss: 'mse' },
  ];
  for (const spec of specs) {
    for (const inlineSingleUse of [true, false]) {
      it(`${JSON.stringify(spec)}${inlineSingleUse ? '' : ', every name listed'}`, () => {
        const net = network(spec);
        const vars = networkVars(net);
        const expanded = networkPartials(net, { cases: false }).map((p) => evaluator(p.value, vars));
        const abbreviated = abbreviatedValues(abbreviatedPartials(net, { inlineSingleUse }), vars);
        const rng = createRng(41);
        for (let k = 0; k < 10; k++) {
          const point = randomPoint(net, rng);
          const short = abbreviated(point);
          expanded.forEach((f, i) => expect(relativeError(short[i], f(point))).toBeLessThan(1e-12));
        }
      });
    }
  }
});

describe('size and speed of deep nets', () => {
  it('∂ŷ/∂W1_1_1 of the 8-8-8-1 sigmoid net, definitions included, is shorter than SymPy cse (2,169 characters)', () => {
    const net = network({ layers: [8, 8, 8, 1], activation: 'sigmoid', naming: 'indexed' });
    const ab = abbreviatedPartials(net, { wrt: ['W1_1_1'] });
    const text = partialsText(net, ab.partials, ab.definitions);
    expect(text.length).toBeLessThanOrEqual(2169);
    expect(text).toContain('∂ŷ/∂W1_1_1 = ');
  });

  it('keeps every partial of an 8-8-8-1 net small', () => {
    const ab = abbreviatedPartials(network({ layers: [8, 8, 8, 1] }));
    expect(ab.partials).toHaveLength(8 * 8 + 8 * 8 + 8 + 8 + 8 + 1);
    for (const p of ab.partials) expect(toText(p.value).length).toBeLessThan(30);
  });
});
