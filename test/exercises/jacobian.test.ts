import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { tooWideToSetWhole } from '../../src/print/width.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify, expectTypesets } from './kind-harness.js';

const LECTURE = { expr: '[2*x1 + x2, pi*x2, -x1/x2]' };

describe('jacobian: the lecture\'s example ("Jacobian matrices")', () => {
  const ex = generate('jacobian', LECTURE);

  it('gives [2, 1; 0, pi; -1/x2, x1/x2^2], rows the outputs, columns the inputs', () => {
    expect(answerText(ex, 'J')).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
    expect(ex.data).toMatchObject({ vars: ['x1', 'x2'], rows: 3, cols: 2, difficulty: 'given' });
  });

  it('works each ∂fᵢ/∂xⱼ as a step, then lays them out', () => {
    expect(ex.steps).toHaveLength(7);
    expect(ex.steps[2].becauseLatex).toBe('$\\frac{\\partial f_{2}}{\\partial x_{1}} = 0$: $\\pi x_{2}$ does not depend on $x_{1}$.');
    expect(ex.steps[5].becauseLatex).toContain('= \\frac{x_{1}}{x_{2}^{2}}$$');
    // Only the last step carries the answer's value (printed "= …" under ∂f/∂x).
    expect(ex.steps.slice(0, 6).every((s) => s.latex === '')).toBe(true);
    // The last step states what it lays out: ∂f/∂x = [ … ].
    expect(ex.steps[6].latex).toMatch(/^\\frac\{\\partial f\}\{\\partial \\mathbf\{x\}\} = \\begin\{bmatrix\} 2 & 1 \\\\ 0 & \\pi/);
  });

  it('shows f as the lecture writes it and verifies against finite differences', () => {
    expect(ex.prompt.some((b) => b.kind === 'math' && b.latex.includes('\\pi x_{2}'))).toBe(true);
    expectVerified(ex);
  });

  it('a corrupted answer fails verification, naming it', () => {
    const r = verify(corrupt(ex, 'J'));
    expect(r.ok).toBe(false);
    expect(r.failures[0]).toMatchObject({ answerId: 'J', check: 'jacobian' });
    expect(r.failures[0].message).toContain('entry (1, 1)');
  });

  it("an instructor's wrong answer is caught too", () => {
    const r = verify(generate('jacobian', LECTURE, 1, { J: '[2, 1; 0, pi; 1/x2, x1/x2^2]' }));
    expect(r.failures.map((f) => f.answerId)).toEqual(['J']);
    expect(r.failures[0].message).toContain('entry (3, 1)');
  });
});

describe('jacobian: random functions', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { difficulty: 'linear' },
    { difficulty: 'activations' },
    { outputs: 1, inputs: 3, range: 5 },
    { outputs: 4, inputs: 1 },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('jacobian', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds give different functions', () => {
    expect(fingerprint(generate('jacobian', {}, 5))).toBe(fingerprint(generate('jacobian', {}, 5)));
    const answers = new Set(Array.from({ length: 10 }, (_, s) => answerText(generate('jacobian', {}, s), 'J')));
    expect(answers.size).toBeGreaterThan(8);
  });

  it('sizes are honoured and every input is used', () => {
    const ex = generate('jacobian', { outputs: 3, inputs: 3 }, 9);
    expect(ex.data).toMatchObject({ rows: 3, cols: 3, vars: ['x1', 'x2', 'x3'] });
  });
});

describe('jacobian: a matrix too wide for a line', () => {
  it('is not restated in the last step, which points to the answer set out entry by entry', () => {
    const seen = { whole: 0, wide: 0 };
    for (let seed = 1; seed <= 12; seed++) {
      const ex = generate('jacobian', { outputs: 4, inputs: 3, difficulty: 'activations' }, seed);
      const last = ex.steps.at(-1)!;
      if (tooWideToSetWhole(ex.answers[0].value)) {
        seen.wide++;
        expect(last.latex, `seed ${seed}`).toBe('');
        expect(last.becauseLatex, `seed ${seed}`).toMatch(/; the answer above sets it out entry by entry\.$/);
      } else {
        seen.whole++;
        expect(last.latex, `seed ${seed}`).toMatch(/^\\frac\{\\partial f\}\{\\partial \\mathbf\{x\}\} = \\begin\{bmatrix\}/);
      }
    }
    // Both happen among these seeds, so both branches are tested.
    expect(seen.wide).toBeGreaterThan(0);
    expect(seen.whole).toBeGreaterThan(0);
  });
});

describe('jacobian: abstract functions in a given f', () => {
  it('the prompt introduces the ones f calls, by name (before: "Here σ is …" for φ and ψ)', () => {
    const ex = generate('jacobian', { expr: '[phi(x1*x2), psi(x2)]' });
    const texts = ex.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts).toContain("Here $\\phi$ and $\\psi$ are differentiable functions with derivatives $\\phi'$ and $\\psi'$.");
    expectVerified(ex);
    const vsGradient = generate('jacobian-vs-gradient', { expr: 'f(x1) + x2' });
    expect(vsGradient.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : []))).toContain("Here $f$ is a differentiable function with derivative $f'$.");
    const chain = generate('jacobian-chain', { outer: '[g(u1) + u2]', inner: '[x1, x1*x2]' });
    expect(chain.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : []))).toContain("Here $g$ is a differentiable function with derivative $g'$.");
  });
});

describe('jacobian: bad params name the field', () => {
  it.each([
    ['difficulty: hard', 'exercises[0].params.difficulty'],
    ['outputs: 0', 'exercises[0].params.outputs'],
    ['colour: red', "unknown field 'colour'"],
    ['expr: "[x1 +, x2]"', 'params.expr: column'],
    ['expr: "[x1, x2]"\noutputs: 2', 'params.outputs: only for random functions'],
    ['expr: "[x1, x2]"\nvars: [x1, x1]', 'params.vars: x1 appears twice'],
    ['inputs: 3\nvars: [a, b]', 'params.inputs'],
    // The key had all zeros, or no column for x2, and the build passed.
    ['expr: "[x1*x2, x1 + x2]"\nvars: [a, b]', 'params.vars: the function also depends on x1, x2, which are not among its variables a, b'],
    ['expr: "[x1*x2, x1 + x2]"\nvars: [x1, x3]', 'params.vars: the function also depends on x2, which is not among its variables x1, x3'],
    // Before: built, and verify failed the key (exit 1) for want of points.
    ['expr: "[x1*x2, log(-(x2^2) - 1)]"', 'bad.yaml:7: exercises[0].params.expr: entry 2, log(-x2^2 - 1), has no finite value at any point tried (x2 from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise q, jacobian)'],
  ])('%s', (yaml, field) => {
    const e = specError('jacobian', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});

describe('jacobian: an input the function does not use', () => {
  it('is allowed, with a zero column', () => {
    expect(answerText(generate('jacobian', { expr: '[x1^2, x1]', vars: ['x1', 'x2'] }), 'J')).toBe('[2*x1, 0; 1, 0]');
  });
});

describe('jacobian: the key typesets', () => {
  it('every formula and sentence renders with KaTeX (strict), for the lecture instance and random ones', () => {
    const variants: Record<string, unknown>[] = [{ expr: '[2*x1 + x2, pi*x2, -x1/x2]' }, {}, { difficulty: 'activations' }, { outputs: 1, inputs: 3 }];
    for (const params of variants) for (let seed = 1; seed <= 5; seed++) expectTypesets(generate('jacobian', params, seed));
  });
});
