import { describe, expect, it } from 'vitest';
import { network } from '../../src/nn/network.js';
import { costGradient, initialParameters, train, TRAIN_DEFAULTS } from '../../src/nn/train.js';
import { networkPartials } from '../../src/nn/partials.js';
import { DATASETS } from '../../src/nn/datasets.js';
import { createRng } from '../../src/numeric/rng.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';
import { InputError } from '../../src/errors.js';
import { evaluator, networkVars } from './numeric.js';

const xor = DATASETS.xor;
const reluNet = network({ layers: [2, 2, 1], activation: 'relu', loss: 'mse' });
const defaults = { epochs: TRAIN_DEFAULTS.epochs, learningRate: TRAIN_DEFAULTS.lr, batchSize: TRAIN_DEFAULTS.batchSize };

describe('train', () => {
  it('learns XOR with the 2-2-1 ReLU net from the default seed: MSE < 0.01, loss falling on average', () => {
    const r = train(reluNet, xor, { ...defaults, rng: createRng(TRAIN_DEFAULTS.seed) });
    expect(r.losses).toHaveLength(TRAIN_DEFAULTS.epochs);
    expect(r.meanSquaredError).toBeLessThan(0.01);
    expect(r.finalLoss).toBeLessThan(0.005);
    r.predictions.forEach((p, i) => expect(Math.abs(p[0] - xor[i].y[0])).toBeLessThan(0.1));
    // Falling on average: each tenth of training ends lower than the one before.
    const tenth = TRAIN_DEFAULTS.epochs / 10;
    const means = Array.from({ length: 10 }, (_, k) => r.losses.slice(k * tenth, (k + 1) * tenth).reduce((a, b) => a + b, 0) / tenth);
    expect(means[0]).toBeLessThan(r.initialLoss);
    for (let k = 1; k < 10; k++) expect(means[k]).toBeLessThan(means[k - 1]);
  });

  it('is a pure function of the seed', () => {
    const a = train(reluNet, xor, { ...defaults, epochs: 20, rng: createRng(7) });
    const b = train(reluNet, xor, { ...defaults, epochs: 20, rng: createRng(7) });
    const c = train(reluNet, xor, { ...defaults, epochs: 20, rng: createRng(8) });
    expect(a).toEqual(b);
    expect(c.initial).not.toEqual(a.initial);
  });

  it('sums the gradient over a minibatch and steps p ← p − ε·Σ ∂f/∂p (checked by finite differences)', () => {
    const net = network({ layers: [2, 2, 1], activation: 'tanh', loss: 'mse' });
    const start = initialParameters(net, createRng(3));
    const lr = 0.05;
    const r = train(net, xor, { epochs: 1, learningRate: lr, batchSize: 4, rng: createRng(1), initial: start });
    const names = net.parameters.map((p) => p.name);
    const vars = networkVars(net);
    const cost = evaluator(net.lossExpr ?? net.outputExprs[0], vars);
    const total = (values: Record<string, number>): number =>
      xor.reduce((s, ex) => s + cost([...ex.x, ...ex.y, ...names.map((n) => values[n])]), 0);
    for (const p of names) {
      const g = centralDifference((v) => total({ ...start, [p]: v }), start[p]);
      expect(relativeError(r.parameters[p], start[p] - lr * g)).toBeLessThan(1e-9);
    }
  });

  it('runs the compiled gradient, which agrees with the expanded partials', () => {
    const net = network({ layers: [2, 3, 1], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce' });
    const g = costGradient(net);
    const vars = networkVars(net);
    const partials = networkPartials(net, { cases: false }).map((p) => evaluator(p.value, vars));
    const rng = createRng(5);
    for (let k = 0; k < 5; k++) {
      const params = g.parameters.map(() => rng.uniform(-1.5, 1.5));
      const example = { x: [rng.uniform(-1, 1), rng.uniform(-1, 1)], y: [rng.uniform(0.1, 0.9)] };
      const grad = new Float64Array(params.length);
      g.accumulate(params, example, grad);
      const point = [...example.x, ...example.y, ...params];
      partials.forEach((f, i) => expect(relativeError(grad[i], f(point))).toBeLessThan(1e-12));
    }
  });

  it('rejects what cannot be trained, naming the flag', () => {
    const opts = { ...defaults, rng: createRng(1) };
    expect(() => train(network({ layers: [2, 2, 1], loss: 'mse' }), xor, opts)).toThrow(/^--activation: sigma is abstract/);
    expect(() => train(network({ layers: [2, 2, 1], activation: 'relu' }), xor, opts)).toThrow(/^--loss: training needs a cost/);
    expect(() => train(reluNet, xor, { ...opts, batchSize: 0 })).toThrow(InputError);
    expect(() => train(reluNet, xor, { ...opts, learningRate: -1 })).toThrow(/^--lr/);
    expect(() => train(reluNet, xor, { ...opts, learningRate: 1e6 })).toThrow(/^--lr 1000000: gradient descent diverged in epoch \d+/);
    expect(() => train(network({ layers: [3, 2, 1], activation: 'relu', loss: 'mse' }), xor, opts)).toThrow(
      '--data: example 1 has 2 input(s) and 1 target(s); the network takes 3 and gives 1',
    );
    // The cross-entropy of a target outside [0, 1] is unbounded below.
    const bce = network({ layers: [2, 2, 1], activation: 'relu', outputActivation: 'sigmoid', loss: 'bce' });
    expect(() => train(bce, [xor[0], { x: [1, 1], y: [-3] }], opts)).toThrow('--data: example 2: target -3: binary cross-entropy (--loss bce) needs targets in [0, 1]');
    expect(() => train(bce, [{ x: [0, 0], y: [Number.NaN] }], opts)).toThrow('--data: example 1: target NaN: binary cross-entropy (--loss bce) needs targets in [0, 1]');
    expect(train(bce, [...xor, { x: [0.5, 0.5], y: [0.5] }], { ...opts, epochs: 3 }).finalLoss).toBeGreaterThan(0);
  });
});
