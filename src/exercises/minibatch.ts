/**
 * Minibatches and one exact gradient-descent step for the gradient-step exercise. The data are
 * the spec's examples, or drawn: the XOR points for a 2-input, 1-output net (the lecture's
 * problem), otherwise small integers. The step is computed exactly from the symbolic partials
 * ∂f/∂p = (ŷ − y)·∂ŷ/∂p (src/nn/partials.ts), evaluated in rationals (relu′ included), summed
 * over the minibatch as the lecture does, then p ← p − ε·Σ∂f/∂p.
 */
import { z } from 'zod';
import type { Rng } from '../numeric/rng.js';
import type { Network } from '../nn/network.js';
import { networkPartials } from '../nn/partials.js';
import { evaluateValue, exact, type Value } from '../numeric/matrix-eval.js';
import { ratFromNumber, ZERO, type Rational } from '../rational.js';
import { InputError } from '../errors.js';
import { counted } from '../plural.js';
import { parseNumberField, parseVectorField, type QVector } from './numbers.js';
import type { NumericNet, Sizes } from './numeric-net.js';

const numberText = z.union([z.number(), z.string()]);
const vectorData = z.union([z.array(numberText).min(1), z.string()]);
export const exampleSchema = z.object({ x: vectorData, y: z.union([numberText, z.array(numberText).min(1)]) }).strict();
export type ExampleSpec = z.output<typeof exampleSchema>;

export interface Example {
  readonly x: QVector;
  readonly y: QVector;
}

/** XOR: g(0,0) = 0, g(0,1) = 1, g(1,0) = 1, g(1,1) = 0. */
export const XOR_POINTS: readonly (readonly [number, number, number])[] = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];

function vectorOf(field: string, v: ExampleSpec['x'] | ExampleSpec['y']): QVector {
  if (Array.isArray(v)) return v.map((e, i) => parseNumberField(`${field}[${i}]`, e));
  return parseVectorField(field, v);
}

export function parseBatch(batch: readonly ExampleSpec[]): Example[] {
  return batch.map((ex, i) => ({ x: vectorOf(`params.batch[${i}].x`, ex.x), y: vectorOf(`params.batch[${i}].y`, ex.y) }));
}

/** Every example fits the network's widths; the message names the example. */
export function checkBatch(batch: readonly Example[], sizes: Sizes): void {
  batch.forEach((ex, i) => {
    if (ex.x.length !== sizes.inputs) throw new InputError(`params.batch[${i}].x: ${counted(ex.x.length, 'entry', 'entries')}, but the network has ${counted(sizes.inputs, 'input')}`);
    if (ex.y.length !== sizes.outputs) throw new InputError(`params.batch[${i}].y: ${counted(ex.y.length, 'entry', 'entries')}, but the network has ${counted(sizes.outputs, 'output')}`);
  });
}

/** `size` examples: distinct XOR points in the lecture's order, or small integers (targets 0 or 1). */
export function drawBatch(rng: Rng, size: number, sizes: Sizes): Example[] {
  if (sizes.inputs === 2 && sizes.outputs === 1) {
    const picked = new Set<number>();
    while (picked.size < Math.min(size, XOR_POINTS.length)) picked.add(rng.int(0, XOR_POINTS.length - 1));
    return [...picked].sort((a, b) => a - b).map((i) => {
      const [x1, x2, y] = XOR_POINTS[i];
      return { x: [x1, x2].map(ratFromNumber), y: [ratFromNumber(y)] };
    });
  }
  return Array.from({ length: size }, () => ({
    x: Array.from({ length: sizes.inputs }, () => ratFromNumber(rng.int(-1, 2))),
    y: Array.from({ length: sizes.outputs }, () => ratFromNumber(rng.int(0, 1))),
  }));
}

/** The network's parameter values, by name, from the matrices. */
export function parameterValues(net: Network, values: NumericNet): Map<string, Rational> {
  const out = new Map<string, Rational>();
  const Ws = [values.W1, values.W2];
  const bs = [values.b1, values.b2];
  net.weights.forEach((W, l) => W.forEach((row, i) => row.forEach((name, j) => out.set(name, Ws[l][i][j]))));
  net.biases.forEach((b, l) => b.forEach((name, i) => out.set(name, bs[l][i])));
  return out;
}

/** Bindings of one example: x1, x2, …, y (or y1, y2, …). */
export function exampleBindings(net: Network, ex: Example): Map<string, Rational> {
  return new Map([...net.inputs.map((n, i) => [n, ex.x[i]] as const), ...net.targets.map((n, k) => [n, ex.y[k]] as const)]);
}

export interface ExactStep {
  /** perExample[p][e]: ∂f/∂p at example e, in parameter order. */
  readonly perExample: readonly (readonly Rational[])[];
  readonly gradient: readonly Rational[];
  readonly updated: readonly Rational[];
}

function rational(v: Value): Rational {
  if (v.kind !== 'exact') throw new Error('gradient step: a partial did not evaluate to a rational');
  return v.value;
}

/** One step p ← p − ε·Σₑ ∂f/∂p(e), exactly; `net` has the MSE cost. */
export function exactStep(net: Network, params: ReadonlyMap<string, Rational>, batch: readonly Example[], lr: Rational): ExactStep {
  const partials = networkPartials(net, { cases: false });
  const envs = batch.map((ex) => new Map<string, Value>([...params, ...exampleBindings(net, ex)].map(([k, q]) => [k, exact(q)])));
  const perExample = partials.map((p) => envs.map((env) => rational(evaluateValue(p.value, env))));
  const gradient = perExample.map((row) => row.reduce((s, q) => s.add(q), ZERO));
  const updated = net.parameters.map((p, i) => {
    const start = params.get(p.name);
    if (start === undefined) throw new Error(`gradient step: no value for ${p.name}`);
    return start.sub(lr.mul(gradient[i]));
  });
  return { perExample, gradient, updated };
}

/** ŷ at an example, exactly (ReLU and identity nets). */
export function outputsAt(net: Network, params: ReadonlyMap<string, Rational>, ex: Example): Rational[] {
  const env = new Map<string, Value>([...params, ...exampleBindings(net, ex)].map(([k, q]) => [k, exact(q)]));
  return net.outputExprs.map((o) => rational(evaluateValue(o, env)));
}
