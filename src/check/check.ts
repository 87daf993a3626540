/**
 * checkAnswer: is a student's hand derivation equal to the expected answer, and if not, what is the
 * mistake? Pure (the clock only bounds the work, see ./budget.ts) and deterministic for a seed.
 *
 *   1. Read the answer (text or LaTeX) with its limits and the exercise's variables; say how it
 *      was read ("interpreted") before any verdict.
 *   2. Shapes: a 2×3 answer to a 3×2 question is checked against the transpose.
 *   3. Symbolic: equal canonical forms are equal (./canonical.ts).
 *   4. Numeric: 16 seeded points, relative tolerance 1e-9, σ and friends as random smooth
 *      functions, both sides of every kink (./points.ts, ./evaluation.ts, ./functions.ts).
 *   5. Diagnosis and partial credit for an incorrect answer (./diagnose.ts, ./factors.ts).
 *
 * Syntax:   checkAnswer('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3',
 *                       "w5*sigma'(w1*x1 + w2*x2 + b1)", { wrt: 'w1' })
 *             → { verdict: 'incorrect', diagnosis: { id: 'missing-inner-derivative', … }, … }
 * See also: src/cli/commands/check.ts
 */
import type { Expr } from '../expr/types.js';
import { call, mul } from '../expr/build.js';
import { calledFunctions, children, freeSymbols, replaceNode, size } from '../expr/traverse.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { InputError, ParseError } from '../errors.js';
import { Budget, defaultClock, DEFAULT_TIME_BUDGET_MS } from './budget.js';
import { symbolicallyEqual } from './canonical.js';
import { blindKink, blindKinkMessage } from './analysis.js';
import { diagnose } from './diagnose.js';
import { exactDifference, exactDifferenceMessage } from './exact.js';
import { decimalAnswer, decimalFeedback, decimalShape, jointForms } from './decimals.js';
import { informativePoints, type Evaluation, type Values } from './evaluation.js';
import { MIN_POINTS } from './points.js';
import { abbreviate, factorReport } from './factors.js';
import { readAnswer, readProblem, type Answer, type InputLabels, type Problem } from './input.js';
import { functionUnicode, symbolUnicode } from './notation.js';
import { sessionFor } from './session.js';
import { listAsColumn, orientationOf, transposedTail, type Orientation } from './orientation.js';
import { describeShape, hasTensor, sameShape, shapeOf, ShapeMismatch, type Shape } from './shape.js';
import type { CheckOptions, CheckResult, CheckValue, Counterexample, Diagnosis } from './types.js';

/** Check an answer against an expected expression (its derivative, with `wrt`). Throws InputError for a bad `expected`. */
export function checkAnswer(expected: string | Expr, answer: string | Expr, options: CheckOptions = {}): CheckResult {
  return checkPrepared(prepareCheck(expected, options), answer, options);
}

/** Read the expected side once, to check many answers against it (the interactive sheet). */
export function prepareCheck(expected: string | Expr, options: CheckOptions = {}, labels?: InputLabels): Problem {
  return readProblem(expected, options, labels);
}

