/**
 * Timing and summary helpers for the bench. Every number the bench prints comes from these
 * measurements, taken in the run that prints them.
 */

/**
 * Running `fn` once: wall-clock milliseconds (process.hrtime.bigint, ns resolution) and the
 * process's CPU milliseconds (process.cpuUsage, user + system, µs resolution). On a busy machine
 * the wall time grows with the competition for the CPU; the CPU time mostly does not.
 */
export function timeOnce<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  return { ms: Number(t1 - t0) / 1e6, cpuMs: (c.user + c.system) / 1e3, value };
}

export interface Timing {
  /** Every timed run, wall-clock milliseconds, in the order they ran. */
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly warmups: number;
  /** Median CPU milliseconds of the same runs, when measured in process. */
  readonly cpuMedian?: number;
}

export function summarize(samples: readonly number[], warmups: number, cpuSamples?: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('summarize: no samples');
  return {
    samples,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    warmups,
    ...(cpuSamples && cpuSamples.length ? { cpuMedian: median(cpuSamples) } : {}),
  };
}

/** `warmups` untimed runs, then `runs` timed ones; returns the timing and the last run's value. */
export function measure<T>(fn: () => T, options: { warmups: number; runs: number }): { timing: Timing; value: T } {
  if (options.runs < 1) throw new Error('measure: runs must be ≥ 1');
  let value: T | undefined;
  for (let i = 0; i < options.warmups; i++) value = fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const r = timeOnce(fn);
    samples.push(r.ms);
    cpu.push(r.cpuMs);
    value = r.value;
  }
  return { timing: summarize(samples, options.warmups, cpu), value: value as T };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// ---- formatting ------------------------------------------------------------------------------

/** A duration with a unit picked for it: 0.412 ms, 41.2 ms, 4.12 s. Three significant digits. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${sig(ms / 1000)} s`;
  if (ms >= 1) return `${sig(ms)} ms`;
  return `${sig(ms * 1000)} µs`;
}

/** 1,234 */
export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** ×1,234 or ×12.3 */
export function formatRatio(r: number): string {
  return r >= 100 ? `×${formatInt(Math.round(r))}` : `×${sig(r)}`;
}

function sig(x: number): string {
  if (x >= 100) return Math.round(x).toString();
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
