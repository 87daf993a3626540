/**
 * Activation functions of the lecture's networks. tanh lives with the hyperbolic functions.
 * relu′ is the lecture's step: 0 for z ≤ 0 and 1 for z > 0; it is an operator of its own,
 * printed relu′(z), because the closed forms keep it unexpanded and answer keys show its cases.
 */
import type { OpSpec } from './types.js';
import type { Expr } from '../expr/types.js';
import type { Rational } from '../rational.js';
import { deriv } from '../expr/build.js';
import { atZero, fn, int, mul, range, eitherSign, sub } from './helpers.js';
import { isNegative, isZero, rat } from '../rational.js';

const operator = (name: string) => (a: readonly string[], paren: (s: string) => string) =>
  `\\operatorname{${name}}${paren(a[0])}`;

export const activationOps: readonly OpSpec[] = [
  {
    name: 'sigmoid', arity: [1], doc: 'logistic sigmoid 1/(1 + e^(−z)); sigmoid′ = sigmoid·(1 − sigmoid)',
    eval: ([x]) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    exact: atZero(1 / 2),
    partial: (_, [u]) => mul(fn('sigmoid', u), sub(int(1), fn('sigmoid', u))),
    tex: operator('sigmoid'),
    // The live range: beyond |z| ≈ 6 the sigmoid is flat to 1e-3 and hides wrong answers.
    sample: range(-3, 3),
  },
  {
    name: 'relu', arity: [1], doc: 'rectified linear unit max(0, z); relu′(z) = 0 for z ≤ 0, 1 for z > 0',
    eval: ([x]) => (x > 0 ? x : 0),
    exact: ([x]) => (isNegative(x) ? rat(0) : x),
    partial: (_, [u]) => deriv('relu', [1], [u]),
    tex: operator('ReLU'),
    sample: eitherSign(0.2, 3),
    kinks: ([u]) => [u],
    pieces: ([u]) => [
      { when: { expr: u, rel: '<=' }, value: int(0) },
      { when: { expr: u, rel: '>' }, value: u },
    ],
  },
  {
    name: 'softplus', arity: [1], doc: 'softplus log(1 + e^z); softplus′ = sigmoid',
    eval: ([x]) => (x > 30 ? x : Math.log1p(Math.exp(x))),
    partial: (_, [u]) => fn('sigmoid', u),
    tex: operator('softplus'),
    sample: range(-3, 3),
  },
  {
    name: 'identity', arity: [1], doc: 'identity z (a linear "activation")',
    eval: ([x]) => x,
    exact: ([x]) => x,
    partial: () => int(1),
    tex: operator('id'),
    sample: range(-3, 3),
  },
];

/**
 * Derivatives that are operators in their own right, keyed by function and derivative orders.
 * relu′ is piecewise constant, so its own derivative is 0 away from the kink.
 */
export const derivativeOps: ReadonlyMap<string, OpSpec> = new Map([
  [
    "relu'",
    {
      name: "relu'", arity: [1], doc: "relu′(z): 0 for z ≤ 0, 1 for z > 0 (the lecture's convention at 0)",
      eval: ([x]: readonly number[]) => (x > 0 ? 1 : 0),
      exact: ([x]: readonly Rational[]) => (isNegative(x) || isZero(x) ? rat(0) : rat(1)),
      partial: () => int(0),
      tex: (a: readonly string[], paren: (s: string) => string) => `\\operatorname{ReLU}'${paren(a[0])}`,
      sample: eitherSign(0.2, 3),
      kinks: ([u]: readonly Expr[]) => [u],
      pieces: ([u]: readonly Expr[]) => [
        { when: { expr: u, rel: '<=' as const }, value: int(0) },
        { when: { expr: u, rel: '>' as const }, value: int(1) },
      ],
    } satisfies OpSpec,
  ],
]);
