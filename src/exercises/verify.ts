/**
 * Every answer is verified numerically before anything is written, by a route independent of the
 * one that produced it: derivatives against central finite differences at seeded, kink-free
 * points; forward passes by a plain float evaluation; gradient steps by recomputation.
 */
import type { Expr } from '../expr/types.js';
import type { Answer, Check, Exercise } from './types.js';
import type { Sheet } from './sheet.js';
import { compile, type AbstractFunction } from '../numeric/evaluate.js';
import { centralDifference, relativeError } from '../numeric/finite-difference.js';
import { createRng, deriveSeed, type Rng } from '../numeric/rng.js';
import { abstractFunctions, abstractNames, samplePoints } from '../numeric/sampling.js';
import { freeSymbols } from '../expr/traverse.js';
import { toText } from '../print/text.js';
import { floatValue, type FloatValue } from '../numeric/float-matrix.js';
import { conditionHolds } from './conditions.js';
import { parse } from '../parse/parse.js';
import { InputError } from '../errors.js';
import type { CaseBranch } from './types.js';

export interface VerifyFailure {
  readonly answerId: string;
  readonly check: Check['kind'];
  readonly message: string;
}

export interface VerifyReport {
  readonly exerciseId: string;
  readonly title: string;
  readonly kind: string;
  readonly ok: boolean;
  /** Number of numeric comparisons made. */
  readonly comparisons: number;
  readonly failures: readonly VerifyFailure[];
}

/** Points per derivative check; each must agree to DERIVATIVE_TOLERANCE. */
export const DERIVATIVE_POINTS = 8;
/** 5-point differences with h = 1e-3 are accurate to ≈ 1e-10 on these functions; 1e-6 leaves room. */
export const DERIVATIVE_TOLERANCE = 1e-6;
/** Two exact-or-float forms of one value must agree to rounding. */
export const VALUE_TOLERANCE = 1e-9;

export function verifySheet(sheet: Sheet): VerifyReport[] {
  return sheet.exercises.map((ex) => verifyExercise(ex, createRng(deriveSeed(sheet.seed, `verify:${ex.id}`))));
}

export function verifyExercise(ex: Exercise, rng: Rng): VerifyReport {
  const failures: VerifyFailure[] = [];
  let comparisons = 0;
  const answers = new Map(ex.answers.map((a) => [a.id, a]));
  for (const check of ex.checks) {
    const answer = answers.get(check.answerId);
    if (!answer) {
      failures.push({ answerId: check.answerId, check: check.kind, message: `no answer '${check.answerId}' to check` });
      continue;
    }
    const r = tryCheck(check, answer, answers, rng);
    comparisons += r.comparisons;
    if (r.failure) failures.push({ answerId: check.answerId, check: check.kind, message: r.failure });
  }
  const checked = new Set(ex.checks.map((c) => c.answerId));
  for (const a of ex.answers) {
    if (!checked.has(a.id)) failures.push({ answerId: a.id, check: 'identity', message: 'this answer has no numeric check' });
  }
  return { exerciseId: ex.id, title: ex.title, kind: ex.kind, ok: failures.length === 0, comparisons, failures };
}

interface CheckResult {
  readonly comparisons: number;
  readonly failure?: string;
}

/**
 * runCheck, where an answer that cannot be evaluated as its check needs (an instructor's vector
 * where a number belongs, a variable the exercise does not have, a key edited by hand) fails that
 * check, named with its exercise and answer, instead of stopping the run with a message that says
 * neither.
 */
function tryCheck(check: Check, answer: Answer, answers: ReadonlyMap<string, Answer>, rng: Rng): CheckResult {
  try {
    return runCheck(check, answer, answers, rng);
  } catch (e) {
    if (e instanceof InputError) return { comparisons: 0, failure: `the answer ${toText(answer.value)} cannot be evaluated: ${e.message}` };
    throw e;
  }
}

function runCheck(check: Check, answer: Answer, answers: ReadonlyMap<string, Answer>, rng: Rng): CheckResult {
  switch (check.kind) {
    case 'derivative':
      return derivativeCheck(check.f, check.wrt, answer, rng);
    case 'jacobian':
      return jacobianCheck(check.f, check.vars, answer, rng);
    case 'identity':
      return identityCheck(answer.value, check.expr, rng);
    case 'value':
      return valueCheck(answer.value, check.expr, check.bindings);
    case 'gd-step':
      return gdStepCheck(check, answer);
    case 'xor':
      return xorCheck(answers, check.activation);
  }
}

