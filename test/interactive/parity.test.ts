/**
 * The page decides as the CLI does. For every answer of the two bundled worksheets, the page's
 * checker (src/interactive/verdict.ts, from the fingerprint after a JSON round trip, as the page
 * reads it) and `gradsheet check SPEC --exercise ID`'s (src/check, from the expected expression)
 * give the same verdict and the same diagnosis on: the answer in text and LaTeX, the checker's own
 * mistake variants, multiples, extra factors and terms, transposes, and unreadable input.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/types.js';
import { add, matrix, mul, num, sym } from '../../src/expr/build.js';
import { toLatex } from '../../src/print/latex.js';
import { toText } from '../../src/print/text.js';
import { parse } from '../../src/parse/parse.js';
import { checkPrepared } from '../../src/check/check.js';
import type { CheckResult } from '../../src/check/types.js';
import { sessionFor } from '../../src/check/session.js';
import { checkTargets, targetProblem, type CheckTarget } from '../../src/interactive/targets.js';
import { fingerprint } from '../../src/interactive/fingerprint.js';
import { PreparedAnswer } from '../../src/interactive/prepared.js';
import { checkAgainst } from '../../src/interactive/verdict.js';
import { isUnchecked, type AnswerPrint } from '../../src/interactive/types.js';
import { sheetOf, WORKSHEETS } from './support.js';

/** Generous budgets: this compares decisions, not speed (a loaded CI machine must not cut a diagnosis short). */
const BUDGET_MS = 10_000;

function transposed(e: Expr): Expr | undefined {
  if (e.kind !== 'matrix' || e.rows === e.cols) return undefined;
  const entries: Expr[] = [];
  for (let c = 0; c < e.cols; c++) for (let r = 0; r < e.rows; r++) entries.push(e.entries[r * e.cols + c]);
  return matrix(e.cols, e.rows, entries);
}

function answersFor(value: Expr, variants: readonly Expr[], firstVar: string | undefined): string[] {
  const exprs: Expr[] = [mul(num(-1), value), mul(num(2), value), mul(num(1, 2), value), mul(num(3), value), mul(num(7), value), ...variants];
  if (firstVar) exprs.push(mul(value, sym(firstVar)), add(value, sym(firstVar)));
  const t = transposed(value);
  if (t) exprs.push(t);
  // A row written MATLAB's way, [a b]: a product, then the wrong shape, with the same hint on both sides.
  const entries = value.kind === 'vector' ? value.items : value.kind === 'matrix' ? value.entries : [];
  const spaced = entries.length > 1 ? [`[${entries.map((x) => `(${toText(x)})`).join(' ')}]`] : [];
  return [toText(value), toLatex(value), ...exprs.map(toText), ...spaced, '(', 'qq + 1', '[1, 2] * [3, 4]'];
}

/** The one case where the page says less than the CLI: an all-numbers answer off by a factor outside the stored multiples. */
function withheld(print: AnswerPrint, answer: string, value: Expr): boolean {
  return print.varying.every((v) => v === null) && answer === toText(mul(num(7), value));
}

/** The lecture sheet's check target of an answer key (a name such as dyhat-dw1.a). */
function lectureTarget(key: string): CheckTarget {
  const t = checkTargets(sheetOf('lecture')).find((x) => x.names.includes(key));
  if (!t) throw new Error(`no ${key}`);
  return t;
}

/** The page's prepared answer, through JSON as the page stores it. */
function pageAnswer(t: CheckTarget): PreparedAnswer {
  const print = fingerprint(t);
  if (isUnchecked(print)) throw new Error(`${t.key}: ${print.unchecked}`);
  return new PreparedAnswer(JSON.parse(JSON.stringify(print)) as AnswerPrint);
}

/** An answer checked as the CLI checks it. */
function cliCheck(t: CheckTarget, answer: string): CheckResult {
  return checkPrepared(targetProblem(t), answer, { ...t.options, timeBudgetMs: BUDGET_MS });
}

