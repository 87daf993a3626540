/**
 * Numbers for network expressions in tests: a value for the abstract σ, seeded points, the kinks
 * of ReLU nets, and the abbreviated form evaluated through its definitions.
 */
import type { Expr } from '../../src/expr/types.js';
import type { AbstractFunction } from '../../src/numeric/evaluate.js';
import { compile } from '../../src/numeric/evaluate.js';
import { children } from '../../src/expr/traverse.js';
import { compileProgram } from '../../src/nn/program.js';
import type { AbbreviatedPartials } from '../../src/nn/abbreviate.js';
import type { Network } from '../../src/nn/network.js';
import type { Rng } from '../../src/numeric/rng.js';

/** σ(x) = sin(x + 1/3) + x/4: smooth, not an activation gradsheet knows, with σ′ and σ″. */
const sigma: AbstractFunction = (orders, [x]) => {
  const k = orders[0];
  if (k === 0) return Math.sin(x + 1 / 3) + x / 4;
  if (k === 1) return Math.cos(x + 1 / 3) + 1 / 4;
  if (k === 2) return -Math.sin(x + 1 / 3);
  throw new RangeError(`sigma: no derivative of order ${k} in the test table`);
};

export const FUNCTIONS: Readonly<Record<string, AbstractFunction>> = { sigma };

/** Every variable a network's expressions mention: inputs, targets, then parameters. */
export function networkVars(net: Network): string[] {
  return [...net.inputs, ...net.targets, ...net.parameters.map((p) => p.name)];
}

/** A point for `networkVars`: inputs and parameters in [−1.5, 1.5], targets in [0, 1] (for bce too). */
export function randomPoint(net: Network, rng: Rng): number[] {
  return [
    ...net.inputs.map(() => rng.uniform(-1.5, 1.5)),
    ...net.targets.map(() => rng.uniform(0.1, 0.9)),
    ...net.parameters.map(() => rng.uniform(-1.5, 1.5)),
  ];
}

export function evaluator(e: Expr, vars: readonly string[]): (v: ArrayLike<number>) => number {
  return compile(e, vars, FUNCTIONS);
}

/** The arguments of every relu and relu′ in the expressions: where a ReLU net has kinks. */
export function kinks(exprs: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if ((n.kind === 'call' || n.kind === 'deriv') && n.fn === 'relu') out.push(n.args[0]);
    for (const c of children(n)) go(c);
  };
  exprs.forEach(go);
  return out;
}

/** The values of an abbreviated result's partials at a point, through its definitions. */
export function abbreviatedValues(ab: AbbreviatedPartials, vars: readonly string[]): (v: ArrayLike<number>) => Float64Array {
  const program = compileProgram(ab.definitions, ab.partials.map((p) => p.value), vars, FUNCTIONS);
  return (v) => program.run(v);
}
