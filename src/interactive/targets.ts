/**
 * What a student's answer to an exercise of a sheet is checked against: one target per answer,
 * named `exercise` (one answer) or `exercise.answer` (`all-partials.w3`). The CLI's spec form
 * (`gradsheet check SPEC --exercise ID`) and the interactive page use the same targets, so they
 * compare with the same expected answer, points and seed.
 *
 * When the key checks an answer as a derivative (or Jacobian) of a function, the problem keeps
 * that function: the checker then knows the derivation and can name a misapplied rule.
 */
import { equal } from '../expr/equal.js';
import { vector } from '../expr/build.js';
import { latexText } from '../print/latex-text.js';
import { unicode } from '../check/notation.js';
import { freeSymbols } from '../expr/traverse.js';
import { deriveSeed } from '../numeric/rng.js';
import { prepareCheck } from '../check/check.js';
import type { Problem } from '../check/input.js';
import type { CheckOptions } from '../check/types.js';
import { InputError } from '../errors.js';
import type { Sheet } from '../exercises/sheet.js';
import type { Answer, Exercise } from '../exercises/types.js';

export interface CheckTarget {
  readonly exercise: Exercise;
  readonly answer: Answer;
  /** `exercise.answer`: unique on the sheet, the page's key and the fingerprints' salt. */
  readonly key: string;
  /** What `--exercise` accepts: the exercise id alone when it has one answer. */
  readonly names: readonly string[];
  /** Seed of the test points and of the functions standing in for σ, derived from the sheet's. */
  readonly options: CheckOptions;
  /** Why the answer cannot be checked by comparison (several answers are right), if so. */
  readonly unchecked?: string;
}

export function checkTargets(sheet: Sheet): CheckTarget[] {
  return sheet.exercises.flatMap((exercise) =>
    exercise.answers.map((answer): CheckTarget => {
      const key = `${exercise.id}.${answer.id}`;
      const several = exercise.checks.some((c) => c.answerId === answer.id && c.kind === 'xor');
      return {
        exercise,
        answer,
        key,
        names: exercise.answers.length === 1 ? [exercise.id, key] : [key],
        options: { seed: deriveSeed(sheet.seed, `check:${key}`), ...(answer.names ? { names: answer.names } : {}) },
        ...(several ? { unchecked: 'many designs are right here (any that makes the points separable), so it is not compared with one answer' } : {}),
      };
    }),
  );
}

/** The target `--exercise ID` names; an InputError listing the valid ids otherwise. */
export function findTarget(sheet: Sheet, id: string): CheckTarget {
  const targets = checkTargets(sheet);
  const hit = targets.find((t) => t.names.includes(id));
  if (hit) {
    if (hit.unchecked !== undefined) throw new InputError(`--exercise ${id}: ${uncheckedWhy(hit)}`);
    return hit;
  }
  const valid = targets.filter((t) => t.unchecked === undefined).map((t) => t.names[0]);
  const exercise = sheet.exercises.find((e) => e.id === id);
  const own = targets.filter((t) => t.exercise === exercise);
  const checkable = own.find((t) => t.unchecked === undefined);
  const why = !exercise
    ? `no exercise or answer '${id}' on this sheet`
    : checkable
      ? `exercise ${id} has ${exercise.answers.length} answers: name one as ${checkable.key}`
      : own[0]?.unchecked !== undefined
        ? uncheckedWhy(own[0])
        : `exercise ${id} has no answer to check`;
  throw new InputError(`--exercise ${id}: ${why}; valid ids: ${valid.join(', ')}`);
}

/** Why a target is not compared with one answer, and for an XOR design the command that decides any design exactly. */
function uncheckedWhy(t: CheckTarget): string {
  const instead = t.exercise.kind === 'xor-design' ? '; check a design with gradsheet xor --W1 "[a, b; c, d]" --b1 "[e; f]"' : '';
  return `${t.unchecked ?? ''}${instead}`;
}

/**
 * The checker's problem for a target. A derivative (Jacobian) check gives the function and the
 * variables, so the derivation's rules are known; the key's own answer stays the expected one
 * (it may be the instructor's form, verified equal).
 */
