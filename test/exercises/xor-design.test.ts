import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { answerText, expectVerified, fingerprint, generate, specError, verify, expectTypesets } from './kind-harness.js';

describe('xor-design: the lecture\'s question with its hint', () => {
  const ex = generate('xor-design', {});

  it('W⁽¹⁾ = [2 2; 1 1], b⁽¹⁾ = [−1 −1]ᵀ, and a readout W⁽²⁾ = [1 −3], b⁽²⁾ = 0 completing XOR', () => {
    expect(answerText(ex, 'W1')).toBe('[2, 2; 1, 1]');
    expect(answerText(ex, 'b1')).toBe('[-1; -1]');
    expect(answerText(ex, 'W2')).toBe('[[1, -3]]');
    expect(answerText(ex, 'b2')).toBe('0');
    expectVerified(ex);
  });

  it('lists the other W⁽¹⁾ the hint allows, and says why others fail', () => {
    expect(ex.data.valid).toHaveLength(2);
    expect(ex.answers[0].notes?.[0]).toContain('\\begin{bmatrix} 1 & 1 \\\\ 2 & 2 \\end{bmatrix}');
    expect(ex.steps.filter((s) => s.rule === 'rejected')).toHaveLength(2);
  });

  it('says the true thing: the + points (0,1), (1,0) collapse onto one hidden point', () => {
    expect(ex.data.separable).toContain('the + points (0,1) and (1,0) both map to (1, 0)');
    const prompt = ex.prompt.map((b) => (b.kind === 'text' ? b.text : '')).join(' ');
    expect(prompt).toContain('collapse” two of the points');
    expect(prompt).toContain('Hint: set');
    expect(prompt).toContain('only 1s and 2s');
  });

  it('the key shows the input-space and hidden-space plots', () => {
    expect(ex.figures).toHaveLength(1);
    const f = ex.figures[0];
    expect(f.kind === 'figure' && f.svg.includes('hidden space')).toBe(true);
    expect(f.kind === 'figure' && f.svg.includes('input space')).toBe(true);
  });

  it('a wrong readout fails verification, naming the answers of the net', () => {
    const bad = { ...ex, answers: ex.answers.map((a) => (a.id === 'W2' ? { ...a, value: ex.answers[0].value } : a)) };
    const r = verify(bad);
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.answerId)).toContain('W2');
    const wrong = verify(generate('xor-design', {}, 1, { W2: '[[1, 3]]' }));
    expect(wrong.failures.map((f) => f.check)).toContain('xor');
    expect(wrong.failures[0].message).toContain('not XOR');
  });

  it("an instructor's own design is worked out in the key", () => {
    const own = generate('xor-design', {}, 1, { W1: '[1, 1; 2, 2]' });
    expect(answerText(own, 'W2')).toBe('[[-3, 1]]');
    expectVerified(own);
  });

  it('without the hint the sheet does not show it', () => {
    const ex2 = generate('xor-design', { hint: false });
    expect(ex2.prompt.map((b) => (b.kind === 'text' ? b.text : '')).join(' ')).not.toContain('Hint');
  });
});

describe('xor-design: other hints', () => {
  it('random hints verify for 20 seeds and vary', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const ex = generate('xor-design', { random: true }, seed);
      expectVerified(ex, seed);
      seen.add(answerText(ex, 'W1'));
    }
    expect(seen.size).toBeGreaterThan(2);
    expect(fingerprint(generate('xor-design', { random: true }, 8))).toBe(fingerprint(generate('xor-design', { random: true }, 8)));
  });

  it('b = 0 with ±1 weights collapses the two − points, as the slide says', () => {
    const ex = generate('xor-design', { bias: [0, 0], weights: [1, -1] });
    expect(answerText(ex, 'W1')).toBe('[1, -1; -1, 1]');
    expect(ex.data.separable).toContain('the − points (0,0) and (1,1) both map to (0, 0)');
    expectVerified(ex);
  });
});

describe('xor-design: bad params name the field', () => {
  it.each([
    ['bias: [1]', 'exercises[0].params.bias'],
    ['weights: [1, 2, 3, 4, 5]', 'exercises[0].params.weights'],
    ['bias: [-3, -3]\nweights: [1, 2]', 'params.weights: no W⁽¹⁾ with entries from 2, 1'],
    ['random: true\nbias: [0, 0]', 'params.bias: a random hint'],
    ['activation: tanh', "unknown field 'activation'"],
  ])('%s', (yaml, field) => {
    const e = specError('xor-design', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });

  it('an instructor design that does not separate the points is an error', () => {
    expect(() => generate('xor-design', {}, 1, { W1: '[1, 1; 1, 1]' })).toThrow(/answers.W1: .*different labels/);
  });
});

describe('xor-design: the key typesets', () => {
  it('every formula and sentence renders with KaTeX (strict), for the lecture instance and random ones', () => {
    const variants: Record<string, unknown>[] = [{}, { random: true }, { hint: false }];
    for (const params of variants) for (let seed = 1; seed <= 5; seed++) expectTypesets(generate('xor-design', params, seed));
  });
});
