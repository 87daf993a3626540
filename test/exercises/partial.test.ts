import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { displayHtml } from '../../src/render/katex.js';
import type { Exercise } from '../../src/exercises/types.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

const NET = { layers: [2, 2, 1], activation: 'sigma' };

const casesText = (ex: Exercise, id: string): string[] =>
  (ex.answers.find((a) => a.id === id)?.cases ?? []).map((c) => `${toText(c.value)} if ${toText(c.when.expr)} ${c.when.rel} 0`);

describe('partial: the lecture\'s ∂ŷ/∂w1 and its exercise ∂ŷ/∂b2', () => {
  const w1 = generate('partial', { ...NET, wrt: 'w1' });

  it('∂ŷ/∂w1 = w5σ′(w1x1 + w2x2 + b1)x1, labelled as a fraction', () => {
    expect(answerText(w1, 'a')).toBe("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expect(w1.answers[0].label).toBe('\\frac{\\partial \\hat{y}}{\\partial w_{1}}');
  });

  it('the key shows the lecture\'s four steps: one term, cσ(z), chain rule, ∂z/∂w1', () => {
    expect(w1.steps.map((s) => s.rule)).toEqual(['sum', 'constant-multiple', 'chain', 'linear']);
    expect(w1.steps[0].because).toContain('Only the term w5*sigma(w1*x1 + w2*x2 + b1) depends on w1');
    expect(w1.steps[3].latex).toBe("w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
  });

  it('asks "Find: ∂ŷ/∂w1 = ∂/∂w1 [w5σ(…) + w6σ(…) + b3]"', () => {
    const maths = w1.prompt.flatMap((b) => (b.kind === 'math' ? [b.latex] : []));
    expect(maths).toContain('\\frac{\\partial \\hat{y}}{\\partial w_{1}} = \\frac{\\partial}{\\partial w_{1}}\\left[w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + w_{4} x_{2} + b_{2}) + b_{3}\\right]');
  });

  it('∂ŷ/∂b2 = w6σ′(w3x1 + w4x2 + b2)', () => {
    expect(answerText(generate('partial', { ...NET, wrt: 'b2' }), 'a')).toBe("w6*sigma'(w3*x1 + w4*x2 + b2)");
  });

  it('reluCases adds the lecture\'s "for ReLU" form: 0 if w1x1 + w2x2 + b1 ≤ 0, w5x1 if > 0', () => {
    const ex = generate('partial', { ...NET, wrt: 'w1', reluCases: true });
    expect(answerText(ex, 'relu')).toBe("w5*relu'(w1*x1 + w2*x2 + b1)*x1");
    expect(casesText(ex, 'relu')).toEqual(['0 if w1*x1 + w2*x2 + b1 <= 0', 'w5*x1 if w1*x1 + w2*x2 + b1 > 0']);
    expect(ex.steps[ex.steps.length - 1].latex).toContain('\\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1} & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \\end{cases}');
    expectVerified(ex);
  });

  it('with ReLU activations the answer carries the cases itself', () => {
    const ex = generate('partial', { layers: [2, 2, 1], activation: 'relu', wrt: 'b2' });
    expect(answerText(ex, 'a')).toBe("w6*relu'(w3*x1 + w4*x2 + b2)");
    expect(casesText(ex, 'a')).toEqual(['0 if w3*x1 + w4*x2 + b2 <= 0', 'w6 if w3*x1 + w4*x2 + b2 > 0']);
    expectVerified(ex);
  });

  it('verifies; a swapped factor or a wrong case fails, naming the answer', () => {
    expectVerified(w1);
    expect(verify(corrupt(w1, 'a')).failures.map((f) => f.answerId)).toEqual(['a']);
    const swapped = verify(generate('partial', { ...NET, wrt: 'w1' }, 1, { a: "w5*sigma'(w1*x1 + w2*x2 + b1)*x2" }));
    expect(swapped.failures.map((f) => [f.answerId, f.check])).toEqual([['a', 'derivative']]);
    const relu = generate('partial', { ...NET, wrt: 'w1', reluCases: true });
    const badCase: Exercise = {
      ...relu,
      answers: relu.answers.map((a) => (a.id === 'relu' && a.cases ? { ...a, cases: [a.cases[0], { ...a.cases[1], value: parse('w5*x2') }] } : a)),
    };
    const r = verify(badCase);
    expect(r.failures.map((f) => f.answerId)).toEqual(['relu']);
    expect(r.failures[0].message).toContain('the case w1*x1 + w2*x2 + b1 > 0');
  });

  it("the instructor's answer is used and verified", () => {
    const own = generate('partial', { ...NET, wrt: 'w1' }, 1, { a: "x1*w5*sigma'(b1 + w1*x1 + w2*x2)" });
    expect(own.answers[0].fromSpec).toBe(true);
    expectVerified(own);
  });

  it('deep ReLU nets put cases with several conditions in notes, one case a line when they are wide', () => {
    const ex = generate('partial', { layers: [2, 2, 2, 1], activation: 'relu', wrt: 'w1' });
    expect(ex.answers[0].cases).toBeUndefined();
    // Before: one \begin{cases} block, which neither KaTeX nor TeX breaks: 265–850 pt into the
    // LaTeX margin, and shrunk to an unreadable size in the PDF.
    const notes = ex.answers[0].notes ?? [];
    expect(notes).toHaveLength(5);
    for (const n of notes) {
      expect(n).not.toContain('\\begin{cases}');
      expect(displayHtml(n)).not.toContain('mtable');
      expect(n).toMatch(/^\\frac\{\\partial \\hat\{y\}\}\{\\partial w_\{1\}\} = .* \\quad \\text\{if \} w_\{1\} x_\{1\} \+ w_\{2\} x_\{2\} \+ b_\{1\} /);
    }
    expect(notes[0]).toBe('\\frac{\\partial \\hat{y}}{\\partial w_{1}} = 0 \\quad \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0');
    expect(notes[4]).toContain('= (w_{9} w_{5} + w_{10} w_{7}) x_{1} \\quad \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \\text{ and }');
    // The worked step sets them the same way, one display a line after its reason.
    const last = ex.steps[ex.steps.length - 1];
    expect(last.rule).toBe('relu-cases');
    expect(last.latex).toBe('');
    expect(last.becauseLatex.match(/\$\$/g)).toHaveLength(10);
    expect(last.becauseLatex).toContain(`$$${notes[4]}$$`);
    expectVerified(ex);
  });

  it('cases with several conditions that fit a line stay one cases block, as the lecture sets them', () => {
    const ex = generate('partial', { layers: [1, 1, 1, 1], activation: 'relu', wrt: 'w1' });
    expect(ex.answers[0].notes).toEqual([
      '\\frac{\\partial \\hat{y}}{\\partial w_{1}} = \\begin{cases} 0 & \\text{if } w_{2} \\operatorname{ReLU}(w_{1} x_{1} + b_{1}) + b_{2} \\leq 0 \\\\ 0 & \\text{if } w_{2} \\operatorname{ReLU}(w_{1} x_{1} + b_{1}) + b_{2} > 0 \\text{ and } w_{1} x_{1} + b_{1} \\leq 0 \\\\ w_{3} w_{2} x_{1} & \\text{if } w_{2} \\operatorname{ReLU}(w_{1} x_{1} + b_{1}) + b_{2} > 0 \\text{ and } w_{1} x_{1} + b_{1} > 0 \\end{cases}',
    ]);
    expect(ex.steps[ex.steps.length - 1].latex).toBe(ex.answers[0].notes?.[0]);
  });
});

describe('partial: random partials', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { difficulty: 'medium' },
    { difficulty: 'hard' },
    { activation: 'sigmoid', naming: 'indexed' },
    { reluCases: true, difficulty: 'medium' },
    { layers: [2, 2, 2], output: 2, activation: 'tanh' },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('partial', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    const a = generate('partial', {}, 9);
    const b = generate('partial', {}, 9);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(a.prompt).toEqual(b.prompt);
    const answers = new Set(Array.from({ length: 12 }, (_, s) => answerText(generate('partial', {}, s + 1), 'a')));
    expect(answers.size).toBeGreaterThan(6);
  });
});

describe('partial: bad params name the field', () => {
  it.each([
    ['layers: [2, 2, 1]\nwrt: w9', "params.wrt: 'w9' is not a parameter of this network (w1, w2, w3, w4, w5, w6, b1, b2, b3)"],
    ['activation: relu\nreluCases: true', 'params.reluCases: only for the abstract activation sigma'],
    ['layers: [2, 2, 1]\noutput: 2', 'params.output: the network has 1 output, got 2'],
    ['wrt: 3', 'exercises[0].params.wrt'],
    ['respect: w1', "unknown field 'respect'"],
  ])('%s', (yaml, field) => {
    const e = specError('partial', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});
