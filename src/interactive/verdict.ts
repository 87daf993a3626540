/**
 * The page's checker: a student's answer against a fingerprint, in the steps of
 * src/check/check.ts (read, shapes, values at the points, diagnosis, partial credit) but with no
 * expected expression: values are compared with the stored ones, or by hash (./prepared.ts).
 * The symbolic shortcut is left out (the numeric comparison decides anyway), and the points are
 * always the expected answer's (the CLI may redraw them to steer the answer's own kinks): an answer
 * that agrees at them but has a kink they never cross is undecided here.
 */
import type { Expr } from '../expr/types.js';
import { call } from '../expr/build.js';
import { freeSymbols } from '../expr/traverse.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { InputError, ParseError } from '../errors.js';
import { Budget, defaultClock, DEFAULT_TIME_BUDGET_MS, type Clock } from '../check/budget.js';
import { readAnswer, type Answer } from '../check/input.js';
import { listAsColumn } from '../check/orientation.js';
import { describeCounterexample, noiseMessage, reversedDiagnosis, withTransposeHint, withSpaceHint, reversedProduct, shapeHead, transposedDiagnosis, undefinedMessage } from '../check/check.js';
import { blindKink, blindKinkMessage } from '../check/analysis.js';
import { sameShape, shapeOf, ShapeMismatch, type Shape } from '../check/shape.js';
import type { Values } from '../check/evaluation.js';
import { MIN_POINTS } from '../check/points.js';
import type { CheckResult, CheckValue, Counterexample, FactorNote } from '../check/types.js';
import { diagnosePage, factorCredit, movedKink } from './diagnosis.js';
import type { PreparedAnswer } from './prepared.js';
import { decimalAnswer, decimalFeedback } from '../check/decimals.js';
import { decimalKey } from './digest.js';

/**
 * What the page shows: the library's result (src/check/types.ts) without what the page does not
 * compute (method, points, internalError), with partial credit that counts the missing factors
 * instead of naming them (naming them would print part of the answer). NaN in a counterexample
 * stands for an expected value the page does not hold (an entry that is a constant).
 */
export type PageResult = Omit<CheckResult, 'factors' | 'method' | 'points' | 'internalError'> & {
  readonly factors?: { readonly right: readonly FactorNote[]; readonly wrong: readonly FactorNote[]; readonly missing: number };
};

export interface PageCheckOptions {
  readonly now?: Clock;
  /** As the library's: the optional work (diagnosis, partial credit) stops after it, the verdict at 10×. */
  readonly timeBudgetMs?: number;
}

