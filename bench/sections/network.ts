/**
 * The benchmark network, n = 2, 3, 4, 6, 8: ∂ŷ/∂W1_1_1 of the fully expanded
 * two-hidden-layer sigmoid net, by gradsheet (differentiate = rawDerivative + simplify), by mathjs
 * (derivative, then simplify) and by SymPy (diff, no simplify; plus the size of its cse).
 */
import { centralDifference, differentiate, evaluate, parse, rawDerivative, relativeError, simplify, toText } from '../../src/index.js';
import type { Expr } from '../../src/index.js';
import { BENCH_WRT, benchNetwork, networkValue, type BenchNetwork } from '../network-expr.js';
import { runMathjs, type MathjsOutcome } from '../run-mathjs.js';
import { runSympy, type SympyOutcome } from '../run-sympy.js';
import { formatInt, formatMs, formatRatio, measure, summarize, type Timing } from '../stats.js';
import type { BenchContext, BenchRow, BenchSection, Check, EngineResult, SectionResult } from '../section.js';

export const NETWORK_SIZES = [2, 3, 4, 6, 8] as const;

/** Ours: untimed warm-up runs, then timed runs (median reported). */
const OURS_WARMUPS = 20;
const OURS_RUNS = 31;
/** SymPy: the same idea in python (bench/sympy_bench.py); cache cleared before every run. */
const SYMPY_WARMUPS = 1;
const SYMPY_RUNS = 7;
/** mathjs: up to 7 timed runs per n, fewer once they add up to the budget; one run > limit is killed. */
const MATHJS_MAX_RUNS = 7;
const MATHJS_BUDGET_MS = 5_000;
const MATHJS_LIMIT_MS = 20_000;
/** mathjs always runs up to this n, even after a timeout at a smaller n: the n = 4 check needs it. */
const MATHJS_ALWAYS_UP_TO = 4;

/** The targets the checks below compare with. */
const OURS_MAX_MS_AT_8 = 10;
const MIN_SPEEDUP_AT_4 = 100;
/** Agreement with the finite-difference reference that counts as "the same number". */
const NUMERIC_TOLERANCE = 1e-6;

interface OursCase {
  readonly net: BenchNetwork;
  readonly timing: Timing;
  readonly rawTiming: Timing;
  readonly simplifyTiming: Timing;
  readonly result: Expr;
  readonly text: string;
  readonly point: Readonly<Record<string, number>>;
  readonly reference: number;
  readonly error: number;
}

export const networkSection: BenchSection = {
  id: 'network',
  title: `benchmark network: ∂ŷ/∂${BENCH_WRT}, x ∈ ℝⁿ, two sigmoid layers of width n, fully expanded`,
  async run(ctx: BenchContext): Promise<SectionResult> {
    const progress = (m: string): void => ctx.progress(m);
    // ---- ours, in process, first (nothing else running) ----------------------------------
    // One untimed pass over every size first, so the JIT has seen all the shapes before any timing.
    const sizes = ctx.sizes ?? NETWORK_SIZES;
    const parsed = sizes.map((n) => parse(benchNetwork(n).text));
    for (let k = 0; k < OURS_WARMUPS; k++) for (const e of parsed) differentiate(e, BENCH_WRT);
    const ours: OursCase[] = sizes.map((n) => {
      progress(`ours n=${n}`);
      return measureOurs(benchNetwork(n));
    });

    // ---- SymPy: one python process for every n -------------------------------------------
    progress('SymPy (python3 subprocess)');
    const sympy = await runSympy({
      wrt: BENCH_WRT,
      warmups: SYMPY_WARMUPS,
      runs: SYMPY_RUNS,
      cases: ours.map((o) => ({ n: o.net.n, expr: o.net.text, names: o.net.names, point: o.point })),
      textForN: sizes[0],
    });

    // ---- mathjs: one child process per n, increasing n; after a run over the limit, larger n
    // are not run, except those an acceptance check needs (n ≤ MATHJS_ALWAYS_UP_TO).
    const warmupText = benchNetwork(1).text;
    const mathjs = new Map<number, MathjsOutcome>();
    let stoppedAt: number | undefined;
    for (const o of ours) {
      if (stoppedAt !== undefined && o.net.n > MATHJS_ALWAYS_UP_TO) continue;
      progress(`mathjs n=${o.net.n} (child process, ${MATHJS_LIMIT_MS / 1000} s limit per run)`);
      const outcome = await runMathjs(
        { text: o.net.text, wrt: BENCH_WRT, warmupText, maxRuns: MATHJS_MAX_RUNS, budgetMs: MATHJS_BUDGET_MS, point: o.point },
        MATHJS_LIMIT_MS,
      );
      mathjs.set(o.net.n, outcome);
      if (outcome.kind === 'timeout') stoppedAt ??= o.net.n;
    }

    // ---- rows -----------------------------------------------------------------------------
    const rows: BenchRow[] = ours.map((o) => ({
      label: `network n=${o.net.n}`,
      inputChars: o.net.text.length,
      ours: { status: 'measured', timing: o.timing, what: 'differentiate (rawDerivative + simplify)', chars: o.text.length },
      mathjs: mathjsResult(mathjs.get(o.net.n), stoppedAt),
      sympy: sympyResult(sympy, o.net.n),
      oursError: o.error,
    }));

    const checkList = checks(ours, rows, sympy, mathjs);
    // Show both outputs when ours is the longer one somewhere (also on --show).
    const lengthFailed = rows.some((r) => {
      const a = charsOf(r.ours);
      const b = charsOf(r.sympy);
      return a !== undefined && b !== undefined && a > b;
    });
    return {
      rows,
      notes: notes(ours, sympy, mathjs),
      details: details(ours, sympy, mathjs, ctx.show || lengthFailed),
      checks: checkList,
    };
  },
};