/** The same answer checked by the CLI and by the page. */
function bothChecks(t: CheckTarget, answer: string): { cli: CheckResult; mine: ReturnType<typeof checkAgainst> } {
  return { cli: cliCheck(t, answer), mine: checkAgainst(pageAnswer(t), answer, { timeBudgetMs: BUDGET_MS }) };
}

describe.each(WORKSHEETS)('the page and the CLI agree on %s', (name) => {
  const sheet = sheetOf(name);
  const targets = checkTargets(sheet).filter((t) => t.unchecked === undefined);

  it.each(targets.map((t) => [t.key, t] as const))('%s', (_, t) => {
    const problem = targetProblem(t);
    const print = fingerprint(t);
    if (isUnchecked(print)) throw new Error(`${t.key}: ${print.unchecked}`);
    const page = new PreparedAnswer(JSON.parse(JSON.stringify(print)) as AnswerPrint);
    const session = sessionFor(problem, t.options);
    const variants = [...session.traceVariants(), ...session.structuralVariants()].slice(0, 12).map((v) => v.expr);
    for (const answer of answersFor(t.answer.value, variants, print.vars[0])) {
      const cli = checkPrepared(problem, answer, { ...t.options, timeBudgetMs: BUDGET_MS });
      const mine = checkAgainst(page, answer, { timeBudgetMs: BUDGET_MS });
      const what = `${t.key}: ${answer}`;
      expect(mine.verdict, what).toBe(cli.verdict);
      if (withheld(print, answer, t.answer.value)) {
        // By design: for an answer that is all numbers, "7 times the right one" would give it away.
        expect(cli.diagnosis?.id, what).toBe('constant-factor');
        expect(mine.diagnosis, what).toBeUndefined();
        continue;
      }
      expect(mine.diagnosis?.id, what).toBe(cli.diagnosis?.id);
      if (cli.diagnosis) expect(mine.feedback, what).toBe(cli.feedback);
      expect(mine.interpreted, what).toBe(cli.interpreted);
      if (cli.verdict === 'invalid') expect(mine.error, what).toEqual(cli.error);
      if (cli.factors) expect(mine.factors?.right.map((f) => f.text), what).toEqual(cli.factors.right.map((f) => f.text));
    }
  });
});

describe('where the page cannot do what the CLI does', () => {
  it('an answer with a kink its stored points never cross is undecided on the page, not correct (the CLI redraws: incorrect)', () => {
    const t = lectureTarget('all-partials.w1');
    const answer = "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + relu(x1 - 1.6)";
    const mine = checkAgainst(pageAnswer(t), answer, { timeBudgetMs: BUDGET_MS });
    expect(mine.verdict).toBe('undecided');
    expect(mine.feedback).toMatch(/^Could not decide: x₁ − 8\/5 < 0 at every test point/);
    expect(cliCheck(t, answer).verdict).toBe('incorrect');
  });
});

describe('a kink in the wrong place, which no stored point separates from the right one', () => {
  it('is incorrect in the CLI (it adds a point between the kinks) and undecided on the page, which says why', () => {
    const t = lectureTarget('dyhat-dw1.relu');
    const answer = "w5*relu'(w1*x1 + w2*x2 + b1 + 0.01)*x1";
    const cli = cliCheck(t, answer);
    expect(cli.verdict).toBe('incorrect');
    expect(cli.diagnosis?.id).toBe('misplaced-kink');
    const mine = checkAgainst(pageAnswer(t), answer, { timeBudgetMs: BUDGET_MS });
    expect(mine.verdict).toBe('undecided');
    expect(mine.feedback).toBe(
      "Could not decide: your answer's kink is where w₁x₁ + w₂x₂ + b₁ + 1/100 = 0, the right answer's where w₁x₁ + w₂x₂ + b₁ = 0. They differ only between the two, where this page holds no values to compare.",
    );
    // The same kink written another way is correct on both.
    for (const same of ["x1*w5*relu'(b1 + w2*x2 + w1*x1)", "w5*relu'(2*(w1*x1 + w2*x2 + b1))*x1"]) {
      expect(cliCheck(t, same).verdict, same).toBe('correct');
      expect(checkAgainst(pageAnswer(t), same, { timeBudgetMs: BUDGET_MS }).verdict, same).toBe('correct');
    }
  });
});

