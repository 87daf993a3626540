import { describe, expect, it } from 'vitest';
import { latexText } from '../../src/print/latex-text.js';
import { plainProse } from '../../src/render/prose.js';

describe('LaTeX as plain text, for a page footer and the terminal', () => {
  it.each([
    ['\\partial\\hat{y}/\\partial w_{1}', '∂ŷ/∂w₁'],
    ['\\frac{\\partial f}{\\partial w_1}', '∂f/∂w₁'],
    ['\\frac{1}{2}(\\hat{y} - y)^2', '1/2(ŷ-y)²'],
    ['\\nabla_{\\mathbf{W}^{(1)}} f_{\\text{MSE}}', '∇_(W⁽¹⁾)f_(MSE)'],
    ['\\mathbf{W}^{(2)}\\mathbf{W}^{(1)}', 'W⁽²⁾W⁽¹⁾'],
    ["\\sigma'(z) \\cdot x^{\\top}", 'σ′(z)·xᵀ'],
    ['\\text{if } z \\leq 0', 'if z≤0'],
    ['\\left( a \\right)', '(a)'],
    ['\\unknown{x}', 'unknownx'],
    ['{', ''],
  ])('%s → %s', (latex, text) => {
    expect(latexText(latex)).toBe(text);
  });

  it('turns the math of prose into text and leaves prose it cannot split as it is', () => {
    expect(plainProse('All nine partials of $\\hat{y}$')).toBe('All nine partials of ŷ');
    expect(plainProse('Costs in \\$ and $x_1$')).toBe('Costs in $ and x₁');
    expect(plainProse('an unbalanced $x')).toBe('an unbalanced $x');
  });
});
