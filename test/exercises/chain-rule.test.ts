import { describe, expect, it } from 'vitest';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';
import { InputError } from '../../src/errors.js';
import { answerText, corrupt, expectTypesets, expectVerified, fingerprint, generate, specError, verify } from './kind-harness.js';

describe("chain-rule: the lecture's vσ(uw + z)", () => {
  const ex = generate('chain-rule', { expr: 'v*sigma(u*w + z)', wrt: 'w' });

  it("answers vσ′(uw + z)u, with σ introduced in the prompt", () => {
    expect(answerText(ex, 'a')).toBe("v*sigma'(u*w + z)*u");
    expect(ex.prompt.map((b) => (b.kind === 'text' ? b.text : '')).join(' ')).toContain("Suppose $\\sigma$ is a differentiable function with derivative $\\sigma'$.");
  });

  it('shows the lecture’s steps: the constant factor, the chain rule, the inner derivative', () => {
    expect(ex.steps.map((s) => s.because)).toEqual([
      'It has the form c·σ(s) with c = v and s = u*w + z, where only s depends on w: ∂/∂w[c·σ(s)] = c·∂σ(s)/∂w.',
      'Chain rule: the derivative of c·σ(s) is c·σ′(s)·∂s/∂w, with c = v and s = u*w + z.',
      '∂s/∂w = u, since s = u*w + z is linear in w and the coefficient of w is u.',
    ]);
    expectTypesets(ex);
  });

  it("gives the method's general form in the steps' letters: z is the expression's, so σ(s)", () => {
    expect(ex.data).toMatchObject({ c: 'c', inner: 's', wrt: 'w' });
    expect(generate('chain-rule', { expr: 'a*sigma(b*t + d)', wrt: 't' }).data).toMatchObject({ c: 'c', inner: 'z' });
    expect(generate('chain-rule', { expr: 'a*sigma(b*t + c)', wrt: 't' }).data).toMatchObject({ c: 's', inner: 'z' });
  });

  it('verifies against finite differences; a corrupted answer fails', () => {
    expectVerified(ex);
    expect(verify(corrupt(ex, 'a')).failures.map((f) => f.answerId)).toEqual(['a']);
  });
});

describe('chain-rule: the abstract functions the prompt introduces', () => {
  const lead = (ex: ReturnType<typeof generate>): string => (ex.prompt[0].kind === 'text' ? ex.prompt[0].text : '');

  it('names the functions the expression calls (before: "Suppose σ is …" for f(g(w)), which has no σ)', () => {
    expect(lead(generate('chain-rule', { expr: 'f(g(w))', wrt: 'w' }))).toBe("Suppose $f$ and $g$ are differentiable functions with derivatives $f'$ and $g'$.");
    expect(lead(generate('chain-rule', { expr: 'phi(a*w)', wrt: 'w' }))).toBe("Suppose $\\phi$ is a differentiable function with derivative $\\phi'$.");
    expect(lead(generate('chain-rule', { expr: 'v*sigma(u*w + z) + psi(w)', wrt: 'w' }))).toBe(
      "Suppose $\\sigma$ and $\\psi$ are differentiable functions with derivatives $\\sigma'$ and $\\psi'$.",
    );
  });

  it('one variable is "a scalar" (before: "where w are all scalars")', () => {
    const ask = (ex: ReturnType<typeof generate>): string => ex.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join(' ');
    expect(ask(generate('chain-rule', { expr: 'sigma(sigma(w))', wrt: 'w' }))).toContain('with respect to $w$ (where $w$ is a scalar)?');
    expect(ask(generate('chain-rule', { expr: 'v*sigma(u*w + z)', wrt: 'w' }))).toContain('(where $v$, $u$, $w$, $z$ are all scalars)?');
  });

  it('introduces none for known functions', () => {
    const ex = generate('chain-rule', { expr: 'exp(sigmoid(w))', wrt: 'w' });
    expect(ex.prompt.map((b) => (b.kind === 'text' ? b.text : '')).join(' ')).not.toContain('differentiable function');
  });
});

describe('chain-rule: random expressions of the same shape', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i verifies and typesets, and is the same twice', (seed) => {
    const ex = generate('chain-rule', {}, seed);
    expectVerified(ex);
    expectTypesets(ex);
    expect(fingerprint(generate('chain-rule', {}, seed))).toBe(fingerprint(ex));
  });

  it('takes the activation asked for', () => {
    expect(answerText(generate('chain-rule', { activation: 'tanh' }, 3), 'a')).toMatch(/tanh/);
  });
});

describe('chain-rule: bad params', () => {
  it('refuses a vector or matrix, naming the field (before: a message with no file, line or field)', () => {
    expect(specError('chain-rule', 'expr: "[w, w]"\nwrt: w')?.message).toMatch(/^bad\.yaml:\d+: exercises\[0\]\.params\.expr: '\[w, w\]' is a vector or matrix; the chain rule exercise differentiates a scalar expression/);
  });

  it('refuses an answer under an id the exercise does not have (before: ignored, and the key showed its own answer)', () => {
    const yaml = 'title: T\nexercises:\n  - kind: chain-rule\n    answers:\n      zz: "1"\n';
    expect(() => buildSheet(loadSpec(yaml, 'bad.yaml'))).toThrow(/^bad\.yaml:\d+: exercises\[0\]\.answers\.zz: this exercise has no answer 'zz'; its answers are 'a'/);
  });

  it('names a variable that is not in the expression', () => {
    expect(specError('chain-rule', 'expr: "v*sigma(u*w + z)"\nwrt: x')?.message).toBe("bad.yaml:8: exercises[0].params.wrt: 'x' does not occur in v*sigma(u*w + z) (exercise q, chain-rule)");
    // It said "'pi' does not occur in pi*x".
    expect(specError('chain-rule', 'expr: "pi*x"\nwrt: pi')?.message).toBe("bad.yaml:8: exercises[0].params.wrt: 'pi' is the constant π, not a variable; differentiate with respect to one of x (exercise q, chain-rule)");
  });

  it.each([
    ['1/(x - x)', '1/(x - x)'],
    ['log(-(x^2) - 1)', 'log(-x^2 - 1)'],
    ['sqrt(-1 - x^2)', 'sqrt(-1 - x^2)'],
  ])('refuses %s, which has no value anywhere (before: built, and verify failed it, exit 1)', (expr, text) => {
    const e = specError('chain-rule', `expr: "${expr}"\nwrt: x`);
    expect(e).toBeInstanceOf(InputError);
    expect(e?.message).toBe(`bad.yaml:7: exercises[0].params.expr: ${text} has no finite value at any point tried (x from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise q, chain-rule)`);
  });

  it('builds an expression defined only far from the test points (its check fails; the input is not bad)', () => {
    expect(specError('chain-rule', 'expr: "log(x - 100)"\nwrt: x')).toBeUndefined();
  });

  it('gives the column of a malformed expression', () => {
    expect(specError('chain-rule', 'expr: "v*sigma(u*w + "')?.message).toMatch(/params\.expr.*column \d+/);
  });
});
