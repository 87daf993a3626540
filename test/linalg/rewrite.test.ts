import { describe, expect, it } from 'vitest';
import type { MatExpr } from '../../src/linalg/types.js';
import { differentiate } from '../../src/calculus/differentiate.js';
import { sym } from '../../src/expr/build.js';
import { lossExpression } from '../../src/nn/network.js';
import { rat } from '../../src/rational.js';
import {
  diag,
  elementwise,
  identity,
  product,
  scalar,
  scale,
  sum,
  transpose,
  vectorSymbol,
  zero,
} from '../../src/linalg/build.js';
import { GRADIENT_RULES, normalize, TIDY_RULES, type Applied } from '../../src/linalg/rewrite.js';
import { matrixToText } from '../../src/linalg/print-text.js';
import { matProseLatex, matProseText } from '../../src/linalg/steps.js';
import { scalarName } from '../../src/linalg/names.js';
import { createRng } from '../../src/numeric/rng.js';
import { delta2, expandNamed, maxDifference, W2, z1 } from './helpers.js';

function run(e: MatExpr, rules = GRADIENT_RULES, definitions: { name: ReturnType<typeof vectorSymbol>; expr: MatExpr }[] = []) {
  const steps: Applied[] = [];
  const value = normalize(e, rules, { definitions }, (a) => steps.push(a));
  return { value, steps };
}

describe('rewrite rules', () => {
  it('turns the transposed chain-rule Jacobian into the lecture δ, one rule at a time', () => {
    const J = product(transpose(delta2), W2, diag(elementwise('sigma', 1, z1)));
    const { value, steps } = run(transpose(J));
    expect(matrixToText(value)).toBe('(W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾)');
    // Leftmost-outermost: diag(v)u = u ⊙ v applies to the whole product before the inner (δᵀ)ᵀ.
    expect(steps.map((s) => s.rule)).toEqual(['transpose-product', 'transpose-diagonal', 'diag-hadamard', 'transpose-transpose']);
  });

  it('keeps the value at every step', () => {
    const J = product(transpose(delta2), W2, diag(elementwise('sigma', 1, z1)));
    const start = expandNamed(transpose(J));
    const rng = createRng(2);
    for (const s of run(transpose(J)).steps) expect(maxDifference(expandNamed(s.value), start, rng)).toBeLessThan(1e-12);
  });

  it('drops identities and zeros and multiplies numbers', () => {
    expect(matrixToText(run(product(transpose(delta2), identity(2)), TIDY_RULES).value)).toBe('δ⁽²⁾ᵀ');
    expect(matrixToText(run(sum(delta2, zero(2, 1)), TIDY_RULES).value)).toBe('δ⁽²⁾');
    expect(matrixToText(run(product(W2, zero(2, 1)), TIDY_RULES).value)).toBe('0');
    expect(matrixToText(run(scale(rat(1, 2), scale(rat(2), transpose(delta2))), TIDY_RULES).value)).toBe('δ⁽²⁾ᵀ');
    expect(matrixToText(run(transpose(identity(1))).value)).toBe('1');
  });

  it('gives each rule’s general form as math: Unicode in the text, LaTeX in the key', () => {
    const reasons = (e: MatExpr, rules = GRADIENT_RULES) => run(e, rules).steps.map((s) => [matProseText(s.because), matProseLatex(s.because)]);
    expect(reasons(scale(rat(1, 2), scale(rat(2), transpose(delta2))), TIDY_RULES)[0]).toEqual([
      'Multiply the numbers: ½·2 = 1.',
      'Multiply the numbers: $\\frac{1}{2} \\cdot 2 = 1$.',
    ]);
    expect(reasons(transpose(transpose(W2)))[0]).toEqual(['(Aᵀ)ᵀ = A.', '$(\\mathbf{A}^{\\top})^{\\top} = \\mathbf{A}$.']);
    expect(reasons(product(diag(elementwise('sigma', 1, z1)), transpose(W2), delta2))[0][1]).toBe(
      'Multiplying by a diagonal matrix scales each entry: $\\operatorname{diag}(\\mathbf{v})\\mathbf{u} = \\mathbf{u} \\odot \\mathbf{v}$.',
    );
  });

  it('works a 1×1 cross-entropy chain through the scalar core to ŷ − y', () => {
    const yhat = vectorSymbol('yhat', 1);
    const y = vectorSymbol('y', 1);
    const z = vectorSymbol('z', 1, 2);
    const bce = lossExpression('bce', [sym(scalarName(yhat))], [scalarName(y)]);
    if (!bce) throw new Error('no bce');
    const dfdy = scalar(differentiate(bce, scalarName(yhat)), [yhat, y]);
    const chain = product(dfdy, diag(elementwise('sigmoid', 1, z)));
    const { value, steps } = run(chain, TIDY_RULES, [{ name: yhat, expr: elementwise('sigmoid', 0, z) }]);
    expect(matrixToText(value)).toBe('ŷ − y');
    expect(steps.map((s) => matrixToText(s.value))).toEqual([
      '−(y/ŷ − (1 − y)/(1 − ŷ))·sigmoid′(z⁽²⁾)',
      '−(y/ŷ − (1 − y)/(1 − ŷ))·sigmoid(z⁽²⁾)·(1 − sigmoid(z⁽²⁾))',
      '−(y/ŷ − (1 − y)/(1 − ŷ))·ŷ·(1 − ŷ)',
      'ŷ − y',
    ]);
    expect(steps.map((s) => s.rule)).toEqual(['scalar-product', 'activation-derivative', 'fold-definition', 'cancel']);
  });
});
