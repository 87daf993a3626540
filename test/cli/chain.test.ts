import { describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

const LECTURE = ['--outer', 'u1 - 2*u2 + u3/4', '--outer-vars', 'u1,u2,u3', '--inner', '[x1+2*x2, x2, -x1+3]', '--vars', 'x1,x2'];

describe('gradsheet chain', () => {
  it("works the lecture's example both ways, as text", async () => {
    const r = await gradsheet('chain', ...LECTURE);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'f: ℝ³ → ℝ, g: ℝ² → ℝ³',
        'Method 1, substitute g into f and differentiate:',
        '  f(g(x)) = 3/4*(x1 + 1)',
        '  ∂(f∘g)/∂x = [[3/4, 0]]   (1×2)',
        'Method 2, the chain rule ∂(f∘g)/∂x = ∂f/∂g · ∂g/∂x:',
        '  ∂f/∂g = [[1, -2, 1/4]]   (1×3)',
        '  ∂g/∂x = [1, 2; 0, 1; -1, 0]   (3×2)',
        '  ∂f/∂g · ∂g/∂x = [[3/4, 0]]   (1×2)',
        'Agree: yes (symbolically equal; numerically equal at 5 seeded points)',
        'Wrong order: ∂g/∂x · ∂f/∂g is 3×2 times 1×3 (2 columns but 1 row): not defined',
      ].join('\n'),
    );
  });

  it('gives the contract\'s JSON keys, with the wrong order explained', async () => {
    const r = await gradsheet('chain', ...LECTURE, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['outer_jacobian', 'inner_jacobian', 'product', 'substituted', 'agree']));
    expect(j.outer_jacobian).toMatchObject({ rows: 1, cols: 3, entries: [['1', '-2', '1/4']] });
    expect(j.inner_jacobian).toMatchObject({ rows: 3, cols: 2, entries: [['1', '2'], ['0', '1'], ['-1', '0']] });
    expect(j.product).toEqual({
      rows: 1,
      cols: 2,
      entries: [['3/4', '0']],
      latex: '\\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}',
      text: '[[3/4, 0]]',
    });
    expect(j.substituted.composition).toBe('3/4*(x1 + 1)');
    expect(j.substituted.jacobian.entries).toEqual([['3/4', '0']]);
    expect(j.agree).toBe(true);
    expect(j.check).toEqual({ symbolic: true, numeric: true, points: 5 });
    expect(j.wrong_order).toEqual({
      fails: true,
      why: 'undefined',
      reason: '∂g/∂x · ∂f/∂g is 3×2 times 1×3 (2 columns but 1 row): not defined',
    });
  });

  it('prints the lecture\'s working as LaTeX', async () => {
    const r = await gradsheet('chain', ...LECTURE, '--format', 'latex');
    expect(r.stdout).toContain('\\begin{bmatrix} 1 & -2 & \\frac{1}{4} \\end{bmatrix} \\begin{bmatrix} 1 & 2 \\\\ 0 & 1 \\\\ -1 & 0 \\end{bmatrix} = \\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}');
    expect(r.stdout).toContain('\\frac{3}{4} (x_{1} + 1)');
  });

  it('shows ∂f/∂u before and after substituting u = g(x) when it depends on u', async () => {
    const r = await gradsheet('chain', '--outer', 'sigma(u1*u2)', '--outer-vars', 'u1,u2', '--inner', '[x1*x2, sin(x1)]', '--vars', 'x1,x2');
    expect(r.stdout).toContain("  ∂f/∂u = [[sigma'(u1*u2)*u2, sigma'(u1*u2)*u1]]   (1×2); at u1, u2 = g(x):");
    expect(r.stdout).toContain('Agree: yes');
  });

  it.each([
    [LECTURE.slice(2), '--outer is required: f, e.g. --outer "u1 - 2*u2 + u3/4"'],
    [[...LECTURE.slice(0, 2), ...LECTURE.slice(4)], '--outer-vars is required: name the inputs in column order, e.g. --outer-vars u1,u2,u3 (the expression has u1, u2, u3)'],
    [[...LECTURE.slice(0, 5), '[x1, x2]', ...LECTURE.slice(6)], 'g has 2 outputs but f has 3 variables (u1, u2, u3); they must match'],
    [['--outer', 'u1 + x1', ...LECTURE.slice(2)], 'f mentions x1, a variable of g; f must depend on x1, x2 only through u1, u2, u3'],
    [['--outer', 'u1 +', ...LECTURE.slice(2)], '--outer: column 5: unexpected end of input; expected a value'],
  ])('%# rejects bad input with exit 2 and one line', async (args, message) => {
    expectInputError(await gradsheet('chain', ...args), message);
  });

  it.each([
    // Before: "Agree: yes (symbolically equal; numerically equal at 5 seeded points)", exit 0: every derivative of 1/(u − u) simplified to 0.
    [['--outer', '1/(u-u)', '--outer-vars', 'u', '--inner', '[x]', '--vars', 'x'], '--outer: 1/(u - u) has no finite value at any point tried (u from −10⁶ to 10⁶)'],
    // Before: "Agree: yes (symbolically equal; numerically no valid numeric test points)", exit 0.
    [['--outer', 'u', '--outer-vars', 'u', '--inner', '[sqrt(-1-x^2)]', '--vars', 'x'], '--inner: entry 1, sqrt(-1 - x^2), has no finite value at any point tried (x from −10⁶ to 10⁶)'],
    [['--outer', 'log(-(u^2)-1)', '--outer-vars', 'u', '--inner', '[x]', '--vars', 'x'], '--outer: log(-u^2 - 1) has no finite value at any point tried (u from −10⁶ to 10⁶)'],
    // f and g each have values; f(g(x)) has none.
    [['--outer', 'sqrt(u)', '--outer-vars', 'u', '--inner', '[-1-x^2]', '--vars', 'x'], '--outer and --inner: in f(g(x)), sqrt(-1 - x^2) has no finite value at any point tried (x from −10⁶ to 10⁶)'],
  ])('%# refuses f, g or f(g(x)) with no value anywhere: exit 2, naming it', async (args, message) => {
    expectInputError(await gradsheet('chain', ...args), `${message}, so the chain rule cannot be checked numerically`);
  });
});
