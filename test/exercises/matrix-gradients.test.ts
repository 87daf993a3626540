import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/text.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

const NET = { layers: [2, 2, 1], activation: 'sigma' };
const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

describe('matrix-gradients: ∇_{W⁽ˡ⁾} f and ∇_{b⁽ˡ⁾} f of the XOR net', () => {
  const ex = generate('matrix-gradients', NET);

  it('answers in the lecture\'s order, each with its closed form as a note', () => {
    expect(ex.answers.map((a) => a.id)).toEqual(['W1', 'W2', 'b1', 'b2']);
    expect(ex.answers.map((a) => a.notes?.[0])).toEqual([
      '\\nabla_{\\mathbf{W}^{(1)}} f = \\boldsymbol{\\delta}^{(1)} \\mathbf{x}^{\\top}',
      '\\nabla_{\\mathbf{W}^{(2)}} f = \\boldsymbol{\\delta}^{(2)} \\mathbf{h}^{(1)\\top}',
      '\\nabla_{\\mathbf{b}^{(1)}} f = \\boldsymbol{\\delta}^{(1)}',
      '\\nabla_{\\mathbf{b}^{(2)}} f = \\boldsymbol{\\delta}^{(2)}',
    ]);
  });

  it('entry by entry, the lecture\'s [∂f/∂w1 ∂f/∂w2; ∂f/∂w3 ∂f/∂w4]', () => {
    const W1 = ex.answers[0].value;
    expect(W1.kind === 'matrix' && [W1.rows, W1.cols]).toEqual([2, 2]);
    expect(W1.kind === 'matrix' && toText(W1.entries[0])).toBe(`w5*(${YHAT} - y)*sigma'(w1*x1 + w2*x2 + b1)*x1`);
    expect(answerText(ex, 'b2')).toBe(`[[${YHAT} - y]]`);
    expect(answerText(ex, 'W2')).toBe(`[[(${YHAT} - y)*sigma(w1*x1 + w2*x2 + b1), (${YHAT} - y)*sigma(w3*x1 + w4*x2 + b2)]]`);
  });

  it('the steps derive δ⁽²⁾ = ŷ − y and δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾) by the Jacobian chain rule', () => {
    const latex = ex.steps.map((s) => s.latex);
    expect(latex).toContain('\\boldsymbol{\\delta}^{(2)} = \\hat{\\mathbf{y}} - \\mathbf{y}');
    expect(latex).toContain("\\boldsymbol{\\delta}^{(1)} = \\left(\\mathbf{W}^{(2)\\top} \\boldsymbol{\\delta}^{(2)}\\right) \\odot \\sigma'(\\mathbf{z}^{(1)})");
    expect(ex.steps.map((s) => s.rule)).toContain('chain-rule');
    expect(ex.steps.filter((s) => s.answerId === 'W1').map((s) => s.rule)).toEqual(['outer-product', undefined]);
  });

  it('restates a gradient whole in its last step only when it fits on a line; a wide one is the answer\'s, entry by entry', () => {
    const last = (id: string): { becauseLatex: string; latex: string } => ex.steps.filter((s) => s.answerId === id).at(-1)!;
    for (const id of ['W1', 'W2', 'b1']) {
      expect(last(id).latex, id).toBe('');
      expect(last(id).becauseLatex, id).toMatch(/as the answer above sets them out one by one\.$/);
    }
    expect(last('b2').latex).toMatch(/^\\nabla_\{\\mathbf\{b\}\^\{\(2\)\}\} f = \\begin\{bmatrix\}/);
  });

  it('verifies entry by entry against the scalar partials; a slip fails, naming the gradient', () => {
    expectVerified(ex);
    for (const id of ['W1', 'b2']) expect(verify(corrupt(ex, id)).failures.map((f) => f.answerId)).toEqual([id]);
  });

  it("the instructor's answer is used and verified; a wrong one (δ⁽¹⁾xᵀ transposed) fails", () => {
    const b2 = `[[-y + ${YHAT}]]`;
    const own = generate('matrix-gradients', NET, 1, { b2 });
    expect(own.answers[3].fromSpec).toBe(true);
    expectVerified(own);
    const W1 = ex.answers[0].value;
    if (W1.kind !== 'matrix') throw new Error('W1 is a matrix');
    const [a, b, c, d] = W1.entries.map(toText);
    const wrong = verify(generate('matrix-gradients', NET, 1, { W1: `[${a}, ${c}; ${b}, ${d}]` }));
    expect(wrong.failures.map((f) => f.answerId)).toEqual(['W1']);
  });
});

describe('matrix-gradients: random networks', () => {
  const variants: Record<string, unknown>[] = [{}, { difficulty: 'medium' }, { difficulty: 'hard' }, { activation: 'identity', naming: 'indexed' }, { activation: 'tanh', layers: [1, 2, 2] }];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('matrix-gradients', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    expect(fingerprint(generate('matrix-gradients', {}, 8))).toBe(fingerprint(generate('matrix-gradients', {}, 8)));
    const keys = new Set(Array.from({ length: 12 }, (_, s) => answerText(generate('matrix-gradients', {}, s + 1), 'W1')));
    expect(keys.size).toBeGreaterThan(3);
  });
});

describe('matrix-gradients: bad params name the field', () => {
  it.each([
    ['layers: [2, 5, 1]', 'exercises[0].params.layers'],
    ['activation: [relu]', 'exercises[0].params.activation'],
    ['form: scalar', "unknown field 'form'"],
  ])('%s', (yaml, field) => {
    const e = specError('matrix-gradients', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