describe('ReLU’s cases, as cases, conditions, a choice or words: read as ReLU′, on the page as in the CLI', () => {
  const z = 'w1*x1 + w2*x2 + b1';
  it.each([
    ["\\begin{cases} w_5 x_1 & w_1 x_1 + w_2 x_2 + b_1 > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", 'correct'],
    [`w5*x1*(${z} > 0)`, 'correct'],
    [`${z} <= 0 ? 0 : w5*x1`, 'correct'],
    [`w5*x1 if ${z} > 0 else 0`, 'correct'],
    [`w5 x1 if ${z} > 0, 0 otherwise`, 'correct'],
    ['w_5 x_1 \\text{ if } w_1 x_1 + w_2 x_2 + b_1 > 0 \\text{ else } 0', 'correct'],
    [`w5*x1*(${z} < 0)`, 'incorrect'],
    [`x1 if ${z} > 0 else w5*x1`, 'incorrect'],
    ["\\begin{cases} w_5 x_1 & w_1 x_1 + w_2 x_2 + b_1 > 0 \\\\ x_1 & \\text{otherwise} \\end{cases}", 'incorrect'],
  ])('%s is %s', (answer, verdict) => {
    const { cli, mine } = bothChecks(lectureTarget('dyhat-dw1.relu'), answer);
    expect(cli.verdict).toBe(verdict);
    expect(mine.verdict).toBe(verdict);
    expect(mine.interpreted).toBe(cli.interpreted);
    expect(mine.diagnosis?.id).toBe(cli.diagnosis?.id);
    if (cli.diagnosis) expect(mine.feedback).toBe(cli.feedback);
  });
});

describe('a gradient step’s values written as a row: the list of values, on the page as in the CLI', () => {
  it.each([
    ['[[9/10, 19/10, 21/10, 11/10, 4/5, -11/10, -11/10, -19/10, -1/10]]', 'correct'],
    ['[[19/10, 9/10, 21/10, 11/10, 4/5, -11/10, -11/10, -19/10, -1/10]]', 'incorrect'],
  ])('%s is %s', (answer, verdict) => {
    const { cli, mine } = bothChecks(lectureTarget('gradient-step.updated'), answer);
    expect([cli.verdict, mine.verdict]).toEqual([verdict, verdict]);
    if (verdict === 'correct') for (const r of [cli, mine]) expect(r.notes).toContain('read your row as the list of values, in order');
  });
});

describe('tiny values are compared relatively, on the page as in the CLI', () => {
  // An answer whose values at the points are ≈ 1e-17 because its terms are that small: under a fixed
  // absolute floor of 1e-12 any two such values agreed, and n(x₁+1)^(n−2) passed for n(x₁+1)^(n−1).
  it.each([200, 1000])('n(x₁+1)^(n−1), n = %i', (n) => {
    const base = lectureTarget('all-partials.w1');
    const t = { ...base, key: 'tiny', exercise: { ...base.exercise, checks: [] }, answer: { ...base.answer, value: parse(`${n}*(x1+1)^${n - 1}`) } };
    const print = fingerprint(t);
    if (isUnchecked(print)) throw new Error(print.unchecked);
    expect(print.scales?.[0]?.every((s) => s < 1e-10)).toBe(true);
    const page = new PreparedAnswer(JSON.parse(JSON.stringify(print)) as AnswerPrint);
    const verdicts = { [`${n}*(x1+1)^${n - 2}`]: 'incorrect', [`${n}*(x1+1)^${n - 1}`]: 'correct', [`(1+x1)^${n - 1}*${n}`]: 'correct', '0': 'incorrect' };
    for (const [answer, verdict] of Object.entries(verdicts)) {
      const cli = cliCheck(t, answer);
      const mine = checkAgainst(page, answer, { timeBudgetMs: BUDGET_MS });
      expect(cli.verdict, answer).toBe(verdict);
      expect(mine.verdict, answer).toBe(verdict);
      expect(mine.counterexample?.entry, answer).toEqual(cli.counterexample?.entry);
    }
  });
});

