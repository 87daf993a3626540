import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/parse/parse.js';
import { equal } from '../../src/expr/equal.js';
import { answerText, corrupt, expectVerified, fingerprint, generate, specError, verify, expectTypesets } from './kind-harness.js';

const LECTURE = { outer: '[u1 - 2*u2 + u3/4]', inner: '[x1 + 2*x2, x2, -x1 + 3]' };

describe('jacobian-chain: the lecture\'s example, both methods', () => {
  const ex = generate('jacobian-chain', LECTURE);

  it('∂(f∘g)/∂x = [3/4 0], f∘g = 3/4(x1 + 1), ∂f/∂g = [1 −2 1/4], ∂g/∂x = [1 2; 0 1; −1 0]', () => {
    expect(answerText(ex, 'J')).toBe('[[3/4, 0]]');
    expect(answerText(ex, 'fg')).toBe('3/4*(x1 + 1)');
    const fg = ex.answers.find((a) => a.id === 'fg');
    expect(fg && equal(fg.value, parse('3/4*(x1 + 1)'))).toBe(true);
    expect(answerText(ex, 'dfdg')).toBe('[[1, -2, 1/4]]');
    expect(answerText(ex, 'dgdx')).toBe('[1, 2; 0, 1; -1, 0]');
  });

  it('notes that the order matters: ∂g/∂x·∂f/∂g is 3×2 times 1×3, not defined', () => {
    const notes = ex.answers.find((a) => a.id === 'J')?.notes ?? [];
    expect(notes.join(' ')).toContain('(3 \\times 2)(1 \\times 3)\\text{: not defined}');
    expect(ex.data).toMatchObject({ wrongOrder: { kind: 'undefined' } });
    expect(ex.steps.map((s) => s.because).join(' ')).toContain('which is not defined');
  });

  it('steps follow the lecture: substitute, differentiate, ∂f/∂g, ∂g/∂x, multiply', () => {
    expect(ex.steps.map((s) => s.rule)).toEqual(['substitute', 'differentiate', 'jacobian', 'jacobian', 'chain-rule', 'agree', 'order']);
    expect(ex.steps[0].latex).toContain('= \\frac{3}{4} (x_{1} + 1)');
  });

  it('verifies (finite differences of f(g(x)), method 1 against method 2)', () => expectVerified(ex));

  it('a corrupted answer fails, naming it', () => {
    for (const id of ['J', 'fg', 'dfdg', 'dgdx']) {
      const r = verify(corrupt(ex, id));
      expect(r.ok).toBe(false);
      expect(new Set(r.failures.map((f) => f.answerId))).toEqual(new Set([id]));
    }
  });

  it('the lecture\'s f written as a scalar gives the same answers', () => {
    const scalar = generate('jacobian-chain', { ...LECTURE, outer: 'u1 - 2*u2 + u3/4' });
    expect(answerText(scalar, 'J')).toBe('[[3/4, 0]]');
    expect(answerText(scalar, 'fg')).toBe('3/4*(x1 + 1)');
  });
});

describe('jacobian-chain: random pairs', () => {
  const variants: Record<string, unknown>[] = [
    {},
    { difficulty: 'polynomial' },
    { difficulty: 'activations' },
    { outputs: 2, middle: 2, inputs: 2 },
    { outputs: 3, middle: 1, inputs: 3, range: 2 },
  ];
  for (const params of variants) {
    it(`20 seeds verify: ${JSON.stringify(params)}`, () => {
      for (let seed = 1; seed <= 20; seed++) expectVerified(generate('jacobian-chain', params, seed), seed);
    });
  }

  it('the same seed gives the same exercise; different seeds differ', () => {
    expect(fingerprint(generate('jacobian-chain', {}, 4))).toBe(fingerprint(generate('jacobian-chain', {}, 4)));
    const fs = new Set(Array.from({ length: 10 }, (_, s) => answerText(generate('jacobian-chain', {}, s), 'fg')));
    expect(fs.size).toBeGreaterThan(8);
  });

  it('a square case shows the wrong order giving a different matrix', () => {
    const kinds = new Set(Array.from({ length: 10 }, (_, s) => (generate('jacobian-chain', { outputs: 2, middle: 2, inputs: 2 }, s).data.wrongOrder as { kind: string }).kind));
    expect([...kinds].every((k) => k === 'different-value' || k === 'same-value')).toBe(true);
  });
});

