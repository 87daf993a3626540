/**
 * The check-time benchmark: the lecture's nine partials ∂ŷ/∂p of the 2-2-1 network (p = w₁…w₆,
 * b₁…b₃), each checked with a correct answer in another form (factors and terms reordered) and a
 * typical wrong one (a missing inner derivative, σ for σ′). An exercise is prepared once, as the
 * interactive sheet does; `fresh` also times preparing it (parse and differentiate ŷ) every time.
 *
 * Syntax:   benchmarkChecks(lecturePartialCases(), { rounds: 30 }).medianMs
 */
import { checkAnswer, checkPrepared, prepareCheck } from './check.js';
import { defaultClock, type Clock } from './budget.js';
import type { Problem } from './input.js';
import type { Verdict } from './types.js';

export const LECTURE_YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

export interface BenchCase {
  readonly fn: string;
  readonly wrt: string;
  readonly answer: string;
  readonly verdict: Verdict;
}

export function lecturePartialCases(): BenchCase[] {
  const z1 = 'w1*x1 + w2*x2 + b1';
  const z2 = 'w3*x1 + w4*x2 + b2';
  const rows: [string, string, string][] = [
    ['w1', `x1*w5*sigma'(b1 + w2*x2 + w1*x1)`, `w5*sigma'(${z1})`],
    ['w2', `x2*w5*sigma'(b1 + x2*w2 + w1*x1)`, `w5*sigma(${z1})*x2`],
    ['w3', `x1*w6*sigma'(b2 + w4*x2 + w3*x1)`, `w6*sigma'(${z2})`],
    ['w4', `w6*x2*sigma'(x1*w3 + x2*w4 + b2)`, `w6*sigma(${z2})*x2`],
    ['w5', `sigma(b1 + w2*x2 + w1*x1)`, `sigma'(${z1})`],
    ['w6', `sigma(x2*w4 + x1*w3 + b2)`, `w6*sigma'(${z2})`],
    ['b1', `w5*sigma'(x1*w1 + x2*w2 + b1)`, `w5*sigma(${z1})`],
    ['b2', `w6*sigma'(b2 + x2*w4 + x1*w3)`, `sigma'(${z2})`],
    ['b3', `1`, `0`],
  ];
  return rows.flatMap(([wrt, right, wrong]) => [
    { fn: LECTURE_YHAT, wrt, answer: right, verdict: 'correct' as const },
    { fn: LECTURE_YHAT, wrt, answer: wrong, verdict: 'incorrect' as const },
  ]);
}

export interface BenchOptions {
  /** Passes over all cases (default 20); the first pass warms up and is not timed. */
  readonly rounds?: number;
  /** Time preparing the exercise too, every check (default false). */
  readonly fresh?: boolean;
  readonly clock?: Clock;
}

export interface BenchResult {
  readonly checks: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  readonly medianCorrectMs: number;
  readonly medianIncorrectMs: number;
  /** Cases whose verdict differed from the one listed (should be none). */
  readonly wrongVerdicts: number;
}

export function benchmarkChecks(cases: readonly BenchCase[], options: BenchOptions = {}): BenchResult {
  const clock = options.clock ?? defaultClock;
  const rounds = Math.max(2, options.rounds ?? 20);
  // A budget far above any check: the benchmark measures the work, not the cut-off.
  const check = { timeBudgetMs: 60_000 };
  const problems = new Map<string, Problem>();
  const prepared = (c: BenchCase): Problem => {
    const key = `${c.fn}|${c.wrt}`;
    let p = problems.get(key);
    if (!p) problems.set(key, (p = prepareCheck(c.fn, { wrt: c.wrt })));
    return p;
  };
  const correct: number[] = [];
  const incorrect: number[] = [];
  let wrongVerdicts = 0;
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const t0 = clock();
      const r = options.fresh ? checkAnswer(c.fn, c.answer, { ...check, wrt: c.wrt }) : checkPrepared(prepared(c), c.answer, check);
      const ms = clock() - t0;
      if (round === 0) continue;
      if (r.verdict !== c.verdict) wrongVerdicts++;
      (c.verdict === 'correct' ? correct : incorrect).push(ms);
    }
  }
  const all = [...correct, ...incorrect];
  return {
    checks: all.length,
    medianMs: quantile(all, 0.5),
    p90Ms: quantile(all, 0.9),
    maxMs: Math.max(...all),
    medianCorrectMs: quantile(correct, 0.5),
    medianIncorrectMs: quantile(incorrect, 0.5),
    wrongVerdicts,
  };
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
