/**
 * Issue "Check students' hand derivations": how long one answer check takes, in process, on the
 * lecture's nine partials ∂ŷ/∂p of the 2-2-1 net, each with a correct answer in another form and
 * a typical wrong one (src/check/benchmark.ts: benchmarkChecks(lecturePartialCases(), …)).
 * mathjs and SymPy have no answer checker: their cells read "—".
 */
import { benchmarkChecks, lecturePartialCases, type BenchResult } from '../../src/check/index.js';
import { formatMs } from '../stats.js';
import type { Timing } from '../stats.js';
import type { BenchContext, BenchRow, BenchSection, Check, EngineResult, SectionResult } from '../section.js';

/** Passes over every case; benchmarkChecks does not time the first (a warm-up). */
const ROUNDS = 31;
/** The same with the exercise prepared (ŷ parsed and differentiated) inside every timed check. */
const FRESH_ROUNDS = 8;

/** Acceptance threshold (issue "Check students' hand derivations"). */
const MAX_MEDIAN_MS = 2;

interface Measured {
  readonly result: BenchResult;
  /** Every timed check's wall-clock ms, read through the clock handed to benchmarkChecks. */
  readonly timing: Timing;
}

/**
 * benchmarkChecks with a clock that also records its readings: it reads the clock exactly twice
 * per check (before and after), so consecutive pairs are the checks' times; the first round's are
 * its warm-up. The median, p90 and max printed are benchmarkChecks' own.
 */
function run(rounds: number, fresh: boolean): Measured | { readonly error: string } {
  const cases = lecturePartialCases();
  const readings: number[] = [];
  const clock = (): number => {
    const t = globalThis.performance.now();
    readings.push(t);
    return t;
  };
  const result = benchmarkChecks(cases, { rounds, fresh, clock });
  const times: number[] = [];
  for (let i = 0; i + 1 < readings.length; i += 2) times.push(readings[i + 1] - readings[i]);
  const timed = times.slice(cases.length);
  if (readings.length % 2 !== 0 || timed.length !== result.checks) {
    return { error: `expected ${result.checks} timed checks from the clock's readings, got ${timed.length} (${readings.length} readings)` };
  }
  return {
    result,
    timing: { samples: timed, median: result.medianMs, min: Math.min(...timed), max: result.maxMs, warmups: cases.length },
  };
}

const isMeasured = (m: Measured | { readonly error: string }): m is Measured => 'result' in m;

export const checkingSection: BenchSection = {
  id: 'checking',
  title: "answer checking: the lecture's nine partials of the 2-2-1 net, correct and incorrect answers, in process",
  async run(ctx: BenchContext): Promise<SectionResult> {
    const started = process.hrtime.bigint();
    const cases = lecturePartialCases();
    ctx.progress(`checking: ${ROUNDS} rounds of ${cases.length} checks (prepared exercises)`);
    const prepared = run(ROUNDS, false);
    ctx.progress(`checking: ${FRESH_ROUNDS} rounds of ${cases.length} checks (prepared every time)`);
    const fresh = run(FRESH_ROUNDS, true);

    const none: EngineResult = { status: 'none', reason: 'no answer checker' };
    const ours: EngineResult = isMeasured(prepared)
      ? { status: 'measured', timing: prepared.timing, what: 'checkPrepared(problem, answer) per check' }
      : { status: 'error', message: prepared.error };
    const rows: BenchRow[] = [{ label: 'lecture 2-2-1: check one answer', ours, mathjs: none, sympy: none }];

    const notes = [
      `ours: benchmarkChecks(lecturePartialCases(), {rounds: ${ROUNDS}}) (src/check/benchmark.ts): the ${cases.length} cases are the nine ∂ŷ/∂p of ` +
        `ŷ = w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3, each answered once correctly in another form and once wrongly ` +
        `(a missing inner derivative, σ for σ′); each exercise is prepared once (untimed, as the interactive sheet does), then every check is timed alone; ` +
        `the first of the ${ROUNDS} rounds is a warm-up, so ${ROUNDS - 1} rounds (${(ROUNDS - 1) * cases.length} checks) are timed. ` +
        `The time cell is the median per check as benchmarkChecks computes it (the ⌊n/2⌋-th of the sorted times).`,
      `"fresh" (details): the same with the exercise prepared (ŷ parsed and differentiated) inside every timed check, ${FRESH_ROUNDS} rounds, the first a warm-up.`,
      'mathjs and SymPy: "—": neither has an answer checker (SymPy-based graders such as PrairieLearn build one on sympy.equals); nothing was run for them.',
    ];

    const details: string[] = [];
    const describe = (label: string, m: Measured | { readonly error: string }): void => {
      if (!isMeasured(m)) {
        details.push(`${label}: ${m.error}`);
        return;
      }
      const r = m.result;
      details.push(
        `${label}: ${r.checks} checks; median ${formatMs(r.medianMs)}, p90 ${formatMs(r.p90Ms)}, min ${formatMs(m.timing.min)}, max ${formatMs(r.maxMs)}; ` +
          `median of correct answers ${formatMs(r.medianCorrectMs)}, of incorrect ones ${formatMs(r.medianIncorrectMs)}; wrong verdicts ${r.wrongVerdicts}`,
      );
    };
    describe('prepared', prepared);
    describe('fresh', fresh);
    details.push(`this section took ${formatMs(Number(process.hrtime.bigint() - started) / 1e6)} in all`);

    const checks: Check[] = [];
    const name = `lecture partials: median check time ≤ ${MAX_MEDIAN_MS} ms`;
    if (isMeasured(prepared)) {
      const r = prepared.result;
      checks.push({
        name,
        status: r.medianMs <= MAX_MEDIAN_MS ? 'PASS' : 'FAIL',
        detail: `wall-clock median ${formatMs(r.medianMs)} over ${r.checks} checks (${ROUNDS - 1} rounds × ${cases.length}); p90 ${formatMs(r.p90Ms)}`,
      });
    } else checks.push({ name, status: 'SKIP', detail: prepared.error });

    const all = [prepared, fresh].filter(isMeasured);
    const wrong = all.reduce((s, m) => s + m.result.wrongVerdicts, 0);
    const total = all.reduce((s, m) => s + m.result.checks, 0);
    checks.push({
      name: 'sanity: every timed check gave the verdict its case lists (correct / incorrect)',
      status: all.length === 0 ? 'SKIP' : wrong === 0 ? 'PASS' : 'FAIL',
      detail: all.length === 0 ? 'nothing measured' : `${wrong} wrong verdicts in ${total} checks (prepared and fresh)`,
    });
    return { rows, notes, details, checks };
  },
};