describe('jacobian-chain: matrices too wide for a line', () => {
  // The largest random pair the schema allows: 3×4 and 4×3 Jacobians of activations. Set whole, the
  // wrong-order product ran 1,057 pt into the LaTeX margin, ∂f/∂g at u = g(x) 1,014 pt, and the
  // PDF set them at a seventh of their size.
  const big = generate('jacobian-chain', { outputs: 3, middle: 4, inputs: 3, difficulty: 'activations', range: 9 });
  const D_FG = '\\frac{\\partial (f \\circ g)}{\\partial \\mathbf{x}}';

  it('the wrong order is said in words, with its shape, not as the 4×4 matrix', () => {
    const notes = big.answers.find((a) => a.id === 'J')?.notes ?? [];
    expect(big.data).toMatchObject({ wrongOrder: { kind: 'different-shape' } });
    expect(notes[1]).toBe(`\\frac{\\partial g}{\\partial \\mathbf{x}}\\frac{\\partial f}{\\partial g} \\text{ is } 4 \\times 4\\text{, not the shape of } ${D_FG}`);
  });

  it('steps set such matrices one entry a line, as the answers are', () => {
    const multiply = big.steps.find((s) => s.rule === 'chain-rule');
    expect(multiply?.latex).toBe('');
    expect(multiply?.becauseLatex).toContain(`$$\\left(${D_FG}\\right)_{11} = `);
    expect(multiply?.becauseLatex.match(/\$\$/g)).toHaveLength(18);
    const dfdg = big.steps.find((s) => s.answerId === 'dfdg');
    expect(dfdg?.latex).toBe('');
    expect(dfdg?.becauseLatex).toContain('$$\\left(\\frac{\\partial f}{\\partial g}\\right)_{34} \\Big|_{\\mathbf{u} = g(\\mathbf{x})} = ');
    expect(big.steps.find((s) => s.rule === 'differentiate')?.latex).toBe('');
    // ∂g/∂x, linear and 4×3, fits and stays whole.
    expect(big.steps.find((s) => s.answerId === 'dgdx')?.latex).toBe('\\begin{bmatrix} 2 & 3 & -4 \\\\ -5 & 1 & 0 \\\\ 0 & 6 & -2 \\\\ 0 & 0 & -8 \\end{bmatrix}');
    const atInner = big.answers.find((a) => a.id === 'dfdg')?.notes ?? [];
    expect(atInner[0]).toBe('\\text{at } \\mathbf{u} = g(\\mathbf{x})\\text{, entry by entry:}');
    expect(atInner).toHaveLength(13);
    expectVerified(big);
    expectTypesets(big);
  });

  it('∂f/∂g at u = g(x) with 4-term entries, three a row, is set one entry a line though its rows count 56 glyphs', () => {
    // Measured in glyphs (60 allowed a row), it was set whole, 43 em wide: 75 pt into the LaTeX margin.
    const wide = generate('jacobian-chain', {
      outer: '[-2*u4^2 - 9*u1 + 2*u1*u2, -8*u2*u3 - 3*u3^2, -3*u2^2 - 3*u1*u2]',
      inner: '[-4*x2, 4*x1 + 1, -3*x1 + 2*x2 + 7*x3 + 9, 3*x1 + 9*x2 + 5*x3 - 8]',
    });
    const atInner = wide.answers.find((a) => a.id === 'dfdg')?.notes ?? [];
    expect(atInner[0]).toBe('\\text{at } \\mathbf{u} = g(\\mathbf{x})\\text{, entry by entry:}');
    expect(atInner).toHaveLength(13);
    // The step: ∂f/∂g itself fits and stays whole; its value at g(x) follows one entry a line.
    const dfdg = wide.steps.find((s) => s.answerId === 'dfdg');
    expect(dfdg?.latex).toBe('');
    expect(dfdg?.becauseLatex).toContain('$$\\frac{\\partial f}{\\partial g} = \\begin{bmatrix} -9 + 2 u_{2} & 2 u_{1} & 0 & -4 u_{4} \\\\ ');
    expect(dfdg?.becauseLatex.match(/\$\$\\left\(\\frac\{\\partial f\}\{\\partial g\}\\right\)_\{\d\d\} \\Big\|/g)).toHaveLength(12);
    expectVerified(wide);
  });

  it("the lecture's small matrices stay whole", () => {
    const ex = generate('jacobian-chain', LECTURE);
    expect(ex.steps.find((s) => s.rule === 'chain-rule')?.latex).toBe(
      '\\begin{bmatrix} 1 & -2 & \\frac{1}{4} \\end{bmatrix}\\begin{bmatrix} 1 & 2 \\\\ 0 & 1 \\\\ -1 & 0 \\end{bmatrix} = \\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}',
    );
  });
});

describe('jacobian-chain: bad params name the field', () => {
  it.each([
    ['outer: "[u1]"', 'params.inner: give both'],
    ['middle: 9', 'exercises[0].params.middle'],
    ['difficulty: cubic', 'exercises[0].params.difficulty'],
    ['outer: "[u1 + u2]"\ninner: "[x1, x2, x3]"', 'g has 3 outputs but f has 2 variables'],
    ['outer: "[u1 + x1]"\nouterVars: [u1]\ninner: "[x1]"', 'f mentions x1'],
    ['outer: "[u1]"\ninner: "[x1]"\nrange: 2', 'params.range: only for random'],
    ['vars: [x1]', 'params.vars: only with a given'],
    // Before: built, and verify failed the key (exit 1) for want of points.
    ['outer: "[u1 + sqrt(-1 - u2^2)]"\ninner: "[x1, x2]"', 'bad.yaml:7: exercises[0].params.outer: u1 + sqrt(-1 - u2^2) has no finite value at any point tried (u1, u2 from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise q, jacobian-chain)'],
    ['outer: "[u1, u2]"\ninner: "[x1, 1/(x2 - x2)]"', 'bad.yaml:8: exercises[0].params.inner: entry 2, 1/(x2 - x2), has no finite value'],
    // f and g each have values, but g never lands where f has one.
    ['outer: "[sqrt(u1)]"\ninner: "[-1 - x1^2]"', 'bad.yaml:8: exercises[0].params.inner: in f(g(x)), sqrt(-1 - x1^2) has no finite value at any point tried (x1 from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise q, jacobian-chain)'],
  ])('%s', (yaml, field) => {
    const e = specError('jacobian-chain', yaml);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toContain(field);
  });
});

describe('jacobian-chain: the key typesets', () => {
  it('every formula and sentence renders with KaTeX (strict), for the lecture instance and random ones', () => {
    const variants: Record<string, unknown>[] = [{ outer: '[u1 - 2*u2 + u3/4]', inner: '[x1 + 2*x2, x2, -x1 + 3]' }, {}, { difficulty: 'polynomial' }, { difficulty: 'activations', outputs: 2 }, { outputs: 2, middle: 2, inputs: 2 }];
    for (const params of variants) for (let seed = 1; seed <= 5; seed++) expectTypesets(generate('jacobian-chain', params, seed));
  });
});
