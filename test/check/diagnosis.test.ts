/**
 * Each class of common backprop mistake gets its own diagnosis, in the lecture's
 * notation, generated automatically from the correct answer and its derivation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnswer } from '../../src/check/check.js';
import type { CheckOptions, CheckResult, MistakeId } from '../../src/check/types.js';

const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';
const MSE = `1/2*(${YHAT} - y)^2`;
const OPTS: CheckOptions = { timeBudgetMs: 60_000 };

function diagnosed(expected: string, answer: string, options: CheckOptions = {}): CheckResult {
  const r = checkAnswer(expected, answer, { ...OPTS, ...options });
  expect(r.verdict).toBe('incorrect');
  // The feedback is the diagnosis when there is one.
  if (r.diagnosis) expect(r.feedback).toBe(r.diagnosis.message);
  return r;
}

function expectDiagnosis(r: CheckResult, id: MistakeId, message: string | RegExp): void {
  expect(r.diagnosis?.id).toBe(id);
  if (typeof message === 'string') expect(r.diagnosis?.message).toBe(message);
  else expect(r.diagnosis?.message).toMatch(message);
}

describe('chain rule', () => {
  it('a missing inner derivative: w5·σ′(z) for ∂ŷ/∂w₁', () => {
    const r = diagnosed(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)", { wrt: 'w1' });
    expectDiagnosis(r, 'missing-inner-derivative', 'Missing the inner derivative ∂z/∂w₁ = x₁ of z = w₁x₁ + w₂x₂ + b₁: by the chain rule, ∂σ(z)/∂w₁ = σ′(z)·∂z/∂w₁.');
  });

  it('the same in LaTeX, and without --wrt (the expected answer given directly)', () => {
    const latex = diagnosed(YHAT, "w_5 \\sigma'(w_1 x_1 + w_2 x_2 + b_1)", { wrt: 'w1' });
    expect(latex.diagnosis?.id).toBe('missing-inner-derivative');
    const direct = diagnosed("w5*sigma'(w1*x1 + w2*x2 + b1)*x1", "w5*sigma'(w1*x1 + w2*x2 + b1)");
    expectDiagnosis(direct, 'missing-inner-derivative', /^Missing the inner derivative ∂z\/∂w₁ = x₁ of z = w₁x₁ \+ w₂x₂ \+ b₁/);
  });

  it('a missing inner derivative deeper in the chain', () => {
    const r = diagnosed('sigma(w2*sigma(w1*x))', "sigma'(w2*sigma(w1*x))*w2*sigma'(w1*x)", { wrt: 'w1' });
    expectDiagnosis(r, 'missing-inner-derivative', /^Missing the inner derivative ∂z\/∂w₁ = x of z = w₁x/);
  });

  it('the placeholder is not one of the exercise’s variables: for v·σ(uw + z), "∂a/∂w = u of a = uw + z", never "of z = uw + z"', () => {
    const missing = diagnosed('v*sigma(u*w + z)', "v*sigma'(u*w + z)", { wrt: 'w' });
    expectDiagnosis(missing, 'missing-inner-derivative', 'Missing the inner derivative ∂a/∂w = u of a = uw + z: by the chain rule, ∂σ(a)/∂w = σ′(a)·∂a/∂w.');
    const direct = diagnosed("v*sigma'(u*w + z)*u", "v*sigma'(u*w + z)");
    expectDiagnosis(direct, 'missing-inner-derivative', 'Missing the inner derivative ∂a/∂w = u of a = uw + z: by the chain rule, ∂σ(a)/∂w = σ′(a)·∂a/∂w.');
    const formula = diagnosed('v*sigma(u*w + z)', 'v*sigma(u*w + z)*(1 - sigma(u*w + z))*u', { wrt: 'w' });
    expectDiagnosis(formula, 'sigmoid-derivative-formula', 'σ′(a) written as σ(a)(1 − σ(a)): that formula holds only for the logistic sigmoid; σ here is a general activation, so keep σ′(uw + z).');
    const fn = diagnosed('v*sigma(u*w + z)', 'v*sigma(u*w + z)*u', { wrt: 'w' });
    expectDiagnosis(fn, 'function-for-derivative', /^σ where σ′ belongs: ∂σ\(a\)\/∂w = σ′\(a\)·∂a\/∂w, with the derivative σ′\(uw \+ z\)/);
  });

  it('σ where σ′ belongs', () => {
    const r = diagnosed(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b1)*x1', { wrt: 'w1' });
    expectDiagnosis(r, 'function-for-derivative', /^σ where σ′ belongs: ∂σ\(z\)\/∂w₁ = σ′\(z\)·∂z\/∂w₁, with the derivative σ′\(w₁x₁ \+ w₂x₂ \+ b₁\)/);
  });

  it('sigmoid where its derivative belongs', () => {
    const r = diagnosed('sigmoid(z)*(1 - sigmoid(z))', 'sigmoid(z)');
    expectDiagnosis(r, 'function-for-derivative', 'sigmoid(z) where its derivative sigmoid(z)(1 − sigmoid(z)) belongs: the chain rule needs sigmoid′, not sigmoid itself.');
  });

  it('σ′ written as σ(1 − σ) for a general activation', () => {
    const r = diagnosed(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b1)*(1 - sigma(w1*x1 + w2*x2 + b1))*x1', { wrt: 'w1' });
    expectDiagnosis(r, 'sigmoid-derivative-formula', /^σ′\(z\) written as σ\(z\)\(1 − σ\(z\)\): that formula holds only for the logistic sigmoid/);
  });

  it.each([
    ["w5*sigmoid'(w1*x1 + w2*x2 + b1)*x1", 'sigmoid', 'the logistic sigmoid'],
    ['w5*sigmoid(w1*x1 + w2*x2 + b1)*(1 - sigmoid(w1*x1 + w2*x2 + b1))*x1', 'sigmoid', 'the logistic sigmoid'],
    ["w5*tanh'(w1*x1 + w2*x2 + b1)*x1", 'tanh', 'tanh'],
    // ReLU as the lecture and the key write it, not relu.
    ["w5*relu'(w1*x1 + w2*x2 + b1)*x1", 'ReLU', 'ReLU'],
  ])('a named activation for the general σ: %s', (answer, g, described) => {
    const r = diagnosed(YHAT, answer, { wrt: 'w1' });
    expectDiagnosis(
      r,
      'named-activation',
      `${g} where σ belongs: your answer is right if σ is ${described}, but σ here is a general activation (any differentiable function, with derivative σ′). Write σ(…) and σ′(…).`,
    );
  });

  it('says nothing of named activations where the exercise has none to replace, or the answer has another mistake too', () => {
    expect(diagnosed("sigmoid(w*x)", "sigmoid'(w*x)", { wrt: 'w' }).diagnosis?.id).not.toBe('named-activation');
    expect(diagnosed(YHAT, "w5*sigmoid'(w1*x1 + w2*x2 + b1)", { wrt: 'w1' }).diagnosis?.id).not.toBe('named-activation');
  });

  it('a missing ReLU′ in a ReLU net, and ReLU(z) for z is right on one side of the kink only (ReLU written as in the lecture)', () => {
    const r = diagnosed('w5*relu(w1*x1 + w2*x2 + b1) + b3', 'w5*x1', { wrt: 'w1' });
    expectDiagnosis(r, 'missing-activation-derivative', 'Missing ReLU′(w₁x₁ + w₂x₂ + b₁), the derivative of ReLU at its argument: the chain rule multiplies by it.');
    const kink = diagnosed('z', 'relu(z)');
    expectDiagnosis(kink, 'kink-branch', /^Right where z > 0, but not where z < 0: check that case\. ReLU′\(z\) is 0 for z ≤ 0/);
  });

  it('a kink in the wrong place, however close: ReLU′(z + δ) for ReLU′(z) (before: correct, the points keep 0.05 from every kink)', () => {
    const relu = "w5*relu'(w1*x1 + w2*x2 + b1)*x1";
    for (const [shift, shown] of [['+ 0.01', '+ 1/100'], ['- 0.001', '− 1/1000'], ['+ 1e-6', '+ 1/1000000']]) {
      const r = diagnosed(relu, `w5*relu'(w1*x1 + w2*x2 + b1 ${shift})*x1`);
      expect(r.verdict, shift).toBe('incorrect');
      expectDiagnosis(r, 'misplaced-kink', `The kink is in the wrong place: yours is where w₁x₁ + w₂x₂ + b₁ ${shown} = 0, the right one where w₁x₁ + w₂x₂ + b₁ = 0.`);
    }
    // The same kink written another way is the same kink.
    for (const same of ["x1*w5*relu'(b1 + w2*x2 + w1*x1)", "w5*relu'(2*(w1*x1 + w2*x2 + b1))*x1", "w5*relu'((w1*x1 + w2*x2 + b1)/3)*x1"]) {
      expect(checkAnswer(relu, same, OPTS).verdict, same).toBe('correct');
    }
  });

  it('ReLU′(z + δ) is incorrect for every shift δ, and ReLU′(cz) correct for every c > 0 (property)', () => {
    const relu = "w5*relu'(w1*x1 + w2*x2 + b1)*x1";
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.boolean(), (k, up) => {
        const delta = `${up ? '+' : '-'} ${k}/1000000`;
        expect(checkAnswer(relu, `w5*relu'(w1*x1 + w2*x2 + b1 ${delta})*x1`, OPTS).verdict, delta).toBe('incorrect');
      }),
      { numRuns: 25, seed: 7 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        expect(checkAnswer(relu, `w5*relu'(${a}/${b}*(w1*x1 + w2*x2 + b1))*x1`, OPTS).verdict).toBe('correct');
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('the chain-rule product in the reversed order: undefined, or defined but different', () => {
    const undef = diagnosed('[[1, -2, 1/4]] * [1, 2; 0, 1; -1, 0]', '[1, 2; 0, 1; -1, 0] * [[1, -2, 1/4]]');
    expectDiagnosis(undef, 'reversed-chain-order', /^Your answer is undefined: .*cannot multiply a 3×2 matrix by a 1×3 row \(2 columns but 1 row\)\. The chain-rule product is in the reversed order: ∂\(f∘g\)\/∂x = \(∂f\/∂g\)\(∂g\/∂x\)/);
    const square = diagnosed('[a, b; c, d] * [p, q; r, s]', '[p, q; r, s] * [a, b; c, d]');
    expectDiagnosis(square, 'reversed-chain-order', /^The chain-rule product is in the reversed order/);
  });

  it('the product rule as f′g′, or with one term', () => {
    expectDiagnosis(diagnosed('x*sin(x)', 'cos(x)', { wrt: 'x' }), 'product-rule', /^The product rule is \(fg\)′ = f′g \+ fg′, not f′g′/);
    expectDiagnosis(diagnosed('x*sin(x)', 'x*cos(x)', { wrt: 'x' }), 'product-rule', /Your answer has only the term where sin\(x\) is differentiated\.$/);
  });

  it('the power rule without the inner derivative, or without lowering the exponent', () => {
    expectDiagnosis(diagnosed('(w*x + 1)^3', '3*(w*x + 1)^2', { wrt: 'w' }), 'power-rule', /the factor ∂u\/∂w = x belongs in the product\.$/);
    expectDiagnosis(diagnosed('(w*x + 1)^3', '3*(w*x + 1)^3*x', { wrt: 'w' }), 'power-rule', /^The power rule lowers the exponent by one/);
    // Without the function, the dropped factor is still recognised as the chain factor.
    expectDiagnosis(diagnosed('3*(w*x + 1)^2*x', '3*(w*x + 1)^2', { wrt: [] }), 'missing-inner-derivative', /∂\(zⁿ\)\/∂w = n·zⁿ⁻¹·∂z\/∂w\.$/);
  });
});

describe('factors', () => {
  it('an extra factor', () => {
    expectDiagnosis(diagnosed(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1*w1", { wrt: 'w1' }), 'extra-factor', 'An extra factor w₁: without it, your answer would be right.');
  });

  it('a missing factor', () => {
    expectDiagnosis(diagnosed(YHAT, "sigma'(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1' }), 'missing-factor', 'Missing the factor w₅.');
  });

  it('reports which chain-rule factors are right', () => {
    const r = diagnosed(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b1)*x1', { wrt: 'w1' });
    expect(r.factors?.right.map((f) => f.unicode)).toEqual(['w₅', 'x₁']);
    expect(r.factors?.wrong.map((f) => f.unicode)).toEqual(['σ(w₁x₁ + w₂x₂ + b₁)']);
    expect(r.factors?.missing.map((f) => f.unicode)).toEqual(['σ′(w₁x₁ + w₂x₂ + b₁)']);
    expect(r.factors?.missing[0].text).toBe("sigma'(w1*x1 + w2*x2 + b1)");
    expect(r.factors?.missing[0].latex).toBe("\\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1})");
  });
});

describe('the squared error', () => {
  const withError = (rest: string): string => `(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*${rest}`;

  it('a dropped (ŷ − y) factor', () => {
    const r = diagnosed(MSE, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1' });
    expectDiagnosis(r, 'dropped-error-factor', /^Dropped the factor w₅σ\(w₁x₁ \+ w₂x₂ \+ b₁\) \+ w₆σ\(w₃x₁ \+ w₄x₂ \+ b₂\) \+ b₃ − y, which is ŷ − y: with f = ½\(ŷ − y\)², ∂f\/∂p = \(ŷ − y\)·∂ŷ\/∂p/);
    const short = diagnosed("(yhat - y)*w5*sigma'(z1)*x1", "w5*sigma'(z1)*x1");
    expectDiagnosis(short, 'dropped-error-factor', /^Dropped the factor ŷ − y: with f = ½\(ŷ − y\)²/);
  });

  it('names a missing factor in the abbreviations the answer uses: ŷ − y, not ŷ written out', () => {
    const r = diagnosed(MSE, "(y - yhat)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1', definitions: { yhat: YHAT } });
    expect(r.factors?.wrong.map((f) => f.unicode)).toEqual(['y − ŷ']);
    expect(r.factors?.missing.map((f) => f.unicode)).toEqual(['ŷ − y']);
    expect(r.factors?.missing[0].text).toBe('yhat - y');
    // An answer that writes ŷ out gets the factor written out.
    const long = diagnosed(MSE, `(y - (${YHAT}))*w5*sigma'(w1*x1 + w2*x2 + b1)*x1`, { wrt: 'w1', definitions: { yhat: YHAT } });
    expect(long.factors?.missing.map((f) => f.unicode)).toEqual(['w₅σ(w₁x₁ + w₂x₂ + b₁) + w₆σ(w₃x₁ + w₄x₂ + b₂) + b₃ − y']);
  });

  it('a stray ½ or 2', () => {
    expectDiagnosis(diagnosed(MSE, `1/2*${withError("w5*sigma'(w1*x1 + w2*x2 + b1)*x1")}`, { wrt: 'w1' }), 'stray-constant', /^A stray ½: the ½ of f_MSE = ½\(ŷ − y\)² cancels against the 2 from the power rule/);
    expectDiagnosis(diagnosed(MSE, `2*${withError("w5*sigma'(w1*x1 + w2*x2 + b1)*x1")}`, { wrt: 'w1' }), 'stray-constant', /^A stray factor 2: with f_MSE = ½\(ŷ − y\)², the ½ cancels the 2 from the power rule/);
  });

  it('another constant factor', () => {
    expectDiagnosis(diagnosed('x*exp(x)', '3*x*exp(x)'), 'constant-factor', 'Off by a constant factor: your answer is 3 times the right one.');
  });
});

describe('a constant factor holds for every entry, and is never 1', () => {
  it.each([
    ['[3; −2] for [0; 1] (−2 on the entry that is not 0, but 3 where 0 belongs)', '[0; 1]', '[3; -2]'],
    ['[[3/4, 2]] for [[3/4, 0]] (the ratio 1 on the one entry that is not 0)', '[[3/4, 0]]', '[[3/4, 2]]'],
    ['twice the Jacobian, but 5 where 0 belongs', '[2, 1; 0, pi; -1/x2, x1/x2^2]', '[4, 2; 5, 2*pi; -2/x2, 2*x1/x2^2]'],
  ])('not a multiple: %s', (_, expected, answer) => {
    const r = diagnosed(expected, answer);
    expect(r.diagnosis?.id).not.toBe('constant-factor');
    expect(r.diagnosis?.id).not.toBe('stray-constant');
    expect(r.diagnosis?.id).not.toBe('sign-error');
    expect(r.feedback).not.toMatch(/times the right one|stray factor|twice/);
  });

  it('still a multiple when the zero entries are zero in the answer too', () => {
    expectDiagnosis(diagnosed('[0; 1]', '[0; -2]'), 'constant-factor', 'Off by a constant factor: your answer is -2 times the right one.');
    expectDiagnosis(diagnosed('[2, 1; 0, pi; -1/x2, x1/x2^2]', '[4, 2; 0, 2*pi; -2/x2, 2*x1/x2^2]'), 'stray-constant', 'A stray factor 2: your answer is twice the right one.');
  });
});

describe('signs, terms and indices', () => {
  it('a sign error, in the whole answer or in one term (the update rule)', () => {
    expectDiagnosis(diagnosed(YHAT, "-w5*sigma'(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w1' }), 'sign-error', 'Sign error: your answer is the negative of the right one.');
    expectDiagnosis(diagnosed('w1 - epsilon*g1', 'w1 + epsilon*g1'), 'sign-error', 'Sign error in the term −εg₁.');
  });

  it('a missing path in a sum over paths, and an extra term', () => {
    const r = diagnosed(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*w1", { wrt: 'x1' });
    expectDiagnosis(r, 'missing-term', 'Missing the term w₆σ′(w₃x₁ + w₄x₂ + b₂)w₃: add one term for every path through which x₁ reaches the output.');
    expectDiagnosis(diagnosed('w5*x1 + b1*x2', 'w5*x1 + b1*x2 + w5'), 'extra-term', 'An extra term w₅: without it, your answer would be right.');
  });

  it('a sum over the wrong index: w₄ for w₃ (lecture naming), W⁽¹⁾₁₂ for W⁽¹⁾₂₁ (indexed)', () => {
    const lecture = diagnosed(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*w1 + w6*sigma'(w3*x1 + w4*x2 + b2)*w4", { wrt: 'x1' });
    expectDiagnosis(lecture, 'wrong-index', 'w₄ where w₃ belongs: check which weight connects these two neurons (is the sum over the right index?).');
    const net = 'W2_1_1*sigma(W1_1_1*x1 + W1_1_2*x2) + W2_1_2*sigma(W1_2_1*x1 + W1_2_2*x2)';
    const indexed = diagnosed(net, "W2_1_1*sigma'(W1_1_1*x1 + W1_1_2*x2)*W1_1_1 + W2_1_2*sigma'(W1_2_1*x1 + W1_2_2*x2)*W1_1_2", { wrt: 'x1' });
    expectDiagnosis(indexed, 'wrong-index', 'W⁽¹⁾₁₂ where W⁽¹⁾₂₁ belongs: the row and column indices are swapped, as when a sum runs over the wrong index (W instead of Wᵀ).');
  });

  it('the expansion of ŷ wired wrong: two weights or biases swapped, or one inside σ with the wrong index (before: only a counterexample)', () => {
    const swapped = diagnosed(YHAT, 'w5*sigma(w1*x1 + w3*x2 + b1) + w6*sigma(w2*x1 + w4*x2 + b2) + b3');
    expectDiagnosis(swapped, 'wrong-index', 'w₂ and w₃ are swapped: check which weight connects which two neurons.');
    const outer = diagnosed(YHAT, 'w6*sigma(w1*x1 + w2*x2 + b1) + w5*sigma(w3*x1 + w4*x2 + b2) + b3');
    expectDiagnosis(outer, 'wrong-index', 'w₅ and w₆ are swapped: check which weight connects which two neurons.');
    const biases = diagnosed(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b2) + w6*sigma(w3*x1 + w4*x2 + b1) + b3');
    expectDiagnosis(biases, 'wrong-index', 'b₁ and b₂ are swapped: check which bias belongs to which neuron.');
    const bias = diagnosed(YHAT, 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b1) + b3');
    expectDiagnosis(bias, 'wrong-index', 'b₁ where b₂ belongs: each neuron adds its own bias.');
    const inside = diagnosed(YHAT, "w5*sigma'(w2*x1 + w1*x2 + b1)*x1", { wrt: 'w1' });
    expectDiagnosis(inside, 'wrong-index', 'w₁ and w₂ are swapped: check which weight connects which two neurons.');
  });
});

describe('Jacobians and transposes', () => {
  it('the lecture’s 3×2 Jacobian given as 2×3: transposed', () => {
    const r = diagnosed('[2, 1; 0, pi; -1/x2, x1/x2^2]', '[2, 0, -1/x2; 1, pi, x1/x2^2]');
    expectDiagnosis(r, 'transposed-jacobian', 'Expected a 3×2 matrix, got a 2×3 matrix: did you transpose the Jacobian? Rows are the outputs f₁…f₃ and columns the inputs (x₁…x₂); entry (i, j) is ∂fᵢ/∂xⱼ.');
    const latex = diagnosed('[2*x1 + x2, pi*x2, -x1/x2]', '\\begin{bmatrix} 2 & 0 & -1/x_2 \\\\ 1 & \\pi & x_1/x_2^2 \\end{bmatrix}', { wrt: ['x1', 'x2'] });
    expect(latex.diagnosis?.id).toBe('transposed-jacobian');
  });

  it('a transposed Jacobian in other variables names them: columns the inputs (u₁…u₂), ∂fᵢ/∂uⱼ', () => {
    const r = diagnosed('[u1 + 2*u2, u2, 3*u1, u1*u2]', '[1, 0, 3, u2; 2, 1, 0, u1]', { wrt: ['u1', 'u2'] });
    expectDiagnosis(r, 'transposed-jacobian', 'Expected a 4×2 matrix, got a 2×4 matrix: did you transpose the Jacobian? Rows are the outputs f₁…f₄ and columns the inputs (u₁…u₂); entry (i, j) is ∂fᵢ/∂uⱼ.');
  });

  it('a square Jacobian transposed, and the gradient (a column) for the Jacobian (a row)', () => {
    expectDiagnosis(diagnosed('[x1*x2, x1; x2, 1]', '[x1*x2, x2; x1, 1]'), 'transposed-jacobian', /^Your matrix is the transpose of the right one/);
    expectDiagnosis(diagnosed('x1 - 2*x2', '[1, -2]', { wrt: ['x1', 'x2'] }), 'transposed-jacobian', /^Expected a 1×2 row, got a 2×1 column: .*the Jacobian ∂f\/∂x is a row \(1×m\), the transpose of the gradient/);
  });

  it('W where Wᵀ belongs, and Wᵀ where W belongs', () => {
    expectDiagnosis(diagnosed('transpose([w1, w2; w3, w4])*[d1, d2]', '[w1, w2; w3, w4]*[d1, d2]'), 'missing-transpose', 'W where Wᵀ belongs: use the transpose [w₁ w₂; w₃ w₄]ᵀ, not [w₁ w₂; w₃ w₄].');
    const latex = diagnosed('\\begin{bmatrix} w_1 & w_2 \\\\ w_3 & w_4 \\end{bmatrix}^{\\top} \\begin{bmatrix} d_1 \\\\ d_2 \\end{bmatrix}', '\\begin{bmatrix} w_1 & w_2 \\\\ w_3 & w_4 \\end{bmatrix} \\begin{bmatrix} d_1 \\\\ d_2 \\end{bmatrix}');
    expect(latex.diagnosis?.id).toBe('missing-transpose');
    expectDiagnosis(diagnosed('[w1, w2; w3, w4]*[d1, d2]', 'transpose([w1, w2; w3, w4])*[d1, d2]'), 'extra-transpose', 'Wᵀ where W belongs: use [w₁ w₂; w₃ w₄], not its transpose [w₁ w₂; w₃ w₄]ᵀ.');
  });
});

describe('no recognised mistake', () => {
  it('gives a counterexample with both values', () => {
    const r = diagnosed('x*exp(x)', 'x + exp(x)');
    expect(r.diagnosis).toBeUndefined();
    expect(r.counterexample).toBeDefined();
    const c = r.counterexample!;
    expect(Object.keys(c.point)).toEqual(['x']);
    expect(c.expected).toBeCloseTo(c.point.x * Math.exp(c.point.x), 9);
    expect(c.answer).toBeCloseTo(c.point.x + Math.exp(c.point.x), 9);
    expect(r.feedback).toMatch(/^Not equal to the expected answer: at x = -?[\d.]+, the expected value is [−\d.]+ but yours is [−\d.]+\.$/);
  });

  it('says when σ stands for random functions, and how each was drawn', () => {
    const r = diagnosed("sigma'(w*x)*x", "sigma'(w*x)*w + x");
    expect(r.feedback).toMatch(/\(σ stands for a random smooth function here: the answer must hold for every one\)\.$/);
    expect(r.counterexample?.functions?.sigma).toMatch(/^σ\(u\) = /);
  });
});

describe('words', () => {
  it('"an 8×1 column", not "a 8×1 column"', () => {
    expect(diagnosed('[1; 2; 3; 4; 5; 6; 7; 8; 9]', '[1; 2; 3; 4; 5; 6; 7; 8]').feedback).toBe('Expected a 9×1 column, got an 8×1 column.');
    expect(diagnosed('[1; 2]', '[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]').feedback).toBe('Expected a 2×1 column, got a 1×11 row.');
    expect(diagnosed('[[1, 2]]', '[1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11]').feedback).toBe('Expected a 1×2 row, got an 11×1 column.');
  });

  it('an input with the wrong index is not called a weight: "x₁ where x₂ belongs: check the index."', () => {
    const r = diagnosed("w5*sigma'(w1*x1 + w2*x2 + b1)*x2", "w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expectDiagnosis(r, 'wrong-index', 'x₁ where x₂ belongs: check the index.');
  });
});

describe('a counterexample of numbers', () => {
  it('names the entry, not a point: no variable means no point ("in entry 3", not "at every point, entry (3, 1)")', () => {
    expect(diagnosed('[1; -2; 1/4]', '[1; -2; 4]').feedback).toBe('Not equal to the expected answer: in entry 3, the expected value is 0.25 but yours is 4.');
    expect(diagnosed('[[1, -2, 1/4]]', '[[1, -2, 4]]').feedback).toBe('Not equal to the expected answer: in entry 3, the expected value is 0.25 but yours is 4.');
    expect(diagnosed('[1, 2; 3, 4]', '[1, 2; 3, 5]').feedback).toBe('Not equal to the expected answer: in entry (2, 2), the expected value is 4 but yours is 5.');
  });

  it('a vector’s entry with variables is named by its position, as the sign-error diagnosis names it', () => {
    expect(diagnosed('[x; x^2; x^3]', '[x; x^2; x^4]').feedback).toMatch(/^Not equal to the expected answer: at x = −?[\d.]+, entry 3 the expected value is /);
  });

  it('says σ stands for random functions only when an answer calls it: not for ∂ŷ/∂b₃ = 1 answered 0', () => {
    const r = diagnosed(YHAT, '0', { wrt: 'b3' });
    expect(r.feedback).toBe('Not equal to the expected answer: the expected value is 1 but yours is 0.');
    expect(r.counterexample?.functions).toBeUndefined();
  });
});

describe('a transpose where a derivative mark was meant', () => {
  it("sigma(z)' is read as a transpose, and the feedback says so (σ where σ′ belongs)", () => {
    const r = checkAnswer(YHAT, "w5*sigma(w1x1+w2x2+b1)'*x1", { ...OPTS, wrt: 'w1' });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosis?.id).toBe('function-for-derivative');
    expect(r.feedback).toBe(`${r.diagnosis?.message} ' after ')' is read as a transpose; write σ′ as sigma'(…).`);
    // σ′(z)' meant σ″; f(x)' for a function named f.
    expect(checkAnswer("sigma''(z)", "sigma'(z)'", OPTS).feedback).toMatch(/ ' after '\)' is read as a transpose; write σ″ as sigma''\(…\)\.$/);
    expect(checkAnswer("f'(x)", "f(x)'", OPTS).feedback).toMatch(/ ' after '\)' is read as a transpose; write f′ as f'\(…\)\.$/);
  });

  it('says nothing when the transpose is of a matrix, or the answer is right anyway', () => {
    expect(checkAnswer('[x, y]', "[[y, x]]'", OPTS).feedback).not.toMatch(/read as a transpose/);
    expect(checkAnswer('[x; y]', "relu([[x, y]])'", OPTS).feedback).not.toMatch(/read as a transpose/);
    expect(checkAnswer('sigma(x)', "sigma(x)'", OPTS).feedback).toBe('Correct.');
  });
});

describe('a single entry with the wrong sign, the partial for another variable', () => {
  it('names the entry of a matrix or vector whose sign is wrong, and only when exactly that entry is', () => {
    const J = '[2*x1 + x2, pi*x2, -x1/x2]';
    expectDiagnosis(diagnosed(J, '[2, 1; 0, pi; -1/x2, -x1/x2^2]', { wrt: ['x1', 'x2'] }), 'sign-error', 'Entry (3, 2) has the wrong sign.');
    expectDiagnosis(diagnosed(J, '[2, 1; 0, -pi; -1/x2, x1/x2^2]', { wrt: ['x1', 'x2'] }), 'sign-error', 'Entry (2, 2) has the wrong sign.');
    expectDiagnosis(diagnosed('[x*y, x + y, 3]', '[x*y, x + y, -3]'), 'sign-error', 'Entry 3 has the wrong sign.');
    // Two entries wrong: not one entry's sign.
    expect(diagnosed(J, '[2, 1; 0, -pi; -1/x2, -x1/x2^2]', { wrt: ['x1', 'x2'] }).diagnosis?.message ?? '').not.toMatch(/^Entry/);
  });

  it('names the partial for another variable: ∂ŷ/∂w₁ given for ∂ŷ/∂w₃ (with --wrt: ∂f)', () => {
    const r = diagnosed(YHAT, "w5*sigma'(w1*x1 + w2*x2 + b1)*x1", { wrt: 'w3' });
    expectDiagnosis(r, 'other-partial', 'This is ∂f/∂w₁, not ∂f/∂w₃.');
    expectDiagnosis(diagnosed(YHAT, 'sigma(w3*x1 + w4*x2 + b2)', { wrt: 'w3' }), 'other-partial', 'This is ∂f/∂w₆, not ∂f/∂w₃.');
    // ∂ŷ/∂b₂ for ∂ŷ/∂w₃ is also the missing inner derivative x₁: the derivation's diagnosis comes first.
    expect(diagnosed(YHAT, "w6*sigma'(w3*x1 + w4*x2 + b2)", { wrt: 'w3' }).diagnosis?.id).toBe('missing-inner-derivative');
  });
});
