import { describe, expect, it } from 'vitest';
import type { MatExpr, MatSymbol } from '../../src/linalg/types.js';
import { differentiate } from '../../src/calculus/differentiate.js';
import { rat } from '../../src/rational.js';
import {
  difference,
  elementwise,
  hadamard,
  matSymbol,
  product,
  scale,
  squaredNorm,
  sum,
  transpose,
  vectorSymbol,
} from '../../src/linalg/build.js';
import { localJacobian } from '../../src/linalg/jacobian.js';
import { matrixToText } from '../../src/linalg/print-text.js';
import { createRng } from '../../src/numeric/rng.js';
import { expandNamed, maxDifference } from './helpers.js';

const W1 = matSymbol('W', 3, 2, 1);
const W2 = matSymbol('W', 2, 3, 2);
const x = vectorSymbol('x', 2);
const b1 = vectorSymbol('b', 3, 1);
const b2 = vectorSymbol('b', 2, 2);
const h1 = vectorSymbol('h', 3, 1);
const z1 = vectorSymbol('z', 3, 1);
const u = vectorSymbol('u', 3);
const yhat = vectorSymbol('yhat', 2);
const y = vectorSymbol('y', 2);

/** The core's Jacobian of the expanded entries: [∂eᵢ/∂xⱼ], rows outputs, columns inputs. */
function scalarJacobian(e: MatExpr, wrt: MatSymbol) {
  const E = expandNamed(e);
  const X = expandNamed(wrt);
  return E.map(([ei]) => X.map(([xj]) => (xj.kind === 'sym' ? differentiate(ei, xj.name) : ei)));
}

const cases: [string, MatExpr, MatSymbol, string, string][] = [
  ['an affine map in its input', sum(product(W2, h1), b2), h1, 'W⁽²⁾', 'jacobian-linear'],
  ['an affine map in its bias', sum(product(W2, h1), b2), b2, 'I', 'jacobian-identity'],
  ['an element-wise σ', elementwise('sigma', 0, z1), z1, 'diag(σ′(z⁽¹⁾))', 'jacobian-elementwise'],
  ['the squared error', scale(rat(1, 2), squaredNorm(difference(yhat, y))), yhat, '(ŷ − y)ᵀ', 'jacobian-squared-norm'],
  ['a Hadamard product', hadamard(u, elementwise('sigma', 0, z1)), z1, 'diag(u)diag(σ′(z⁽¹⁾))', 'jacobian-elementwise'],
  [
    'a whole two-layer map, by nested rules',
    sum(product(W2, elementwise('sigma', 0, sum(product(W1, x), b1))), b2),
    x,
    'W⁽²⁾diag(σ′(W⁽¹⁾x + b⁽¹⁾))W⁽¹⁾',
    'jacobian-linear',
  ],
  ['a constant', product(W2, h1), x, '0', 'jacobian-constant'],
];

describe('local Jacobians by rules', () => {
  it.each(cases)('%s', (_, e, wrt, text, rule) => {
    const r = localJacobian(e, wrt);
    expect(matrixToText(r.value)).toBe(text);
    expect(r.rule).toBe(rule);
    expect([r.value.rows, r.value.cols]).toEqual([e.rows, wrt.rows]);
  });

  it.each(cases)('%s: agrees entry by entry with the core Jacobian of the expanded entries', (_, e, wrt) => {
    const r = localJacobian(e, wrt);
    const rng = createRng(5);
    for (let k = 0; k < 3; k++) expect(maxDifference(expandNamed(r.value), scalarJacobian(e, wrt), rng)).toBeLessThan(1e-12);
  });

  it('gives reasons that name the parts', () => {
    const r = localJacobian(sum(product(W2, h1), b2), h1);
    const text = r.because.map((p) => (typeof p === 'string' ? p : 'kind' in p ? matrixToText(p) : p.text)).join('');
    expect(text).toBe('b⁽²⁾ does not depend on h⁽¹⁾. ∂(Au)/∂u = A for a matrix A that does not depend on u (here A = W⁽²⁾).');
  });

  it('refuses what it has no rule for', () => {
    // xᵀx: the first factor depends on x too.
    expect(() => localJacobian(product(transpose(x), x), x)).toThrowError(/only the last factor/);
  });
});
