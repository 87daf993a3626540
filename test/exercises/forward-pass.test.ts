import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/text.js';
import { LECTURE_FORWARD } from '../../src/exercises/kinds/forward-pass.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';
import { checkPrepared, prepareCheck } from '../../src/check/check.js';

describe('forward-pass: the lecture\'s "Exercise: bias terms"', () => {
  const ex = generate('forward-pass', { ...LECTURE_FORWARD });

  it('ŷ = [0; 1] exactly, through z⁽¹⁾ = [−2; −5] and h⁽¹⁾ = [0; 0]', () => {
    expect(answerText(ex, 'yhat')).toBe('[0; 1]');
    expect(ex.data).toMatchObject({ z1: ['-2', '-5'], h1: ['0', '0'], yhat: ['0', '1'], sizes: [3, 2, 2] });
    expect(ex.steps.map((s) => s.latex)).toEqual([
      expect.stringContaining('= \\begin{bmatrix} -2 \\\\ -5 \\end{bmatrix}'),
      expect.stringContaining('\\operatorname{ReLU}(\\mathbf{z}^{(1)}) = \\begin{bmatrix} 0 \\\\ 0 \\end{bmatrix}'),
      expect.stringContaining('= \\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}'),
    ]);
  });

  it('asks in the lecture\'s words, with x as a transposed row', () => {
    const first = ex.prompt[0];
    expect(first.kind === 'text' && first.text).toContain('What will $\\hat{\\mathbf{y}}$ be for $\\mathbf{x} = \\begin{bmatrix} 1 & 0 & -2 \\end{bmatrix}^{\\top}$');
    const maths = ex.prompt.flatMap((b) => (b.kind === 'math' ? [b.latex] : [])).join(' ');
    expect(maths).toContain('\\mathbf{W}^{(1)} = \\begin{bmatrix} 1 & 0 & 1 \\\\ -1 & 2 & 3 \\end{bmatrix}');
  });

  it('the diagram carries the numbers, and its caption says where they are when a layer is too crowded to label', () => {
    const figure = (e: typeof ex): { svg: string; caption: string } => {
      const f = e.figures?.[0];
      return f?.kind === 'figure' ? f : { svg: '', caption: '' };
    };
    expect(figure(ex).caption).toBe('The network: weights on the edges, biases at the nodes.');
    expect(figure(ex).svg.match(/data-role="weight"/g)).toHaveLength(3 * 2 + 2 * 2);
    // A 4-4-2 net: W⁽¹⁾'s sixteen numbers could not all stand clear of the crossings 190 px apart;
    // with the column gap widened for them they do, and every weight is on its edge.
    const dense = generate('forward-pass', { inputs: 4, hidden: 4, outputs: 2 });
    expect(figure(dense).caption).toBe('The network: weights on the edges, biases at the nodes.');
    expect(figure(dense).svg.match(/data-role="weight"/g)).toHaveLength(4 * 4 + 4 * 2);
    // Beyond 24 weights the edges are bare, and the caption says where the weights are.
    const wide = generate('forward-pass', { inputs: 3, hidden: 4, outputs: 4 });
    expect(figure(wide).caption).toBe('The network: biases at the nodes; the weights, in $\\mathbf{W}^{(1)}$ and $\\mathbf{W}^{(2)}$ above, are left off the edges: too many to label legibly.');
    expect(figure(wide).svg.match(/data-role="weight"/g)).toBeNull();
  });

  it('preset: lecture gives the same exercise', () => {
    expect(answerText(generate('forward-pass', { preset: 'lecture' }), 'yhat')).toBe('[0; 1]');
  });

  it('verifies by a float re-evaluation; a changed entry fails, naming ŷ', () => {
    expectVerified(ex);
    const r = verify(corrupt(ex, 'yhat'));
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.answerId)).toEqual(['yhat']);
    expect(r.failures[0].check).toBe('value');
  });

  it('with the sigmoid the answer is exact in sigmoid values, with decimals in the key', () => {
    const s = generate('forward-pass', { preset: 'lecture', activation: 'sigmoid' });
    expect(answerText(s, 'yhat')).toBe('[sigmoid(-2) - sigmoid(-5); -sigmoid(-2) + sigmoid(-5) + 1]');
    expect(s.answers[0].notes?.[0]).toContain('0.1125');
    expectVerified(s);
  });

  it("the instructor's answer is used and verified; a wrong one fails", () => {
    const own = generate('forward-pass', { preset: 'lecture' }, 1, { yhat: '[0; 1]' });
    expect(own.answers[0].fromSpec).toBe(true);
    expectVerified(own);
    const wrong = verify(generate('forward-pass', { preset: 'lecture' }, 1, { yhat: '[0; 2]' }));
    expect(wrong.failures.map((f) => f.answerId)).toEqual(['yhat']);
  });

  it('a 4-4-4 pass with fractions and the sigmoid, its ŷ too wide for a line as a column, sets ŷ one entry a line', () => {
    const wide = generate('forward-pass', {
      activation: 'sigmoid',
      x: '[1/2, -3/4, 5/3, -2/5]',
      W1: '[1/2, -3/4, 2/3, -5/6; 7/8, -1/3, 3/5, -2/7; -4/9, 5/7, -1/6, 3/8; 2/3, -5/8, 7/9, -1/4]',
      b1: '[1/3, -2/5, 3/7, -1/8]',
      W2: '[-1/2, 3/4, -2/3, 5/6; 7/8, 1/3, -3/5, 2/7; 4/9, -5/7, 1/6, -3/8; -2/3, 5/8, -7/9, 1/4]',
      b2: '[-1/3, 2/5, -3/7, 1/8]',
    });
    const [z1, h1, yhat] = wide.steps;
    // z⁽¹⁾ and h⁽¹⁾ fit their lines, as they were.
    expect(z1.latex).toMatch(/^\\mathbf\{z\}\^\{\(1\)\} = \\begin\{bmatrix\}/);
    expect(h1.latex).toMatch(/^\\mathbf\{h\}\^\{\(1\)\} = \\operatorname\{sigmoid\}\(\\mathbf\{z\}\^\{\(1\)\}\) = /);
    // ŷ: the product written out, then each entry with its decimal.
    expect(yhat.latex).toBe('');
    expect(yhat.becauseLatex).toMatch(/^The output layer, .*\. One entry at a time: the whole column would be too wide for a line\. \$\$\\hat\{\\mathbf\{y\}\} = \\begin\{bmatrix\}/);
    expect(yhat.becauseLatex.match(/\$\$\\hat\{y\}_\{\d\} = .*? \\approx -?[\d.]+\$\$/g)).toHaveLength(4);
    expectVerified(wide);
  });
});