describe("' after ')' is a transpose: the hint, on the page as in the CLI", () => {
  it("dyhat-dw1.a: w5*sigma(w1x1+w2x2+b1)'*x1", () => {
    const { cli, mine } = bothChecks(lectureTarget('dyhat-dw1.a'), "w5*sigma(w1x1+w2x2+b1)'*x1");
    expect(cli.feedback).toMatch(/^σ where σ′ belongs: .* ' after '\)' is read as a transpose; write σ′ as sigma'\(…\)\.$/);
    expect(mine.feedback).toBe(cli.feedback);
  });
});

describe('one entry’s sign, a step along the gradient, the partial for another parameter: named on the page as in the CLI', () => {
  it.each([
    ['jacobian', '[2, 1; 0, pi; -1/x2, -x1/x2^2]', 'Entry (3, 2) has the wrong sign.'],
    ['gradient-step.updated', '[1.1, 2.1, 1.9, 0.9, 1.2, -0.9, -0.9, -2.1, 0.1]', 'You moved along the gradient; gradient descent moves against it: p ← p − ε ∂f/∂p.'],
    ['all-partials.w3', "w5*σ'(w1x1+w2x2+b1)*x1", 'This is ∂ŷ/∂w₁, not ∂ŷ/∂w₃.'],
  ])('%s: %s', (key, answer, message) => {
    const { cli, mine } = bothChecks(lectureTarget(key), answer);
    expect(cli.feedback).toBe(message);
    expect(mine.feedback).toBe(message);
  });
});

describe('a constant factor must hold for every entry, zero entries included (the reviewer’s answers)', () => {
  it.each([
    ['bias-terms', '[3; -2]'],
    ['jacobian-chain.J', '[[3/4, 2]]'],
    ['jacobian', '[4, 2; 5, 2pi; -2/x2, 2x1/x2^2]'],
  ])('%s: %s is no multiple, on the page and in the CLI', (key, answer) => {
    const { cli, mine } = bothChecks(lectureTarget(key), answer);
    for (const r of [cli, mine]) {
      expect(r.verdict).toBe('incorrect');
      expect(r.feedback).not.toMatch(/times the right one|stray factor|twice/);
    }
    expect(mine.diagnosis?.id).toBe(cli.diagnosis?.id);
  });
});

