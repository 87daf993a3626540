import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify, expectTypesets } from './kind-harness.js';

describe('jacobian-vs-gradient: f(x) = x1 − 2x2 + x3/4 (the chain-rule example\'s f)', () => {
  const ex = generate('jacobian-vs-gradient', { expr: 'x1 - 2*x2 + x3/4' });

  it('the gradient is a column, the Jacobian a row: one is the transpose of the other', () => {
    expect(answerText(ex, 'grad')).toBe('[1; -2; 1/4]');
    expect(answerText(ex, 'J')).toBe('[[1, -2, 1/4]]');
    const notes = ex.answers.find((a) => a.id === 'J')?.notes ?? [];
    expect(notes).toContain('\\frac{\\partial f}{\\partial \\mathbf{x}} = \\left(\\nabla_{\\mathbf{x}} f(\\mathbf{x})\\right)^{\\top}');
  });

  it('verifies; a corrupted gradient or Jacobian fails, naming it', () => {
    expectVerified(ex);
    for (const id of ['grad', 'J']) {
      const r = verify(corrupt(ex, id));
      expect(r.failures.map((f) => f.answerId)).toEqual([id]);
    }
  });

  it('a gradient written as a row is caught (shape)', () => {
    const r = verify(generate('jacobian-vs-gradient', { expr: 'x1 - 2*x2 + x3/4' }, 1, { grad: '[[1, -2, 1/4]]' }));
    expect(r.failures.map((f) => f.answerId)).toEqual(['grad']);
    expect(r.failures[0].message).toContain('3×1');
  });
});

describe('jacobian-vs-gradient: a Jacobian row too wide for a line', () => {
  it('is not restated in the last step (the answer sets it out entry by entry); before, the row ran 130–540 pt into the LaTeX margin', () => {
    const ex = generate('jacobian-vs-gradient', { expr: '4*sigmoid(-2*x1 + x3 + 2*x4) + x2 - x5' });
    const last = ex.steps.at(-1)!;
    expect(last.latex).toBe('\\frac{\\partial f}{\\partial \\mathbf{x}} = \\left(\\nabla_{\\mathbf{x}} f(\\mathbf{x})\\right)^{\\top}');
    expect(last.becauseLatex).toMatch(/the transpose of the gradient; the answer above sets it out entry by entry\.$/);
    // The gradient, a column of entries that each fit, stays whole.
    expect(ex.steps.at(-2)!.latex).toMatch(/^\\nabla_\{\\mathbf\{x\}\} f\(\\mathbf\{x\}\) = \\begin\{bmatrix\}/);
    // A short row is restated, as before.
    expect(generate('jacobian-vs-gradient', { expr: 'x1 - 2*x2 + x3/4' }).steps.at(-1)!.latex).toMatch(/^\\frac\{\\partial f\}\{\\partial \\mathbf\{x\}\} = \\begin\{bmatrix\} 1 & -2 & \\frac\{1\}\{4\} \\end\{bmatrix\} = /);
    expectTypesets(ex);
  });
});

describe('jacobian-vs-gradient: random functions', () => {
  for (const params of [{}, { difficulty: 'linear' }, { difficulty: 'activations', inputs: 4 }, { inputs: 1 }] as Record<string, unknown>[]) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('jacobian-vs-gradient', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    expect(fingerprint(generate('jacobian-vs-gradient', {}, 3))).toBe(fingerprint(generate('jacobian-vs-gradient', {}, 3)));
    const gs = new Set(Array.from({ length: 10 }, (_, s) => answerText(generate('jacobian-vs-gradient', {}, s), 'grad')));
    expect(gs.size).toBeGreaterThan(7);
  });
});

describe('jacobian-vs-gradient: bad params name the field', () => {
  it.each([
    ['expr: "[x1, x2]"', 'params.expr: f must be real-valued'],
    ['inputs: 9', 'exercises[0].params.inputs'],
    ['expr: x1\ndifficulty: linear', 'params.difficulty: only for random'],
    ['vars: x1', 'exercises[0].params.vars'],
    // Before: built, and verify failed the key (exit 1) for want of points.
    ['expr: "x1 + 1/(x2 - x2)"', 'bad.yaml:7: exercises[0].params.expr: x1 + 1/(x2 - x2) has no finite value at any point tried (x1, x2 from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise q, jacobian-vs-gradient)'],
  ])('%s', (yaml, field) => {
    const e = specError('jacobian-vs-gradient', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});

describe('jacobian-vs-gradient: the key typesets', () => {
  it('every formula and sentence renders with KaTeX (strict), for the lecture instance and random ones', () => {
    const variants: Record<string, unknown>[] = [{ expr: 'x1 - 2*x2 + x3/4' }, {}, { difficulty: 'activations' }];
    for (const params of variants) for (let seed = 1; seed <= 5; seed++) expectTypesets(generate('jacobian-vs-gradient', params, seed));
  });
});
