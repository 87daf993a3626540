import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/calculus/differentiate.js';
import { sym } from '../../src/expr/build.js';
import { lossExpression } from '../../src/nn/network.js';
import { rat } from '../../src/rational.js';
import {
  diag,
  difference,
  elementwise,
  gradient,
  group,
  hadamard,
  identity,
  jacobian,
  matSymbol,
  neg,
  outer,
  product,
  scalar,
  scale,
  squaredNorm,
  sum,
  transpose,
  vectorSymbol,
} from '../../src/linalg/build.js';
import { matrixToText } from '../../src/linalg/print-text.js';
import { matrixToLatex } from '../../src/linalg/print-latex.js';
import { scalarName } from '../../src/linalg/names.js';
import { b1, delta2, h1, W1, W2, x, y, yhat, z1 } from './helpers.js';

const both = (e: Parameters<typeof matrixToText>[0]) => [matrixToText(e), matrixToLatex(e)];

describe('the lecture notation', () => {
  it('writes symbols bold with their layer', () => {
    expect(both(sum(product(W1, x), b1))).toEqual(['W⁽¹⁾x + b⁽¹⁾', '\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}']);
    expect(both(yhat)).toEqual(['ŷ', '\\hat{\\mathbf{y}}']);
    expect(both(delta2)).toEqual(['δ⁽²⁾', '\\boldsymbol{\\delta}^{(2)}']);
  });

  it('writes δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ σ′(z⁽ˡ⁾) with the product in parentheses', () => {
    const e = hadamard(product(transpose(W2), delta2), elementwise('sigma', 1, z1));
    expect(both(e)).toEqual([
      '(W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾)',
      '\\left(\\mathbf{W}^{(2)\\top} \\boldsymbol{\\delta}^{(2)}\\right) \\odot \\sigma\'(\\mathbf{z}^{(1)})',
    ]);
  });

  it('writes concrete activations by their operator names', () => {
    expect(both(elementwise('relu', 1, z1))).toEqual(['relu′(z⁽¹⁾)', "\\operatorname{ReLU}'(\\mathbf{z}^{(1)})"]);
    expect(both(elementwise('tanh', 0, z1))).toEqual(['tanh(z⁽¹⁾)', '\\tanh(\\mathbf{z}^{(1)})']);
    expect(both(elementwise('sigmoid', 2, z1))).toEqual(['sigmoid″(z⁽¹⁾)', "\\operatorname{sigmoid}''(\\mathbf{z}^{(1)})"]);
  });

  it('writes outer products, transposes of compounds, diag and the identity', () => {
    expect(both(outer(delta2, h1))).toEqual(['δ⁽²⁾h⁽¹⁾ᵀ', '\\boldsymbol{\\delta}^{(2)} \\mathbf{h}^{(1)\\top}']);
    expect(both(transpose(product(W2, h1)))).toEqual(['(W⁽²⁾h⁽¹⁾)ᵀ', '\\left(\\mathbf{W}^{(2)} \\mathbf{h}^{(1)}\\right)^{\\top}']);
    expect(both(transpose(transpose(x)))).toEqual(['(xᵀ)ᵀ', '\\left(\\mathbf{x}^{\\top}\\right)^{\\top}']);
    expect(both(product(diag(elementwise('sigma', 1, z1)), transpose(W2), delta2))).toEqual([
      'diag(σ′(z⁽¹⁾))W⁽²⁾ᵀδ⁽²⁾',
      "\\operatorname{diag}(\\sigma'(\\mathbf{z}^{(1)})) \\mathbf{W}^{(2)\\top} \\boldsymbol{\\delta}^{(2)}",
    ]);
    expect(both(product(W2, identity(2)))).toEqual(['W⁽²⁾I', '\\mathbf{W}^{(2)} \\mathbf{I}']);
  });

  it('writes the squared error as ½‖ŷ − y‖², and as ½(ŷ − y)² for one output', () => {
    expect(both(scale(rat(1, 2), squaredNorm(difference(yhat, y))))).toEqual([
      '½‖ŷ − y‖²',
      '\\frac{1}{2} \\left\\lVert \\hat{\\mathbf{y}} - \\mathbf{y} \\right\\rVert^{2}',
    ]);
    const one = vectorSymbol('yhat', 1);
    const t = vectorSymbol('y', 1);
    expect(both(scale(rat(1, 2), squaredNorm(difference(one, t))))).toEqual([
      '½(ŷ − y)²',
      '\\frac{1}{2} \\left(\\hat{\\mathbf{y}} - \\mathbf{y}\\right)^{2}',
    ]);
  });

  it('writes Jacobians as fractions and gradients with ∇', () => {
    const f = vectorSymbol('f', 1);
    expect(both(jacobian(f, z1))).toEqual(['∂f/∂z⁽¹⁾', '\\frac{\\partial f}{\\partial \\mathbf{z}^{(1)}}']);
    expect(both(gradient(f, W1))).toEqual(['∇_{W⁽¹⁾} f', '\\nabla_{\\mathbf{W}^{(1)}} f']);
    const chain = product(jacobian(f, h1), jacobian(h1, z1));
    expect(matrixToText(chain)).toBe('(∂f/∂h⁽¹⁾)(∂h⁽¹⁾/∂z⁽¹⁾)');
  });

  it('keeps grouping parentheses: (W⁽²⁾A)x', () => {
    const A = matSymbol('A', 2, 2);
    const e = product(group(product(W2, A)), vectorSymbol('x', 2));
    expect(both(e)).toEqual(['(W⁽²⁾A)x', '\\left(\\mathbf{W}^{(2)} \\mathbf{A}\\right) \\mathbf{x}']);
  });

  it('writes 1×1 scalar expressions with the matrix names of their symbols', () => {
    const one = vectorSymbol('yhat', 1);
    const t = vectorSymbol('y', 1);
    const bce = lossExpression('bce', [sym(scalarName(one))], [scalarName(t)]);
    if (!bce) throw new Error('no bce');
    expect(both(scalar(bce, [one, t]))).toEqual([
      '−(y·log(ŷ) + (1 − y)·log(1 − ŷ))',
      '-(\\mathbf{y} \\ln(\\hat{\\mathbf{y}}) + (1 - \\mathbf{y}) \\ln(1 - \\hat{\\mathbf{y}}))',
    ]);
    const d = differentiate(bce, scalarName(one));
    expect(matrixToText(scalar(d, [one, t]))).toBe('−(y/ŷ − (1 − y)/(1 − ŷ))');
    expect(matrixToText(sum(one, neg(t)))).toBe('ŷ − y');
  });
});
