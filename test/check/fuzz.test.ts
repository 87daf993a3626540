/**
 * Student input is data: 10,000 random malformed answers (strings over a math-ish alphabet with
 * Unicode and LaTeX fragments, and truncations and mutations of valid answers in both syntaxes)
 * never raise, never reach the checker's internal-error path, and each gets a verdict, with a
 * column whenever the answer is unreadable.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPrepared, prepareCheck } from '../../src/check/check.js';
import type { CheckResult } from '../../src/check/types.js';

const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

const PROBLEMS = [
  prepareCheck(YHAT, { wrt: 'w1' }),
  prepareCheck(`1/2*(${YHAT} - y)^2`, { wrt: 'b2' }),
  prepareCheck('[2*x1 + x2, pi*x2, -x1/x2]', { wrt: ['x1', 'x2'] }),
  prepareCheck('w5*relu(w1*x1 + w2*x2 + b1) + b3', { wrt: 'w1' }),
];

const VALID = [
  "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
  "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1",
  '\\frac{1}{2}(\\hat{y} - y)^{2}',
  '\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\ -1/x_2 & \\frac{x_1}{x_2^2} \\end{bmatrix}',
  '[2, 1; 0, pi; -1/x2, x1/x2^2]',
  "w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁",
  '\\operatorname{ReLU}\'(w_1 x_1 + w_2 x_2 + b_1) w_5 x_1',
  'W^{(1)}_{2,1} \\cdot \\left( x_1 + \\sqrt[3]{x_2} \\right)^{\\top}',
  'sigmoid(z)*(1 - sigmoid(z))',
  '|x_1| + \\ln x_2 - e^{-x_1}',
];

const TOKENS = [
  'x', '1', '2', 'w', 'b', 'y', 'z', 'e', 'pi', 'w1', 'x12', 'uw', 'sigma', 'relu', 'sigmoid', 'tanh', 'exp', 'log', 'f', 'g',
  '(', ')', '[', ']', '{', '}', '^', '_', '*', '/', '+', '-', '.', ',', ';', '=', '|', '&', "'", '!', '<', ' ', '  ', '\t', '\n',
  '\\', '\\\\', '\\frac', '\\frac{', '}{', '\\sigma', "\\sigma'", '\\sigma^{\\prime}', '\\left(', '\\right)', '\\left|', '\\right|',
  '\\begin{bmatrix}', '\\end{bmatrix}', '\\begin{pmatrix}', '\\end{vmatrix}', '^{\\top}', '^T', '_{', '_{2,1}', '^{(1)}', '\\hat{y}', '\\hat',
  '\\operatorname{ReLU}', '\\text{relu}', '\\mathbf{W}', '\\sqrt{', '\\sqrt[', '\\cdot', '\\times', '\\partial', '\\sum', '\\infty', '\\pi', '\\foo',
  '\\,', '\\quad', '\\max(0,', 'e^{', "sigma'(", "f''(", 'D[1](f)(', 'max(', 'σ', 'σ′', 'ŷ', 'w₁', 'x²', 'Wᵀ', '·', '−', '×', '′', '″', '∂', 'ₐ',
  '\u0302', '\u0000', '\u200b', '😀', 'é', '$', '#', '"', '`', '%', '1e400', '0.5', '.5', '1.', '99999999999999999999', '2^4096',
];

const token = fc.constantFrom(...TOKENS);
const randomString = fc.array(token, { maxLength: 40 }).map((ts) => ts.join(''));
const rawUnicode = fc.string({ maxLength: 60, unit: 'grapheme' });

const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.nat({ max: 3 }), token), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => {
    let s = text;
    for (const [at, len, kind, t] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (kind === 0) s = s.slice(0, i); // truncate
      else if (kind === 1) s = s.slice(0, i) + s.slice(i + len); // delete
      else if (kind === 2) s = s.slice(0, i) + t + s.slice(i); // insert a token
      else s = s.slice(0, i) + s.slice(i, i + len).repeat(3) + s.slice(i + len); // repeat a piece
    }
    return s;
  });

const VERDICTS = new Set(['correct', 'incorrect', 'invalid', 'undecided']);

function wellFormed(input: string, r: CheckResult): void {
  expect(VERDICTS.has(r.verdict)).toBe(true);
  expect(r.internalError).toBeUndefined();
  expect(typeof r.feedback).toBe('string');
  expect(r.feedback.length).toBeGreaterThan(0);
  if (r.verdict === 'invalid') {
    expect(r.interpreted).toBe('');
    expect(r.error?.message).toBeTruthy();
    // Unreadable answers are positioned: a column inside the input (or just past its end).
    expect(r.error?.column).toBeGreaterThanOrEqual(1);
    expect(r.error?.column).toBeLessThanOrEqual(input.length + 1);
  } else {
    expect(typeof r.interpreted).toBe('string');
    expect(r.interpreted.length).toBeGreaterThan(0);
  }
}

describe('the checker on malformed input', () => {
  it('gives 10,000 random malformed answers a verdict or a positioned error, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(randomString, mutated, rawUnicode), fc.nat({ max: PROBLEMS.length - 1 }), (input, k) => {
        // A generous budget: this test is about exceptions, not speed (the machine may be busy).
        const r = checkPrepared(PROBLEMS[k], input, { timeBudgetMs: 2_000 });
        wellFormed(input, r);
      }),
      { numRuns: 10_000, seed: 4342 },
    );
  }, 300_000);
});
