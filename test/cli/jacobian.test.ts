import { describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

const LECTURE = '[2*x1+x2, pi*x2, -x1/x2]';

describe('gradsheet jacobian', () => {
  it("prints the lecture's Jacobian as text", async () => {
    const r = await gradsheet('jacobian', LECTURE, '--vars', 'x1,x2');
    expect(r).toEqual({ code: 0, stdout: '[2, 1; 0, pi; -1/x2, x1/x2^2]', stderr: '' });
  });

  it('gives {rows, cols, entries, latex} in JSON', async () => {
    const r = await gradsheet('jacobian', LECTURE, '--vars', 'x1,x2', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      rows: 3,
      cols: 2,
      entries: [
        ['2', '1'],
        ['0', 'pi'],
        ['-1/x2', 'x1/x2^2'],
      ],
      latex: '\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\[0.4em] -\\frac{1}{x_{2}} & \\frac{x_{1}}{x_{2}^{2}} \\end{bmatrix}',
      vars: ['x1', 'x2'],
      outputs: ['2*x1 + x2', 'pi*x2', '-x1/x2'],
    });
    expect(j.gradient).toBeUndefined();
  });

  it('prints LaTeX', async () => {
    const r = await gradsheet('jacobian', LECTURE, '--vars', 'x1,x2', '--format', 'latex');
    expect(r.stdout).toBe('\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\[0.4em] -\\frac{1}{x_{2}} & \\frac{x_{1}}{x_{2}^{2}} \\end{bmatrix}');
  });

  it('says that a real-valued function has a 1×m Jacobian, the transpose of its gradient', async () => {
    const r = await gradsheet('jacobian', 'x1 - 2*x2 + x3/4', '--vars', 'x1,x2,x3');
    expect(r.stdout).toBe('[[1, -2, 1/4]]\n(f is real-valued, so its Jacobian (1×3) is the transpose of its gradient (3×1): [1; -2; 1/4])');
    const j = JSON.parse((await gradsheet('jacobian', 'x1 - 2*x2 + x3/4', '--vars', 'x1,x2,x3', '--format', 'json')).stdout);
    expect(j.entries).toEqual([['1', '-2', '1/4']]);
    expect(j.gradient).toMatchObject({ rows: 3, cols: 1, entries: [['1'], ['-2'], ['1/4']] });
    expect(j.note).toMatch(/transpose of its gradient/);
    expect((await gradsheet('jacobian', 'x1 - 2*x2 + x3/4', '--vars', 'x1,x2,x3', '--gradient')).stdout).toBe('[1; -2; 1/4]');
  });

  it('shows the steps of every entry with --steps', async () => {
    const r = await gradsheet('jacobian', LECTURE, '--vars', 'x1,x2', '--steps');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('∂f3/∂x2 = ∂/∂x2[-x1/x2]');
    expect(r.stdout).toContain('Power rule');
    expect(r.stdout.split('\n').at(-1)).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
    const j = JSON.parse((await gradsheet('jacobian', LECTURE, '--vars', 'x1,x2', '--steps', '--format', 'json')).stdout);
    expect(j.steps).toHaveLength(6);
    expect(j.steps[5]).toMatchObject({ row: 3, col: 2, of: '-x1/x2', wrt: 'x2', derivative: 'x1/x2^2' });
  });

  it.each([
    [[LECTURE], '--vars is required: name the inputs in column order, e.g. --vars x1,x2 (the expression has x1, x2)'],
    [[LECTURE, '--vars', 'x1,x1'], '--vars: x1 appears twice'],
    [[LECTURE, '--vars', 'x1,,x2'], '--vars "x1,,x2": empty name in the list'],
    [['[x1, x2; x2, x1]', '--vars', 'x1'], 'F is a 2×2 matrix; a Jacobian needs a list of outputs such as [f1, f2]'],
    [['[x1, *x2]', '--vars', 'x1'], "F: column 6: expected a value, not '*'"],
    [[LECTURE, '--vars', 'x1,x2', '--gradient'], '--gradient: f has 3 outputs; a gradient is for a real-valued function'],
    [['[x1, 1/(x2 - x2)]', '--vars', 'x1,x2'], 'F: entry 2, 1/(x2 - x2), has no finite value at any point tried (x2 from −10⁶ to 10⁶), so it has no Jacobian'],
  ])('%# rejects bad input with exit 2 and one line', async (args, message) => {
    expectInputError(await gradsheet('jacobian', ...args), message);
  });
});
