/**
 * The XOR design hint ("set b = [−1 −1]ᵀ; W contains only 1s and 2s") as data, and the search
 * it implies: every W⁽¹⁾ with entries from the allowed values, decided exactly by checkXorDesign.
 * The random variants use only families checked to have solutions with small readouts.
 */
import type { XorCheck } from '../../nn/xor.js';
import { checkXorDesign } from '../../nn/xor.js';
import { InputError } from '../../errors.js';

export interface XorHint {
  /** b⁽¹⁾ given by the hint. */
  readonly bias: readonly [number, number];
  /** The values W⁽¹⁾'s entries are drawn from. */
  readonly weights: readonly number[];
}

/** The lecture's hint. */
export const LECTURE_HINT: XorHint = { bias: [-1, -1], weights: [1, 2] };

/**
 * Families for random variants, each with exactly two solutions (the mirror images W and its
 * rows swapped) and a readout with small numbers. [0, 0] with ±1 collapses the two − points,
 * as the lecture's slide describes; the others collapse the two + points.
 */
export const HINT_FAMILIES: readonly XorHint[] = [
  LECTURE_HINT,
  { bias: [-1, -1], weights: [1, 3] },
  { bias: [-1, -1], weights: [2, 3] },
  { bias: [-2, -2], weights: [2, 3] },
  { bias: [0, 0], weights: [1, -1] },
  { bias: [-3, -3], weights: [2, 4] },
];

/** Candidates tried at most: 4 values give 4⁴ = 256 exact checks, a few milliseconds. */
export const MAX_WEIGHT_VALUES = 4;

export interface HintSearch {
  /** The separable designs, in the order tried. */
  readonly valid: readonly Extract<XorCheck, { separable: true }>[];
  /** Some that fail, for the key's "why not" step: a few with different kinds of failure. */
  readonly invalid: readonly Extract<XorCheck, { separable: false }>[];
}

/**
 * Every 2×2 W with entries from the hint's values, with b = the hint's bias. Larger values are
 * tried first and the first row varies slowest, so the lecture's hint gives W = [2 2; 1 1] first.
 */
export function searchHint(hint: XorHint): HintSearch {
  const values = [...new Set(hint.weights)].sort((a, b) => b - a);
  const valid: Extract<XorCheck, { separable: true }>[] = [];
  const invalid: Extract<XorCheck, { separable: false }>[] = [];
  const k = values.length;
  for (let code = 0; code < k ** 4; code++) {
    const e = [3, 2, 1, 0].map((p) => values[Math.floor(code / k ** p) % k]);
    const check = checkXorDesign({ W1: [[e[0], e[1]], [e[2], e[3]]], b1: [...hint.bias], activation: 'relu' });
    if (check.separable) valid.push(check);
    else if (!invalid.some((c) => c.obstruction.kind === check.obstruction.kind)) invalid.push(check);
  }
  // Coinciding points and crossing segments are the easiest failures to see; show them first.
  const order = ['coincide', 'cross', 'touch', 'collinear'];
  invalid.sort((a, b) => order.indexOf(a.obstruction.kind) - order.indexOf(b.obstruction.kind));
  if (valid.length === 0) {
    throw new InputError(
      `params.weights: no W⁽¹⁾ with entries from ${values.join(', ')} makes the XOR points separable with b⁽¹⁾ = [${hint.bias.join(', ')}]; try the lecture's bias [-1, -1] with weights [1, 2]`,
    );
  }
  return { valid, invalid };
}

/** "1s and 2s", "1s, 2s and 3s", "1s and −1s". */
export function valuesText(values: readonly number[]): string {
  const words = [...new Set(values)].map((v) => `${v < 0 ? '−' + String(-v) : String(v)}s`);
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