export function targetProblem(t: CheckTarget): Problem {
  const derived = derivedProblem(t);
  const of = gradientParameterOf(t.answer.label);
  const problem = of !== undefined ? { ...derived, orientation: { kind: 'gradient' as const, of } } : derived;
  const mistakes = t.answer.mistakes;
  return mistakes && mistakes.length > 0 ? { ...problem, anticipated: mistakes.map((m) => ({ id: m.id, expr: m.value, message: m.message })) } : problem;
}

/**
 * The parameter of a gradient's label \nabla_{\mathbf{W}^{(2)}} f, in Unicode (W⁽²⁾): the answer
 * has its shape, which a transposed answer's feedback says (src/check/orientation.ts). Not the
 * gradient ∇ₓf(x) of "Jacobian versus gradient", whose feedback contrasts the two.
 */
function gradientParameterOf(label: string): string | undefined {
  const m = /^\\nabla_\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})+)\} f$/.exec(label);
  return m ? latexText(m[1]) : undefined;
}

function derivedProblem(t: CheckTarget): Problem {
  const value = t.answer.value;
  const step = t.exercise.checks.find((c) => c.answerId === t.answer.id && c.kind === 'gd-step');
  if (step?.kind === 'gd-step') return { ...prepareCheck(value, t.options), descentFrom: vector(Object.values(step.params)), orientation: { kind: 'list', names: Object.keys(step.params) } };
  // A gradient step's summed gradient: one value per parameter, in the order of the step's parameters.
  const summed = t.exercise.kind === 'gradient-step' ? t.exercise.checks.find((c) => c.answerId === t.answer.id && c.kind === 'value') : undefined;
  if (summed?.kind === 'value') return { ...prepareCheck(value, t.options), orientation: { kind: 'list', names: Object.keys(summed.bindings) } };
  const source = t.exercise.checks.find((c) => c.answerId === t.answer.id && (c.kind === 'derivative' || c.kind === 'jacobian'));
  if (!source || (source.kind !== 'derivative' && source.kind !== 'jacobian')) return withIdentityVariables(t, prepareCheck(value, t.options));
  const fnName = functionNameOf(t.answer.label) ?? (/^\\frac\{\\partial\}\{\\partial /.test(t.answer.label) ? `(${unicode(source.f)})` : undefined);
  const derived = { ...prepareCheck(source.f, { ...t.options, wrt: source.kind === 'derivative' ? source.wrt : source.vars }), ...(fnName ? { fnName } : {}) };
  if (equal(derived.expected, value)) return derived;
  const own = prepareCheck(value, t.options);
  return {
    ...own,
    ...(fnName ? { fnName } : {}),
    fn: derived.fn,
    wrt: derived.wrt,
    variables: new Set([...own.variables, ...derived.variables, ...freeSymbols(value)]),
    signature: new Map([...own.signature, ...derived.signature]),
  };
}

/**
 * An answer checked as an identity keeps the variables of the expression it is checked against:
 * f∘g(x) = ¾(x₁ + 1) is a function of x₁ and x₂ (g takes both), so an answer that still has the
 * x₂ terms that cancel (x₁ + 2x₂ − 2x₂ + (3 − x₁)/4) is compared, not refused as unreadable.
 */
function withIdentityVariables(t: CheckTarget, problem: Problem): Problem {
  const extra = t.exercise.checks
    .filter((c) => c.answerId === t.answer.id && c.kind === 'identity')
    .flatMap((c) => (c.kind === 'identity' ? [...freeSymbols(c.expr)] : []))
    .filter((v) => !problem.variables.has(v));
  return extra.length === 0 ? problem : { ...problem, variables: new Set([...problem.variables, ...extra]) };
}

/**
 * The function's name in an answer's label \frac{\partial X}{\partial …}, in Unicode (ŷ, f_MSE); undefined for other labels.
 * A label \frac{\partial}{\partial w}[vσ(uw + z)] names no function: the caller writes the expression, (vσ(uw + z)).
 */
function functionNameOf(label: string): string | undefined {
  const m = /^\\frac\{\\partial ([^{}]*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}[^{}]*)*)\}\{\\partial /.exec(label);
  if (!m || m[1].trim() === '') return undefined;
  return latexText(m[1]).replace(/_\((\w+)\)$/, '_$1');
}
