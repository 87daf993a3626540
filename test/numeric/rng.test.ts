/** The one seeded generator: determinism, independence of forks, and ranges. */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/numeric/rng.js';

const draw = (rng: Rng, n = 32): number[] => Array.from({ length: n }, () => rng.next());

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(createRng(42))).toEqual(draw(createRng(42)));
    expect(createRng(42).seed).toBe(42);
  });

  it('gives different sequences for different seeds, even adjacent ones', () => {
    expect(draw(createRng(42))).not.toEqual(draw(createRng(43)));
    expect(draw(createRng(0))).not.toEqual(draw(createRng(1)));
  });

  it('forks deterministically into streams that differ from the parent and from each other', () => {
    const a = createRng(7);
    const b = createRng(7);
    const forkA = a.fork('exercise-1');
    const forkB = b.fork('exercise-1');
    expect(draw(forkA)).toEqual(draw(forkB));
    // The parents stay in step with each other after forking.
    expect(draw(a)).toEqual(draw(b));

    const parent = createRng(7);
    const child = parent.fork('exercise-1');
    const sibling = createRng(7).fork('exercise-2');
    const childDraws = draw(child);
    expect(childDraws).not.toEqual(draw(createRng(7)));
    expect(childDraws).not.toEqual(draw(sibling));
    expect(draw(parent)).not.toEqual(childDraws);
  });

  it('draws next() in [0, 1), spread out', () => {
    const xs = draw(createRng(1), 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    // Standard error of the mean of 10,000 uniforms is ≈ 0.003: 0.02 is a > 6σ bound.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('draws uniform(lo, hi) in [lo, hi) and int(lo, hi) in [lo, hi], both ends included', () => {
    const rng = createRng(2);
    const us = Array.from({ length: 2000 }, () => rng.uniform(-3, 3));
    expect(us.every((u) => u >= -3 && u < 3)).toBe(true);
    const ints = new Set(Array.from({ length: 2000 }, () => rng.int(1, 6)));
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks from a list and chooses both signs', () => {
    const rng = createRng(3);
    const picks = new Set(Array.from({ length: 200 }, () => rng.pick(['a', 'b', 'c'])));
    expect([...picks].sort()).toEqual(['a', 'b', 'c']);
    const signs = new Set(Array.from({ length: 200 }, () => rng.sign()));
    expect([...signs].sort()).toEqual([-1, 1]);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