/** The answer (and each of its cases) against finite differences of f. */
function derivativeCheck(f: Expr, wrt: string, answer: Answer, rng: Rng): CheckResult {
  const forms: { label: string; value: Expr; when?: CaseBranch }[] = [
    { label: 'the answer', value: answer.value },
    ...(answer.cases ?? []).map((c) => ({ label: `the case ${toText(c.when.expr)} ${c.when.rel} 0`, value: c.value, when: c })),
  ];
  const fns = abstractFunctions(abstractNames(f, ...forms.map((x) => x.value)), rng);
  const vars = unionVars(f, wrt, ...forms.map((x) => x.value));
  const points = samplePoints([f, ...forms.map((x) => x.value)], DERIVATIVE_POINTS * 2, rng, fns, { vars });
  if (!points) return { comparisons: 0, failure: `could not find ${DERIVATIVE_POINTS} points where ${toText(f)} is defined away from kinks` };
  const fc = compile(f, vars, fns);
  let comparisons = 0;
  for (const form of forms) {
    const ac = compile(form.value, vars, fns);
    const condition = form.when ? compile(form.when.when.expr, vars, fns) : undefined;
    let used = 0;
    for (const p of points) {
      if (used >= DERIVATIVE_POINTS) break;
      const xs = vars.map((v) => p[v]);
      if (condition && form.when && !conditionHolds(form.when.when.rel, condition(xs))) continue;
      used++;
      comparisons++;
      const expected = fd(fc, xs, vars.indexOf(wrt));
      const got = ac(xs);
      if (differs(got, expected, DERIVATIVE_TOLERANCE)) {
        // A second, finer difference rules out a kink between the sample points.
        const finer = fd(fc, xs, vars.indexOf(wrt), 1e-4);
        if (differs(got, finer, DERIVATIVE_TOLERANCE)) {
          return { comparisons, failure: `${form.label} ${toText(form.value)} is ${fmt(got)} at ${pointText(p, vars)}, but finite differences of ∂/∂${wrt}[${toText(f)}] give ${fmt(expected)}` };
        }
      }
    }
  }
  return { comparisons };
}

/**
 * Whether two values disagree beyond the tolerance. A value that is not finite agrees with
 * nothing: relativeError(∞, 1) is NaN, and `NaN > tolerance` is false, so an answer 1/(1 − 1)
 * passed its value check.
 */
function differs(a: number, b: number, tolerance: number): boolean {
  return !(relativeError(a, b) <= tolerance);
}

function fd(f: (xs: ArrayLike<number>) => number, xs: readonly number[], i: number, scale = 1e-3): number {
  const at = xs[i];
  return centralDifference(
    (x) => {
      const ys = xs.slice();
      ys[i] = x;
      return f(ys);
    },
    at,
    scale * Math.max(1, Math.abs(at)),
  );
}

function jacobianCheck(f: Expr, vars: readonly string[], answer: Answer, rng: Rng): CheckResult {
  const items = f.kind === 'vector' ? f.items : f.kind === 'matrix' && f.cols === 1 ? f.entries : [f];
  const a = answer.value;
  const rows = a.kind === 'matrix' ? a.rows : a.kind === 'vector' ? 1 : 1;
  const cols = a.kind === 'matrix' ? a.cols : a.kind === 'vector' ? a.items.length : 1;
  if (rows !== items.length || cols !== vars.length) {
    return { comparisons: 0, failure: `the Jacobian is ${items.length}×${vars.length}, the answer is ${rows}×${cols}` };
  }
  const entries = a.kind === 'matrix' ? a.entries : a.kind === 'vector' ? a.items : [a];
  let comparisons = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = derivativeCheck(items[i], vars[j], { id: answer.id, label: '', value: entries[i * cols + j] }, rng);
      comparisons += r.comparisons;
      if (r.failure) return { comparisons, failure: `entry (${i + 1}, ${j + 1}): ${r.failure}` };
    }
  }
  return { comparisons };
}

function identityCheck(answer: Expr, expr: Expr, rng: Rng): CheckResult {
  const as = entriesOf(answer);
  const es = entriesOf(expr);
  if (as.shape !== es.shape) return { comparisons: 0, failure: `the answer is ${as.shape}, the independent form is ${es.shape}` };
  const all = [...as.entries, ...es.entries];
  const fns = abstractFunctions(abstractNames(...all), rng);
  const vars = unionVars(...all);
  const points = samplePoints(all, 6, rng, fns, { vars });
  if (!points) return { comparisons: 0, failure: 'could not find points where both forms are defined' };
  let comparisons = 0;
  for (let k = 0; k < as.entries.length; k++) {
    const a = compile(as.entries[k], vars, fns);
    const e = compile(es.entries[k], vars, fns);
    for (const p of points) {
      const xs = vars.map((v) => p[v]);
      comparisons++;
      if (differs(a(xs), e(xs), VALUE_TOLERANCE)) {
        return { comparisons, failure: `entry ${k + 1}: the answer ${toText(as.entries[k])} is ${fmt(a(xs))} at ${pointText(p, vars)}, but ${toText(es.entries[k])} is ${fmt(e(xs))}` };
      }
    }
  }
  return { comparisons };
}

function valueCheck(answer: Expr, expr: Expr, bindings: Readonly<Record<string, Expr>>): CheckResult {
  const got = floatValue(answer, {});
  const want = floatValue(expr, Object.fromEntries(Object.entries(bindings).map(([k, v]) => [k, floatValue(v, {})])));
  return compareValues(got, want, toText(expr));
}

