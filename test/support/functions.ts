/**
 * Values for the abstract functions σ, φ, ψ, f and g, so that expressions mentioning them can be
 * evaluated and their derivatives checked numerically. Each is a product of smooth one-variable
 * functions, one per argument, with analytic derivatives up to order 3 (σ′ of a generated σ′(u)
 * is σ″, and the derivative check differentiates once more), so ∂^orders F is the product of the
 * factors' derivatives of the given orders. Different names get different factors: a derivative
 * that confused σ with φ, or ∂₁f with ∂₂f, gives different numbers.
 */
import type { AbstractFunction } from '../../src/numeric/evaluate.js';

/** A one-variable function as its derivatives of order 0…3. */
type Smooth = (order: number, x: number) => number;

const tanhLike: Smooth = (k, x) => {
  const t = Math.tanh(x);
  const s = 1 - t * t;
  switch (k) {
    case 0:
      return t;
    case 1:
      return s;
    case 2:
      return -2 * t * s;
    case 3:
      return s * (6 * t * t - 2);
    default:
      throw new RangeError(`tanh: no derivative of order ${k} in the test table`);
  }
};

/** sin(x + 1/3): every order is a shifted sine. */
const shiftedSine: Smooth = (k, x) => Math.sin(x + 1 / 3 + (k * Math.PI) / 2);

/** e^(x/2) / 2: order k is e^(x/2) / 2^(k+1). */
const halfExp: Smooth = (k, x) => Math.exp(x / 2) / 2 ** (k + 1);

/** 1 + x²/4: a polynomial whose third derivative is 0. */
const quadratic: Smooth = (k, x) => [1 + (x * x) / 4, x / 2, 1 / 2, 0][k] ?? 0;

function separable(factors: readonly Smooth[]): AbstractFunction {
  return (orders, args) => {
    let p = 1;
    args.forEach((x, i) => {
      p *= factors[i % factors.length](orders[i] ?? 0, x);
    });
    return p;
  };
}

export const ABSTRACT_FUNCTIONS: Readonly<Record<string, AbstractFunction>> = {
  sigma: separable([tanhLike]),
  phi: separable([shiftedSine]),
  psi: separable([halfExp]),
  f: separable([tanhLike, shiftedSine, quadratic]),
  g: separable([halfExp, tanhLike, shiftedSine]),
};

export const ABSTRACT_NAMES = Object.keys(ABSTRACT_FUNCTIONS);
