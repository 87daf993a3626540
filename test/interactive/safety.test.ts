/**
 * The page's checker keeps the library's limits: 2,000 characters, 40 levels of nesting, only the
 * exercise's names; and it says "could not decide" when its time runs out rather than guess.
 */
import { describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/interactive/targets.js';
import { fingerprint } from '../../src/interactive/fingerprint.js';
import { PreparedAnswer } from '../../src/interactive/prepared.js';
import { checkAgainst } from '../../src/interactive/verdict.js';
import { isUnchecked } from '../../src/interactive/types.js';
import { sheetOf } from './support.js';

const target = checkTargets(sheetOf('lecture')).find((t) => t.key === 'dyhat-dw1.a');
if (!target) throw new Error('the lecture has no dyhat-dw1.a');
const print = fingerprint(target);
if (isUnchecked(print)) throw new Error(print.unchecked);
const page = new PreparedAnswer(print);

describe('the page’s checker', () => {
  it('refuses answers over 2,000 characters and nested over 40 levels, with the parser’s messages', () => {
    const long = checkAgainst(page, 'x1 + '.repeat(400) + 'x1');
    expect(long.verdict).toBe('invalid');
    expect(long.feedback).toMatch(/^column 2001: input is 2,002 characters/);
    const deep = checkAgainst(page, '('.repeat(41) + 'x1' + ')'.repeat(41));
    expect(deep.verdict).toBe('invalid');
    expect(deep.feedback).toMatch(/nest/);
  });

  it('allows only the exercise’s names, and says where the other one is', () => {
    expect(checkAgainst(page, 'w5*y9*x1')).toMatchObject({ verdict: 'invalid', error: { column: 4 } });
    expect(checkAgainst(page, 'w5*phi(x1)').feedback).toMatch(/unknown function phi; this exercise uses σ/);
    expect(checkAgainst(page, "import('x')").verdict).toBe('invalid');
  });

  it('says "could not decide" when the time runs out, and the verdict when it does not', () => {
    let t = 0;
    const slow = (): number => (t += 1_000);
    expect(checkAgainst(page, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1", { now: slow, timeBudgetMs: 50 })).toMatchObject({
      verdict: 'undecided',
      feedback: 'Could not decide: the time budget ran out.',
    });
    expect(checkAgainst(page, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1").verdict).toBe('correct');
  });

  it('with no time left for the optional work, still gives the verdict, without a diagnosis', () => {
    let t = 0;
    const r = checkAgainst(page, 'w5*sigma(w1*x1 + w2*x2 + b1)*x1', { now: () => (t += 30), timeBudgetMs: 50 });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosis).toBeUndefined();
    expect(r.feedback).toMatch(/^Not equal to the expected answer: at /);
  });
});
