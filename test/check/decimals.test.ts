/**
 * Decimal answers to numbers with no exact decimal (a forward pass through σ or tanh): accepted
 * rounded or cut to 3–8 decimals, by the library checker and by the page alike, and the page holds
 * only hashes of whole answers.
 */
import { describe, expect, it } from 'vitest';
import { decimalAnswer, decimalEntries, decimalForms, jointForms } from '../../src/check/decimals.js';
import { checkAnswer, checkPrepared } from '../../src/check/check.js';
import { parse } from '../../src/parse/parse.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { checkTargets, targetProblem } from '../../src/interactive/targets.js';
import { fingerprint } from '../../src/interactive/fingerprint.js';
import { PreparedAnswer } from '../../src/interactive/prepared.js';
import { checkAgainst } from '../../src/interactive/verdict.js';
import { isUnchecked, type AnswerPrint } from '../../src/interactive/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';

/** ŷ of a 2-2-2 sigmoid forward pass: 0.535972… and 1.464027… */
const YHAT = '[2*sigmoid(-4) + 1/2; -2*sigmoid(-4) + 3/2]';
const check = (answer: string, expected = YHAT) => checkAnswer(expected, answer, { timeBudgetMs: 60_000 });

describe('reading and writing decimals', () => {
  it('reads plain numbers in any bracket form, row by row, and nothing else', () => {
    expect(decimalEntries('[0.536; 1.464]')).toEqual(['0.536', '1.464']);
    expect(decimalEntries('[[.5, -0.25]]')).toEqual(['0.5', '-0.25']);
    expect(decimalEntries('[1.5, 2; 3, −4.0]')).toEqual(['1.5', '2', '3', '-4.0']);
    expect(decimalEntries('0.536')).toEqual(['0.536']);
    expect(decimalEntries('[0.5*2; 1]')).toBeUndefined();
    expect(decimalEntries('sigmoid(1)')).toBeUndefined();
  });

  it('writes a value rounded and cut, and the whole answer in every combination', () => {
    expect(decimalForms(0.535972, 3)).toEqual(['0.536', '0.535']);
    expect(decimalForms(-1.46403, 4)).toEqual(['-1.4640']);
    expect(jointForms([0.535972, 1.464028], 3, [false, false])).toEqual(['0.536,1.464', '0.535,1.464']);
    // An exact entry that ends within the decimals has one form.
    expect(jointForms([0.535972, 0.5], 3, [false, true])).toEqual(['0.536,0.500', '0.535,0.500']);
  });

  it('takes 3 to 8 decimals, the same number in every entry, fewer in an exact one', () => {
    const inexact = [false, false];
    expect(decimalAnswer('[0.536; 1.464]', inexact)).toEqual({ decimals: 3, text: '0.536,1.464' });
    expect(decimalAnswer('[0.54; 1.46]', inexact)).toMatch(/^\(This answer has no exact decimal form/);
    expect(decimalAnswer('[0.536; 1.46]', inexact)).toMatch(/same 3 to 8 decimals/);
    expect(decimalAnswer('[1; 2]', inexact)).toBeUndefined();
    expect(decimalAnswer('[0.536; 1.464]', [false, false, false])).toBeUndefined();
    expect(decimalAnswer('[-3.038; 0.5]', [false, true])).toEqual({ decimals: 3, text: '-3.038,0.500' });
    expect(decimalAnswer('[-3.038; 1]', [false, true])).toEqual({ decimals: 3, text: '-3.038,1.000' });
  });
});

describe('the library checker', () => {
  it.each([
    ['[0.536; 1.464]', 'Correct to the 3 decimals given.'],
    ['[0.5359; 1.4640]', 'Correct to the 4 decimals given.'],
    ['[0.53597; 1.46403]', 'Correct to the 5 decimals given.'],
  ])('accepts %s', (answer, feedback) => {
    expect(check(answer)).toMatchObject({ verdict: 'correct', feedback });
  });

  it('takes an exact entry as written (½ as 0.5) beside rounded ones', () => {
    const mixed = '[2*sigmoid(-4) + 1/2; sigmoid(0)]';
    expect(check('[0.536; 0.5]', mixed)).toMatchObject({ verdict: 'correct', feedback: 'Correct to the 3 decimals given.' });
    expect(check('[0.5360; 1/2]', mixed).verdict).toBe('incorrect');
    expect(check('[0.536; 0.501]', mixed).verdict).toBe('incorrect');
  });

  it('refuses a wrong last digit, too few decimals (saying why), and decimals for a rational answer', () => {
    expect(check('[0.537; 1.464]').verdict).toBe('incorrect');
    const few = check('[0.54; 1.46]');
    expect(few.verdict).toBe('incorrect');
    expect(few.feedback).toMatch(/a decimal answer is checked rounded or cut to the same 3 to 8 decimals in every entry\.\)$/);
    // 1/3 has an exact form, and exact arithmetic is what the exercise asks for.
    expect(check('0.333', '1/3').verdict).toBe('incorrect');
    expect(check('0.75', '3/4').verdict).toBe('correct');
  });

  it('is right for random σ and tanh constants: rounded and cut forms pass, a last digit off by one fails', () => {
    let seen = 0;
    for (let k = 1; k <= 40; k++) {
      const expected = `sigmoid(${k % 9 - 4}/${k % 5 + 1}) + tanh(${k}/7)`;
      const value = evaluate(parse(expected), { vars: {} });
      for (const d of [3, 4, 6]) {
        for (const form of decimalForms(value, d)) {
          expect(check(form, expected).verdict, `${expected} ≈ ${form}`).toBe('correct');
          const last = Number(form.at(-1));
          const off = `${form.slice(0, -1)}${(last + 2) % 10}`;
          if (!decimalForms(value, d).includes(off)) expect(check(off, expected).verdict, `${expected} vs ${off}`).toBe('incorrect');
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(120);
  });
});

describe('the page, against the CLI', () => {
  const spec = 'title: T\nseed: 5\nexercises:\n  - kind: forward-pass\n    id: fp\n    params: { activation: sigmoid, layers: [2, 2, 2] }\n';
  const target = checkTargets(buildSheet(loadSpec(spec, 'fp.yaml'))).find((t) => t.key === 'fp.yhat');
  if (!target) throw new Error('no fp.yhat');
  const print = fingerprint(target);
  if (isUnchecked(print)) throw new Error(print.unchecked);
  const page = new PreparedAnswer(JSON.parse(JSON.stringify(print)) as AnswerPrint);
  const problem = targetProblem(target);
  const expected = problem.expected;
  const values = Array.from(expected.kind === 'vector' ? expected.items : expected.kind === 'matrix' ? expected.entries : [expected], (e) => evaluate(e, { vars: {} }));
  const exact = print.exactEntries ?? [];

  it('decides decimal answers as the CLI does', () => {
    expect(values).toHaveLength(2);
    expect(exact).toHaveLength(2);
    const answers = [3, 4, 5, 6].flatMap((d) => jointForms(values, d, exact).map((t) => `[${t.replace(',', '; ')}]`));
    answers.push(`[${decimalForms(values[0], 2)[0]}; ${decimalForms(values[1], 2)[0]}]`, `[${decimalForms(values[0], 3)[0]}; 0.000]`);
    for (const answer of answers) {
      const cli = checkPrepared(problem, answer, { timeBudgetMs: 60_000 });
      const mine = checkAgainst(page, answer, { timeBudgetMs: 60_000 });
      expect(mine.verdict, answer).toBe(cli.verdict);
      if (cli.verdict === 'correct') expect(mine.feedback).toBe(cli.feedback);
    }
  });

  it('holds only hashes of whole answers: no decimal of the answer is in its data, and one right entry alone does not match', () => {
    const data = JSON.stringify(print);
    for (const v of values) for (const d of [2, 3, 4]) for (const f of decimalForms(v, d)) expect(data).not.toContain(f);
    expect(print.decimals?.length).toBeGreaterThanOrEqual(6);
    const half = `[${decimalForms(values[0], 3)[0]}; 9.999]`;
    expect(checkAgainst(page, half, { timeBudgetMs: 60_000 }).verdict).toBe('incorrect');
  });
});
