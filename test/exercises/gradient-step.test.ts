import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

/**
 * Worked by hand: x = (0, 1), y = 1 gives z⁽¹⁾ = [2; 1], ŷ = 3, ŷ − y = 2; x = (1, 1), y = 0 gives
 * z⁽¹⁾ = [3; 2], ŷ = 5, ŷ − y = 5. So ∂f/∂w1 = 0 + 5, ∂f/∂w2 = 2 + 5, …, ∂f/∂w5 = 2·2 + 5·3 = 19.
 */
const HAND = {
  W1: '[1, 1; 1, -1]',
  b1: '[1, 2]',
  W2: '[[1, 1]]',
  b2: '0',
  batch: [{ x: [0, 1], y: 1 }, { x: [1, 1], y: 0 }],
  lr: '1/10',
};

describe('gradient-step: one step on two XOR points, by hand', () => {
  const ex = generate('gradient-step', HAND);

  it('the summed gradient and the updated parameters, exactly', () => {
    expect(answerText(ex, 'gradient')).toBe('[5, 7, 5, 7, 19, 12, 7, 7, 7]');
    expect(answerText(ex, 'updated')).toBe('[1/2, 3/10, 1/2, -17/10, -9/10, -1/5, 3/10, 13/10, -7/10]');
    expect(ex.data.perExample).toEqual([['0', '5'], ['2', '5'], ['0', '5'], ['2', '5'], ['4', '15'], ['2', '10'], ['2', '5'], ['2', '5'], ['2', '5']]);
  });

  it('the steps: the partials, a forward pass per example, the table, the updates', () => {
    expect(ex.steps.map((s) => s.answerId)).toEqual(['gradient', 'gradient', 'gradient', 'gradient', 'updated']);
    expect(ex.steps[0].latex).toContain("\\frac{\\partial f}{\\partial w_{1}} &= (\\hat{y} - y) w_{5} \\operatorname{ReLU}'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
    expect(ex.steps[1].latex).toContain('{\\hat{y} = 3}, \\quad\\allowbreak {\\hat{y} - y = 2}');
    expect(ex.steps[3].latex).toContain('w_{5} & 4 & 15 & 19');
    expect(ex.steps[4].latex).toContain('w_{4} &\\leftarrow -1 - \\frac{1}{10} \\cdot 7 = -\\frac{17}{10}');
  });

  it('verifies (finite-difference recomputation of the step); a changed value fails, naming it', () => {
    expectVerified(ex);
    for (const id of ['gradient', 'updated']) {
      const r = verify(corrupt(ex, id));
      expect(r.failures.map((f) => f.answerId)).toEqual([id]);
    }
    const r = verify(corrupt(ex, 'updated'));
    expect(r.failures[0].check).toBe('gd-step');
    expect(r.failures[0].message).toContain('w1: the answer is 1.5');
  });

  it("the instructor's answers are used and verified; a wrong one fails", () => {
    const own = generate('gradient-step', HAND, 1, { updated: '[0.5, 0.3, 0.5, -1.7, -0.9, -0.2, 0.3, 1.3, -0.7]' });
    expect(own.answers[1].fromSpec).toBe(true);
    expectVerified(own);
    const wrong = verify(generate('gradient-step', HAND, 1, { gradient: '[5, 7, 5, 7, 19, 12, 7, 7, 8]' }));
    expect(wrong.failures.map((f) => f.answerId)).toEqual(['gradient']);
  });

  it('a linear net (identity) works the same way', () => {
    const lin = generate('gradient-step', { ...HAND, activation: 'identity' });
    expect(answerText(lin, 'gradient')).toBe('[5, 7, 5, 7, 19, 12, 7, 7, 7]');
    expectVerified(lin);
  });

  it('a ReLU argument exactly 0 at an example is refused, naming the field', () => {
    expect(() => generate('gradient-step', { ...HAND, b1: '[0, 2]', batch: [{ x: [0, 0], y: 0 }] })).toThrow(InputError);
    expect(() => generate('gradient-step', { ...HAND, b1: '[0, 2]', batch: [{ x: [0, 0], y: 0 }] })).toThrow(/params\.b1: .*z⁽¹⁾1 = 0 at example 1/);
  });
});

describe('gradient-step: a kink in every draw', () => {
  it('names the range when the drawn values always hit a kink (before: "params.b1 … change b1 or the batch", neither of which the spec gave)', () => {
    expect(specError('gradient-step', 'range: [0, 0]')?.message).toMatch(
      /^bad\.yaml:\d+: exercises\[0\]\.params\.range: a ReLU argument is exactly 0 in each of 200 draws \(z⁽¹⁾1 = 0 at example 1\); a kink there makes the step unverifiable, so widen params\.range \(\[0, 0\]\)/,
    );
  });

  it('names the given values that force the kink, and the range', () => {
    expect(() => generate('gradient-step', { b1: '[0, 0]', batch: [{ x: [0, 0], y: 1 }] })).toThrow(
      /^params\.b1: a ReLU argument is exactly 0 in each of 200 draws \(z⁽¹⁾1 = 0 at example 1\); .* so change b1, change the batch or widen params\.range \(\[-2, 2\]\)$/,
    );
  });
});

describe('gradient-step: the largest net the schema allows (4-4-4, 40 parameters)', () => {
  const big = generate('gradient-step', { inputs: 4, hidden: 4, outputs: 4, batchSize: 4 });

  it('sets its partials and updates one display a row, and its table in blocks (before: 40-row aligned blocks, unreadable)', () => {
    const [partials] = big.steps;
    expect(partials.latex).toBe('');
    expect(partials.becauseLatex.match(/\$\$/g)).toHaveLength(80);
    expect(partials.becauseLatex).toContain('$$\\frac{\\partial f}{\\partial w_{1}} = (\\hat{y}_{1} - y_{1}) w_{17}');
    expect(partials.becauseLatex).not.toContain('&');
    const table = big.steps.find((s) => s.because.startsWith('Each partial'));
    expect(table?.latex).toBe('');
    expect(table?.becauseLatex.match(/\\begin\{array\}/g)).toHaveLength(2);
    const update = big.steps[big.steps.length - 1];
    expect(update.answerId).toBe('updated');
    expect(update.latex).toBe('');
    expect(update.becauseLatex.match(/\$\$b_\{8\} \\leftarrow /g)).toHaveLength(1);
    expectVerified(big);
  });

  it("the lecture's 2-2-1 step keeps its aligned blocks and its one table", () => {
    const steps = generate('gradient-step', HAND).steps;
    expect(steps[0].latex).toMatch(/^\\begin\{aligned\}/);
    expect(steps[steps.length - 1].latex).toMatch(/^\\begin\{aligned\}/);
    expect(steps.find((s) => s.because.startsWith('Each partial'))?.latex).toMatch(/^\\begin\{array\}/);
  });
});

describe('gradient-step: random steps', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { difficulty: 'medium' },
    { difficulty: 'hard' },
    { activation: 'identity' },
    { batchSize: 1, naming: 'indexed' },
    { inputs: 3, hidden: 2, outputs: 2 },
    { lr: 0.5, W2: '[[1, -1]]' },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('gradient-step', params, seed), seed);
    });
  }

  it('no ReLU argument is 0 at any example, and at least half the partials move', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const ex = generate('gradient-step', {}, seed);
      expect((ex.data.gradient as string[]).filter((g) => g !== '0').length * 2).toBeGreaterThanOrEqual(9);
      const batch = ex.data.batch as { x: string[] }[];
      expect(batch.length).toBe(2);
    }
  });

  it('the default minibatch is XOR points', () => {
    const xor = new Set(['0,0:0', '0,1:1', '1,0:1', '1,1:0']);
    for (let seed = 1; seed <= 10; seed++) {
      for (const e of generate('gradient-step', {}, seed).data.batch as { x: string[]; y: string[] }[]) expect(xor.has(`${e.x.join(',')}:${e.y[0]}`)).toBe(true);
    }
  });

  it('the same seed gives the same exercise; different seeds differ', () => {
    const a = generate('gradient-step', {}, 6);
    expect(fingerprint(a)).toBe(fingerprint(generate('gradient-step', {}, 6)));
    expect(a.prompt).toEqual(generate('gradient-step', {}, 6).prompt);
    const keys = new Set(Array.from({ length: 10 }, (_, s) => answerText(generate('gradient-step', {}, s + 1), 'updated')));
    expect(keys.size).toBe(10);
  });
});

describe('gradient-step: bad params name the field', () => {
  it.each([
    ['lr: -1', 'params.lr: the learning rate must be positive'],
    ['lr: fast', 'params.lr: expected a number'],
    ['inputs: 2\nbatch:\n  - {x: [0, 1, 1], y: 1}', 'params.batch[0].x: x has 3 entries, but inputs is 2 (params.inputs)'],
    ['batch:\n  - {x: [0, 1], y: 1}\n  - {x: [1], y: 0}', 'params.batch[1].x: 1 entry, but the network has 2 inputs'],
    ['batchSize: 5', 'exercises[0].params.batchSize'],
    ['batch:\n  - {x: [0, 1], y: 1}\nbatchSize: 3', 'params.batchSize: only without params.batch, which gives the examples'],
    ['activation: sigmoid', 'exercises[0].params.activation'],
    ['batch:\n  - {x: [0, 1], z: 1}', 'exercises[0].params.batch'],
  ])('%s', (yaml, field) => {
    const e = specError('gradient-step', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