describe('names the prompt gives', () => {
  const check = (key: string, answer: string): CheckResult => cliCheck(lectureTarget(key), answer);

  it.each(["(ŷ - y)*w5*σ'(w1x1+w2x2+b1)*x1", "(yhat - y)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1", "(\\hat{y} - y) w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1"])(
    'ŷ in an MSE answer stands for the network’s output, and the reading is reported: %s',
    (answer) => {
      const r = check('mse-partials.w1', answer);
      expect(r.verdict, r.feedback).toBe('correct');
      expect(r.notes).toContain('read ŷ as the network’s output w₅σ(w₁x₁ + w₂x₂ + b₁) + w₆σ(w₃x₁ + w₄x₂ + b₂) + b₃');
      expect(r.feedback).toMatch(/^Correct\. \(.*read ŷ as the network’s output/);
      // Still wrong when wrong.
      expect(check('mse-partials.w1', "(ŷ - y)*w5*σ'(w1x1+w2x2+b1)").verdict).toBe('incorrect');
    },
  );

  it.each([
    ['mse-partials.w1', "(ŷ - y)*w5*σ'(w1x1+w2x2+b1)*x1", 'correct'],
    ['mse-partials.w1', "(\\hat{y} - y) w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1", 'correct'],
    ['mse-partials.b3', 'yhat - y', 'correct'],
    ['mse-partials.w6', '(ŷ - y)*σ(w3x1+w4x2+b2)', 'correct'],
    ['matrix-gradients.b2', '[[ŷ - y]]', 'correct'],
    ['matrix-gradients.W2', '[[(ŷ - y)*σ(w1x1+w2x2+b1), (ŷ - y)*σ(w3x1+w4x2+b2)]]', 'correct'],
    ['mse-partials.w1', "(ŷ - y)*w5*σ'(w1x1+w2x2+b1)", 'incorrect'],
    ['mse-partials.w6', '(y - ŷ)*σ(w3x1+w4x2+b2)', 'incorrect'],
    ['mse-partials.b3', 'ŷ', 'incorrect'],
    ['matrix-gradients.W2', '[[(ŷ - y)*σ(w3x1+w4x2+b2), (ŷ - y)*σ(w1x1+w2x2+b1)]]', 'incorrect'],
  ])('%s: %s is %s on the page as in the CLI, ŷ read from its values at the points', (key, answer, verdict) => {
    // The page used to refuse ŷ ("unknown variable yhat"): it held no definition of it, and its
    // definition holds σ(w₁x₁ + w₂x₂ + b₁), an answer of the sheet. It now holds ŷ's values only.
    const { cli, mine } = bothChecks(lectureTarget(key), answer);
    expect(cli.verdict, cli.feedback).toBe(verdict);
    expect(mine.verdict, mine.feedback).toBe(verdict);
    expect(mine.diagnosis?.id).toBe(cli.diagnosis?.id);
    if (cli.diagnosis) expect(mine.feedback).toBe(cli.feedback);
    expect(mine.interpreted).toBe(cli.interpreted);
    // The reading is reported without what ŷ stands for.
    expect(mine.notes).toContain('read ŷ as the network’s output');
    for (const note of mine.notes) expect(note).not.toMatch(/σ\(|ReLU\(/);
    if (verdict === 'correct') expect(mine.feedback).toMatch(/^Correct\. \(read ŷ as the network’s output[;)]/);
  });

  it('the page holds ŷ’s values at the points, and no expression of it', () => {
    const print = fingerprint(lectureTarget('mse-partials.w1'));
    if (isUnchecked(print)) throw new Error(print.unchecked);
    expect(Object.keys(print.symbols ?? {})).toEqual(['yhat']);
    expect(print.symbols?.yhat.values).toHaveLength(print.points.length);
    expect(print.symbols?.yhat.values.every(Number.isFinite)).toBe(true);
    const text = JSON.stringify(print);
    for (const needle of ['sigma(', 'σ(', '\\sigma', 'w₅σ']) expect(text).not.toContain(needle);
  });

  it('σ in the ReLU part of dyhat-dw1 is ReLU (the prompt defines σ′ for ReLU there), in the CLI and on the page', () => {
    const answer = "w5*σ'(w1x1+w2x2+b1)*x1";
    const r = check('dyhat-dw1.relu', answer);
    expect(r.verdict, r.feedback).toBe('correct');
    expect(r.notes).toContain('read σ as ReLU');
    expect(check('dyhat-dw1.relu', "w5*σ(w1x1+w2x2+b1)*x1").verdict).toBe('incorrect');
    expect(checkAgainst(pageAnswer(lectureTarget('dyhat-dw1.relu')), answer, { timeBudgetMs: BUDGET_MS }).verdict).toBe('correct');
    // Elsewhere σ is still the abstract activation.
    expect(check('dyhat-dw1.a', answer).verdict).toBe('correct');
    expect(check('dyhat-dw1.a', answer).notes).not.toContain('read σ as ReLU');
  });
});