describe('forward-pass: random numbers', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { difficulty: 'hard' },
    { activation: 'sigmoid' },
    { activation: 'tanh', difficulty: 'medium' },
    { activation: 'identity', inputs: 2, hidden: 3, outputs: 1 },
    { W1: '[1, 0, 1; -1, 2, 3]', range: [-1, 1] },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('forward-pass', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds give different numbers', () => {
    const a = generate('forward-pass', {}, 5);
    const b = generate('forward-pass', {}, 5);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(a.prompt).toEqual(b.prompt);
    expect(a.answers.map((x) => toText(x.value))).toEqual(b.answers.map((x) => toText(x.value)));
    const prompts = new Set(Array.from({ length: 10 }, (_, s) => JSON.stringify(generate('forward-pass', {}, s + 1).data)));
    expect(prompts.size).toBe(10);
  });

  it('draws a pass where ReLU both passes and blocks a unit', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const z1 = generate('forward-pass', {}, seed).data.z1 as string[];
      expect(z1.some((z) => Number(z) > 0) && z1.some((z) => Number(z) <= 0)).toBe(true);
    }
  });

  it('takes the widths as layers: [inputs, hidden, outputs], as the other network kinds write them', () => {
    const ex = generate('forward-pass', { layers: [2, 3, 1] }, 4);
    expect(ex.data.sizes).toEqual([2, 3, 1]);
    expectVerified(ex, 4);
    expect(generate('gradient-step', { layers: [2, 3, 1] }, 4).data.layers).toEqual([2, 3, 1]);
  });

  it('a given matrix stays; the rest is drawn', () => {
    const ex = generate('forward-pass', { W1: '[1, 0, 1; -1, 2, 3]' }, 3);
    expect(ex.data.W1).toEqual([['1', '0', '1'], ['-1', '2', '3']]);
  });
});

