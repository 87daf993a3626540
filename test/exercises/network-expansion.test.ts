import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/text.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

const LECTURE = { layers: [2, 2, 1], activation: 'sigma' };

describe('network-expansion: the lecture\'s XOR net', () => {
  const ex = generate('network-expansion', LECTURE);

  it('ŷ = w5σ(w1x1 + w2x2 + b1) + w6σ(w3x1 + w4x2 + b2) + b3', () => {
    expect(answerText(ex, 'yhat')).toBe('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');
  });

  it('the prompt gives W⁽¹⁾, W⁽²⁾, b⁽¹⁾, b⁽²⁾ as matrices of names, g, and the diagram', () => {
    const texts = ex.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'math' ? [b.latex] : [])).join(' ');
    expect(texts).toContain('\\mathbf{W}^{(1)} = \\begin{bmatrix} w_{1} & w_{2} \\\\ w_{3} & w_{4} \\end{bmatrix}');
    expect(texts).toContain('\\mathbf{W}^{(2)} = \\begin{bmatrix} w_{5} & w_{6} \\end{bmatrix}');
    expect(texts).toContain('\\mathbf{b}^{(2)} = \\begin{bmatrix} b_{3} \\end{bmatrix}');
    expect(texts).toContain('\\hat{y} = g(\\mathbf{x}) = \\mathbf{W}^{(2)} \\sigma(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}) + \\mathbf{b}^{(2)}');
    const figure = ex.prompt.find((b) => b.kind === 'figure');
    expect(figure?.kind === 'figure' && figure.svg).toContain('<svg');
  });

  it('the figure’s caption says which weights are on the edges: all of them, or the matrices left off as too crowded to label', () => {
    const caption = (e: typeof ex): string => {
      const f = e.prompt.find((b) => b.kind === 'figure');
      return f?.kind === 'figure' ? f.caption : '';
    };
    expect(caption(ex)).toBe('The 2-2-1 network: each edge carries its weight, each node its bias.');
    // W⁽¹⁾'s sixteen indexed names cannot stand clear of each other and the crossings: its edges are bare, and the caption says so.
    const dense = generate('network-expansion', { layers: [4, 4, 1], activation: 'relu', naming: 'indexed' });
    expect(caption(dense)).toBe('The 4-4-1 network: each node carries its bias and each edge of $\\mathbf{W}^{(2)}$ its weight; the weights of $\\mathbf{W}^{(1)}$ are left off its edges: too many to label legibly.');
    const f = dense.prompt.find((b) => b.kind === 'figure');
    expect(f?.kind === 'figure' && f.svg.match(/data-role="weight"/g)?.length).toBe(4);
    // Beyond 24 weights no edge is labelled (it said "each edge carries its weight" all the same).
    expect(caption(generate('network-expansion', { layers: [4, 4, 4], activation: 'relu' }))).toBe(
      'The 4-4-4 network: each node carries its bias; the weights, the entries of $\\mathbf{W}^{(1)}$ and $\\mathbf{W}^{(2)}$, are left off the edges: too many to label legibly.',
    );
  });

  it('the steps multiply out layer by layer, ending in the lecture\'s line', () => {
    expect(ex.steps).toHaveLength(3);
    expect(ex.steps[2].latex).toContain('= w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + w_{4} x_{2} + b_{2}) + b_{3}');
  });

  it('a step whose matrices side by side are too wide for a line, though each fits, gives ŷ in symbols then its value', () => {
    // Before, each matrix was measured alone: ŷ = [w₁₃ w₁₄][two sums of three products] + b₆
    // ran 61 pt into the LaTeX margin.
    const linear = generate('network-expansion', { layers: [2, 3, 2, 1], activation: 'identity' });
    const last = linear.steps.at(-1)!;
    expect(last.becauseLatex).toMatch(/Written out, the matrices side by side would be too wide for a line\.$/);
    expect(last.latex).toMatch(/^\\hat\{y\} = \\mathbf\{W\}\^\{\(3\)\} \\mathbf\{h\}\^\{\(2\)\} \+ \\mathbf\{b\}\^\{\(3\)\} = w_\{13\} \(w_\{7\} /);
    expectVerified(linear);
  });

  it('a deep network\'s vectors, too wide to set whole, are multiplied out one entry a line', () => {
    const deep = generate('network-expansion', { layers: [4, 4, 4, 4], activation: 'tanh', naming: 'indexed' });
    expect(deep.steps.map((s) => s.latex === '')).toEqual([false, false, true, true, true]);
    const [z2, h2, yhat] = deep.steps.slice(2).map((s) => s.becauseLatex);
    expect(z2).toMatch(/^Row \$i\$ of \$\\mathbf\{W\}\^\{\(2\)\}\$ .* One entry at a time: the whole vector would be too wide for a line\. \$\$\\mathbf\{z\}\^\{\(2\)\} = \\mathbf\{W\}\^\{\(2\)\} \\mathbf\{h\}\^\{\(1\)\} \+ \\mathbf\{b\}\^\{\(2\)\}\$\$ \$\$z\^\{\(2\)\}_\{1\} = W\^\{\(2\)\}_\{1,1\} \\tanh\(/);
    expect(z2.match(/\$\$z\^\{\(2\)\}_\{\d\} = /g)).toHaveLength(4);
    // h⁽²⁾ = tanh(z⁽²⁾) is in the sentence already; the lines give its entries.
    expect(h2.match(/\$\$/g)).toHaveLength(8);
    expect(h2).toContain('$$h^{(2)}_{4} = \\tanh(W^{(2)}_{4,1} \\tanh(');
    expect(yhat.match(/\$\$\\hat\{y\}_\{\d\} = /g)).toHaveLength(4);
    expectVerified(deep);
    // The lecture's net keeps its one-line steps (tested above), and so does a 3-3-1.
    expect(generate('network-expansion', { layers: [3, 3, 1] }).steps.every((s) => s.latex !== '')).toBe(true);
  });

  it('verifies against the matrix form expanded; a slip fails, naming ŷ', () => {
    expectVerified(ex);
    expect(verify(corrupt(ex, 'yhat')).failures.map((f) => f.answerId)).toEqual(['yhat']);
    const swapped = verify(generate('network-expansion', LECTURE, 1, { yhat: 'w6*sigma(w1*x1 + w2*x2 + b1) + w5*sigma(w3*x1 + w4*x2 + b2) + b3' }));
    expect(swapped.failures.map((f) => [f.answerId, f.check])).toEqual([['yhat', 'identity']]);
  });

  it("the instructor's answer is used and verified", () => {
    const own = generate('network-expansion', LECTURE, 1, { yhat: 'b3 + w6*sigma(w4*x2 + w3*x1 + b2) + w5*sigma(w1*x1 + w2*x2 + b1)' });
    expect(own.answers[0].fromSpec).toBe(true);
    expectVerified(own);
  });

  it('several outputs give one answer each; indexed naming names W1_2_1', () => {
    const two = generate('network-expansion', { layers: [2, 2, 2], activation: 'relu', naming: 'indexed' });
    expect(two.answers.map((a) => a.id)).toEqual(['yhat1', 'yhat2']);
    expect(answerText(two, 'yhat2')).toBe('W2_2_1*relu(W1_1_1*x1 + W1_1_2*x2 + b1_1) + W2_2_2*relu(W1_2_1*x1 + W1_2_2*x2 + b1_2) + b2_2');
    expectVerified(two);
  });
});

describe('network-expansion: random networks', () => {
  const variants: Record<string, unknown>[] = [{}, { difficulty: 'medium' }, { difficulty: 'hard', naming: 'indexed' }, { activation: 'identity' }, { activation: 'tanh', layers: [3, 2, 2, 1] }];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('network-expansion', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    const a = generate('network-expansion', {}, 2);
    const b = generate('network-expansion', {}, 2);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(a.prompt).toEqual(b.prompt);
    const outputs = new Set(Array.from({ length: 12 }, (_, s) => toText(generate('network-expansion', {}, s + 1).answers[0].value)));
    expect(outputs.size).toBeGreaterThan(3);
  });
});

describe('network-expansion: bad params name the field', () => {
  it.each([
    ['layers: [2, 9, 1]', 'exercises[0].params.layers'],
    ['layers: [2]', 'exercises[0].params.layers'],
    ['activation: softmax', 'exercises[0].params.activation'],
    ['naming: greek', 'exercises[0].params.naming'],
    ['outputs: 2', "unknown field 'outputs'"],
  ])('%s', (yaml, field) => {
    const e = specError('network-expansion', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
