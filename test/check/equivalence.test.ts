/**
 * When is an answer correct? Right answers in other forms (reordered, factored differently, in
 * LaTeX or Unicode, as sigmoid's own derivative formula) are accepted; wrong answers that fool
 * weaker checkers are not (relu(z) for z, σ for σ′, sigmoid for sigmoid′, a relative error of 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkPrepared, prepareCheck } from '../../src/check/check.js';
import type { CheckOptions } from '../../src/check/types.js';

/** The lecture's 2-2-1 network. */
const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';
/** A budget no busy machine reaches: these tests are about verdicts, not speed (see budget tests). */
const OPTS: CheckOptions = { timeBudgetMs: 60_000 };
const check = (expected: string, answer: string, options: CheckOptions = {}) => checkAnswer(expected, answer, { ...OPTS, ...options });

describe('correct answers in other forms are marked correct', () => {
  it.each([
    ['the lecture’s form', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
    ['factors and terms reordered', "x1*w5*sigma'(b1 + w2*x2 + w1*x1)"],
    ['LaTeX', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1) x_1"],
    ['LaTeX with \\left( and \\prime', 'x_{1} \\cdot w_{5} \\cdot \\sigma^{\\prime}\\left(b_{1} + w_{2} x_{2} + w_{1} x_{1}\\right)'],
    ['Unicode from the lecture', 'w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁'],
  ])('∂ŷ/∂w₁ as %s', (_, answer) => {
    const r = check(YHAT, answer, { wrt: 'w1' });
    expect(r.verdict).toBe('correct');
    expect(r.feedback).toBe('Correct.');
  });

  it('accepts w5*x1*(1 - sigmoid(z))*sigmoid(z) for w5*x1*sigmoid\'(z), in text and in LaTeX', () => {
    expect(check("w5*x1*sigmoid'(z)", 'w5*x1*(1 - sigmoid(z))*sigmoid(z)').verdict).toBe('correct');
    const latex = check("w5*x1*sigmoid'(z)", 'w_5 x_1 \\left(1 - \\operatorname{sigmoid}(z)\\right) \\operatorname{sigmoid}(z)');
    expect(latex.verdict).toBe('correct');
    expect(latex.syntax).toBe('latex');
    expect(latex.interpreted).toBe('w_{5} x_{1} (1 - \\operatorname{sigmoid}(z)) \\operatorname{sigmoid}(z)');
  });

  it('decides by canonical forms when they agree, by numbers otherwise', () => {
    expect(check(YHAT, "x1*w5*sigma'(b1 + w2*x2 + w1*x1)", { wrt: 'w1' }).method).toBe('symbolic');
    const expanded = check('(x + 1)^2*sigma(x)', 'x^2*sigma(x) + 2*x*sigma(x) + sigma(x)');
    expect(expanded.verdict).toBe('correct');
    expect(expanded.method).toBe('numeric');
    expect(expanded.points).toBe(16);
  });

  it('accepts the lecture’s chain-rule example as a row, in text and LaTeX', () => {
    const expected = '[[1, -2, 1/4]] * [1, 2; 0, 1; -1, 0]';
    expect(check(expected, '[[3/4, 0]]').verdict).toBe('correct');
    expect(check(expected, '\\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}').verdict).toBe('correct');
  });

  it('accepts the lecture’s Jacobian, given as a matrix or as the derivative of f', () => {
    const jacobian = '\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\ -\\frac{1}{x_2} & \\frac{x_1}{x_2^2} \\end{bmatrix}';
    expect(check('[2, 1; 0, pi; -1/x2, x1/x2^2]', jacobian).verdict).toBe('correct');
    expect(check('[2*x1 + x2, pi*x2, -x1/x2]', jacobian, { wrt: ['x1', 'x2'] }).verdict).toBe('correct');
  });

  it('reads uw as u·w when u and w are variables, and says so', () => {
    const r = check('v*sigma(u*w + z)', "uv sigma'(uw + z)", { wrt: 'w' });
    expect(r.verdict).toBe('correct');
    expect(r.notes).toEqual(['read uv as u·v', 'read uw as u·w']);
    expect(r.interpretedText).toBe("u*v*sigma'(u*w + z)");
    expect(r.feedback).toBe('Correct. (read uv as u·v; read uw as u·w)');
  });

  it('accepts answers that use the abbreviations it is given', () => {
    const r = check(YHAT, "w5*sigma'(z1)*x1", { wrt: 'w1', definitions: { z1: 'w1*x1 + w2*x2 + b1' } });
    expect(r.verdict).toBe('correct');
    expect(r.interpretedText).toBe("w5*sigma'(z1)*x1");
  });

  it('evaluates only where the expected answer is defined (log needs x > 0)', () => {
    expect(check('log(x)', '1/x', { wrt: 'x' }).verdict).toBe('correct');
    expect(check('sqrt(x)*log(y)', 'sqrt(x)*log(y) + 0*y').verdict).toBe('correct');
  });
});

describe('wrong answers are not accepted', () => {
  it.each([
    ['relu(z) for z (positive-only sampling would accept it)', 'z', 'relu(z)'],
    ["sigma(z) for sigma'(z)", "sigma'(z)", 'sigma(z)'],
    ['sigmoid(z) for sigmoid(z)*(1 - sigmoid(z))', 'sigmoid(z)*(1 - sigmoid(z))', 'sigmoid(z)'],
    ["σ(1 − σ) for a general σ'", "sigma'(z)", 'sigma(z)*(1 - sigma(z))'],
    ["σ'' for σ'", "sigma'(z)", "sigma''(z)"],
    ['a relative error of 1e-6 (WeBWorK’s 1e-4 would accept it)', 'x*exp(x)', 'x*exp(x)*(1 + 1/1000000)'],
    ['relu(x) + relu(-x) for x', 'x', 'relu(x) + relu(-x)'],
  ])('%s', (_, expected, answer) => {
    const r = check(expected, answer);
    expect(r.verdict).toBe('incorrect');
  });

  it.each([
    ['relu(x1) + relu(x1 − 2) for relu(x1)', 'relu(x1)', 'relu(x1) + relu(x1 - 2)', undefined],
    ['∂ŷ/∂w₁ + relu(x1 − 1.6) (a kink past the draws’ magnitude 1.5)', YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + relu(x1 - 1.6)", 'w1'],
    ['x + relu(x − 40)', 'x', 'x + relu(x - 40)', undefined],
    ['x·y + relu(x·y − 30) (a kink of a product)', 'x*y', 'x*y + relu(x*y - 30)', undefined],
  ])('the other side of a kink of the answer that the draws do not reach: %s', (_, expected, answer, wrt) => {
    const r = check(expected, answer, wrt ? { wrt } : {});
    expect(r.verdict).toBe('incorrect');
  });

  it.each([
    ['+ sin(100πx₁)', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + sin(100*pi*x1)"],
    ['· cos(200πx₂)', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1*cos(200*pi*x2)"],
    ['+ sin(100πw₁)·sin(100πb₁)', "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + sin(100*pi*w1)*sin(100*pi*b1)"],
  ])('∂ŷ/∂w₁ %s, which vanishes (or is 1) wherever the variables have 2 decimals', (_, answer) => {
    const r = check(YHAT, answer, { wrt: 'w1' });
    expect(r.verdict).toBe('incorrect');
  });

  it('shows a counterexample at 2 decimals when the answer differs there too', () => {
    const r = check(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1 + 1 + sin(100*pi*x1)", { wrt: 'w1' });
    for (const v of Object.values(r.counterexample?.point ?? { none: NaN })) expect(Math.round(v * 100) / 100).toBe(v);
  });

  it('says "could not decide", not "correct", when a kink argument of the answer never takes both signs', () => {
    const r = check('x', 'x + relu(-1 - x^2)');
    expect(r.verdict).toBe('undecided');
    expect(r.feedback).toBe('Could not decide: −1 − x² < 0 at every test point, so the answers were not compared where it is > 0 (the other side of the kink of relu).');
  });

  it.each([200, 400, 1000])('does not take tiny values for equal ones: n(x+1)^(n−2) for ∂(x+1)^n/∂x, n = %i', (n) => {
    // Points keep the expected answer below 1e6, so |x + 1| < 1 and both sides are ≈ 1e-20 there:
    // under a fixed absolute floor of 1e-12 any two such values agreed.
    for (const answer of [`${n}*(x+1)^${n - 2}`, `${n}*(x+1)^${n}`, '0', `${n + 1}*(x+1)^${n - 1}`]) {
      const r = check(`(x+1)^${n}`, answer, { wrt: 'x' });
      expect(r.verdict, answer).not.toBe('correct');
    }
    // Nor do they make a mistake variant match: the missing inner derivative ·1 is not this mistake.
    const wrong = check(`(x+1)^${n}`, `${n}*(x+1)^${n - 2}`, { wrt: 'x' });
    expect(wrong.verdict).toBe('incorrect');
    expect(wrong.diagnosis).toBeUndefined();
    expect(wrong.feedback).toMatch(/^Not equal to the expected answer: at x = /);
    expect(check(`(x+1)^${n}`, `${n}*(1+x)^${n - 1}`, { wrt: 'x' }).verdict).toBe('correct');
    expect(check(`(x+1)^${n}`, `(x+1)^${n - 1}*${n}`, { wrt: 'x' }).verdict).toBe('correct');
  });

  it('compares values computed from tiny terms relatively, numerically too', () => {
    // exp(−40x²) is ≈ 1e-17 at |x| ≥ 1: not symbolically equal forms, so the numbers decide.
    expect(check('exp(-40*x^2)*x', 'exp(-40*x^2)*x*(1 + x^2/1000)').verdict).toBe('incorrect');
    expect(check('x^40/1000', '(x/2)^40*1099511627.776').verdict).toBe('correct');
    expect(check('x^40', '(x/2)^40*1099511627776*(1 + 1/10^6)').verdict).toBe('incorrect');
  });

  it('still accepts a 0 that comes out as float noise because terms cancel', () => {
    expect(check('[x, 0]', '[x, (x+1)^2 - x^2 - 2*x - 1]').verdict).toBe('correct');
    expect(check('0*x', '(x+y)^2 - x^2 - 2*x*y - y^2').verdict).not.toBe('incorrect');
    expect(check('x*y', 'x*y + sin(x)^2 + cos(x)^2 - 1').verdict).toBe('correct');
  });

  it('says "could not decide" when the values agree only at the noise level', () => {
    const r = check('(x+y)^2 - x^2 - 2*x*y - y^2 + 10^(-13)', '(x+y)^2 - x^2 - 2*x*y - y^2');
    expect(r.verdict).toBe('undecided');
    expect(r.feedback).toMatch(/^Could not decide: at \d+ of the 16 test points both answers are at the level of rounding noise/);
  });

  it('tells σ from σ′ because σ is several random smooth functions, consistent with their derivatives', () => {
    const r = check("sigma'(w*x)", 'sigma(w*x)');
    expect(r.counterexample?.functions?.sigma).toMatch(/^σ\(u\) = /);
  });
});

describe('shapes', () => {
  it('checks vectors and matrices entry by entry', () => {
    expect(check('[x*y, x + y]', '[y*x, y + x]').verdict).toBe('correct');
    const r = check('[x*y, x + y]', '[y*x, y - x]');
    expect(r.verdict).toBe('incorrect');
    expect(r.counterexample?.entry).toEqual([2, 1]);
  });

  it('says which shape was expected', () => {
    expect(check('x', '[x, x]').feedback).toBe('Expected a number, got a 2×1 column.');
    expect(check('[x, x]', 'x').feedback).toBe('Expected a 2×1 column, got a number.');
  });
});

describe('honesty', () => {
  it('says "could not decide" when the expected answer is defined nowhere it looks', () => {
    const r = check('log(-x^2 - 1)', '1');
    expect(r.verdict).toBe('undecided');
    expect(r.feedback).toMatch(/^Could not decide: found only 0 of 12 test points needed/);
  });

  it('says "could not decide" when even the verdict runs out of time (a clock that jumps 10 ms a call)', () => {
    let t = 0;
    // Right, but only the numbers can tell (the canonical forms differ).
    const answer = "(x1*w5 + x1*w5*x2)/(1 + x2)*sigma'(b1 + w2*x2 + w1*x1)";
    expect(check(YHAT, answer, { wrt: 'w1' })).toMatchObject({ verdict: 'correct', method: 'numeric' });
    // Budget 5 ms: optional work stops at 5 ms, the verdict at 50 ms, i.e. after 5 clock readings.
    const r = checkAnswer(YHAT, answer, { wrt: 'w1', timeBudgetMs: 5, now: () => (t += 10) });
    expect(r.verdict).toBe('undecided');
    expect(r.feedback).toMatch(/time budget ran out/);
    // How the answer was read is still given.
    expect(r.interpretedText).toBe("(x1*w5 + x1*w5*x2)*sigma'(b1 + w2*x2 + w1*x1)/(1 + x2)");
  });

  it('keeps the verdict when only the budget for optional work is spent (no diagnosis then)', () => {
    let t = 0;
    const r = checkAnswer(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)", { wrt: 'w1', timeBudgetMs: 20, now: () => (t += 1) });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosis).toBeUndefined();
    expect(r.feedback).toMatch(/^Not equal to the expected answer: at /);
  });

  it('by default, still diagnoses a check as slow as a cold first one on a loaded machine (120 ms)', () => {
    // The clock reads 0 when the check starts and 120 ms at every later reading. With the old
    // 50 ms default, the first check of a busy process lost its diagnosis (a flaky README example).
    let readings = 0;
    const r = checkAnswer(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b1)*x1', { wrt: 'w1', now: () => (readings++ === 0 ? 0 : 120) });
    expect(readings).toBeGreaterThan(1);
    expect(r.verdict).toBe('incorrect');
    expect(r.feedback).toMatch(/^σ where σ′ belongs/);
  });

  it('says that a space multiplies when [a b] (MATLAB’s row) gives the wrong shape, and only then', () => {
    const hint = 'In [a b] a space multiplies (a·b): separate the entries of a row with commas, as in [a, b; c, d].';
    expect(check('[x1*w1, x2]', '[x1 w1 x2]').feedback).toBe(`Expected a 2×1 column, got a number. ${hint}`);
    expect(check('[[x1, x2]]', '[x1 x2]').feedback).toBe(`Expected a 1×2 row, got a number. ${hint}`);
    // Read as meant, or written with commas: no hint.
    expect(check('[x1*w1; x2]', '[x1 w1; x2]').verdict).toBe('correct');
    expect(check('[x1, x2]', '[x1, x2, x1]').feedback).toBe('Expected a 2×1 column, got a 3×1 column.');
  });

  it('decides where σ, tanh or relu has a constant argument outside the live range (σ(−6) of a forward pass)', () => {
    // Before, the saturation rule asked every point to bring −6 within ±4, and no point could: "could not decide".
    expect(check('sigmoid(-6) + x', 'x + 1/(1 + exp(6))').verdict).toBe('correct');
    expect(check('w*tanh(29/7)', 'w*(1 - 2/(exp(58/7) + 1))').verdict).toBe('correct');
    expect(check('sigmoid(-6) + x', 'x + sigmoid(-5)').verdict).toBe('incorrect');
    expect(check('relu(-3) + x', 'x').verdict).toBe('correct');
  });

  it('is deterministic for a seed, and right for every seed', () => {
    const a = check(YHAT, "w5*sigma(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1', seed: 7 });
    const b = check(YHAT, "w5*sigma(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1', seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const seed of [1, 2, 3, 99, 2 ** 31]) {
      expect(check(YHAT, "x1*w5*sigma'(b1 + w2*x2 + w1*x1)", { wrt: 'w1', seed }).verdict).toBe('correct');
      expect(check(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)", { wrt: 'w1', seed }).verdict).toBe('incorrect');
    }
  });

  it('checks many answers against one prepared exercise with the same verdicts', () => {
    const problem = prepareCheck(YHAT, { wrt: 'w1' });
    for (const [answer, verdict] of [
      ["w5*sigma'(w1*x1 + w2*x2 + b1)*x1", 'correct'],
      ["w5*sigma'(w1*x1 + w2*x2 + b1)", 'incorrect'],
      ["x1*w5*sigma'(b1 + w2*x2 + w1*x1)", 'correct'],
      ['w5*x1*(', 'invalid'],
    ] as const) {
      expect(checkPrepared(problem, answer, OPTS).verdict).toBe(verdict);
    }
  });
});
