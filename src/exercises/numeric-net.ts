/**
 * The numbers of a 3-layer network (input, one hidden layer, output) for the numeric exercises
 * (forward-pass, gradient-step): W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾ given in the spec as text, or drawn as small
 * integers. Sizes come from whatever is given (explicit sizes, the matrices, x); every given thing
 * must agree, and a disagreement names the field.
 *
 *   inputs, hidden, outputs   layer widths (1–4), or all three as layers: [inputs, hidden, outputs]
 *   W1, b1, W2, b2            "[1, 0, 1; -1, 2, 3]", "[-1, 2]" (a vector is a column)
 *   range                     [lo, hi]: random entries are integers in this range
 */
import { z } from 'zod';
import type { Rng } from '../numeric/rng.js';
import { InputError } from '../errors.js';
import { counted } from '../plural.js';
import { lookupOp } from '../ops/registry.js';
import type { Rational } from '../rational.js';
import {
  addVectors,
  matVec,
  parseMatrixField,
  parseVectorField,
  randomIntMatrix,
  randomIntVector,
  type QMatrix,
  type QVector,
} from './numbers.js';

const width = z.number().int().min(1).max(4);
const vectorText = z.union([z.string(), z.number()]);

export const numericNetFields = {
  /** [inputs, hidden, outputs], as the other network kinds write a network's widths. */
  layers: z
    .array(width)
    .refine((l) => l.length === 3, 'expected [inputs, hidden, outputs] (one hidden layer), such as [2, 2, 1]')
    .optional(),
  inputs: width.optional(),
  hidden: width.optional(),
  outputs: width.optional(),
  W1: z.string().optional(),
  b1: vectorText.optional(),
  W2: z.string().optional(),
  b2: vectorText.optional(),
  range: z.tuple([z.number().int().min(-20).max(20), z.number().int().min(-20).max(20)]).optional(),
};

export interface Sizes {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
}

export interface NumericNet {
  readonly W1: QMatrix;
  readonly b1: QVector;
  readonly W2: QMatrix;
  readonly b2: QVector;
}

export type GivenNet = Partial<NumericNet>;

interface NetFieldParams {
  readonly layers?: readonly number[];
  readonly inputs?: number;
  readonly hidden?: number;
  readonly outputs?: number;
  readonly W1?: string;
  readonly b1?: string | number;
  readonly W2?: string;
  readonly b2?: string | number;
  readonly range?: readonly [number, number];
}

/** The matrices the spec gives, parsed (errors name the field). */
export function givenNet(p: NetFieldParams): GivenNet {
  return {
    W1: p.W1 === undefined ? undefined : parseMatrixField('params.W1', p.W1),
    b1: p.b1 === undefined ? undefined : parseVectorField('params.b1', p.b1),
    W2: p.W2 === undefined ? undefined : parseMatrixField('params.W2', p.W2),
    b2: p.b2 === undefined ? undefined : parseVectorField('params.b2', p.b2),
  };
}

/** One claim on a width: "W1 has 3 columns" (params.W1). */
interface Claim {
  readonly value: number;
  readonly field: string;
  readonly text: string;
}

function settle(claims: readonly (Claim | undefined)[], fallback: number): number {
  const known = claims.filter((c): c is Claim => c !== undefined);
  const first = known[0];
  for (const c of known.slice(1)) {
    if (c.value !== first.value) throw new InputError(`${c.field}: ${c.text}, but ${first.text} (${first.field})`);
  }
  return first?.value ?? fallback;
}

const claim = (value: number | undefined, field: string, text: (n: number) => string): Claim | undefined =>
  value === undefined ? undefined : { value, field, text: text(value) };

/** A vector from the spec's data (x of an example, its target y), with its field. */
export interface DataVector {
  readonly length: number;
  readonly field: string;
}

/** Widths from explicit sizes, the given matrices and the data; defaults fill the rest. */
export function resolveSizes(p: NetFieldParams, given: GivenNet, defaults: Sizes, data: { readonly x?: DataVector; readonly y?: DataVector } = {}): Sizes {
  const { x, y } = data;
  const { W1, b1, W2, b2 } = given;
  return {
    inputs: settle(
      [
        claim(p.layers?.[0], 'params.layers', (n) => `layers gives ${counted(n, 'input')}`),
        claim(p.inputs, 'params.inputs', (n) => `inputs is ${n}`),
        claim(W1?.[0].length, 'params.W1', (n) => `W1 has ${counted(n, 'column')}`),
        claim(x?.length, x?.field ?? '', (n) => `x has ${counted(n, 'entry', 'entries')}`),
      ],
      defaults.inputs,
    ),
    hidden: settle(
      [
        claim(p.layers?.[1], 'params.layers', (n) => `layers gives ${counted(n, 'hidden unit')}`),
        claim(p.hidden, 'params.hidden', (n) => `hidden is ${n}`),
        claim(W1?.length, 'params.W1', (n) => `W1 has ${counted(n, 'row')}`),
        claim(b1?.length, 'params.b1', (n) => `b1 has ${counted(n, 'entry', 'entries')}`),
        claim(W2?.[0].length, 'params.W2', (n) => `W2 has ${counted(n, 'column')}`),
      ],
      defaults.hidden,
    ),
    outputs: settle(
      [
        claim(p.layers?.[2], 'params.layers', (n) => `layers gives ${counted(n, 'output')}`),
        claim(p.outputs, 'params.outputs', (n) => `outputs is ${n}`),
        claim(W2?.length, 'params.W2', (n) => `W2 has ${counted(n, 'row')}`),
        claim(b2?.length, 'params.b2', (n) => `b2 has ${counted(n, 'entry', 'entries')}`),
        claim(y?.length, y?.field ?? '', (n) => `y has ${counted(n, 'entry', 'entries')}`),
      ],
      defaults.outputs,
    ),
  };
}

/** [lo, hi] from the spec (checked) or the default. */
export function resolveRange(range: readonly [number, number] | undefined, fallback: readonly [number, number]): readonly [number, number] {
  if (range && range[0] > range[1]) throw new InputError(`params.range: [${range[0]}, ${range[1]}] is empty; write [lo, hi] with lo ≤ hi`);
  return range ?? fallback;
}

/**
 * The given matrices, the missing ones drawn. All four are always drawn, in one order, so that
 * giving one matrix does not change the others' draw.
 */
export function fillNet(sizes: Sizes, given: GivenNet, range: readonly [number, number], rng: Rng): NumericNet {
  const W1 = randomIntMatrix(rng, sizes.hidden, sizes.inputs, range);
  const b1 = randomIntVector(rng, sizes.hidden, range);
  const W2 = randomIntMatrix(rng, sizes.outputs, sizes.hidden, range);
  const b2 = randomIntVector(rng, sizes.outputs, range);
  return { W1: given.W1 ?? W1, b1: given.b1 ?? b1, W2: given.W2 ?? W2, b2: given.b2 ?? b2 };
}

/** z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾, exactly. */
export const preActivation = (net: NumericNet, x: QVector): Rational[] => addVectors(matVec(net.W1, x), net.b1);

/** An activation's exact value where it is rational (ReLU, identity, sigmoid(0) = 1/2); else undefined. */
export function exactActivation(act: string, z: Rational): Rational | undefined {
  if (act === 'identity') return z;
  return lookupOp(act)?.exact?.([z]);
}
