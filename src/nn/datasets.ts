/** Small data sets for training: the lecture's XOR, and AND / OR for contrast (linearly separable). */

export interface Example {
  readonly x: readonly number[];
  /** Targets, one per output. */
  readonly y: readonly number[];
}

const truthTable = (f: (a: number, b: number) => number): Example[] =>
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ].map(([a, b]) => ({ x: [a, b], y: [f(a, b)] }));

export const DATASETS: Readonly<Record<string, readonly Example[]>> = {
  /** g(0,0) = 0, g(0,1) = 1, g(1,0) = 1, g(1,1) = 0, as in the lecture. */
  xor: truthTable((a, b) => a ^ b),
  and: truthTable((a, b) => a & b),
  or: truthTable((a, b) => a | b),
};
