import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { checkCollapse, collapseLatex, collapseText, linearCollapse } from '../../src/nn/collapse.js';
import { evaluateExactMatrix, matricesEqual } from '../../src/linalg/exact.js';
import { product } from '../../src/linalg/build.js';
import { symbolKey } from '../../src/linalg/names.js';
import { matrixToText } from '../../src/linalg/print-text.js';
import { InputError } from '../../src/errors.js';
import { createRng } from '../../src/numeric/rng.js';

describe("the lecture's linear collapse", () => {
  const c = linearCollapse({ layers: [2, 2, 1] });

  it('takes the three lines of the lecture', () => {
    expect(collapseText(c)).toBe(
      ['g(x) = W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾', '     = (W⁽²⁾W⁽¹⁾)x + W⁽²⁾b⁽¹⁾ + b⁽²⁾', '     = Wx + b', '  with W = W⁽²⁾W⁽¹⁾, b = W⁽²⁾b⁽¹⁾ + b⁽²⁾'].join('\n'),
    );
    expect(collapseLatex(c)).toBe(
      '\\begin{aligned} g(\\mathbf{x}) &= \\mathbf{W}^{(2)} \\left(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}\\right) + \\mathbf{b}^{(2)} \\\\ ' +
        '&= \\left(\\mathbf{W}^{(2)} \\mathbf{W}^{(1)}\\right) \\mathbf{x} + \\mathbf{W}^{(2)} \\mathbf{b}^{(1)} + \\mathbf{b}^{(2)} \\\\ ' +
        '&= \\mathbf{W} \\mathbf{x} + \\mathbf{b} \\end{aligned}',
    );
    expect(c.steps.map((s) => s.rule)).toEqual(['distribute', 'collapse']);
    expect(c.steps[0].because).toBe('Distribute W⁽²⁾ over the sum: A(B + C) = AB + AC; then regroup, since matrix products are associative: A(Bx) = (AB)x.');
    expect(c.steps[1].because).toBe(
      'Name the collected matrices: W = W⁽²⁾W⁽¹⁾ (1×2) and b = W⁽²⁾b⁽¹⁾ + b⁽²⁾ (1×1). This is a single affine layer: without a non-linearity the extra layers add nothing.',
    );
    katex.renderToString(collapseLatex(c), { throwOnError: true, displayMode: true });
  });

  it('is exactly equal, line by line, for random rational matrices', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const k = checkCollapse(c, createRng(seed));
      expect(k.equal).toBe(true);
      expect(k.lineValues).toHaveLength(2);
      // Denominators survive: the comparison is exact, not a float round-off.
      expect(k.values.g[0][0].d > 1n || k.values.g[0][0].n !== 0n).toBe(true);
    }
  });
});

describe('d layers', () => {
  it.each([
    [[3, 4, 2, 2]],
    [[2, 3, 4, 2, 1]],
    [[4, 1, 3, 2, 5, 2]],
    [[1, 1]],
  ])('%j collapses to Wx + b with W = W⁽ᵈ⁾⋯W⁽¹⁾', (layers) => {
    const c = linearCollapse({ layers });
    const d = layers.length - 1;
    expect(c.steps.map((s) => s.rule)).toEqual([...Array<string>(d - 1).fill('distribute'), 'collapse']);
    expect(matrixToText(c.WExpr)).toBe(Array.from({ length: d }, (_, i) => `W⁽${'⁰¹²³⁴⁵⁶⁷⁸⁹'[d - i]}⁾`).join(''));
    expect([c.W.rows, c.W.cols]).toEqual([layers[d], layers[0]]);
    expect(c.bExpr && matrixToText(c.bExpr).split(' + ')).toHaveLength(d);
    for (const seed of [7, 8, 9]) expect(checkCollapse(c, createRng(seed)).equal).toBe(true);
  });

  it('writes every intermediate line for three layers', () => {
    const c = linearCollapse({ layers: [2, 3, 3, 1] });
    expect(collapseText(c).split('\n')).toEqual([
      'g(x) = W⁽³⁾(W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾) + b⁽³⁾',
      '     = W⁽³⁾W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + W⁽³⁾b⁽²⁾ + b⁽³⁾',
      '     = (W⁽³⁾W⁽²⁾W⁽¹⁾)x + W⁽³⁾W⁽²⁾b⁽¹⁾ + W⁽³⁾b⁽²⁾ + b⁽³⁾',
      '     = Wx + b',
      '  with W = W⁽³⁾W⁽²⁾W⁽¹⁾, b = W⁽³⁾W⁽²⁾b⁽¹⁾ + W⁽³⁾b⁽²⁾ + b⁽³⁾',
    ]);
  });

  it('regroups a network without biases by associativity', () => {
    const c = linearCollapse({ layers: [3, 2, 2, 1], bias: false });
    expect(collapseText(c).split('\n')).toEqual([
      'g(x) = W⁽³⁾(W⁽²⁾(W⁽¹⁾x))',
      '     = (W⁽³⁾W⁽²⁾W⁽¹⁾)x',
      '     = Wx',
      '  with W = W⁽³⁾W⁽²⁾W⁽¹⁾',
    ]);
    expect(c.steps.map((s) => s.rule)).toEqual(['associate', 'collapse']);
    expect(c.b).toBeUndefined();
    expect(checkCollapse(c, createRng(3)).equal).toBe(true);
  });

  it('depends on the order of the products: W⁽¹⁾W⁽²⁾ is not W', () => {
    const c = linearCollapse({ layers: [3, 3, 3] });
    const k = checkCollapse(c, createRng(12));
    const values = (s: Parameters<typeof symbolKey>[0]) => k.values.parameters.get(symbolKey(s));
    const [W2, W1] = c.WExpr.kind === 'product' ? c.WExpr.factors : [];
    const swapped = evaluateExactMatrix(product(W1, W2), values);
    expect(matricesEqual(swapped, k.values.W)).toBe(false);
    expect(matricesEqual(evaluateExactMatrix(c.WExpr, values), k.values.W)).toBe(true);
  });

  it('rejects bad widths', () => {
    expect(() => linearCollapse({ layers: [2] })).toThrowError(InputError);
    expect(() => linearCollapse({ layers: [2, 0] })).toThrowError('--layers: layer 2 has width 0; widths are whole numbers from 1 to 64');
  });
});