// ---- ours --------------------------------------------------------------------------------

function measureOurs(net: BenchNetwork): OursCase {
  const expr = parse(net.text); // once, untimed
  const { timing, value: result } = measure(() => differentiate(expr, BENCH_WRT), { warmups: OURS_WARMUPS, runs: OURS_RUNS });
  // The two halves of differentiate, timed separately (for the details listing only).
  const { timing: rawTiming, value: raw } = measure(() => rawDerivative(expr, BENCH_WRT), { warmups: OURS_WARMUPS, runs: OURS_RUNS });
  const { timing: simplifyTiming } = measure(() => simplify(raw), { warmups: OURS_WARMUPS, runs: OURS_RUNS });

  const point = seededPoint(net.names, 20240519 + net.n);
  const base = point[BENCH_WRT];
  const reference = centralDifference((w) => networkValue(net.n, { ...point, [BENCH_WRT]: w }), base);
  const value = evaluate(result, { vars: point });
  return { net, timing, rawTiming, simplifyTiming, result, text: toText(result), point, reference, error: relativeError(value, reference) };
}

/** Every name uniform in [−1, 1] (inside the sigmoid's live range), from a seeded mulberry32. */
export function seededPoint(names: readonly string[], seed: number): Record<string, number> {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.fromEntries(names.map((name) => [name, 2 * next() - 1]));
}

// ---- mathjs and SymPy outcomes → cells ------------------------------------------------------

const MATHJS_WHAT = 'math.derivative(text, wrt) then math.simplify(result)';

function mathjsResult(o: MathjsOutcome | undefined, stoppedAt: number | undefined): EngineResult {
  if (!o) return { status: 'skipped', reason: `not run: n=${stoppedAt} already exceeded ${MATHJS_LIMIT_MS / 1000} s` };
  if (o.kind === 'error') return { status: 'error', message: o.message };
  if (o.kind === 'timeout') {
    // A run that finished before the limit was hit still counts as measured.
    if (o.runs.length === 0) return { status: 'timeout', limitMs: o.limitMs, what: MATHJS_WHAT };
  }
  return {
    status: 'measured',
    timing: summarize(o.runs.map((r) => r.totalMs), 0),
    what: MATHJS_WHAT,
    chars: o.runs[0].chars,
  };
}

function sympyResult(s: SympyOutcome, n: number): EngineResult {
  if (s.kind === 'unavailable') return { status: 'skipped', reason: `SymPy skipped: ${s.reason}` };
  if (s.kind === 'error') return { status: 'error', message: s.message };
  const c = s.cases.find((x) => x.n === n);
  if (!c) return { status: 'error', message: `no SymPy result for n=${n}` };
  return { status: 'measured', timing: summarize(c.diffMs, SYMPY_WARMUPS), what: 'sympy.diff(expr, wrt)', chars: c.diffChars, cseChars: c.cseChars };
}

const charsOf = (r: EngineResult): number | undefined => (r.status === 'measured' ? r.chars : undefined);

// ---- checks ------------------------------------------------------------------------------

