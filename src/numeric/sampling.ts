/**
 * Test points and stand-ins for abstract functions, shared by verification and tests.
 *
 * An abstract σ has no values; to test a formula in σ numerically we instantiate σ with a smooth
 * function whose derivatives we know exactly, and use different instantiations for different
 * functions so σ and φ are never confused. Points avoid the kinks of relu/abs/sign by a margin,
 * because a finite difference across a kink measures nothing.
 */
import type { Expr } from '../expr/types.js';
import { children, freeSymbols } from '../expr/traverse.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import type { AbstractFunction } from './evaluate.js';
import { compile } from './evaluate.js';
import type { Rng } from './rng.js';

/**
 * g(z) = a·tanh(b·z + c) + d·z with random a, b, c, d: smooth, not odd, not monotone-saturating
 * in [−3, 3], and with closed-form derivatives of every order we need (0–3).
 */
export function smoothFunction(rng: Rng): (order: number, z: number) => number {
  const a = rng.uniform(0.6, 1.4) * rng.sign();
  const b = rng.uniform(0.5, 1.2);
  const c = rng.uniform(-0.5, 0.5);
  const d = rng.uniform(0.1, 0.4);
  return (order, z) => {
    const t = Math.tanh(b * z + c);
    const s = 1 - t * t; // sech²
    switch (order) {
      case 0:
        return a * t + d * z;
      case 1:
        return a * b * s + d;
      case 2:
        return -2 * a * b * b * t * s;
      case 3:
        return -2 * a * b * b * b * s * (s - 2 * t * t);
      default:
        throw new RangeError(`derivatives of order ${order} of an abstract function are not instantiated`);
    }
  };
}

/**
 * Instantiate each abstract function (any name with no operator entry) with its own smooth
 * function. Functions of several arguments use a smooth mix of their arguments.
 */
export function abstractFunctions(names: readonly string[], rng: Rng): Record<string, AbstractFunction> {
  const out: Record<string, AbstractFunction> = {};
  for (const name of names) {
    const g = smoothFunction(rng);
    const weights = [rng.uniform(0.5, 1.5), rng.uniform(-1.2, -0.4), rng.uniform(0.3, 0.9)];
    out[name] = (orders, args) => {
      if (args.length === 1) return g(orders[0], args[0]);
      // f(u1, …, un) = g(Σ cᵢuᵢ): ∂^k f/∂u_i… = g^(Σk)(Σ cᵢuᵢ)·Π cᵢ^kᵢ.
      let u = 0;
      let factor = 1;
      let total = 0;
      args.forEach((x, i) => {
        const c = weights[i % weights.length];
        u += c * x;
        factor *= Math.pow(c, orders[i]);
        total += orders[i];
      });
      return factor * g(total, u);
    };
  }
  return out;
}

/** Names of abstract functions called in the expressions. */
export function abstractNames(...es: readonly Expr[]): string[] {
  const seen = new Set<string>();
  const go = (e: Expr): void => {
    if ((e.kind === 'call' || e.kind === 'deriv') && !lookupOp(e.fn) && !lookupDerivativeOp(e.fn, e.kind === 'deriv' ? e.orders : [1])) seen.add(e.fn);
    for (const c of children(e)) go(c);
  };
  es.forEach(go);
  return [...seen];
}

/** Arguments of relu, relu′, abs, sign, … in the expressions: where they change sign there is a kink. */
export function kinkExpressions(...es: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const go = (e: Expr): void => {
    if (e.kind === 'call' || e.kind === 'deriv') {
      const op = e.kind === 'call' ? lookupOp(e.fn) : (lookupDerivativeOp(e.fn, e.orders) ?? undefined);
      if (op?.kinks) out.push(...op.kinks(e.args));
    }
    for (const c of children(e)) go(c);
  };
  es.forEach(go);
  return out;
}

export interface PointOptions {
  /** Variables to bind (default: all free symbols of the expressions). */
  readonly vars?: readonly string[];
  /** Coordinates are drawn uniformly from ±[lo, hi] (default ±[0.2, 1.5]). */
  readonly range?: readonly [number, number];
  /** Minimum |kink argument| at a point (default 0.05). */
  readonly kinkMargin?: number;
  /** Give up after this many rejected draws (default 2000). */
  readonly maxTries?: number;
}

/**
 * `count` points at which every kink argument is at least `kinkMargin` away from 0 and every
 * expression is finite under the given function instantiation.
 */
export function samplePoints(
  exprs: readonly Expr[],
  count: number,
  rng: Rng,
  functions: Readonly<Record<string, AbstractFunction>>,
  options: PointOptions = {},
): Record<string, number>[] | undefined {
  const vars = options.vars ?? [...new Set(exprs.flatMap((e) => freeSymbols(e)))];
  const [lo, hi] = options.range ?? [0.2, 1.5];
  const margin = options.kinkMargin ?? 0.05;
  const kinks = kinkExpressions(...exprs).map((k) => compile(k, vars, functions));
  const values = exprs.filter((e) => e.kind !== 'vector' && e.kind !== 'matrix').map((e) => compile(e, vars, functions));
  const points: Record<string, number>[] = [];
  let tries = 0;
  while (points.length < count) {
    if (++tries > (options.maxTries ?? 2000)) return undefined;
    const xs = vars.map(() => rng.sign() * rng.uniform(lo, hi));
    if (kinks.some((k) => Math.abs(k(xs)) < margin)) continue;
    if (values.some((f) => !Number.isFinite(f(xs)))) continue;
    points.push(Object.fromEntries(vars.map((v, i) => [v, xs[i]])));
  }
  return points;
}
