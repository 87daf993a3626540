import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/text.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

const NET = { layers: [2, 2, 1], activation: 'sigma' };

describe('all-partials: the lecture\'s nine partials of the XOR net', () => {
  const ex = generate('all-partials', NET);

  it('∂ŷ/∂w1, …, ∂ŷ/∂w6, ∂ŷ/∂b1, …, ∂ŷ/∂b3', () => {
    expect(Object.fromEntries(ex.answers.map((a) => [a.id, toText(a.value)]))).toEqual({
      w1: "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
      w2: "w5*sigma'(w1*x1 + w2*x2 + b1)*x2",
      w3: "w6*sigma'(w3*x1 + w4*x2 + b2)*x1",
      w4: "w6*sigma'(w3*x1 + w4*x2 + b2)*x2",
      w5: 'sigma(w1*x1 + w2*x2 + b1)',
      w6: 'sigma(w3*x1 + w4*x2 + b2)',
      b1: "w5*sigma'(w1*x1 + w2*x2 + b1)",
      b2: "w6*sigma'(w3*x1 + w4*x2 + b2)",
      b3: '1',
    });
    expect(ex.answers[8].label).toBe('\\frac{\\partial \\hat{y}}{\\partial b_{3}}');
  });

  it('asks for the list as the lecture writes it', () => {
    const maths = ex.prompt.flatMap((b) => (b.kind === 'math' ? [b.latex] : []));
    expect(maths[maths.length - 1]).toBe(
      '\\frac{\\partial \\hat{y}}{\\partial w_{1}}, \\dots, \\frac{\\partial \\hat{y}}{\\partial w_{6}}, \\frac{\\partial \\hat{y}}{\\partial b_{1}}, \\frac{\\partial \\hat{y}}{\\partial b_{2}}, \\frac{\\partial \\hat{y}}{\\partial b_{3}}',
    );
  });

  it('short steps: which term depends on p, then the result; full steps: the whole trace', () => {
    const w1 = ex.steps.filter((s) => s.answerId === 'w1');
    expect(w1.map((s) => s.rule)).toEqual(['sum', 'linear']);
    const full = generate('all-partials', { ...NET, steps: 'full' }).steps.filter((s) => s.answerId === 'w1');
    expect(full.map((s) => s.rule)).toEqual(['sum', 'constant-multiple', 'chain', 'linear']);
    expect(generate('all-partials', { ...NET, steps: 'none' }).steps).toEqual([]);
  });

  it('with ReLU each hidden-layer partial has the lecture\'s cases', () => {
    const relu = generate('all-partials', { layers: [2, 2, 1], activation: 'relu' });
    const w1 = relu.answers.find((a) => a.id === 'w1');
    expect(w1?.cases?.map((c) => `${toText(c.value)} if ${toText(c.when.expr)} ${c.when.rel} 0`)).toEqual([
      '0 if w1*x1 + w2*x2 + b1 <= 0',
      'w5*x1 if w1*x1 + w2*x2 + b1 > 0',
    ]);
    expect(relu.answers.find((a) => a.id === 'b3')?.cases).toBeUndefined();
    expectVerified(relu);
  });

  it('verifies each partial; a slip in one fails, naming only that one', () => {
    expectVerified(ex);
    for (const id of ['w3', 'b1', 'b3']) expect(verify(corrupt(ex, id)).failures.map((f) => f.answerId)).toEqual([id]);
  });

  it("the instructor's answers are used and verified; a wrong one fails", () => {
    const own = generate('all-partials', NET, 1, { w5: 'sigma(b1 + w1*x1 + w2*x2)' });
    expect(own.answers.find((a) => a.id === 'w5')?.fromSpec).toBe(true);
    expectVerified(own);
    const wrong = verify(generate('all-partials', NET, 1, { w6: 'sigma(w1*x1 + w2*x2 + b1)' }));
    expect(wrong.failures.map((f) => f.answerId)).toEqual(['w6']);
  });

  it('several outputs: one answer per output and parameter', () => {
    const two = generate('all-partials', { layers: [1, 2, 2], activation: 'relu' });
    expect(two.answers.map((a) => a.id).slice(0, 3)).toEqual(['yhat1-w1', 'yhat1-w2', 'yhat1-w3']);
    expect(answerText(two, 'yhat2-w3')).toBe('0');
    expectVerified(two);
  });
});

describe('all-partials: random networks', () => {
  const variants: Record<string, unknown>[] = [{}, { difficulty: 'medium' }, { difficulty: 'hard', steps: 'none' }, { activation: 'tanh', naming: 'indexed' }];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('all-partials', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    const a = generate('all-partials', {}, 4);
    expect(fingerprint(a)).toBe(fingerprint(generate('all-partials', {}, 4)));
    const keys = new Set(Array.from({ length: 12 }, (_, s) => generate('all-partials', {}, s + 1).answers.map((x) => toText(x.value)).join('|')));
    expect(keys.size).toBeGreaterThan(3);
  });
});

describe('all-partials: bad params name the field', () => {
  it.each([
    ['steps: long', 'exercises[0].params.steps'],
    ['layers: [2, 2, 1, 1, 1]', 'exercises[0].params.layers'],
    ['wrt: w1', "unknown field 'wrt'"],
  ])('%s', (yaml, field) => {
    const e = specError('all-partials', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
