/**
 * A network as a list of named intermediates, each defined in terms of earlier ones — the forward
 * pass the lecture draws layer by layer:
 *   z1_2 = W⁽¹⁾₂·x + b⁽¹⁾₂   (z⁽¹⁾₂, a pre-activation)
 *   h1_2 = σ(z1_2)            (h⁽¹⁾₂, an activation; identity layers have no h: h = z)
 *   yhat = W⁽ᴸ⁾h⁽ᴸ⁻¹⁾ + b⁽ᴸ⁾  (or yhat = σ_out(zL_1) with an output activation)
 *   f    = ½(yhat − y)²       (the cost, when there is one)
 * Names print as z^{(1)}_{2}, h^{(1)}_{2}, \hat{y} (src/print/names.ts), so they read like the
 * lecture's z and h and do not collide with lecture (w1, b1) or indexed (W1_2_1, b1_2) parameters.
 */
import type { Expr } from '../expr/types.js';
import { add, call, mul, sym } from '../expr/build.js';
import { children } from '../expr/traverse.js';
import { lossExpression, type Network } from './network.js';
import { COST } from './partials.js';

export type IntermediateKind = 'z' | 'h' | 'yhat' | 'f';

export interface Intermediate {
  readonly name: string;
  readonly kind: IntermediateKind;
  /** 1-based layer (0 for the cost). */
  readonly layer: number;
  /** 1-based neuron within the layer (0 for the cost). */
  readonly index: number;
  /** The definition, in inputs, targets, parameters and earlier intermediates. */
  readonly expr: Expr;
  /**
   * Whether this node is a pre-activation: a z, or an output with no activation (ŷ = z⁽ᴸ⁾). Its
   * partial ∂f/∂(node) is the δ of backpropagation.
   */
  readonly preActivation: boolean;
  /** The intermediates its definition mentions, in order of first mention. */
  readonly uses: readonly string[];
}

export interface NetworkGraph {
  readonly net: Network;
  /** Forward order: layer by layer, z before h within a neuron, then the cost. */
  readonly nodes: readonly Intermediate[];
  readonly byName: ReadonlyMap<string, Intermediate>;
  /** For each parameter, the one intermediate whose definition holds it. */
  readonly owner: ReadonlyMap<string, string>;
}

export const zName = (layer: number, i: number): string => `z${layer}_${i}`;
export const hName = (layer: number, i: number): string => `h${layer}_${i}`;

export function networkGraph(net: Network): NetworkGraph {
  const L = net.spec.layers.length - 1;
  const nodes: Intermediate[] = [];
  const byName = new Map<string, Intermediate>();
  const owner = new Map<string, string>();
  const push = (n: Omit<Intermediate, 'uses'>): void => {
    const node = { ...n, uses: mentioned(n.expr, byName) };
    nodes.push(node);
    byName.set(node.name, node);
  };

  let previous: Expr[] = net.inputs.map(sym);
  for (let l = 1; l <= L; l++) {
    const next: Expr[] = [];
    net.weights[l - 1].forEach((row, r) => {
      const i = r + 1;
      const terms = row.map((w, j) => mul(sym(w), previous[j]));
      const b = net.biases[l - 1][r];
      if (b !== undefined) terms.push(sym(b));
      const sum = add(...terms);
      const act = l < L ? net.spec.activation[l - 1] : net.spec.outputActivation;
      const linear = act === 'identity' || act === 'none';
      const outName = l === L ? net.outputs[r] : hName(l, i);
      if (l === L && linear) {
        push({ name: outName, kind: 'yhat', layer: l, index: i, expr: sum, preActivation: true });
      } else {
        push({ name: zName(l, i), kind: 'z', layer: l, index: i, expr: sum, preActivation: true });
        if (!linear) {
          const kind = l === L ? 'yhat' : 'h';
          push({ name: outName, kind, layer: l, index: i, expr: call(act, [sym(zName(l, i))]), preActivation: false });
        }
      }
      for (const p of [...row, ...(b === undefined ? [] : [b])]) owner.set(p, l === L && linear ? outName : zName(l, i));
      next.push(sym(linear && l < L ? zName(l, i) : outName));
    });
    previous = next;
  }
  const cost = lossExpression(net.spec.loss, net.outputs.map(sym), net.targets);
  if (cost) push({ name: COST, kind: 'f', layer: 0, index: 0, expr: cost, preActivation: false });
  return { net, nodes, byName, owner };
}

/** Names of intermediates an expression mentions, in order of first mention. */
function mentioned(e: Expr, known: ReadonlyMap<string, Intermediate>): string[] {
  const out = new Set<string>();
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'sym' && known.has(n.name)) out.add(n.name);
    for (const c of children(n)) go(c);
  };
  go(e);
  return [...out];
}
