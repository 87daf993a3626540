import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify, expectTypesets } from './kind-harness.js';

describe('linear-collapse: the lecture\'s "crucial role of non-linearity"', () => {
  const ex = generate('linear-collapse', { layers: [2, 2, 1] });

  it('W = W⁽²⁾W⁽¹⁾ and b = W⁽²⁾b⁽¹⁾ + b⁽²⁾, entry by entry in lecture naming', () => {
    expect(answerText(ex, 'W')).toBe('[[w5*w1 + w6*w3, w5*w2 + w6*w4]]');
    expect(answerText(ex, 'b')).toBe('[[w5*b1 + w6*b2 + b3]]');
    expect(ex.answers[0].notes?.[0]).toContain('\\mathbf{W} = \\mathbf{W}^{(2)} \\mathbf{W}^{(1)}');
    expect(ex.answers[1].notes?.[0]).toContain('\\mathbf{b} = \\mathbf{W}^{(2)} \\mathbf{b}^{(1)} + \\mathbf{b}^{(2)}');
  });

  it("the steps are the lecture's three lines", () => {
    const lines = ex.steps.slice(0, 3).map((s) => /\$\$(.*)\$\$$/.exec(s.becauseLatex)?.[1]);
    expect(lines[0]).toBe('g(\\mathbf{x}) = \\mathbf{W}^{(2)} \\left(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}\\right) + \\mathbf{b}^{(2)}');
    expect(lines[1]).toBe('g(\\mathbf{x}) = \\left(\\mathbf{W}^{(2)} \\mathbf{W}^{(1)}\\right) \\mathbf{x} + \\mathbf{W}^{(2)} \\mathbf{b}^{(1)} + \\mathbf{b}^{(2)}');
    expect(lines[2]).toBe('g(\\mathbf{x}) = \\mathbf{W} \\mathbf{x} + \\mathbf{b}');
  });

  it('verifies against the network itself; a corrupted W or b fails, naming it', () => {
    expectVerified(ex);
    for (const id of ['W', 'b']) expect(verify(corrupt(ex, id)).failures.map((f) => f.answerId)).toEqual([id]);
  });

  it('indexed naming', () => {
    const ix = generate('linear-collapse', { layers: [2, 2, 1], naming: 'indexed' });
    expect(answerText(ix, 'W')).toBe('[[W2_1_1*W1_1_1 + W2_1_2*W1_2_1, W2_1_1*W1_1_2 + W2_1_2*W1_2_2]]');
    expectVerified(ix);
  });
});

describe('linear-collapse: random sizes and integer matrices', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { values: 'integers' },
    { values: 'integers', depth: 3, range: 2 },
    { depth: 4, maxWidth: 2 },
    { bias: false, values: 'integers' },
    { layers: [3, 2, 2], values: 'integers' },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('linear-collapse', params, seed), seed);
    });
  }

  it('integers: W and b are numbers, shown multiplied out', () => {
    const ex = generate('linear-collapse', { layers: [2, 2, 1], values: 'integers' }, 3);
    expect(answerText(ex, 'W')).toMatch(/^\[\[-?\d+, -?\d+\]\]$/);
    expect(ex.checks.map((c) => c.kind)).toEqual(['jacobian', 'value', 'identity', 'value']);
    const step = ex.steps.find((s) => s.rule === 'multiply');
    expect(step?.latex).toMatch(/\\begin\{bmatrix\}.*\\begin\{bmatrix\}.*= \\begin\{bmatrix\}/);
  });

  it('a symbolic W too wide for a line is left to the answer, which sets it out entry by entry', () => {
    // W for 3-3-3-2: six entries of nine three-factor products each, ≈ 2,000 px set whole.
    const wide = generate('linear-collapse', { layers: [3, 3, 3, 2] });
    const multiply = wide.steps.filter((s) => s.rule === 'multiply');
    expect(multiply.map((s) => s.answerId)).toEqual(['W', 'b']);
    for (const step of multiply) {
      expect(step.because).toMatch(/the answer above sets out the result entry by entry\.$/);
      // The product with the parameters written in, and nothing after it.
      expect(step.latex.split(' = ')).toHaveLength(2);
      expect(step.latex).toContain('\\begin{bmatrix} w_{19} & w_{20} & w_{21}');
    }
    expectVerified(wide);
    // The lecture's 2-2-1 still multiplies out to the result in its step.
    const lecture = generate('linear-collapse', { layers: [2, 2, 1] });
    const small = lecture.steps.find((s) => s.rule === 'multiply' && s.answerId === 'W');
    // A line may break between the factors (\\allowbreak), as a 4-4-4-4 product needs.
    expect(small?.latex).toContain(' = \\begin{bmatrix} w_{5} & w_{6} \\end{bmatrix} \\allowbreak \\begin{bmatrix} w_{1} & w_{2} \\\\ w_{3} & w_{4} \\end{bmatrix} = \\begin{bmatrix} w_{5} w_{1} + w_{6} w_{3} & w_{5} w_{2} + w_{6} w_{4} \\end{bmatrix}');
    expect(small?.because).toMatch(/last layer first\.$/);
  });

  it('the same seed gives the same exercise; different seeds give different numbers', () => {
    const p = { values: 'integers' };
    expect(fingerprint(generate('linear-collapse', p, 2))).toBe(fingerprint(generate('linear-collapse', p, 2)));
    const ws = new Set(Array.from({ length: 10 }, (_, s) => answerText(generate('linear-collapse', p, s), 'W')));
    expect(ws.size).toBeGreaterThan(8);
  });

  it('without biases there is no b', () => {
    const ex = generate('linear-collapse', { layers: [2, 3, 1], bias: false });
    expect(ex.answers.map((a) => a.id)).toEqual(['W']);
    expectVerified(ex);
  });
});

describe('linear-collapse: bad params name the field', () => {
  it.each([
    ['layers: [2, 1]', 'exercises[0].params.layers'],
    ['layers: [2, 9, 1]', 'exercises[0].params.layers[1]'],
    ['values: floats', 'exercises[0].params.values'],
    ['layers: [2, 2, 1]\ndepth: 3', 'params.depth: only for random widths'],
    ['range: 4', 'params.range: only with values: integers'],
  ])('%s', (yaml, field) => {
    const e = specError('linear-collapse', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});

describe('linear-collapse: the key typesets', () => {
  it('every formula and sentence renders with KaTeX (strict), for the lecture instance and random ones', () => {
    const variants: Record<string, unknown>[] = [{ layers: [2, 2, 1] }, {}, { values: 'integers', depth: 3 }, { bias: false }];
    for (const params of variants) for (let seed = 1; seed <= 5; seed++) expectTypesets(generate('linear-collapse', params, seed));
  });
});
