/**
 * The check-time benchmark runs and gets every verdict right. Its numbers are reported by the
 * benchmark itself (≈ 0.7 ms median per check on a prepared exercise, see src/check/benchmark.ts);
 * here the bound is loose, because the test machine is shared.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkChecks, lecturePartialCases } from '../../src/check/benchmark.js';

describe('benchmarkChecks', () => {
  it('checks the lecture’s nine partials, right and wrong, with the listed verdicts', () => {
    const cases = lecturePartialCases();
    expect(cases).toHaveLength(18);
    const r = benchmarkChecks(cases, { rounds: 3 });
    expect(r.checks).toBe(36);
    expect(r.wrongVerdicts).toBe(0);
    expect(r.medianMs).toBeGreaterThan(0);
    // Loose: the target is ≤ 2 ms; a busy CI machine can be several times slower.
    expect(r.medianMs).toBeLessThan(50);
  });

  it('can include preparing each exercise', () => {
    const r = benchmarkChecks(lecturePartialCases().slice(0, 4), { rounds: 2, fresh: true });
    expect(r.wrongVerdicts).toBe(0);
  });
});