describe('forward-pass: bad params name the field', () => {
  it.each([
    ['W1: "[1, 2; 3, 4]"\nx: "[1, 2, 3]"', 'params.x: x has 3 entries, but W1 has 2 columns (params.W1)'],
    ['W2: "[1, 2, 3]"\nb2: "[1, 2]"', 'params.b2: b2 has 2 entries'],
    // A column where W2 needs a row: one column, not "1 columns".
    ['W1: "[1, 0; 0, 1]"\nW2: "[1, 1]"', 'params.W2: W2 has 1 column, but W1 has 2 rows (params.W1)'],
    ['W1: "[1, 0; 2, a]"', 'params.W1 (row 2, column 2): expected a number, got a'],
    ['x: "[1, 0, pi]"', 'params.x (entry 3): expected a rational number'],
    ['range: [3, 1]', 'params.range'],
    ['activation: sigma', 'exercises[0].params.activation'],
    ['hidden: 9', 'exercises[0].params.hidden'],
    ['weights: "[1]"', "unknown field 'weights'"],
    ['preset: slides', 'exercises[0].params.preset'],
    ['layers: [2, 2, 2, 1]', 'exercises[0].params.layers: expected [inputs, hidden, outputs] (one hidden layer), such as [2, 2, 1]'],
    ['layers: [2, 3, 1]\nW1: "[1, 2; 3, 4]"', 'params.W1: W1 has 2 rows, but layers gives 3 hidden units (params.layers)'],
  ])('%s', (yaml, field) => {
    const e = specError('forward-pass', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});

describe('forward-pass: the slips it anticipates', () => {
  it('recognizes a pass without σ, with b⁽¹⁾ after σ, with σ at the output, and without a bias, for each activation', () => {
    const seen = new Set<string>();
    for (const activation of ['relu', 'sigmoid', 'tanh', 'identity']) {
      for (let seed = 1; seed <= 8; seed++) {
        const ex = generate('forward-pass', { activation }, seed);
        const answer = ex.answers[0];
        const mistakes = answer.mistakes ?? [];
        // As the CLI and the page read it (src/interactive/targets.ts).
        const problem = { ...prepareCheck(answer.value), anticipated: mistakes.map((x) => ({ id: x.id, expr: x.value, message: x.message })) };
        for (const mistake of mistakes) {
          const r = checkPrepared(problem, toText(mistake.value), { timeBudgetMs: 60_000 });
          if (r.verdict === 'correct') continue; // a slip that changes nothing here (ReLU zeroes the layer anyway)
          expect(r.verdict, `${activation} seed ${seed}: ${mistake.id}`).toBe('incorrect');
          // This slip's message, or an earlier one's that gives the same numbers.
          expect(mistakes.map((x) => x.message), `${activation} seed ${seed}: ${mistake.id}`).toContain(r.feedback);
          seen.add(`${activation}:${r.diagnosis?.id}`);
        }
        // Messages teach the rule; they never print the right answer's numbers.
        for (const mistake of answer.mistakes ?? []) expect(mistake.message).not.toContain(toText(answer.value));
      }
    }
    for (const id of ['missing-activation', 'bias-after-activation', 'output-activation', 'missing-bias']) expect(seen.has(`relu:${id}`) || seen.has(`sigmoid:${id}`), id).toBe(true);
    expect([...seen].some((k) => k.startsWith('identity:missing-activation'))).toBe(false);
  });
});
