/**
 * The benchmark network: input x ∈ ℝⁿ, two sigmoid hidden layers of width n,
 * one linear output, written fully expanded as one text expression, with the sigmoid inline as
 * 1/(1+exp(-(…))) and indexed names: W1_i_j is row i, column j of W⁽¹⁾, b1_i the i-th entry of
 * b⁽¹⁾; then W2_i_j, b2_i, W3_1_j, b3_1. Inputs are x1…xn.
 *
 *   z⁽¹⁾ᵢ = Σⱼ W1_i_j·xⱼ + b1_i       h⁽¹⁾ᵢ = 1/(1+exp(-(z⁽¹⁾ᵢ)))
 *   z⁽²⁾ᵢ = Σⱼ W2_i_j·h⁽¹⁾ⱼ + b2_i    h⁽²⁾ᵢ = 1/(1+exp(-(z⁽²⁾ᵢ)))
 *   ŷ     = Σⱼ W3_1_j·h⁽²⁾ⱼ + b3_1
 *
 * The same text goes to gradsheet, mathjs and SymPy. `networkValue` evaluates the network with
 * plain floats, independently of any of them, for the numeric sanity check.
 */

export const BENCH_WRT = 'W1_1_1';

export interface BenchNetwork {
  readonly n: number;
  /** The fully expanded text expression. */
  readonly text: string;
  /** Every free name in `text`, inputs first, then weights and biases layer by layer. */
  readonly names: readonly string[];
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const sigmoidText = (z: string): string => `1/(1 + exp(-(${z})))`;

/** Σⱼ W<l>_i_j·inⱼ + b<l>_i, with each input already parenthesised as needed. */
function affineText(layer: number, i: number, inputs: readonly string[]): string {
  const terms = inputs.map((v, j) => `W${layer}_${i}_${j + 1}*${v}`);
  return [...terms, `b${layer}_${i}`].join(' + ');
}

export function benchNetwork(n: number): BenchNetwork {
  if (!Number.isInteger(n) || n < 1) throw new Error(`benchNetwork: n must be a positive integer, got ${n}`);
  const x = range(n).map((j) => `x${j}`);
  const h1 = range(n).map((i) => `(${sigmoidText(affineText(1, i, x))})`);
  const h2 = range(n).map((i) => `(${sigmoidText(affineText(2, i, h1))})`);
  const text = affineText(3, 1, h2);
  const names = [
    ...x,
    ...range(n).flatMap((i) => range(n).map((j) => `W1_${i}_${j}`)),
    ...range(n).map((i) => `b1_${i}`),
    ...range(n).flatMap((i) => range(n).map((j) => `W2_${i}_${j}`)),
    ...range(n).map((i) => `b2_${i}`),
    ...range(n).map((j) => `W3_1_${j}`),
    'b3_1',
  ];
  return { n, text, names };
}

/** ŷ at the given values of every name (floats; no symbolic library involved). */
export function networkValue(n: number, v: Readonly<Record<string, number>>): number {
  const get = (name: string): number => {
    const x = v[name];
    if (x === undefined) throw new Error(`networkValue: no value for ${name}`);
    return x;
  };
  const sig = (z: number): number => 1 / (1 + Math.exp(-z));
  const layer = (l: number, rows: number, input: readonly number[]): number[] =>
    range(rows).map((i) => input.reduce((acc, h, j) => acc + get(`W${l}_${i}_${j + 1}`) * h, 0) + get(`b${l}_${i}`));
  const x = range(n).map((j) => get(`x${j}`));
  const h1 = layer(1, n, x).map(sig);
  const h2 = layer(2, n, h1).map(sig);
  return layer(3, 1, h2)[0];
}