export function checkAgainst(p: PreparedAnswer, answer: string, options: PageCheckOptions = {}): PageResult {
  const budget = new Budget(options.now ?? defaultClock, options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  let read: Answer;
  try {
    read = listAsColumn(readAnswer(answer, p.context, {}), p.shape, p.print.orientation);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const column = e instanceof ParseError ? e.column : undefined;
    return { verdict: 'invalid', interpreted: '', interpretedText: '', feedback: e.message, notes: [], error: { column, message: e.message } };
  }
  const base = { interpreted: toLatex(read.shown), interpretedText: toText(read.shown), syntax: read.syntax, notes: read.notes };
  try {
    return { ...base, ...withSpaceHint(withTransposeHint(decide(p, read, budget, answer), read.shown), answer, read) };
  } catch (e) {
    if (e instanceof InputError) return { ...base, verdict: 'undecided', feedback: `Could not decide: ${e.message}.` };
    const message = e instanceof Error ? e.message : String(e);
    return { ...base, verdict: 'undecided', feedback: `Could not decide: the checker failed on this answer (${message}).` };
  }
}

type Decided = Omit<PageResult, 'interpreted' | 'interpretedText' | 'syntax' | 'notes'>;

function decide(p: PreparedAnswer, read: Answer, budget: Budget, source: string): Decided {
  const answer = read.value;
  const ev = p.evaluation;
  const want = p.shape;
  let shape: Shape;
  try {
    shape = shapeOf(answer);
  } catch (e) {
    if (!(e instanceof ShapeMismatch)) throw e;
    const reversed = reversedProduct(e, answer);
    const values = reversed && ev.values(reversed);
    if (values && p.matchesExpected(values)) {
      const diagnosis = reversedDiagnosis(e);
      return { verdict: 'incorrect', feedback: diagnosis.message, diagnosis };
    }
    return { verdict: 'incorrect', feedback: undefinedMessage(e) };
  }
  if (budget.exhausted()) return { verdict: 'undecided', feedback: 'Could not decide: the time budget ran out.' };
  if (!sameShape(shape, want)) {
    const flipped = shape.rows === want.cols && shape.cols === want.rows ? ev.values(call('transpose', [answer])) : undefined;
    if (flipped && p.matchesExpected(flipped)) {
      const diagnosis = transposedDiagnosis(want, shape, p.print.orientation);
      return { verdict: 'incorrect', feedback: diagnosis.message, diagnosis };
    }
    return { verdict: 'incorrect', feedback: `${shapeHead(want, shape)}.` };
  }
  const got = ev.values(answer);
  if (!got) return { verdict: 'undecided', feedback: 'Could not decide: your answer could not be evaluated.' };
  const scales = ev.floorScales(answer);
  const agree = p.agreement(got, scales);
  const notes = read.notes.length ? ` (${read.notes.join('; ')})` : '';
  if (agree.every(Boolean)) {
    const informative = p.informativePoints(got);
    if (informative < MIN_POINTS) return { verdict: 'undecided', feedback: noiseMessage(informative, got.at.length) };
    // The stored points cross the expected answer's kinks; an answer's own kink they may not (the CLI redraws for it).
    const blind = blindKink(ev, [answer]);
    if (blind) return { verdict: 'undecided', feedback: blindKinkMessage(blind) };
    const moved = movedKink(p, answer);
    return moved ? { verdict: 'undecided', feedback: moved } : { verdict: 'correct', feedback: `Correct.${notes}` };
  }

  // 0.536 for 2σ(−4) + ½, as src/check/check.ts decides it, against hashes of the answer's decimal forms.
  const { decimals, exactEntries } = p.print;
  const decimal = decimals && exactEntries && read.syntax === 'text' ? decimalAnswer(source, exactEntries) : undefined;
  if (decimals && typeof decimal === 'object' && decimals.includes(decimalKey(p.print.salt, decimal.text))) {
    return { verdict: 'correct', feedback: decimalFeedback(decimal) };
  }
  const decimalHint = typeof decimal === 'string' ? ` ${decimal}` : '';

  const counterexample = counterexampleAt(p, answer, got, agree.indexOf(false), scales);
  const diagnosis = budget.expired() ? undefined : diagnosePage(p, answer, got, agree, () => budget.expired());
  const factors = budget.expired() ? undefined : factorCredit(p, read.shown, (f) => readAnswer(f, p.context, {}).value);
  return {
    verdict: 'incorrect',
    feedback: (diagnosis ? diagnosis.message : describeDifference(p, counterexample)) + decimalHint,
    diagnosis,
    counterexample,
    ...(factors ? { factors } : {}),
  };
}

/** The first differing entry at the point: a varying one when any differs, else the first hidden one. */
function counterexampleAt(p: PreparedAnswer, answer: Expr, got: Values, i: number, scales: Values | undefined): Counterexample {
  const { rows, cols, varying } = p.print;
  const ev = p.evaluation;
  const x = got.at[i];
  let entry = p.differingEntry(x, i, scales);
  if (entry < 0) entry = p.hidden[0] ?? 0;
  // The variables of the student's answer; all of them (the first 6 are shown) when it has none.
  const used = new Set(freeSymbols(answer));
  const point: Record<string, number> = {};
  ev.vars.forEach((v, k) => {
    if (used.size === 0 || used.has(v)) point[v] = ev.points.values[i][k];
  });
  const expectedAt = (j: number): number => varying[j]?.[i] ?? NaN;
  const value = (f: (j: number) => number): CheckValue =>
    rows === 1 && cols === 1 ? round(f(0)) : Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => round(f(r * cols + c))));
  const functions: Record<string, string> = {};
  for (const [name, f] of ev.points.sets[i]) functions[name] = f.description;
  return {
    point,
    expected: value(expectedAt),
    answer: value((j) => x[j]),
    ...(rows * cols > 1 ? { entry: [Math.floor(entry / cols) + 1, (entry % cols) + 1] as const } : {}),
    ...(p.context.signature.size > 0 ? { functions } : {}),
  };
}

const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

function describeDifference(p: PreparedAnswer, c: Counterexample): string {
  const { rows, cols } = p.print;
  const j = c.entry ? (c.entry[0] - 1) * cols + (c.entry[1] - 1) : 0;
  if (p.print.varying[j] !== null) return describeCounterexample(c, p.context);
  if (p.hidden.length === rows * cols) {
    return rows * cols === 1 ? 'Not equal to the expected answer.' : 'Not equal to the expected answer: at least one entry is wrong.';
  }
  return 'Not equal to the expected answer: at least one of the entries that do not depend on the variables is wrong.';
}
