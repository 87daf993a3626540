/**
 * Feed-forward networks as expressions, in the lecture's notation:
 *   z⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  h⁽ˡ⁾ = σ(z⁽ˡ⁾),  h⁽⁰⁾ = x,  ŷ = z⁽ᴸ⁾ (or σ_out(z⁽ᴸ⁾)).
 * Lecture naming numbers scalar weights w1, w2, … row-major through W⁽¹⁾, then W⁽²⁾, …, and
 * biases b1, b2, … through b⁽¹⁾, then b⁽²⁾, …; indexed naming writes W1_2_1 (row 2, column 1 of
 * W⁽¹⁾) and b1_2. For the 2-2-1 net: ŷ = w5σ(w1x1 + w2x2 + b1) + w6σ(w3x1 + w4x2 + b2) + b3.
 */
import type { Expr } from '../expr/types.js';
import { add, call, int, mul, neg, num, pow, sub, sym } from '../expr/build.js';
import { InputError } from '../errors.js';
import { rat } from '../rational.js';

export const HIDDEN_ACTIVATIONS = ['sigma', 'relu', 'sigmoid', 'tanh', 'identity'] as const;
export type ActivationName = (typeof HIDDEN_ACTIVATIONS)[number];
export type LossName = 'none' | 'mse' | 'bce';
export type Naming = 'lecture' | 'indexed';

export interface NetworkSpec {
  /** Layer widths, input first: [2, 2, 1] is the lecture's XOR net. */
  readonly layers: readonly number[];
  /** Activation of every hidden layer, or one per hidden layer. Default: the abstract σ. */
  readonly activation?: ActivationName | readonly ActivationName[];
  /** Activation of the output layer; default none (ŷ = W⁽ᴸ⁾h⁽ᴸ⁻¹⁾ + b⁽ᴸ⁾). */
  readonly outputActivation?: ActivationName | 'none';
  /** Biases on every layer (default true). */
  readonly bias?: boolean;
  /** Cost: none, mse = ½‖ŷ − y‖², bce = binary cross-entropy (needs a sigmoid output). */
  readonly loss?: LossName;
  readonly naming?: Naming;
}

export interface Parameter {
  readonly name: string;
  readonly kind: 'weight' | 'bias';
  /** 1-based layer l of W⁽ˡ⁾ or b⁽ˡ⁾. */
  readonly layer: number;
  /** 1-based row (the neuron of layer l). */
  readonly row: number;
  /** 1-based column (the neuron of layer l − 1); weights only. */
  readonly col?: number;
}

export interface Network {
  readonly spec: Required<Omit<NetworkSpec, 'activation'>> & { readonly activation: readonly ActivationName[] };
  readonly inputs: readonly string[];
  /** `yhat`, or `yhat1`, `yhat2`, … for several outputs. */
  readonly outputs: readonly string[];
  /** `y`, or `y1`, `y2`, …. */
  readonly targets: readonly string[];
  /** All parameters in lecture order: the weights of W⁽¹⁾, W⁽²⁾, … row-major, then the biases. */
  readonly parameters: readonly Parameter[];
  /** weights[l-1][i-1][j-1]: the name of W⁽ˡ⁾ᵢⱼ. */
  readonly weights: readonly (readonly (readonly string[])[])[];
  /** biases[l-1][i-1]: the name of b⁽ˡ⁾ᵢ (empty lists without biases). */
  readonly biases: readonly (readonly string[])[];
  /** Each output ŷₖ as a fully expanded expression in the inputs and parameters. */
  readonly outputExprs: readonly Expr[];
  /** The cost as an expression of the expanded outputs and the targets (undefined for loss none). */
  readonly lossExpr: Expr | undefined;
}

export const MAX_LAYERS = 12;
export const MAX_WIDTH = 64;