function checks(
  ours: readonly OursCase[],
  rows: readonly BenchRow[],
  sympy: SympyOutcome,
  mathjs: ReadonlyMap<number, MathjsOutcome>,
): Check[] {
  const out: Check[] = [];
  const at = (n: number): number => ours.findIndex((o) => o.net.n === n);

  // 1. n = 8: our median ≤ 10 ms.
  {
    const i = at(8);
    const name = `n=8: our differentiate median ≤ ${OURS_MAX_MS_AT_8} ms`;
    if (i < 0) out.push({ name, status: 'SKIP', detail: 'n=8 not in this run' });
    else {
      const t = ours[i].timing.median;
      out.push({
        name,
        status: t <= OURS_MAX_MS_AT_8 ? 'PASS' : 'FAIL',
        detail:
          `wall-clock median ${formatMs(t)} over ${ours[i].timing.samples.length} runs` +
          (ours[i].timing.cpuMedian === undefined ? '' : ` (CPU-time median ${formatMs(ours[i].timing.cpuMedian)}, for context; the check uses wall-clock)`),
      });
    }
  }

  // 2. n = 4: ≥ 100× faster than mathjs derivative+simplify.
  {
    const i = at(4);
    const name = `n=4: ours ≥ ${MIN_SPEEDUP_AT_4}× faster than mathjs derivative+simplify`;
    const m = i < 0 ? undefined : rows[i].mathjs;
    if (i < 0 || !m) out.push({ name, status: 'SKIP', detail: 'n=4 not in this run' });
    else if (m.status === 'measured') {
      const r = m.timing.median / ours[i].timing.median;
      out.push({
        name,
        status: r >= MIN_SPEEDUP_AT_4 ? 'PASS' : 'FAIL',
        detail: `mathjs ${formatMs(m.timing.median)} ÷ ours ${formatMs(ours[i].timing.median)} = ${formatRatio(r)}`,
      });
    } else if (m.status === 'timeout') {
      const r = m.limitMs / ours[i].timing.median; // a lower bound: mathjs took longer than the limit
      out.push({
        name,
        status: r >= MIN_SPEEDUP_AT_4 ? 'PASS' : 'FAIL',
        detail: `mathjs > ${formatMs(m.limitMs)} (killed) ÷ ours ${formatMs(ours[i].timing.median)} > ${formatRatio(r)}`,
      });
    } else out.push({ name, status: 'SKIP', detail: `mathjs ${'reason' in m ? m.reason : m.message}` });
  }

  // 3. Every n: our output no longer than SymPy's unsimplified diff.
  {
    const name = "every n: our output ≤ SymPy's unsimplified diff (chars)";
    if (sympy.kind !== 'ok') out.push({ name, status: 'SKIP', detail: sympy.kind === 'unavailable' ? `SymPy skipped: ${sympy.reason}` : sympy.message });
    else {
      const parts: string[] = [];
      let pass = true;
      ours.forEach((o, i) => {
        const s = charsOf(rows[i].sympy);
        if (s === undefined) {
          pass = false;
          parts.push(`n=${o.net.n}: no SymPy size`);
          return;
        }
        if (o.text.length > s) pass = false;
        parts.push(`n=${o.net.n}: ${formatInt(o.text.length)} ${o.text.length <= s ? '≤' : '>'} ${formatInt(s)}`);
      });
      out.push({ name, status: pass ? 'PASS' : 'FAIL', detail: parts.join('; ') });
    }
  }

  // 4. Sanity: every derivative measured is the right number.
  {
    const name = `sanity: every result agrees with a finite difference (rel. err ≤ ${NUMERIC_TOLERANCE.toExponential(0)})`;
    const bad: string[] = [];
    let worst = 0;
    const consider = (who: string, n: number, value: number | null | undefined, reference: number): void => {
      if (value === null || value === undefined) return;
      const e = relativeError(value, reference);
      worst = Math.max(worst, e);
      if (!(e <= NUMERIC_TOLERANCE)) bad.push(`${who} n=${n}: ${e.toExponential(1)}`);
    };
    for (const o of ours) {
      consider('ours', o.net.n, evaluate(o.result, { vars: o.point }), o.reference);
      const m = mathjs.get(o.net.n);
      if (m && m.kind !== 'error') consider('mathjs', o.net.n, m.runs[0]?.value, o.reference);
      if (sympy.kind === 'ok') consider('SymPy', o.net.n, sympy.cases.find((c) => c.n === o.net.n)?.value, o.reference);
    }
    out.push({
      name,
      status: bad.length === 0 ? 'PASS' : 'FAIL',
      detail: bad.length === 0 ? `worst ${worst.toExponential(1)} (ours, and mathjs/SymPy where they ran)` : bad.join('; '),
    });
  }
  return out;
}

// ---- notes -------------------------------------------------------------------------------

