/**
 * Partials of a network's outputs, or of its cost, with respect to its parameters, fully
 * expanded: the lecture's ∂ŷ/∂w1 = w5σ′(w1x1 + w2x2 + b1)x1.
 *
 * A cost's partials follow the chain rule through the outputs and stay factored that way:
 *   ∂f/∂p = Σₖ (∂f/∂ŷₖ)·(∂ŷₖ/∂p),  with ∂f/∂ŷₖ = ŷₖ − yₖ for the MSE,
 * so ∂f_MSE/∂w1 = (ŷ − y)·w5σ′(…)x1 with ŷ written out. ∂f/∂ŷₖ comes from differentiating the
 * cost as a function of the symbols ŷₖ, then ŷₖ is substituted; the sum is not simplified, which
 * would pull common factors out of it and hide the (ŷₖ − yₖ) factors.
 */
import type { Expr } from '../expr/types.js';
import { add, mul, sym } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { differentiate } from '../calculus/differentiate.js';
import { InputError } from '../errors.js';
import { lossExpression, type Network } from './network.js';
import { piecewiseCases, type Case } from './piecewise.js';

export interface NetworkPartial {
  /** What is differentiated: an output (`yhat`, `yhat2`) or `f`, the cost. */
  readonly of: string;
  readonly wrt: string;
  readonly value: Expr;
  /** The piecewise form when the partial contains relu′ (see ./piecewise.ts). */
  readonly cases?: readonly Case[];
}

export interface PartialsOptions {
  /** Parameters to differentiate with respect to, in the order given; default all, lecture order. */
  readonly wrt?: readonly string[];
  /** Also compute piecewise forms for relu′ (default true). */
  readonly cases?: boolean;
}

/** The name of the cost in partials: f. */
export const COST = 'f';

/**
 * What the partials are of: the cost when the network has one, else every output. Partials of
 * several outputs are listed output by output.
 */
export function partialTargets(net: Network): readonly string[] {
  return net.lossExpr ? [COST] : net.outputs;
}

/** Check a --wrt list against the network's parameters; `all` or undefined means every one. */
export function resolveWrt(net: Network, wrt: readonly string[] | undefined): readonly string[] {
  const all = net.parameters.map((p) => p.name);
  if (wrt === undefined || (wrt.length === 1 && wrt[0] === 'all')) return all;
  const known = new Set(all);
  for (const name of wrt) {
    if (!known.has(name)) {
      throw new InputError(`--wrt: '${name}' is not a parameter of this network (${describeParameters(all)})`);
    }
  }
  return [...new Set(wrt)];
}

function describeParameters(all: readonly string[]): string {
  return all.length <= 12 ? all.join(', ') : `${all.slice(0, 6).join(', ')}, …, ${all[all.length - 1]}`;
}

/** ∂f/∂ŷₖ for each output, with the outputs written out (ŷₖ − yₖ for the MSE). */
export function costOutputFactors(net: Network): readonly Expr[] {
  const symbolic = lossExpression(net.spec.loss, net.outputs.map(sym), net.targets);
  if (!symbolic) throw new RangeError('costOutputFactors: the network has no cost (loss none)');
  const expanded = new Map(net.outputs.map((o, k) => [o, net.outputExprs[k]] as const));
  return net.outputs.map((o) => substitute(differentiate(symbolic, o), expanded));
}

/** Every requested partial, fully expanded; of the cost when there is one, else of each output. */
export function networkPartials(net: Network, options: PartialsOptions = {}): NetworkPartial[] {
  const wrt = resolveWrt(net, options.wrt);
  const withCases = options.cases ?? true;
  const finish = (of: string, p: string, value: Expr): NetworkPartial => {
    const cases = withCases ? piecewiseCases(value) : undefined;
    return cases ? { of, wrt: p, value, cases } : { of, wrt: p, value };
  };
  if (net.lossExpr) {
    const factors = costOutputFactors(net);
    return wrt.map((p) => finish(COST, p, costPartial(net, factors, p)));
  }
  return net.outputs.flatMap((o, k) => wrt.map((p) => finish(o, p, differentiate(net.outputExprs[k], p))));
}

/** Σₖ (∂f/∂ŷₖ)·(∂ŷₖ/∂p), terms whose ∂ŷₖ/∂p is 0 left out. */
function costPartial(net: Network, factors: readonly Expr[], p: string): Expr {
  const terms: Expr[] = [];
  net.outputExprs.forEach((o, k) => {
    const d = differentiate(o, p);
    if (!(d.kind === 'num' && d.value.n === 0n)) terms.push(mul(factors[k], d));
  });
  return add(...terms);
}