export function network(spec: NetworkSpec): Network {
  const layers = [...spec.layers];
  if (layers.length < 2) throw new InputError(`--layers: a network needs at least an input and an output layer, got ${layers.join(',')}`);
  if (layers.length > MAX_LAYERS) throw new InputError(`--layers: at most ${MAX_LAYERS} layers, got ${layers.length}`);
  layers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_WIDTH) {
      throw new InputError(`--layers: layer ${i + 1} has width ${n}; widths are whole numbers from 1 to ${MAX_WIDTH}`);
    }
  });
  const L = layers.length - 1;
  const acts = normalizeActivations(spec.activation, L - 1);
  const outputActivation = spec.outputActivation ?? 'none';
  const bias = spec.bias ?? true;
  const loss = spec.loss ?? 'none';
  const naming = spec.naming ?? 'lecture';
  if (loss === 'bce' && (outputActivation !== 'sigmoid' || layers[L] !== 1)) {
    throw new InputError('--loss bce: binary cross-entropy needs one output with --output-activation sigmoid');
  }

  const { weights, biases } = names(layers, bias, naming);
  const parameters: Parameter[] = [];
  weights.forEach((W, l) => W.forEach((row, i) => row.forEach((name, j) => parameters.push({ name, kind: 'weight', layer: l + 1, row: i + 1, col: j + 1 }))));
  biases.forEach((b, l) => b.forEach((name, i) => parameters.push({ name, kind: 'bias', layer: l + 1, row: i + 1 })));

  const inputs = Array.from({ length: layers[0] }, (_, i) => `x${i + 1}`);
  const m = layers[L];
  const outputs = m === 1 ? ['yhat'] : Array.from({ length: m }, (_, i) => `yhat${i + 1}`);
  const targets = m === 1 ? ['y'] : Array.from({ length: m }, (_, i) => `y${i + 1}`);

  let h: Expr[] = inputs.map(sym);
  for (let l = 1; l <= L; l++) {
    const z = weights[l - 1].map((row, i) => {
      const terms = row.map((w, j) => mul(sym(w), h[j]));
      if (bias) terms.push(sym(biases[l - 1][i]));
      return add(...terms);
    });
    const act = l < L ? acts[l - 1] : outputActivation;
    h = z.map((zi) => applyActivation(act, zi));
  }
  const outputExprs = h;
  return {
    spec: { layers, activation: acts, outputActivation, bias, loss, naming },
    inputs,
    outputs,
    targets,
    parameters,
    weights,
    biases,
    outputExprs,
    lossExpr: lossExpression(loss, outputExprs, targets),
  };
}

export function applyActivation(act: ActivationName | 'none', z: Expr): Expr {
  return act === 'none' || act === 'identity' ? z : call(act, [z]);
}

function normalizeActivations(a: NetworkSpec['activation'], hidden: number): ActivationName[] {
  if (a === undefined) return Array<ActivationName>(hidden).fill('sigma');
  if (typeof a === 'string') return Array<ActivationName>(hidden).fill(a);
  if (a.length !== hidden) throw new InputError(`--activation: ${hidden} hidden layer(s) but ${a.length} activation(s) given`);
  return [...a];
}

function names(layers: readonly number[], bias: boolean, naming: Naming) {
  const weights: string[][][] = [];
  const biases: string[][] = [];
  let w = 0;
  let b = 0;
  for (let l = 1; l < layers.length; l++) {
    weights.push(
      Array.from({ length: layers[l] }, (_, i) =>
        Array.from({ length: layers[l - 1] }, (_, j) => (naming === 'lecture' ? `w${++w}` : `W${l}_${i + 1}_${j + 1}`)),
      ),
    );
    biases.push(bias ? Array.from({ length: layers[l] }, (_, i) => (naming === 'lecture' ? `b${++b}` : `b${l}_${i + 1}`)) : []);
  }
  return { weights, biases };
}

/** ½Σ(ŷₖ − yₖ)², or −(y·log ŷ + (1 − y)·log(1 − ŷ)). */
export function lossExpression(loss: LossName, outputs: readonly Expr[], targets: readonly string[]): Expr | undefined {
  switch (loss) {
    case 'none':
      return undefined;
    case 'mse':
      return mul(num(rat(1, 2)), add(...outputs.map((o, k) => pow(sub(o, sym(targets[k])), int(2)))));
    case 'bce': {
      const y = sym(targets[0]);
      const yhat = outputs[0];
      return neg(add(mul(y, call('log', [yhat])), mul(sub(int(1), y), call('log', [sub(int(1), yhat)]))));
    }
  }
}
