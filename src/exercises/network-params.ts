/**
 * Parameters shared by the network exercises (network-expansion, partial, all-partials,
 * mse-partials, matrix-gradients) and the random choices made when a spec leaves them out.
 *
 *   layers      widths, input first ([2, 2, 1] is the lecture's XOR net); default: drawn for the difficulty
 *   activation  sigma (abstract σ) | relu | sigmoid | tanh | identity; default: σ or ReLU, drawn
 *   naming      lecture (w1, w2, …, b1, …) | indexed (W1_2_1, b1_2); default lecture
 *   difficulty  easy | medium | hard: which architectures are drawn (default easy)
 */
import { z } from 'zod';
import type { Rng } from '../numeric/rng.js';
import { network, type ActivationName, type LossName, type Network } from '../nn/network.js';
import { InputError } from '../errors.js';

/** Hand-sized networks: at most two hidden layers, at most 4 units a layer. */
export const MAX_HAND_WIDTH = 4;
export const layersSchema = z.array(z.number().int().min(1).max(MAX_HAND_WIDTH)).min(2).max(4);
export const activationSchema = z.enum(['sigma', 'relu', 'sigmoid', 'tanh', 'identity']);
export const namingSchema = z.enum(['lecture', 'indexed']);
export const difficultySchema = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.output<typeof difficultySchema>;

/** The fields every symbolic network exercise accepts (spread into a kind's z.object). */
export const networkFields = {
  layers: layersSchema.optional(),
  activation: activationSchema.optional(),
  naming: namingSchema.default('lecture'),
  difficulty: difficultySchema.default('easy'),
};

export interface NetworkChoice {
  readonly layers?: readonly number[];
  readonly activation?: ActivationName;
  readonly naming: 'lecture' | 'indexed';
  readonly difficulty: Difficulty;
}

/**
 * Architectures a difficulty draws from. Easy ones have one hidden layer and one output, the
 * lecture's 2-2-1 among them; hard ones add a second hidden layer or a second output.
 */
export const ARCHITECTURES: Readonly<Record<Difficulty, readonly (readonly number[])[]>> = {
  easy: [[2, 2, 1], [1, 2, 1], [3, 2, 1], [2, 1, 1]],
  medium: [[2, 3, 1], [3, 3, 1], [2, 2, 2], [1, 3, 1]],
  hard: [[2, 2, 2, 1], [2, 3, 2], [3, 2, 2], [1, 2, 2, 1]],
};

/** σ as in the lecture's derivation, or ReLU as in its "for ReLU" cases. */
const DRAWN_ACTIVATIONS: readonly ActivationName[] = ['sigma', 'relu'];

/**
 * The network of an exercise: the spec's choices, the rest drawn from `rng` (always in the same
 * order: layers, then activation, so a spec that fixes one keeps the other's draw stable).
 */
export function chooseNetwork(p: NetworkChoice, rng: Rng, loss: LossName = 'none'): Network {
  const drawnLayers = rng.pick(ARCHITECTURES[p.difficulty]);
  const drawnActivation = rng.pick(DRAWN_ACTIVATIONS);
  return network({ layers: p.layers ?? drawnLayers, activation: p.activation ?? drawnActivation, naming: p.naming, loss });
}

/** Require one output (for exercises about a scalar ŷ); the message names the field. */
export function requireOneOutput(net: Network, kind: string): void {
  const m = net.spec.layers[net.spec.layers.length - 1];
  if (m !== 1) throw new InputError(`params.layers: ${kind} needs a network with one output, got ${m}`);
}

/** Resolve `output` (1-based) against the network; default 1, or drawn for several outputs. */
export function chooseOutput(net: Network, output: number | undefined, rng: Rng): number {
  const m = net.outputs.length;
  const drawn = rng.int(1, m);
  const k = output ?? (m === 1 ? 1 : drawn);
  if (k > m) throw new InputError(`params.output: the network has ${m} output${m > 1 ? 's' : ''}, got ${k}`);
  return k;
}

/** Check parameter names from a spec against the network; the message names the field. */
export function checkParameters(net: Network, names: readonly string[], field: string): void {
  const known = net.parameters.map((q) => q.name);
  for (const name of names) {
    if (!known.includes(name)) {
      const list = known.length <= 12 ? known.join(', ') : `${known.slice(0, 6).join(', ')}, …, ${known[known.length - 1]}`;
      throw new InputError(`${field}: '${name}' is not a parameter of this network (${list})`);
    }
  }
}

/**
 * A parameter to differentiate by: the spec's, or drawn. Drawn ones are mostly (4 in 5) from the
 * hidden layers, where the chain rule has work to do; the output layer's are one-step partials.
 */
export function chooseParameter(net: Network, given: string | undefined, rng: Rng): string {
  const L = net.spec.layers.length - 1;
  const inner = net.parameters.filter((q) => q.layer < L);
  const pool = inner.length > 0 && rng.next() < 0.8 ? inner : net.parameters;
  const drawn = rng.pick(pool).name;
  if (given === undefined) return drawn;
  checkParameters(net, [given], 'params.wrt');
  return given;
}
