import { describe, expect, it } from 'vitest';
import { allKinds } from '../../src/exercises/registry.js';
import { expectTypesets, generate } from './kind-harness.js';

/** Larger instances than the defaults, where a kind takes a network's layers. */
const LARGER: Record<string, Record<string, unknown>> = {
  'network-expansion': { layers: [3, 3, 2], activation: 'relu', naming: 'indexed' },
  partial: { layers: [2, 2, 2, 1], activation: 'sigmoid' },
  'all-partials': { layers: [2, 3, 1], activation: 'tanh' },
  'mse-partials': { layers: [3, 2, 2], activation: 'relu' },
  'matrix-gradients': { layers: [2, 3, 2], activation: 'relu' },
  'linear-collapse': { layers: [2, 3, 3, 2] },
};

describe('every exercise kind', () => {
  it('has a key that typesets, with each step’s formulas set as math, at its defaults and larger', () => {
    const kinds = allKinds();
    expect(kinds).toHaveLength(13);
    for (const info of kinds) {
      for (const params of [{}, LARGER[info.kind]].filter((p) => p !== undefined)) {
        for (let seed = 1; seed <= 3; seed++) expectTypesets(generate(info.kind, params, seed));
      }
    }
  }, 60_000);
});
