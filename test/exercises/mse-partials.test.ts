import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/text.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

const NET = { layers: [2, 2, 1], activation: 'sigma' };
const YHAT = 'w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3';

describe('mse-partials: ∂f_MSE/∂p = (ŷ − y)·∂ŷ/∂p on the XOR net', () => {
  const ex = generate('mse-partials', { ...NET, wrt: ['w1', 'b2', 'b3'] });

  it('the factored forms, ŷ written out in the answer and as a symbol in the note', () => {
    expect(answerText(ex, 'w1')).toBe(`(${YHAT} - y)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1`);
    expect(answerText(ex, 'b2')).toBe(`(${YHAT} - y)*w6*sigma'(w3*x1 + w4*x2 + b2)`);
    expect(answerText(ex, 'b3')).toBe(`${YHAT} - y`);
    const w1 = ex.answers.find((a) => a.id === 'w1');
    expect(w1?.label).toBe('\\frac{\\partial f_{\\text{MSE}}}{\\partial w_{1}}');
    expect(w1?.notes?.[0]).toBe("\\frac{\\partial f_{\\text{MSE}}}{\\partial w_{1}} = (\\hat{y} - y) w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
  });

  it('the steps: chain rule through ŷ, ∂ŷ/∂p, the factors together', () => {
    const w1 = ex.steps.filter((s) => s.answerId === 'w1');
    expect(w1[0].rule).toBe('chain-rule');
    expect(w1[0].latex).toContain('= (\\hat{y} - y) \\frac{\\partial \\hat{y}}{\\partial w_{1}}');
    expect(w1[w1.length - 1].latex).toContain("(\\hat{y} - y) w_{5} \\sigma'");
  });

  it('the prompt gives the cost and asks for the chosen partials', () => {
    const maths = ex.prompt.flatMap((b) => (b.kind === 'math' ? [b.latex] : []));
    expect(maths).toContain('f_{\\text{MSE}} = \\frac{1}{2} (\\hat{y} - y)^{2}');
    // Each partial kept whole; a line may break only between them.
    expect(maths[maths.length - 1]).toBe(
      '{\\frac{\\partial f_{\\text{MSE}}}{\\partial w_{1}}}, \\quad\\allowbreak {\\frac{\\partial f_{\\text{MSE}}}{\\partial b_{2}}}, \\quad\\allowbreak {\\frac{\\partial f_{\\text{MSE}}}{\\partial b_{3}}}',
    );
  });

  it('verifies against finite differences of the cost; a slip fails, naming it', () => {
    expectVerified(ex);
    expect(verify(corrupt(ex, 'b2')).failures.map((f) => f.answerId)).toEqual(['b2']);
    const noError = verify(generate('mse-partials', { ...NET, wrt: ['w1'] }, 1, { w1: "w5*sigma'(w1*x1 + w2*x2 + b1)*x1" }));
    expect(noError.failures.map((f) => [f.answerId, f.check])).toEqual([['w1', 'derivative']]);
  });

  it("the instructor's answer is used and verified", () => {
    const own = generate('mse-partials', { ...NET, wrt: ['b3'] }, 1, { b3: `-y + ${YHAT}` });
    expect(own.answers[0].fromSpec).toBe(true);
    expectVerified(own);
  });

  it('ReLU: cases on the answer, compact cases in the steps', () => {
    const relu = generate('mse-partials', { layers: [2, 2, 1], activation: 'relu', wrt: ['w1'] });
    expect(relu.answers[0].cases?.map((c) => c.when.rel)).toEqual(['<=', '>']);
    expect(relu.steps[relu.steps.length - 1].latex).toContain('(\\hat{y} - y) w_{5} x_{1} & \\text{if }');
    expectVerified(relu);
  });

  it('several outputs: a sum over the outputs that depend on p', () => {
    const two = generate('mse-partials', { layers: [2, 2, 2], activation: 'sigma', wrt: ['w1'] });
    expect(two.answers[0].notes?.[0]).toContain('(\\hat{y}_{1} - y_{1}) w_{5}');
    expect(two.answers[0].notes?.[0]).toContain('+ (\\hat{y}_{2} - y_{2}) w_{7}');
    expectVerified(two);
  });
});

describe('mse-partials: random parameters and networks', () => {
  const variants: Record<string, unknown>[] = [{}, { difficulty: 'medium', count: 2 }, { difficulty: 'hard' }, { activation: 'sigmoid', naming: 'indexed', steps: 'full' }];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('mse-partials', params, seed), seed);
    });
  }

  it('draws `count` parameters (3 by default); same seed same exercise, seeds differ', () => {
    expect(generate('mse-partials', {}, 3).answers).toHaveLength(3);
    expect(fingerprint(generate('mse-partials', {}, 3))).toBe(fingerprint(generate('mse-partials', {}, 3)));
    const keys = new Set(Array.from({ length: 12 }, (_, s) => generate('mse-partials', {}, s + 1).answers.map((x) => toText(x.value)).join('|')));
    expect(keys.size).toBeGreaterThan(8);
  });
});

describe('mse-partials: bad params name the field', () => {
  it.each([
    ['layers: [2, 2, 1]\nwrt: [w1, v2]', "params.wrt: 'v2' is not a parameter"],
    ['wrt: []', 'exercises[0].params.wrt'],
    ['count: 0', 'exercises[0].params.count'],
    ['loss: bce', "unknown field 'loss'"],
    // These were taken in silence: wrt de-duplicated, count ignored beside wrt, or cut to the 9 parameters.
    ['layers: [2, 2, 1]\nwrt: [w1, w1]', 'params.wrt: w1 appears twice'],
    ['layers: [2, 2, 1]\nwrt: [w1]\ncount: 3', 'params.count: only without params.wrt, which names the parameters'],
    ['layers: [2, 2, 1]\ncount: 100', 'params.count: 100 parameters, but the network has 9'],
  ])('%s', (yaml, field) => {
    const e = specError('mse-partials', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
