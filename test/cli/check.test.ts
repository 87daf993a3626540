/**
 * `gradsheet check`: the CLI contract (json {"verdict","interpreted","feedback","counterexample"?},
 * exit 0 correct, 1 incorrect, 2 unreadable input) and its text and LaTeX output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/render/assets.js';
import { expectInputError, gradsheet } from './capture.js';


const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

describe('gradsheet check', () => {
  it('exit 0 for a correct answer in another form; json starts with the contract’s fields', async () => {
    const r = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "x1*w5*sigma'(b1 + w2*x2 + w1*x1)", '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 4)).toEqual(['verdict', 'interpreted', 'interpretedText', 'feedback']);
    expect(out).toMatchObject({ verdict: 'correct', interpreted: "x_{1} w_{5} \\sigma'(b_{1} + w_{2} x_{2} + w_{1} x_{1})", feedback: 'Correct.' });
    expect(out.counterexample).toBeUndefined();
  });

  it('exit 1 for a wrong answer, with the diagnosis, the counterexample and the factors', async () => {
    const r = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1)", '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.verdict).toBe('incorrect');
    expect(out.syntax).toBe('latex');
    expect(out.diagnosis.id).toBe('missing-inner-derivative');
    expect(out.feedback).toBe(out.diagnosis.message);
    expect(Object.keys(out.counterexample.point)).toEqual(['b1', 'w1', 'w2', 'w5', 'x1', 'x2']);
    expect(typeof out.counterexample.expected).toBe('number');
    expect(out.factors.missing.map((f: { unicode: string }) => f.unicode)).toEqual(['x₁']);
  });

  it('text output: how the answer was read, the verdict, the factors', async () => {
    const r = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1)");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "interpreted as: w5*sigma'(w1*x1 + w2*x2 + b1)",
        'incorrect: Missing the inner derivative ∂z/∂w₁ = x₁ of z = w₁x₁ + w₂x₂ + b₁: by the chain rule, ∂σ(z)/∂w₁ = σ′(z)·∂z/∂w₁.',
        'factors right: w₅, σ′(w₁x₁ + w₂x₂ + b₁); wrong: none; missing: x₁',
      ].join('\n'),
    );
  });

  it('exit 2 for an unreadable answer, with the verdict and its column on stdout', async () => {
    const r = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "w5*sigma'(w1*x1+", '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'invalid',
      interpreted: '',
      feedback: "column 17: unexpected end of input; '(' at column 4 is not closed",
      error: { column: 17 },
    });
  });

  it('exit 2 for an unreadable answer in text (and LaTeX) output: one line on stderr naming --answer and the column, nothing on stdout', async () => {
    expectInputError(await gradsheet('check', '--expected', 'x^2', '--wrt', 'x', '--answer', '2x('), "--answer: column 4: unexpected end of input; '(' at column 3 is not closed");
    expectInputError(
      await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "w5*sigma'(w1*x1+", '--format', 'latex'),
      "--answer: column 17: unexpected end of input; '(' at column 4 is not closed",
    );
    const unknown = await gradsheet('check', '--expected', 'x^2', '--wrt', 'x', '--answer', 'qq + 1');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^gradsheet: --answer: [^\n]+$/);
  });

  it('the lecture’s Jacobian, transposed', async () => {
    const r = await gradsheet('check', '--expected', '[2*x1 + x2, pi*x2, -x1/x2]', '--wrt', 'x1,x2', '--answer', '[2, 0, -1/x2; 1, pi, x1/x2^2]');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(/^incorrect: Expected a 3×2 matrix, got a 2×3 matrix: did you transpose the Jacobian\?/);
  });

  it('LaTeX output, abbreviations and a seed', async () => {
    const r = await gradsheet('check', '--expected', YHAT, '--wrt', 'b1', '--answer', "w5*sigma'(z1)", '--define', 'z1=w1*x1 + w2*x2 + b1', '--seed', '7', '--format', 'latex');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("w_{5} \\sigma'(z_{1})\n% correct: Correct.");
  });

  it('an abbreviation defined as the answer writes it: --define "z₁=…" and --define "z_{1}=…" are z1', async () => {
    const unicode = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', 'w5 σ′(z₁) x₁', '--define', 'z₁=w₁x₁+w₂x₂+b₁');
    expect(unicode.stderr).toBe('');
    expect(unicode.code).toBe(0);
    const latex = await gradsheet('check', '--expected', YHAT, '--wrt', 'w1', '--answer', "w_5 \\sigma'(z_{1})", '--define', 'z_{1}=w_1 x_1 + w_2 x_2 + b_1');
    expect(latex.code).toBe(1);
    expect(latex.stdout).toContain('factors right: w₅, σ′(z₁); wrong: none; missing: x₁');
  });

  it('an answer starting with a minus sign is the answer, not a flag', async () => {
    const r = await gradsheet('check', '--expected', 'x^2', '--wrt', 'x', '--answer', '-2*x');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('incorrect: Sign error: your answer is the negative of the right one.');
  });

  it('bad flags and a bad expected answer: exit 2, one line on stderr', async () => {
    expectInputError(await gradsheet('check', '--answer', 'x'), '--expected EXPR is required: the expected answer (or, with --wrt, the function)');
    expectInputError(await gradsheet('check', '--expected', 'x'), "--answer EXPR is required: the student's answer");
    expectInputError(await gradsheet('check', '--expected', 'w5*sigma(', '--answer', 'x'), "--expected: column 10: unexpected end of input; '(' at column 9 is not closed");
    expectInputError(await gradsheet('check', '--expected', 'x', '--answer', 'x', '--seed', 'abc'), '--seed abc: expected a whole number from 0 to 4294967295');
    expectInputError(await gradsheet('check', '--expected', 'x', '--answer', 'x', '--define', 'z'), '--define z: expected NAME=EXPR, e.g. --define "z1=w1*x1 + w2*x2 + b1"');
    expectInputError(await gradsheet('check', '--expected', 'x', '--answer', 'x', '--define', 'z=('), "--define z: column 2: unexpected end of input; '(' at column 1 is not closed");
  });
});

describe('an expected answer with no value anywhere', () => {
  const noValue = (text: string): string => `--expected: ${text} has no finite value at any point tried (x from −10⁶ to 10⁶), so no answer can be checked against it`;

  it.each([
    // Before: "undecided: Could not decide: found only 0 of 12 test points needed …", exit 1.
    ['1/(x-x)', 'x', '1/(x - x)'],
    ['log(-(x^2)-1)', 'x', 'log(-x^2 - 1)'],
    ['sqrt(-1-x^2)', 'x', 'sqrt(-1 - x^2)'],
    // Before: "Correct.", exit 0 (the symbolic pass matched it with itself).
    ['1/(x-x)', '1/(x-x)', '1/(x - x)'],
  ])('--expected %s --answer %s is bad input: exit 2, naming it', async (expected, answer, text) => {
    expectInputError(await gradsheet('check', '--expected', expected, '--answer', answer), noValue(text));
  });

  it('with --wrt, the function is the input: it needs a value even when its derivative has one', async () => {
    // Before: "incorrect: An extra term x: without it, your answer would be right." (∂/∂x of 1/(x − x) simplified to 0), exit 1.
    expectInputError(await gradsheet('check', '--expected', '1/(x-x)', '--wrt', 'x', '--answer', 'x'), noValue('1/(x - x)'));
    // Before: "incorrect: … the expected value is 0.997716 but yours is 1.07", exit 1: −2x/(−x² − 1) has values.
    expectInputError(await gradsheet('check', '--expected', 'log(-(x^2)-1)', '--wrt', 'x', '--answer', 'x'), noValue('log(-x^2 - 1)'));
  });

  it('names the entry of a vector', async () => {
    expectInputError(
      await gradsheet('check', '--expected', '[y, 1/(x-x)]', '--answer', '[y, x]'),
      '--expected: entry 2, 1/(x - x), has no finite value at any point tried (x from −10⁶ to 10⁶), so no answer can be checked against it',
    );
  });

  it("a student's answer with no value is only wrong: exit 1, and the feedback says so", async () => {
    const r = await gradsheet('check', '--expected', 'x', '--answer', 'log(-(x^2)-1)');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('incorrect: Not equal to the expected answer: at x = 1.07, the expected value is 1.07 but yours is undefined.');
  });

  it('one defined only where the test points do not go is undecided, as before (exit 1)', async () => {
    const r = await gradsheet('check', '--expected', 'log(x - 100)', '--answer', 'x');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(/^undecided: Could not decide: found only 0 of 12 test points needed/);
  });
});

/** The lecture's worksheet: `gradsheet check SPEC --exercise ID`, as a student checks homework. */
const LECTURE = join(packageRoot(), 'worksheets', 'lecture.yaml');

