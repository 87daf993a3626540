/**
 * A straight-line program compiled to closures: named definitions evaluated once each, in order,
 * then any number of outputs that read them. This is how the abbreviated partials run: the
 * forward pass (z, h, ŷ) and the backward pass (δ) are each computed once per example, and every
 * partial is a product of a δ and an activation, instead of one expanded tree per parameter.
 */
import type { Expr } from '../expr/types.js';
import { compile, type AbstractFunction } from '../numeric/evaluate.js';

export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

export interface Program {
  /** The variables the program reads, in the order `run` expects their values. */
  readonly vars: readonly string[];
  /** The number of outputs. */
  readonly size: number;
  /** Evaluate at `values` (in the order of `vars`); writes the outputs into `out` and returns it. */
  run(values: ArrayLike<number>, out?: Float64Array): Float64Array;
}

export function compileProgram(
  definitions: readonly NamedExpr[],
  outputs: readonly Expr[],
  vars: readonly string[],
  functions: Readonly<Record<string, AbstractFunction>> = {},
): Program {
  const slots = [...vars, ...definitions.map((d) => d.name)];
  const defs = definitions.map((d) => compile(d.expr, slots, functions));
  const outs = outputs.map((e) => compile(e, slots, functions));
  const buffer = new Float64Array(slots.length);
  const base = vars.length;
  return {
    vars,
    size: outs.length,
    run(values, out = new Float64Array(outs.length)) {
      for (let i = 0; i < base; i++) buffer[i] = values[i];
      for (let i = 0; i < defs.length; i++) buffer[base + i] = defs[i](buffer);
      for (let i = 0; i < outs.length; i++) out[i] = outs[i](buffer);
      return out;
    },
  };
}