function notes(
  ours: readonly OursCase[],
  sympy: SympyOutcome,
  mathjs: ReadonlyMap<number, MathjsOutcome>,
): string[] {
  const out: string[] = [];
  out.push(
    `ours: parse once (untimed), then differentiate(expr, '${BENCH_WRT}') = rawDerivative + simplify; wall-clock median of ${OURS_RUNS} runs after ${OURS_WARMUPS} warm-up passes over all n and ${OURS_WARMUPS} more on that n; size = toText(result).length.`,
  );
  const version = [...mathjs.values()].flatMap((m) => (m.kind === 'error' ? [] : [m.ready.version]))[0];
  out.push(
    `mathjs${version ? ` ${version}` : ''}: ${MATHJS_WHAT} (derivative's default {simplify: true} left on), on the same text; ` +
      `a child process per n, one untimed warm-up on the n=1 net, then up to ${MATHJS_MAX_RUNS} runs or ${formatMs(MATHJS_BUDGET_MS)} of runs; size = result.toString().length.`,
  );
  const killed = [...mathjs].filter(([, m]) => m.kind === 'timeout').map(([n]) => n);
  if (killed.length) {
    const skipped = ours.map((o) => o.net.n).filter((n) => !mathjs.has(n));
    out.push(
      `mathjs: a run at n=${killed.join(', n=')} went over ${MATHJS_LIMIT_MS / 1000} s and was killed` +
        (skipped.length ? `; n=${skipped.join(', n=')} not run (larger still).` : '.'),
    );
  }
  for (const [n, m] of mathjs) if (m.kind === 'error') out.push(`mathjs n=${n} failed: ${m.message}`);
  if (sympy.kind === 'ok') {
    out.push(
      `SymPy ${sympy.sympy} (python ${sympy.python}): sympify with every name a Symbol (untimed); sympy.diff(expr, ${BENCH_WRT}) only, no simplify; ` +
        `cache cleared before each run; median of ${SYMPY_RUNS} after ${SYMPY_WARMUPS} warm-up; size = len(str(d)); ` +
        `cse = len(str(sympy.cse(d))), the printed (replacements, reduced) pair with its brackets and xK names.`,
    );
    out.push("Sizes are each engine's own printed syntax: ours and mathjs write ^, SymPy writes **.");
  } else if (sympy.kind === 'unavailable') out.push(`SymPy skipped: ${sympy.reason}.`);
  else out.push(`SymPy failed: ${sympy.message}`);
  out.push(
    `FD err: our derivative at one seeded point (every name uniform in [−1, 1]) vs a five-point central difference of a plain-float forward pass; relative error.`,
  );
  return out;
}

// ---- details (printed under the table) -------------------------------------------------------

function details(
  ours: readonly OursCase[],
  sympy: SympyOutcome,
  mathjs: ReadonlyMap<number, MathjsOutcome>,
  showTexts: boolean,
): string[] {
  const out = ours.map(
    (o) =>
      `n=${o.net.n}: ours differentiate ${spread(o.timing)}, CPU-time median ${o.timing.cpuMedian === undefined ? '—' : formatMs(o.timing.cpuMedian)}; ` +
      `of which rawDerivative ${formatMs(o.rawTiming.median)}, ` +
      `simplify ${formatMs(o.simplifyTiming.median)} (medians, timed apart)`,
  );
  if (sympy.kind === 'ok') {
    for (const c of sympy.cases) {
      out.push(`n=${c.n}: SymPy diff ${spread(summarize(c.diffMs, SYMPY_WARMUPS))}; cse took ${formatMs(c.cseMs)} and made ${c.cseDefs} definitions`);
    }
  }
  for (const [n, m] of mathjs) {
    if (m.kind === 'error' || m.runs.length === 0) continue;
    const d = summarize(m.runs.map((r) => r.derivativeMs), 0).median;
    const s = summarize(m.runs.map((r) => r.simplifyMs), 0).median;
    out.push(
      `n=${n}: mathjs ${spread(summarize(m.runs.map((r) => r.totalMs), 0))}; of which derivative ${formatMs(d)}, simplify ${formatMs(s)}` +
        (m.kind === 'timeout' ? `; a further run was killed after ${formatMs(m.limitMs)}` : ''),
    );
  }
  if (showTexts) {
    const first = ours[0];
    out.push('', `our output at n=${first.net.n} (toText, ${formatInt(first.text.length)} chars):`, first.text);
    const s = sympy.kind === 'ok' ? sympy.cases.find((c) => c.n === first.net.n)?.diffText : undefined;
    if (s) out.push('', `SymPy's diff at n=${first.net.n} (str, ${formatInt(s.length)} chars):`, s);
  }
  return out;
}

function spread(t: Timing): string {
  return `median ${formatMs(t.median)}, min ${formatMs(t.min)}, max ${formatMs(t.max)}, ${t.samples.length} run${t.samples.length === 1 ? '' : 's'}`;
}