export function checkPrepared(problem: Problem, answer: string | Expr, options: CheckOptions = {}): CheckResult {
  const budget = new Budget(options.now ?? defaultClock, options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  let read: Answer;
  try {
    read = listAsColumn(readAnswer(answer, problem, options), shapeOf(problem.expected), orientationOf(problem));
  } catch (e) {
    if (e instanceof InputError) {
      const column = e instanceof ParseError ? e.column : undefined;
      return { verdict: 'invalid', interpreted: '', interpretedText: '', feedback: e.message, notes: [], error: { column, message: e.message } };
    }
    return internalError(e, undefined);
  }
  try {
    const r = withTransposeHint(decide(problem, read, options, budget, typeof answer === 'string' ? answer : undefined), read.shown);
    return typeof answer === 'string' ? withSpaceHint(r, answer, read) : r;
  } catch (e) {
    if (e instanceof InputError) return { ...shown(read), verdict: 'undecided', feedback: `Could not decide: ${e.message}.` };
    return internalError(e, read);
  }
}

/**
 * Run a few small checks so that the first real one is not a cold start (the JIT has not seen the
 * code yet: a first check takes 15–150 ms, later ones about 1 ms). For a page, at load time.
 */
export function warmUp(): void {
  const problem = prepareCheck('w*relu(u*w + z) + v*sigma(u*w + z)', { wrt: 'w' });
  for (const answer of ["relu(u*w + z) + w*relu'(u*w + z)*u + v*sigma'(u*w + z)*u", 'w_1 \\sigma(uw + z)', '[w, u; z, v]', 'w*(']) {
    checkPrepared(problem, answer, { timeBudgetMs: 10_000 });
  }
}

/**
 * σ(z)' is read as a transpose (of a number, so as σ(z)): when the answer transposes a scalar
 * function call and is not right, the feedback says how to write σ′.
 */
export function transposeHint(e: Expr): string | undefined {
  const seen = new Set<Expr>();
  const find = (n: Expr): string | undefined => {
    if (seen.has(n)) return undefined;
    seen.add(n);
    if (n.kind === 'call' && n.fn === 'transpose' && n.args.length === 1) {
      const f = n.args[0];
      if ((f.kind === 'call' && f.fn !== 'transpose') || (f.kind === 'deriv' && f.orders.length === 1)) {
        if (isScalar(f)) {
          const order = f.kind === 'deriv' ? f.orders[0] + 1 : 1;
          const marks = order <= 3 ? ['′', '″', '‴'][order - 1] : '′'.repeat(order);
          return `' after ')' is read as a transpose; write ${functionUnicode(f.fn)}${marks} as ${f.fn}${"'".repeat(order)}(…).`;
        }
      }
    }
    for (const c of children(n)) {
      const hint = find(c);
      if (hint) return hint;
    }
    return undefined;
  };
  return find(e);
}

/** The result with transposeHint's sentence after its feedback, unless it is correct. */
export function withTransposeHint<R extends { readonly verdict: CheckResult['verdict']; readonly feedback: string }>(r: R, shownAnswer: Expr): R {
  if (r.verdict === 'correct' || r.verdict === 'invalid') return r;
  const hint = transposeHint(shownAnswer);
  return hint ? { ...r, feedback: `${r.feedback} ${hint}` } : r;
}

/**
 * [x1 w1] is read as [x1·w1], a space multiplying there as everywhere in the text syntax: when the
 * answer then has the wrong shape, the feedback says how to separate entries (MATLAB's habit).
 */
export function withSpaceHint<R extends { readonly verdict: CheckResult['verdict']; readonly feedback: string }>(r: R, source: string, read: Answer): R {
  if (r.verdict !== 'incorrect' || read.syntax !== 'text' || !r.feedback.startsWith('Expected ')) return r;
  const spaced = /\[[^\]]*[\p{L}\p{N})′'²]\s+[\p{L}\p{N}(]/u.test(source);
  return spaced ? { ...r, feedback: `${r.feedback} In [a b] a space multiplies (a·b): separate the entries of a row with commas, as in [a, b; c, d].` } : r;
}

function shown(read: Answer): Pick<CheckResult, 'interpreted' | 'interpretedText' | 'syntax' | 'notes'> {
  return { interpreted: toLatex(read.shown), interpretedText: toText(read.shown), syntax: read.syntax, notes: read.notes };
}

function internalError(e: unknown, read: Answer | undefined): CheckResult {
  const message = e instanceof Error ? e.message : String(e);
  return {
    ...(read ? shown(read) : { interpreted: '', interpretedText: '', notes: [] }),
    verdict: 'undecided',
    feedback: 'Could not decide: the checker failed on this answer (please report it).',
    internalError: message,
  };
}

function decide(problem: Problem, read: Answer, options: CheckOptions, budget: Budget, source?: string): CheckResult {
  const base = shown(read);
  const expected = problem.expected;
  const answer = read.value;
  const expectedShape = shapeOf(expected);
  let answerShape: Shape | undefined;
  let mismatch: ShapeMismatch | undefined;
  try {
    answerShape = shapeOf(answer);
  } catch (e) {
    if (!(e instanceof ShapeMismatch)) throw e;
    mismatch = e;
  }
  const notes = read.notes.length ? ` (${read.notes.join('; ')})` : '';
  const session = sessionFor(problem, options);
  // The symbolic pass is a shortcut: skipped for large answers and when the budget is spent.
  const symbolic = answerShape && sameShape(answerShape, expectedShape) && size(answer) <= MAX_SYMBOLIC_SIZE && !budget.expired();
  if (symbolic && symbolicallyEqual(expected, answer, hasTensor(expected) ? undefined : session.canonicalOfExpected())) {
    return { ...base, verdict: 'correct', feedback: `Correct.${notes}`, method: 'symbolic' };
  }
  if (budget.exhausted()) return { ...base, verdict: 'undecided', feedback: 'Could not decide: the time budget ran out.' };

  const ev = session.evaluation(answer, budget);
  if (typeof ev === 'string') return { ...base, verdict: 'undecided', feedback: `Could not decide: ${ev}.` };
  const want = ev.values(expected);
  if (!want) return { ...base, verdict: 'undecided', feedback: 'Could not decide: the expected answer has no value at the test points.' };

  if (mismatch) return undefinedProduct(base, mismatch, answer, ev, want);
  const shape = answerShape as Shape;
  if (!sameShape(shape, expectedShape)) return wrongShape(base, expectedShape, shape, answer, ev, want, orientationOf(problem));

  const got = ev.values(answer);
  if (!got) return { ...base, verdict: 'undecided', feedback: 'Could not decide: your answer could not be evaluated.' };
  // The absolute floor, scaled by the size of either side's terms (./scale.ts): tiny values are compared relatively.
  const differs = ev.firstDifference(want.at, got.at, ev.floorOf(expected, answer));
  if (!differs) {
    const informative = informativePoints(want.at, got.at, ev.tolerance);
    if (informative < MIN_POINTS) return { ...base, verdict: 'undecided', feedback: noiseMessage(informative, want.at.length), method: 'numeric', points: want.at.length };
    // Agreement on one side of a kink only is no verdict (relu(x₁ − 1.6) is 0 wherever x₁ < 1.6).
    const blind = blindKink(ev, [expected, answer]);
    if (blind) return { ...base, verdict: 'undecided', feedback: blindKinkMessage(blind), method: 'numeric', points: want.at.length };
    // Rational functions are compared exactly as well: 2x + 10⁻¹⁰ is not the derivative of x².
    const off = exactDifference(expected, answer);
    if (off) return { ...base, verdict: 'incorrect', feedback: exactDifferenceMessage(off), method: 'numeric', points: want.at.length };
    return { ...base, verdict: 'correct', feedback: `Correct.${notes}`, method: 'numeric', points: want.at.length };
  }

  // 0.536 for 2σ(−4) + ½: a decimal answer to a number that has no exact one (./decimals.ts).
  const exact = source !== undefined && read.syntax === 'text' ? decimalShape(expected) : undefined;
  const decimal = exact && source !== undefined ? decimalAnswer(source, exact) : undefined;
  if (exact && typeof decimal === 'object' && jointForms(Array.from(want.at[0]), decimal.decimals, exact).includes(decimal.text)) {
    return { ...base, verdict: 'correct', feedback: decimalFeedback(decimal), method: 'numeric', points: want.at.length };
  }
  const decimalHint = typeof decimal === 'string' ? ` ${decimal}` : '';

  const counterexample = counterexampleAt(ev, problem, answer, want, got, differs);
  const observed = { problem, evaluation: ev, answerExpr: answer, expected: want, answer: got };
  const diagnosis = budget.expired() ? undefined : diagnose(observed, session, budget);
  const factors = budget.expired() ? undefined : factorReport(expected, read.shown, ev, (f) => expandWith(problem, f), (f) => inNamesOf(read.shown, problem, f));
  return {
    ...base,
    verdict: 'incorrect',
    feedback: (diagnosis ? diagnosis.message : describeCounterexample(counterexample, problem)) + decimalHint,
    method: 'numeric',
    points: want.at.length,
    counterexample,
    ...(diagnosis ? { diagnosis } : {}),
    ...(factors ? { factors } : {}),
  };
}

/** Why agreement at the noise level is no verdict. */
export function noiseMessage(informative: number, points: number): string {
  return `Could not decide: at ${points - informative} of the ${points} test points both answers are at the level of rounding noise (below 1e-12), where any two values agree; ${MIN_POINTS} points that tell values apart are needed.`;
}

/**
 * Answers above 250 nodes skip the symbolic pass: simplifying a 300-term sum takes ≈ 20 ms, while
 * the numeric pass, which decides anyway, takes a few.
 */
const MAX_SYMBOLIC_SIZE = 250;

/** `e` written in the abbreviations (ŷ, a --define'd z) that `answer` uses. */
function inNamesOf(answer: Expr, problem: Problem, e: Expr): Expr {
  let out = e;
  for (const name of freeSymbols(answer)) {
    const value = problem.definitions.get(name);
    if (value !== undefined) out = abbreviate(out, name, value);
  }
  return out;
}

function expandWith(problem: Problem, e: Expr): Expr {
  return problem.definitions.size === 0 ? e : readAnswer(e, problem, {}).value;
}

// ---- shapes that do not match ---------------------------------------------------------------

function wrongShape(base: ReturnType<typeof shown>, want: Shape, got: Shape, answer: Expr, ev: Evaluation, expected: Values, orientation?: Orientation): CheckResult {
  if (got.rows === want.cols && got.cols === want.rows) {
    const flipped = ev.values(call('transpose', [answer]));
    if (flipped && ev.agree(flipped.at, expected.at)) {
      const diagnosis = transposedDiagnosis(want, got, orientation);
      return { ...base, verdict: 'incorrect', feedback: diagnosis.message, diagnosis, method: 'numeric', points: expected.at.length };
    }
  }
  return { ...base, verdict: 'incorrect', feedback: `${shapeHead(want, got)}.` };
}

/** "Expected a 3×2 matrix, got a 2×3 matrix". */
export const shapeHead = (want: Shape, got: Shape): string => `Expected ${describeShape(want)}, got ${describeShape(got)}`;

/** The diagnosis for an answer that is the transpose of the right one (shapes `got` for `want`), in the words of its orientation. */
export function transposedDiagnosis(want: Shape, got: Shape, orientation?: Orientation): Diagnosis {
  return { id: 'transposed-jacobian', message: `${shapeHead(want, got)}: ${transposedTail(want, orientation)}` };
}

/** A product with shapes that do not fit; if reversing its matrices gives the right answer, say so. */
function undefinedProduct(base: ReturnType<typeof shown>, m: ShapeMismatch, answer: Expr, ev: Evaluation, expected: Values): CheckResult {
  const feedback = undefinedMessage(m);
  const reversed = reversedProduct(m, answer);
  const values = reversed && ev.values(reversed);
  if (values && sameShape(values.shape, expected.shape) && ev.agree(values.at, expected.at)) {
    const diagnosis = reversedDiagnosis(m);
    return { ...base, verdict: 'incorrect', feedback: diagnosis.message, diagnosis, method: 'numeric', points: expected.at.length };
  }
  return { ...base, verdict: 'incorrect', feedback };
}

export const undefinedMessage = (m: ShapeMismatch): string => `Your answer is undefined: ${m.message}.`;

/** The answer with the matrices of the product whose shapes do not fit in the reverse order, if it has two or more. */
export function reversedProduct(m: ShapeMismatch, answer: Expr): Expr | undefined {
  const node = m.node;
  if (node.kind !== 'mul') return undefined;
  const tensors = node.factors.filter((f) => hasTensor(f) && !isScalar(f));
  const scalars = node.factors.filter((f) => !tensors.includes(f));
  return tensors.length >= 2 ? replaceNode(answer, node, mul(...scalars, ...[...tensors].reverse())) : undefined;
}

export function reversedDiagnosis(m: ShapeMismatch): Diagnosis {
  const message = `${undefinedMessage(m)} The chain-rule product is in the reversed order: ∂(f∘g)/∂x = (∂f/∂g)(∂g/∂x), the outer function’s Jacobian first.`;
  return { id: 'reversed-chain-order', message };
}

function isScalar(e: Expr): boolean {
  try {
    const s = shapeOf(e);
    return s.rows === 1 && s.cols === 1;
  } catch {
    return false;
  }
}


// ---- counterexamples --------------------------------------------------------------------------

function counterexampleAt(ev: Evaluation, problem: Problem, answer: Expr, want: Values, got: Values, at: { point: number; entry: number }): Counterexample {
  const used = new Set([...freeSymbols(problem.expected), ...freeSymbols(answer)]);
  const point: Record<string, number> = {};
  ev.vars.forEach((v, k) => {
    if (used.has(v)) point[v] = ev.points.values[at.point][k];
  });
  const value = (x: Float64Array, s: Shape): CheckValue =>
    s.rows === 1 && s.cols === 1 ? round(x[0]) : Array.from({ length: s.rows }, (_, i) => Array.from(x.slice(i * s.cols, (i + 1) * s.cols), round));
  // Only the functions the two answers call: for ∂ŷ/∂b₃ = 1, "σ stands for a random smooth function" says nothing.
  const called = new Set([...calledFunctions(problem.expected), ...calledFunctions(answer)]);
  const functions: Record<string, string> = {};
  for (const [name, f] of ev.points.sets[at.point]) if (called.has(name)) functions[name] = f.description;
  const tensor = !(want.shape.rows === 1 && want.shape.cols === 1);
  return {
    point,
    expected: value(want.at[at.point], want.shape),
    answer: value(got.at[at.point], got.shape),
    ...(tensor ? { entry: [Math.floor(at.entry / want.shape.cols) + 1, (at.entry % want.shape.cols) + 1] as const } : {}),
    ...(Object.keys(functions).length > 0 ? { functions } : {}),
  };
}

/** 12 significant digits: exact enough to reproduce, short enough to read. */
const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

function show(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return 'undefined';
  const s = Number(x.toPrecision(digits)).toString();
  return s.startsWith('-') ? '−' + s.slice(1) : s;
}

/** Both values with 6 significant digits, or as many more (up to 15) as it takes to tell them apart. */
function showPair(a: number, b: number): [string, string] {
  let digits = 6;
  while (digits < 15 && show(a, digits) === show(b, digits)) digits++;
  return [show(a, digits), show(b, digits)];
}

/** The counterexample in words (the feedback when no mistake is recognised). */
export function describeCounterexample(c: Counterexample, problem: Pick<Problem, 'signature'>): string {
  const names = Object.keys(c.point);
  const at = names.slice(0, 6).map((n) => `${symbolUnicode(n)} = ${show(c.point[n])}`).join(', ') + (names.length > 6 ? ', …' : '');
  const pick = (v: CheckValue): number => (typeof v === 'number' ? v : v[(c.entry?.[0] ?? 1) - 1][(c.entry?.[1] ?? 1) - 1]);
  // A vector's entry is named by its position alone, as the sign-error diagnosis names it (entry 9).
  const line = typeof c.expected !== 'number' && (c.expected.length === 1 || c.expected[0].length === 1);
  const entry = c.entry ? (line ? `entry ${Math.max(c.entry[0], c.entry[1])}` : `entry (${c.entry[0]}, ${c.entry[1]})`) : '';
  const fns = [...problem.signature.keys()].filter((f) => c.functions !== undefined && f in c.functions).map(functionUnicode);
  const also = fns.length ? ` (${fns.join(', ')} stand${fns.length === 1 ? 's' : ''} for a random smooth function here: the answer must hold for every one)` : '';
  const [want, got] = [pick(c.expected), pick(c.answer)];
  const [wantText, gotText] = showPair(want, got);
  // 3.14159 for π: right to 6 digits but not exact.
  const near = Number.isFinite(want) && Number.isFinite(got) && Math.abs(got - want) <= 1e-5 * Math.max(Math.abs(want), Math.abs(got));
  const exact = near ? ' Yours is close but not exact: write exact values (π, not 3.14159; 1/3, not 0.333).' : '';
  // Numbers (a gradient step, a forward pass) have no point to name: "in entry 3, …", not "at every point, entry (3, 1) …".
  const where = at ? `at ${at}, ${entry ? `${entry} ` : ''}` : entry ? `in ${entry}, ` : '';
  return `Not equal to the expected answer: ${where}the expected value is ${wantText} but yours is ${gotText}${also}.${exact}`;
}
