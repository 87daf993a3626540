/**
 * Checks a matrix form against the core: every entry of every ∇ is expanded into a scalar Expr of
 * the network's inputs and parameters and compared with the core's scalar partial
 * differentiate(net.lossExpr, p) at seeded random points. The two share no code past the
 * expression builders: one is the chain rule on matrices, the other on the expanded scalar cost.
 */
import type { Expr } from '../expr/types.js';
import type { MatSymbol } from '../linalg/types.js';
import type { Network } from './network.js';
import type { MatrixForm } from './backprop.js';
import type { Rng } from '../numeric/rng.js';
import { sym } from '../expr/build.js';
import { differentiate } from '../calculus/differentiate.js';
import { compile, type AbstractFunction } from '../numeric/evaluate.js';
import { relativeError } from '../numeric/finite-difference.js';
import { expandMatrix, type ScalarMatrix } from '../linalg/expand.js';
import { symbolKey } from '../linalg/names.js';
import { matrixToText } from '../linalg/print-text.js';

/**
 * σ for the abstract activation: sin, smooth with every derivative known in closed form,
 * sin⁽ᵏ⁾(u) = sin(u + kπ/2), and not odd-symmetric around any point the samples favour.
 */
export const SMOOTH_SIGMA: AbstractFunction = (orders, [u]) => Math.sin(u + (orders[0] * Math.PI) / 2);

export interface MatrixFormCheckOptions {
  /** Random points (default 5). */
  readonly points?: number;
  /** Values of the abstract σ and its derivatives (default SMOOTH_SIGMA). */
  readonly sigma?: AbstractFunction;
  /**
   * Smallest |z⁽ˡ⁾ᵢ| accepted at a point when some activation is relu (default 0.05): relu′ jumps
   * at 0, so a point there tests the convention, not the derivation.
   */
  readonly kinkMargin?: number;
}

export interface EntryComparison {
  /** `∇_{W⁽¹⁾} f`. */
  readonly gradient: string;
  /** The scalar parameter of this entry (w1, W1_2_1). */
  readonly parameter: string;
  readonly row: number;
  readonly col: number;
  /** The matrix-form entry, expanded. */
  readonly matrixEntry: Expr;
  /** differentiate(cost, parameter) from the core. */
  readonly scalarPartial: Expr;
  /** Largest relative difference over the points. */
  readonly maxRelativeError: number;
}

export interface MatrixFormCheck {
  readonly maxRelativeError: number;
  readonly points: number;
  /** Entry × point comparisons made. */
  readonly comparisons: number;
  readonly entries: readonly EntryComparison[];
}

/**
 * Entries of the symbols of a network: W⁽ˡ⁾, b⁽ˡ⁾, x and y by the network's scalar names, and,
 * given a matrix form, every name it defines (z⁽ˡ⁾, h⁽ˡ⁾, ŷ, f, δ⁽ˡ⁾) expanded from its definition.
 */
export function networkBindings(net: Network, form?: MatrixForm): (s: MatSymbol) => ScalarMatrix | undefined {
  const table = new Map<string, ScalarMatrix>();
  const column = (names: readonly string[]): ScalarMatrix => names.map((n) => [sym(n)]);
  table.set('x|', column(net.inputs));
  table.set('y|', column(net.targets));
  net.weights.forEach((W, l) => table.set(`W|${l + 1}`, W.map((row) => row.map((n) => sym(n)))));
  net.biases.forEach((b, l) => {
    if (b.length > 0) table.set(`b|${l + 1}`, column(b));
  });
  const bind = (s: MatSymbol): ScalarMatrix | undefined => table.get(symbolKey(s));
  for (const d of form?.definitions ?? []) table.set(symbolKey(d.name), expandMatrix(d.expr, bind));
  return bind;
}

export function checkMatrixForm(net: Network, form: MatrixForm, rng: Rng, options: MatrixFormCheckOptions = {}): MatrixFormCheck {
  const points = options.points ?? 5;
  const functions = { sigma: options.sigma ?? SMOOTH_SIGMA };
  const margin = options.kinkMargin ?? 0.05;
  const cost = net.lossExpr ?? net.outputExprs[0];
  const bind = networkBindings(net, form);
  const params = net.parameters.map((p) => p.name);
  const vars = [...net.inputs, ...net.targets, ...params];

  // Pre-activations, to keep sample points away from relu's kink.
  const acts = [...net.spec.activation, net.spec.outputActivation];
  const preActivations: ((v: ArrayLike<number>) => number)[] = [];
  if (acts.includes('relu')) {
    for (let l = 1; l < net.spec.layers.length; l++) {
      const zs = bind({ kind: 'symbol', name: 'z', layer: l, rows: net.spec.layers[l], cols: 1 }) ?? [];
      for (const [z] of zs) preActivations.push(compile(z, vars, functions));
    }
  }
  const draw = (): number[] => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const v = [
        ...net.inputs.map(() => rng.uniform(-2, 2)),
        // Targets of binary cross-entropy are probabilities.
        ...net.targets.map(() => (net.spec.loss === 'bce' ? rng.uniform(0.05, 0.95) : rng.uniform(-2, 2))),
        ...params.map(() => rng.uniform(-1.5, 1.5)),
      ];
      if (preActivations.every((z) => Math.abs(z(v)) >= margin)) return v;
    }
    throw new Error('checkMatrixForm: no sample point away from the relu kinks in 1000 draws');
  };
  const samples = Array.from({ length: points }, draw);

  const entries: EntryComparison[] = [];
  for (const g of form.gradients) {
    const m = expandMatrix(g.expr, bind);
    g.parameters.forEach((row, i) =>
      row.forEach((parameter, j) => {
        const matrixEntry = m[i][j];
        const scalarPartial = differentiate(cost, parameter);
        const a = compile(matrixEntry, vars, functions);
        const b = compile(scalarPartial, vars, functions);
        const worst = Math.max(0, ...samples.map((v) => relativeError(a(v), b(v))));
        entries.push({ gradient: matrixToText(g.lhs), parameter, row: i + 1, col: j + 1, matrixEntry, scalarPartial, maxRelativeError: worst });
      }),
    );
  }
  return {
    maxRelativeError: Math.max(0, ...entries.map((e) => e.maxRelativeError)),
    points,
    comparisons: entries.length * points,
    entries,
  };
}
