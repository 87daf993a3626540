/**
 * Student input is data: limits, allowed names, and the reading of run-together names, each with
 * a clear message; problems with the expected side are the caller's InputErrors.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/check/check.js';
import { naturalSort, splitName } from '../../src/check/input.js';
import { InputError } from '../../src/errors.js';

const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';
const check = (expected: string, answer: string) => checkAnswer(expected, answer, { timeBudgetMs: 60_000 });

describe('limits', () => {
  it('refuses an answer over 2,000 characters, saying so', () => {
    const r = check('x', 'x+'.repeat(1_000) + 'x');
    expect(r.verdict).toBe('invalid');
    expect(r.feedback).toBe('column 2001: input is 2,001 characters long; the limit is 2,000');
    expect(r.error?.column).toBe(2001);
  });

  it('refuses nesting deeper than 40 levels, in either syntax', () => {
    const text = check('x', '('.repeat(41) + 'x' + ')'.repeat(41));
    expect(text.verdict).toBe('invalid');
    expect(text.feedback).toBe('column 41: nested deeper than 40 levels');
    const latex = check('x', '{'.repeat(41) + 'x' + '}'.repeat(41));
    expect(latex.feedback).toBe('column 41: nested deeper than 40 levels');
  });

  it('gives syntax errors with their column', () => {
    const r = check(YHAT, "w5*sigma'(w1*x1+");
    expect(r).toMatchObject({ verdict: 'invalid', interpreted: '', error: { column: 17 } });
    expect(r.feedback).toBe("column 17: unexpected end of input; '(' at column 4 is not closed");
  });
});

describe('names', () => {
  it('refuses a variable the exercise does not have, listing the ones it has', () => {
    const r = checkAnswer(YHAT, 'q*w5', { wrt: 'w1' });
    expect(r.verdict).toBe('invalid');
    expect(r.feedback).toBe('column 1: unknown variable q; this exercise uses the variables b1, b2, b3, w1, w2, w3, w4, w5, w6, x1, x2');
  });

  it('says that an abbreviation the exercise does not define (z₁, z⁽¹⁾₁, h₂) must be written out', () => {
    const vars = 'b1, b2, b3, w1, w2, w3, w4, w5, w6, x1, x2';
    expect(check(YHAT, "w5*sigma'(z1)*x1").feedback).toBe(`column 11: unknown variable z1; this exercise uses the variables ${vars}; z₁ is not defined in this exercise: write out what it stands for`);
    expect(check(YHAT, "w5*sigma'(z⁽¹⁾₁)*x1").feedback).toMatch(/unknown variable z1_1; .*; z⁽¹⁾₁ is not defined in this exercise/);
    expect(check(YHAT, 'w5*h2').feedback).toMatch(/; h₂ is not defined in this exercise/);
  });

  it('positions unknown names as the student wrote them', () => {
    expect(check('x', 'x + q_{12}').error?.column).toBe(5);
    expect(check('x', 'x + \\hat{q}').error?.column).toBe(5);
    expect(check('x', 'x + \\alpha').error?.column).toBe(5);
    expect(check('x', 'x + ŷ2').error?.column).toBe(5);
  });

  it('refuses a function the exercise does not have, and a function name without its argument', () => {
    expect(check('x*sigma(x)', 'x + f(x)').feedback).toBe('column 5: unknown function f; this exercise uses σ');
    expect(check('x*sigma(x)', 'sigma(x)*(1 - sigma)').feedback).toBe('column 15: sigma is a function: write it with its argument in parentheses, as in sigma(z)');
    expect(check('x*sigma(x)', 'sigma(x, x)').feedback).toBe('column 1: σ takes 1 argument, not 2');
  });

  it('names a misspelled function and the function it most likely is (before: "unknown variable sigmod")', () => {
    const r = checkAnswer('sigmoid(w*x)', 'sigmod(w*x)*x', { wrt: 'w' });
    expect(r).toMatchObject({ verdict: 'invalid', error: { column: 1 } });
    expect(r.feedback).toBe("column 1: unknown function 'sigmod'; did you mean sigmoid?");
    expect(checkAnswer('sigmoid(w*x)', 'x*\\frac{1}{1 + e^{-wx}}(1 - relU(w x))', { wrt: 'w' }).feedback).toBe(
      "column 29: unknown function 'relU'; did you mean relu?",
    );
  });

  it('still reads a run-together name of the exercise’s variables before ( as their product', () => {
    const r = checkAnswer('u*w*x^2', 'uw(2x)', { wrt: 'x' });
    expect([r.verdict, r.feedback]).toEqual(['correct', 'Correct. (read uw as u·w)']);
    expect(checkAnswer('eta*(x - y)', 'eta(x - y)').verdict).toBe('correct');
  });

  it('allows known functions the expected answer does not use (a wrong answer is still an answer)', () => {
    expect(check("sigma'(z)", 'sigmoid(z)').verdict).toBe('incorrect');
  });

  it('splits a run-together name into the exercise’s variables, fewest pieces first', () => {
    const vars = new Set(['u', 'v', 'w', 'w1', 'x1', 'w11']);
    expect(splitName('uw', vars)).toEqual(['u', 'w']);
    expect(splitName('w1x1', vars)).toEqual(['w1', 'x1']);
    expect(splitName('w11x1', vars)).toEqual(['w11', 'x1']);
    expect(splitName('uq', vars)).toBeUndefined();
    expect(splitName('piu', vars)).toEqual(['pi', 'u']);
  });

  it('sorts names naturally', () => {
    expect(naturalSort(['w10', 'w2', 'b1', 'x1', 'W1_10_1', 'W1_2_1'])).toEqual(['W1_2_1', 'W1_10_1', 'b1', 'w2', 'w10', 'x1']);
  });
});

describe('the expected side is the caller’s input', () => {
  it('throws InputError for an unreadable expected answer, naming it', () => {
    expect(() => checkAnswer('w5*sigma(', 'x')).toThrow(InputError);
    expect(() => checkAnswer('w5*sigma(', 'x')).toThrow(/^expected: column 10: /);
    expect(() => checkAnswer('x', 'x', { wrt: '2x' })).toThrow(/--wrt: '2x' is not a variable name/);
    expect(() => checkAnswer('[a, b] + [a, b, c]', 'x')).toThrow(/^expected: .*cannot add a 2×1 column and a 3×1 column/);
  });

  it('refuses definitions that refer to each other in a cycle', () => {
    expect(() => checkAnswer('x', 'x', { definitions: { a: 'b + 1', b: 'a*2' } })).toThrow(/cycle: a → b → a/);
  });
});

describe('clearer messages for common slips', () => {
  it('says to write a vector in brackets when it is a list in parentheses, (1, 1, −1), as the LaTeX reader does', () => {
    const r = check('[1; 1; -1]', '(1, 1, -1)');
    expect(r.verdict).toBe('invalid');
    expect(r.feedback).toBe("column 3: expected ')', not ','; a list in parentheses: write a vector as [a, b]");
    expect(check('[1; 1; -1]', '(1, 1, -1').feedback).toMatch(/^column 3: expected '\)', not ','; a list in parentheses/);
  });

  it('ignores a trailing period', () => {
    expect(checkAnswer("w5*sigma'(w1*x1 + w2*x2 + b1)*x1", "w5*sigma'(w1x1+w2x2+b1)*x1.", { timeBudgetMs: 60_000 }).verdict).toBe('correct');
  });

  it('says to write only the expression after "=" (not mathjs’s "invalid left hand side of assignment")', () => {
    const r = checkAnswer("w5*sigma'(w1*x1 + w2*x2 + b1)*x1", "dyhat/dw1 = w5*sigma'(w1x1+w2x2+b1)*x1", { timeBudgetMs: 60_000 });
    expect(r.verdict).toBe('invalid');
    expect(r.feedback).toBe("column 11: write only the expression after '=' (your answer, without dyhat/dw1 =)");
    expect(r.error?.column).toBe(11);
  });
});

describe('a matrix written [a, b; c, d] with LaTeX names in it', () => {
  it('is read as the text syntax reads it: rows between \';\', a column [a; b], a row that is too short named', () => {
    const r = check('[2, 1; 0, pi; -1/x2, x1/x2^2]', '[2, 1; 0, \\pi; -1/x_2, x_1/x_2^2]');
    expect(r.verdict).toBe('correct');
    expect(r.interpretedText).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
    expect(check('[w5*(yhat - y); w6*(yhat - y)]', '[w_5 (\\hat{y}-y); w_6 (\\hat{y}-y)]').verdict).toBe('correct');
    expect(check('[1; -2; 1/4]', '[1; -2; \\frac{1}{4}]').interpretedText).toBe('[1; -2; 1/4]');
    const short = check('[2, 1; 0, pi; -1/x2, x1/x2^2]', '[2, 1; 0, \\pi; -1/x_2]');
    expect(short.verdict).toBe('invalid');
    expect(short.feedback).toBe('column 16: row 3 has 1 entry but row 1 has 2');
  });
});

describe('an approximate number', () => {
  it('shows enough digits to tell the values apart, and says to write π exactly', () => {
    const r = check('[2, 1; 0, pi; -1/x2, x1/x2^2]', '[2, 1; 0, 3.14159; -1/x2, x1/x2^2]');
    expect(r.verdict).toBe('incorrect');
    expect(r.feedback).toMatch(/entry \(2, 2\) the expected value is 3\.141593 but yours is 3\.14159\. Yours is close but not exact: write exact values \(π, not 3\.14159; 1\/3, not 0\.333\)\.$/);
  });
});