/** Exit code and verdict line (the line after "interpreted as") of checking an answer to an exercise of the lecture's sheet. */
async function verdictLine(id: string, answer: string): Promise<[number, string]> {
  const r = await gradsheet('check', LECTURE, '--exercise', id, '--answer', answer);
  return [r.code, r.stdout.split('\n')[1]];
}

describe('gradsheet check SPEC --exercise ID: answers a student writes', () => {
  it('the expansion of ŷ with the hidden biases left out is told so, one or both (before: only a counterexample)', async () => {
    expect(await verdictLine('expansion', 'w5*sigma(w1*x1+w2*x2) + w6*sigma(w3*x1+w4*x2) + b3')).toEqual([
      1,
      'incorrect: The biases b₁ and b₂ are left out: each hidden neuron adds its own bias to its weighted inputs, inside σ.',
    ]);
    expect(await verdictLine('expansion', 'w_5 \\sigma(w_1 x_1 + w_2 x_2 + b_1) + w_6 \\sigma(w_3 x_1 + w_4 x_2) + b_3')).toEqual([
      1,
      'incorrect: The bias b₂ is left out: each hidden neuron adds its own bias to its weighted inputs, inside σ.',
    ]);
  });

  it('the expansion of ŷ with the hidden biases added after σ, or to the output, is told so (before: only a counterexample)', async () => {
    expect(await verdictLine('expansion', 'w5*(sigma(w1*x1+w2*x2)+b1) + w6*(sigma(w3*x1+w4*x2)+b2) + b3')).toEqual([
      1,
      "incorrect: The biases b₁ and b₂ are added after σ; each goes inside σ, with its neuron's weighted inputs.",
    ]);
    expect(await verdictLine('expansion', 'w5*sigma(w1*x1+w2*x2) + w6*sigma(w3*x1+w4*x2) + b1 + b2 + b3')).toEqual([
      1,
      "incorrect: The biases b₁ and b₂ are added to the output; each goes inside σ, with its neuron's weighted inputs.",
    ]);
  });

  it('f∘g(x) may keep the x₂ terms that cancel: g takes x₁ and x₂, so x₂ is one of the exercise’s variables', async () => {
    const right = await gradsheet('check', LECTURE, '--exercise', 'jacobian-chain.fg', '--answer', 'x_1 + 2x_2 - 2x_2 + \\frac{-x_1+3}{4}');
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    const wrong = await gradsheet('check', LECTURE, '--exercise', 'jacobian-chain.fg', '--answer', 'x1 + 2*x2 + (3 - x1)/4');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/\nincorrect: /);
  });

  it('the gradients in matrix form may write ŷ, which their prompt’s cost f = ½(ŷ − y)² gives, as the MSE partials may', async () => {
    const b1 = "\\begin{bmatrix} w_5 (\\hat{y}-y) \\sigma'(w_1x_1+w_2x_2+b_1) \\\\ w_6 (\\hat{y}-y) \\sigma'(w_3x_1+w_4x_2+b_2) \\end{bmatrix}";
    const right = await gradsheet('check', LECTURE, '--exercise', 'matrix-gradients.b1', '--answer', b1);
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/^Correct\. \(read ŷ as the network’s output w₅σ\(w₁x₁ \+ w₂x₂ \+ b₁\) \+ w₆σ\(w₃x₁ \+ w₄x₂ \+ b₂\) \+ b₃\)$/m);
    expect((await gradsheet('check', LECTURE, '--exercise', 'matrix-gradients.b2', '--answer', 'yhat - y')).code).toBe(0);
    const doubled = await gradsheet('check', LECTURE, '--exercise', 'matrix-gradients.b2', '--answer', '2(\\hat{y} - y)');
    expect(doubled.code).toBe(1);
    expect(doubled.stdout).toMatch(/\nincorrect: A stray factor 2/);
  });

  it('a transposed answer is told what its rows and columns are: ∇ with respect to W⁽²⁾ has W⁽²⁾’s shape (a row), ∂g/∂x has the outputs of g as rows', async () => {
    expect(await verdictLine('matrix-gradients.W2', '[(yhat-y)*sigma(w1*x1+w2*x2+b1); (yhat-y)*sigma(w3*x1+w4*x2+b2)]')).toEqual([
      1,
      'incorrect: Expected a 1×2 row, got a 2×1 column: your answer is the transpose of the right one. The gradient with respect to W⁽²⁾ has the shape of W⁽²⁾, 1×2: each entry is the partial of f with respect to the entry of W⁽²⁾ in the same place.',
    ]);
    const w1 = "[w5*(yhat-y)*sigma'(w1*x1+w2*x2+b1)*x1, w6*(yhat-y)*sigma'(w3*x1+w4*x2+b2)*x1; w5*(yhat-y)*sigma'(w1*x1+w2*x2+b1)*x2, w6*(yhat-y)*sigma'(w3*x1+w4*x2+b2)*x2]";
    expect(await verdictLine('matrix-gradients.W1', w1)).toEqual([
      1,
      'incorrect: Your matrix is the transpose of the right one: the gradient with respect to W⁽¹⁾ has the shape of W⁽¹⁾, 2×2: each entry is the partial of f with respect to the entry of W⁽¹⁾ in the same place.',
    ]);
    expect(await verdictLine('jacobian-chain.dgdx', '[1, 0, -1; 2, 1, 0]')).toEqual([
      1,
      'incorrect: Expected a 3×2 matrix, got a 2×3 matrix: did you transpose the Jacobian? Rows are the outputs g₁…g₃ and columns the inputs (x₁…x₂); entry (i, j) is ∂gᵢ/∂xⱼ.',
    ]);
    // A gradient step's values written across in LaTeX: a list of values, whose order is what counts,
    // so the row is right (before: "the transpose of the right one"); in another order it is not.
    const across = '\\begin{bmatrix} 0.9 & 1.9 & 2.1 & 1.1 & 0.8 & -1.1 & -1.1 & -1.9 & -0.1 \\end{bmatrix}';
    expect(await verdictLine('gradient-step.updated', across)).toEqual([0, 'Correct. (read your row as the list of values, in order)']);
    const reordered = '\\begin{bmatrix} 1.9 & 0.9 & 2.1 & 1.1 & 0.8 & -1.1 & -1.1 & -1.9 & -0.1 \\end{bmatrix}';
    expect((await verdictLine('gradient-step.updated', reordered))[0]).toBe(1);
    // The gradient ∇ₓf of "Jacobian versus gradient" keeps the words that contrast it with the Jacobian.
    const grad = await gradsheet('check', LECTURE, '--exercise', 'jacobian-vs-gradient.grad', '--answer', '[[1, -2, 1/4]]');
    expect(grad.stdout).toContain('the Jacobian ∂f/∂x is a row (1×m), the transpose of the gradient ∇ₓf (a column).');
  });

  it('ReLU’s cases written as cases, a condition or a choice are read as ReLU′ and checked (before: exit 2, "cannot be checked")', async () => {
    const z = 'w1*x1 + w2*x2 + b1';
    const right = [
      "\\begin{cases} w_5 x_1 & w_1 x_1 + w_2 x_2 + b_1 > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
      "\\begin{cases} 0, & \\text{if } w_1 x_1 + w_2 x_2 + b_1 \\leq 0 \\\\ w_5 x_1, & \\text{if } w_1 x_1 + w_2 x_2 + b_1 > 0 \\end{cases}",
      `w5*x1*(${z} > 0)`,
      `${z} > 0 ? w5*x1 : 0`,
      'w₅x₁·(w₁x₁ + w₂x₂ + b₁ ≥ 0)',
    ];
    for (const answer of right) {
      const r = await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', answer);
      expect([r.code, r.stdout.split('\n')[1]], answer).toEqual([0, 'Correct.']);
    }
    expect((await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', right[0])).stdout.split('\n')[0]).toBe(`interpreted as: w5*x1*relu'(${z})`);
    // The sides swapped, and a wrong value on one side, are wrong, and said so.
    expect(await verdictLine('dyhat-dw1.relu', `w5*x1*(${z} < 0)`)).toEqual([1, 'incorrect: The two sides of the kink at w₁x₁ + w₂x₂ + b₁ = 0 are swapped: ReLU′(z) is 1 for z > 0 and 0 for z ≤ 0.']);
    expect((await verdictLine('dyhat-dw1.relu', "\\begin{cases} w_5 x_1 & w_1 x_1 + w_2 x_2 + b_1 > 0 \\\\ 1 & \\text{otherwise} \\end{cases}"))[1]).toMatch(
      /^incorrect: Right where w₁x₁ \+ w₂x₂ \+ b₁ > 0, but not where w₁x₁ \+ w₂x₂ \+ b₁ < 0/,
    );
    // Cases in words, as typed at midnight (before: exit 2 with a hint), are read too.
    const zLatex = 'w_1 x_1 + w_2 x_2 + b_1';
    for (const answer of [`w5*x1 if ${z} > 0 else 0`, `w5 x1 if ${z} > 0, 0 otherwise`, `0 if ${z} <= 0; w5*x1 if ${z} > 0`, `w5*x1 when ${z} > 0, else 0`, `w_5 x_1 \\text{ if } ${zLatex} > 0 \\text{ else } 0`, `w_5 x_1 \\quad \\text{if } ${zLatex} > 0,\\; 0 \\quad \\text{otherwise}`]) {
      const r = await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', answer);
      expect([r.code, r.stdout.split('\n')[0].startsWith('interpreted as: '), r.stdout.split('\n')[1]], answer).toEqual([0, true, 'Correct.']);
    }
    expect((await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', `w5*x1 if ${z} > 0 else 0`)).stdout.split('\n')[0]).toBe(`interpreted as: w5*x1*relu'(${z})`);
    expect(await verdictLine('dyhat-dw1.relu', `w5*x1 if ${z} < 0 else 0`)).toEqual([1, 'incorrect: The two sides of the kink at w₁x₁ + w₂x₂ + b₁ = 0 are swapped: ReLU′(z) is 1 for z > 0 and 0 for z ≤ 0.']);
    // A word of cases with no case to belong to: exit 2 says how to write them.
    expectInputError(
      await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', `w5*x1 otherwise`),
      "--answer: column 7: 'otherwise': write cases as w5*x1 if z > 0 else 0, as w5*x1*(z > 0), or in LaTeX as \\begin{cases} w_5 x_1 & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
    );
    // The indicator 𝟙[z > 0], in LaTeX (before: exit 2, "write ReLU′(z)").
    const indicator = await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', 'w_5 x_1 \\mathbb{1}[w_1 x_1 + w_2 x_2 + b_1 > 0]');
    expect([indicator.code, indicator.stdout.split('\n')[1]]).toEqual([0, 'Correct.']);
    expectInputError(
      await gradsheet('check', LECTURE, '--exercise', 'dyhat-dw1.relu', '--answer', 'w_5 x_1 \\mathbb{1}[w_1 x_1]'),
      '--answer: column 27: \\mathbb{1} takes a condition, as in \\mathbb{1}[z > 0]',
    );
  });

  it('the chain-rule exercise names no function f: another variable’s partial is ∂(vσ(uw + z))/∂u, not ∂f/∂u', async () => {
    const r = await gradsheet('check', LECTURE, '--exercise', 'chain-rule', '--answer', "v \\sigma'(uw+z) w");
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('incorrect: This is ∂(vσ(uw + z))/∂u, not ∂(vσ(uw + z))/∂w.');
  });
});

describe('exit codes', () => {
  it('a negative verdict is the run\'s own exit code: the next run starts from 0, and the process is untouched', async () => {
    const wrong = await gradsheet('check', '--expected', 'x^2', '--wrt', 'x', '--answer', 'x');
    expect(wrong.code).toBe(1);
    const right = await gradsheet('check', '--expected', 'x^2', '--wrt', 'x', '--answer', '2*x');
    expect(right.code).toBe(0);
    expect(process.exitCode).toBeUndefined();
  });
});