function compareValues(got: FloatValue, want: FloatValue, what: string): CheckResult {
  const g = typeof got === 'number' ? [[got]] : got;
  const w = typeof want === 'number' ? [[want]] : want;
  if (g.length !== w.length || g[0].length !== w[0].length) {
    return { comparisons: 0, failure: `the answer is ${g.length}×${g[0].length}, ${what} is ${w.length}×${w[0].length}` };
  }
  let comparisons = 0;
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < g[0].length; j++) {
      comparisons++;
      if (differs(g[i][j], w[i][j], VALUE_TOLERANCE)) {
        return { comparisons, failure: `entry (${i + 1}, ${j + 1}) is ${fmt(g[i][j])}, but evaluating ${what} gives ${fmt(w[i][j])}` };
      }
    }
  }
  return { comparisons };
}

function gdStepCheck(check: Extract<Check, { kind: 'gd-step' }>, answer: Answer): CheckResult {
  const names = Object.keys(check.params);
  const dataVars = [...new Set(check.batch.flatMap((ex) => Object.keys(ex)))];
  const vars = [...names, ...dataVars];
  const loss = compile(check.loss, vars);
  const start = names.map((n) => scalar(check.params[n]));
  const lr = scalar(check.lr);
  const updated = names.map((n, i) => {
    let g = 0;
    for (const ex of check.batch) {
      const xs = [...start, ...dataVars.map((d) => scalar(ex[d]))];
      g += fd(loss, xs, i, 1e-4);
    }
    return start[i] - lr * g;
  });
  const got = entriesOf(answer.value).entries.map((e) => scalar(e));
  if (got.length !== names.length) return { comparisons: 0, failure: `the answer has ${got.length} values for ${names.length} parameters` };
  for (let i = 0; i < names.length; i++) {
    // Finite differences of a piecewise-linear loss are exact away from kinks; 1e-6 covers rounding.
    if (differs(got[i], updated[i], DERIVATIVE_TOLERANCE)) {
      return { comparisons: i + 1, failure: `${names[i]}: the answer is ${fmt(got[i])}, recomputing the step gives ${fmt(updated[i])}` };
    }
  }
  return { comparisons: names.length };
}

function xorCheck(answers: ReadonlyMap<string, Answer>, activation: string): CheckResult {
  const get = (id: string): FloatValue => {
    const a = answers.get(id);
    if (!a) throw new Error(`xor check needs answer ${id}`);
    return floatValue(a.value, {});
  };
  const [W1, b1, W2, b2raw] = ['W1', 'b1', 'W2', 'b2'].map(get);
  // b⁽²⁾ may be written as a number (0) or as the lecture's 1×1 [b3]; W⁽²⁾h is 1×1 either way.
  const b2 = typeof b2raw === 'number' ? [[b2raw]] : b2raw;
  const net = `W2*${activation}(W1*x + b1) + b2`;
  const points: [number, number, number][] = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
  for (const [x1, x2, label] of points) {
    let y: FloatValue;
    try {
      y = floatValue(parseNet(activation), { W1, b1, W2, b2, x: [[x1], [x2]] });
    } catch (e) {
      // Shapes that do not fit (a column W⁽²⁾, a 3-entry b⁽¹⁾) are a failed check, not a crash.
      if (e instanceof InputError) return { comparisons: 0, failure: `${net} cannot be evaluated: ${e.message}` };
      throw e;
    }
    const v = typeof y === 'number' ? y : y[0][0];
    if ((v >= 0.5 ? 1 : 0) !== label) return { comparisons: 4, failure: `${net} gives ${fmt(v)} at (${x1}, ${x2}), which is not XOR = ${label}` };
  }
  return { comparisons: 4 };
}

const parseNet = (activation: string): Expr => parse(activation === 'identity' ? 'W2*(W1*x + b1) + b2' : `W2*${activation}(W1*x + b1) + b2`);

function scalar(e: Expr): number {
  const v = floatValue(e, {});
  if (typeof v !== 'number') throw new Error('expected a number');
  return v;
}

function entriesOf(e: Expr): { shape: string; entries: readonly Expr[] } {
  if (e.kind === 'matrix') return { shape: `${e.rows}×${e.cols}`, entries: e.entries };
  if (e.kind === 'vector') return { shape: `vector of ${e.items.length}`, entries: e.items };
  return { shape: 'a scalar', entries: [e] };
}

function unionVars(...es: readonly (Expr | string)[]): string[] {
  const out = new Set<string>();
  for (const e of es) {
    if (typeof e === 'string') out.add(e);
    else for (const v of freeSymbols(e)) out.add(v);
  }
  return [...out];
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(8);
}

function pointText(p: Readonly<Record<string, number>>, vars: readonly string[]): string {
  return vars.map((v) => `${v} = ${p[v].toPrecision(4)}`).join(', ');
}

export type { AbstractFunction };
