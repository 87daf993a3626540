import { describe, expect, it } from 'vitest';
import { affine, chooseReadout, doubleTolerance, MAX_DOUBLE_READOUT, segmentGap } from '../../src/nn/xor-readout.js';
import { ratFromNumber, ratText, rat } from '../../src/rational.js';
import type { Point } from '../../src/nn/xor-geometry.js';

const pt = (a: number, b: number): Point => [ratFromNumber(a), ratFromNumber(b)];

describe('chooseReadout on double-precision values', () => {
  // + on h1 + h2 = 1, − on h1 + h2 = 0: ŷ = h1 + h2 is XOR, but 1/3 + 2/3 rounds to 0.9999999999999999.
  const plus = [pt(1 / 3, 2 / 3), pt(0.7, 0.3)];
  const minus = [pt(0.2, -0.2), pt(1 / 7, -1 / 7)];

  it('finds the readout four consistent points have, though rounding makes them inconsistent by 10⁻¹⁶', () => {
    expect(chooseReadout(plus, minus, true).kind).toBe('threshold');
    const r = chooseReadout(plus, minus, false);
    expect([r.kind, ...r.W2.map(ratText), ratText(r.b2)]).toEqual(['exact', '1', '1', '0']);
    expect(r.error).toBeGreaterThan(0);
    expect(r.error).toBeLessThanOrEqual(doubleTolerance(r));
    for (const [h, y] of [...plus.map((h) => [h, 1] as const), ...minus.map((h) => [h, 0] as const)]) {
      expect(Math.abs(Number(affine(r, h).sub(y).valueOf()))).toBeLessThanOrEqual(r.error ?? 0);
    }
  });

  it('keeps a threshold readout when the fourth point is off by more than rounding', () => {
    const r = chooseReadout([pt(1 / 3, 2 / 3), pt(0.7, 0.31)], minus, false);
    expect(r.kind).toBe('threshold');
    expect(r.unstable).toBeUndefined();
  });

  it('sets aside an exact readout so large that the rounding of h decides it', () => {
    // Three points 10⁻¹⁵ off one line: the readout through them has |W2| ≈ 10¹⁵.
    const r = chooseReadout([pt(0.5, 0.5 + 1e-15)], [pt(0, 0), pt(1, 1)], false);
    expect(r.kind).toBe('threshold');
    expect(r.unstable).toBeGreaterThan(MAX_DOUBLE_READOUT);
  });
});

describe('segmentGap', () => {
  it('is the distance between the classes, 0 when they meet', () => {
    expect(segmentGap([[rat(0), rat(1)]], [[rat(0), rat(0)], [rat(2), rat(0)]])).toBe(1);
    expect(segmentGap([[rat(1), rat(0)]], [[rat(0), rat(0)], [rat(2), rat(0)]])).toBe(0);
  });
});
