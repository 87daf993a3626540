/**
 * The elementary functions: every function mathjs's `derivative` knows (trigonometric,
 * hyperbolic, their inverses, exp, logarithms, roots, abs, pow) plus sign, which abs′ needs.
 * Derivative formulas follow mathjs's own table (lib/function/algebra/derivative.js) so that the
 * two agree, with sign(u) in place of abs(u)/u.
 */
import type { OpSpec } from './types.js';
import {
  add,
  atZero,
  div,
  eitherSign,
  exactLog,
  exactRoot,
  fn,
  int,
  mul,
  neg,
  num,
  pow,
  range,
  recip,
  sq,
  sub,
} from './helpers.js';
import { rat } from '../rational.js';
import { constant } from '../expr/build.js';

const name = (tex: string) => (a: readonly string[], paren: (s: string) => string) => `${tex}${paren(a[0])}`;
const op = (name: string, tex: string) => `\\operatorname{${name}}` + tex;

const one = int(1);

export const elementaryOps: readonly OpSpec[] = [
  // Trigonometric.
  {
    name: 'sin', arity: [1], doc: 'sine',
    eval: ([x]) => Math.sin(x), exact: atZero(0),
    partial: (_, [u]) => fn('cos', u), tex: name('\\sin'), sample: range(-3, 3),
  },
  {
    name: 'cos', arity: [1], doc: 'cosine',
    eval: ([x]) => Math.cos(x), exact: atZero(1),
    partial: (_, [u]) => neg(fn('sin', u)), tex: name('\\cos'), sample: range(-3, 3),
  },
  {
    name: 'tan', arity: [1], doc: 'tangent',
    eval: ([x]) => Math.tan(x), exact: atZero(0),
    partial: (_, [u]) => sq(fn('sec', u)), tex: name('\\tan'), sample: range(-1.2, 1.2),
  },
  {
    name: 'sec', arity: [1], doc: 'secant, 1/cos',
    eval: ([x]) => 1 / Math.cos(x), exact: atZero(1),
    partial: (_, [u]) => mul(fn('sec', u), fn('tan', u)), tex: name('\\sec'), sample: range(-1.2, 1.2),
  },
  {
    name: 'csc', arity: [1], doc: 'cosecant, 1/sin',
    eval: ([x]) => 1 / Math.sin(x),
    partial: (_, [u]) => neg(mul(fn('csc', u), fn('cot', u))), tex: name('\\csc'), sample: eitherSign(0.3, 2.8),
  },
  {
    name: 'cot', arity: [1], doc: 'cotangent, cos/sin',
    eval: ([x]) => 1 / Math.tan(x),
    partial: (_, [u]) => neg(sq(fn('csc', u))), tex: name('\\cot'), sample: eitherSign(0.3, 2.8),
  },
  {
    name: 'asin', arity: [1], doc: 'inverse sine',
    eval: ([x]) => Math.asin(x), exact: atZero(0),
    partial: (_, [u]) => recip(fn('sqrt', sub(one, sq(u)))), tex: name('\\arcsin'), sample: range(-0.9, 0.9),
  },
  {
    name: 'acos', arity: [1], doc: 'inverse cosine',
    eval: ([x]) => Math.acos(x), exact: (a) => (a[0].equals(1) ? rat(0) : undefined),
    partial: (_, [u]) => neg(recip(fn('sqrt', sub(one, sq(u))))), tex: name('\\arccos'), sample: range(-0.9, 0.9),
  },
  {
    name: 'atan', arity: [1], doc: 'inverse tangent',
    eval: ([x]) => Math.atan(x), exact: atZero(0),
    partial: (_, [u]) => recip(add(one, sq(u))), tex: name('\\arctan'), sample: range(-3, 3),
  },
  {
    name: 'asec', arity: [1], doc: 'inverse secant, acos(1/x)',
    eval: ([x]) => Math.acos(1 / x), exact: (a) => (a[0].equals(1) ? rat(0) : undefined),
    partial: (_, [u]) => recip(mul(fn('abs', u), fn('sqrt', sub(sq(u), one)))),
    tex: name(op('arcsec', '')), sample: eitherSign(1.2, 3),
  },
  {
    name: 'acsc', arity: [1], doc: 'inverse cosecant, asin(1/x)',
    eval: ([x]) => Math.asin(1 / x),
    partial: (_, [u]) => neg(recip(mul(fn('abs', u), fn('sqrt', sub(sq(u), one))))),
    tex: name(op('arccsc', '')), sample: eitherSign(1.2, 3),
  },
  {
    name: 'acot', arity: [1], doc: 'inverse cotangent, atan(1/x)',
    eval: ([x]) => Math.atan(1 / x),
    partial: (_, [u]) => neg(recip(add(one, sq(u)))), tex: name(op('arccot', '')), sample: eitherSign(0.2, 3),
    kinks: ([u]) => [u],
  },
  // Hyperbolic.
  {
    name: 'sinh', arity: [1], doc: 'hyperbolic sine',
    eval: ([x]) => Math.sinh(x), exact: atZero(0),
    partial: (_, [u]) => fn('cosh', u), tex: name('\\sinh'), sample: range(-2, 2),
  },
  {
    name: 'cosh', arity: [1], doc: 'hyperbolic cosine',
    eval: ([x]) => Math.cosh(x), exact: atZero(1),
    partial: (_, [u]) => fn('sinh', u), tex: name('\\cosh'), sample: range(-2, 2),
  },
  {
    name: 'tanh', arity: [1], doc: 'hyperbolic tangent (an activation): tanh′ = 1 − tanh²',
    eval: ([x]) => Math.tanh(x), exact: atZero(0),
    partial: (_, [u]) => sub(one, sq(fn('tanh', u))), tex: name('\\tanh'), sample: range(-2, 2),
  },
  {
    name: 'sech', arity: [1], doc: 'hyperbolic secant',
    eval: ([x]) => 1 / Math.cosh(x), exact: atZero(1),
    partial: (_, [u]) => neg(mul(fn('sech', u), fn('tanh', u))), tex: name(op('sech', '')), sample: range(-2, 2),
  },
  {
    name: 'csch', arity: [1], doc: 'hyperbolic cosecant',
    eval: ([x]) => 1 / Math.sinh(x),
    partial: (_, [u]) => neg(mul(fn('csch', u), fn('coth', u))), tex: name(op('csch', '')), sample: eitherSign(0.2, 2),
  },
  {
    name: 'coth', arity: [1], doc: 'hyperbolic cotangent',
    eval: ([x]) => 1 / Math.tanh(x),
    partial: (_, [u]) => neg(sq(fn('csch', u))), tex: name('\\coth'), sample: eitherSign(0.2, 2),
  },
  {
    name: 'asinh', arity: [1], doc: 'inverse hyperbolic sine',
    eval: ([x]) => Math.asinh(x), exact: atZero(0),
    partial: (_, [u]) => recip(fn('sqrt', add(sq(u), one))), tex: name(op('arsinh', '')), sample: range(-3, 3),
  },
  {
    name: 'acosh', arity: [1], doc: 'inverse hyperbolic cosine',
    eval: ([x]) => Math.acosh(x), exact: (a) => (a[0].equals(1) ? rat(0) : undefined),
    partial: (_, [u]) => recip(fn('sqrt', sub(sq(u), one))), tex: name(op('arcosh', '')), sample: range(1.2, 3),
  },
  {
    name: 'atanh', arity: [1], doc: 'inverse hyperbolic tangent',
    eval: ([x]) => Math.atanh(x), exact: atZero(0),
    partial: (_, [u]) => recip(sub(one, sq(u))), tex: name(op('artanh', '')), sample: range(-0.9, 0.9),
  },
  {
    name: 'asech', arity: [1], doc: 'inverse hyperbolic secant, acosh(1/x)',
    eval: ([x]) => Math.acosh(1 / x), exact: (a) => (a[0].equals(1) ? rat(0) : undefined),
    partial: (_, [u]) => neg(recip(mul(u, fn('sqrt', sub(one, sq(u)))))), tex: name(op('arsech', '')), sample: range(0.1, 0.9),
  },
  {
    name: 'acsch', arity: [1], doc: 'inverse hyperbolic cosecant, asinh(1/x)',
    eval: ([x]) => Math.asinh(1 / x),
    partial: (_, [u]) => neg(recip(mul(fn('abs', u), fn('sqrt', add(one, sq(u)))))),
    tex: name(op('arcsch', '')), sample: eitherSign(0.2, 3),
  },
  {
    name: 'acoth', arity: [1], doc: 'inverse hyperbolic cotangent, atanh(1/x)',
    eval: ([x]) => Math.atanh(1 / x),
    partial: (_, [u]) => recip(sub(one, sq(u))), tex: name(op('arcoth', '')), sample: eitherSign(1.2, 3),
  },
  // Exponential, logarithms, roots.
  {
    name: 'exp', arity: [1], doc: 'e to the power x',
    eval: ([x]) => Math.exp(x), exact: atZero(1),
    partial: (_, [u]) => fn('exp', u), tex: (a) => `e^{${a[0]}}`, sample: range(-2, 2),
  },
  {
    name: 'log', arity: [1, 2], doc: 'natural logarithm log(x), or log(x, base)',
    eval: (a) => (a.length === 1 ? Math.log(a[0]) : Math.log(a[0]) / Math.log(a[1])),
    exact: (a) => (a.length === 1 ? (a[0].equals(1) ? rat(0) : undefined) : exactLog(a[0], a[1])),
    partial: (i, args) => {
      const [x, b] = args;
      if (args.length === 1) return recip(x);
      return i === 0 ? recip(mul(x, fn('log', b))) : neg(div(fn('log', x), mul(b, sq(fn('log', b)))));
    },
    tex: (a, paren) => (a.length === 1 ? `\\ln${paren(a[0])}` : `\\log_{${a[1]}}${paren(a[0])}`),
    sample: (rng, arity) => (arity === 1 ? [rng.uniform(0.2, 3)] : [rng.uniform(0.2, 3), rng.uniform(1.5, 4)]),
  },
  {
    name: 'log10', arity: [1], doc: 'logarithm base 10',
    eval: ([x]) => Math.log10(x), exact: (a) => exactLog(a[0], rat(10)),
    partial: (_, [u]) => recip(mul(u, fn('log', int(10)))), tex: name('\\log_{10}'), sample: range(0.2, 3),
  },
  {
    name: 'log2', arity: [1], doc: 'logarithm base 2',
    eval: ([x]) => Math.log2(x), exact: (a) => exactLog(a[0], rat(2)),
    partial: (_, [u]) => recip(mul(u, fn('log', int(2)))), tex: name('\\log_{2}'), sample: range(0.2, 3),
  },
  {
    name: 'sqrt', arity: [1], doc: 'square root',
    eval: ([x]) => Math.sqrt(x), exact: (a) => exactRoot(a[0], rat(2)),
    partial: (_, [u]) => recip(mul(int(2), fn('sqrt', u))), tex: (a) => `\\sqrt{${a[0]}}`, sample: range(0.2, 3),
  },
  {
    name: 'cbrt', arity: [1], doc: 'cube root (real, also of negatives)',
    eval: ([x]) => Math.cbrt(x), exact: (a) => exactRoot(a[0], rat(3)),
    partial: (_, [u]) => recip(mul(int(3), sq(fn('cbrt', u)))), tex: (a) => `\\sqrt[3]{${a[0]}}`, sample: eitherSign(0.2, 3),
  },
  {
    name: 'nthRoot', arity: [2], doc: 'nthRoot(x, n): the real n-th root of x',
    eval: ([x, n]) => (x < 0 && Number.isInteger(n) && Math.abs(n) % 2 === 1 ? -Math.pow(-x, 1 / n) : Math.pow(x, 1 / n)),
    exact: ([x, n]) => exactRoot(x, n),
    partial: (i, [x, n]) =>
      i === 0
        ? div(fn('nthRoot', x, n), mul(n, x))
        : neg(div(mul(fn('nthRoot', x, n), fn('log', x)), sq(n))),
    tex: (a) => `\\sqrt[${a[1]}]{${a[0]}}`,
    sample: (rng) => [rng.uniform(0.2, 3), rng.uniform(1.5, 4)],
  },
  {
    name: 'abs', arity: [1], doc: 'absolute value; abs′ = sign',
    eval: ([x]) => Math.abs(x), exact: ([x]) => x.abs(),
    partial: (_, [u]) => fn('sign', u), tex: (a) => `\\left|${a[0]}\\right|`, sample: eitherSign(0.2, 3),
    kinks: ([u]) => [u],
    pieces: ([u]) => [
      { when: { expr: u, rel: '<' }, value: neg(u) },
      { when: { expr: u, rel: '>=' }, value: u },
    ],
  },
  {
    name: 'sign', arity: [1], doc: 'sign: −1, 0 or 1; its derivative is 0 away from 0',
    eval: ([x]) => Math.sign(x), exact: ([x]) => rat(Number(x.s) * (x.n === 0n ? 0 : 1)),
    partial: () => int(0), tex: name(op('sign', '')), sample: eitherSign(0.2, 3),
    kinks: ([u]) => [u],
    pieces: ([u]) => [
      { when: { expr: u, rel: '<' }, value: int(-1) },
      { when: { expr: u, rel: '>' }, value: int(1) },
    ],
  },
  {
    // The Pow node's entry: the differentiator and the samplers read pow's partials from here.
    name: 'pow', arity: [2], doc: 'pow(a, b) = a^b',
    eval: ([a, b]) => Math.pow(a, b),
    partial: (i, [a, b]) =>
      i === 0
        ? mul(b, pow(a, b.kind === 'num' ? num(b.value.sub(1)) : add(b, num(-1))))
        : mul(pow(a, b), fn('log', a)),
    tex: (a) => `{${a[0]}}^{${a[1]}}`,
    sample: (rng) => [rng.uniform(0.2, 3), rng.uniform(-2, 2)],
  },
];

export const PI = constant('pi');
