/**
 * The abbreviated form of a network's partials (`gradsheet network --abbreviate`): named
 * intermediates z, h, ŷ (./intermediates.ts) and the δ of backpropagation, listed as definitions
 * in dependency order, and partials written in those names, so that deep nets' partials stay small:
 *   z1_1 = w1*x1 + w2*x2 + b1,  h1_1 = sigma(z1_1),  …,  delta1_1 = w5*sigma'(z1_1)
 *   ∂ŷ/∂w1 = delta1_1*x1
 *
 * Nothing here is a hard-coded backprop formula. δ(v) = ∂f/∂v is derived by the chain rule over
 * the intermediates, in reverse order,
 *   ∂f/∂v = Σ over intermediates u whose definition mentions v of (∂f/∂u)·(∂u/∂v),
 * with each local ∂u/∂v computed by the differentiator from u's definition (activations held
 * as functions, so ∂h/∂z = σ′(z), sigmoid′(z), relu′(z)). For a pre-activation that yields the
 * textbook δ⁽ˡ⁾ᵢ = (Σₖ δ⁽ˡ⁺¹⁾ₖ W⁽ˡ⁺¹⁾ₖᵢ)·σ′(z⁽ˡ⁾ᵢ), and ∂f/∂W⁽ˡ⁾ᵢⱼ = δ⁽ˡ⁾ᵢ·∂z⁽ˡ⁾ᵢ/∂W⁽ˡ⁾ᵢⱼ =
 * δ⁽ˡ⁾ᵢh⁽ˡ⁻¹⁾ⱼ. Only pre-activations' partials are named δ; the others (∂f/∂h) are written in place.
 *
 * Which names are listed: those the requested partials need, directly or through other
 * definitions. By default a z or δ used exactly once is written in place (as common-subexpression
 * elimination does), so only shared work gets a name; h and ŷ keep theirs, and the δ of one layer
 * are named all or none. A definition that is a number or a single symbol is always written in
 * place. (Measured: ∂ŷ/∂W1_1_1 of the 8-8-8-1 sigmoid net, as `partialsText` prints it with
 * its definitions, is 2,123 characters, against 2,169 for SymPy's cse; naming every z and δ
 * needed, `inlineSingleUse: false`, makes it 2,483.)
 */
import type { Expr } from '../expr/types.js';
import { add, call, deriv, mul, sym, ONE_EXPR, ZERO_EXPR } from '../expr/build.js';
import { children, mapBottomUp, substitute } from '../expr/traverse.js';
import { equal } from '../expr/equal.js';
import { differentiate } from '../calculus/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { HIDDEN_ACTIVATIONS, type Network } from './network.js';
import { networkGraph, type Intermediate, type IntermediateKind, type NetworkGraph } from './intermediates.js';
import { partialTargets, resolveWrt, type NetworkPartial } from './partials.js';
import { piecewiseCases, type Case } from './piecewise.js';

export interface Definition {
  readonly name: string;
  readonly kind: IntermediateKind | 'delta';
  readonly expr: Expr;
  /** The piecewise form when the definition contains relu′. */
  readonly cases?: readonly Case[];
}

export interface AbbreviatedPartials {
  /** Definitions in dependency order: forward (z, h, ŷ), then the δ from the output back. */
  readonly definitions: readonly Definition[];
  readonly partials: readonly NetworkPartial[];
}

export interface AbbreviateOptions {
  /** Parameters, as for `networkPartials`; default all. */
  readonly wrt?: readonly string[];
  /** Write a z or δ that is used once in place (default true). False lists every needed name. */
  readonly inlineSingleUse?: boolean;
  /** Piecewise forms for relu′ (default true). */
  readonly cases?: boolean;
}

/**
 * The name of δ = ∂(target)/∂(pre-activation): `delta1_2` = δ⁽¹⁾₂. With several outputs and no
 * cost each output has its own δ: `delta1_k_i` = ∂ŷₖ/∂z⁽¹⁾ᵢ (row k, column i of the Jacobian).
 */
export function deltaName(layer: number, i: number, output?: number): string {
  return output === undefined ? `delta${layer}_${i}` : `delta${layer}_${output}_${i}`;
}

/** The abbreviated partials of the cost (or of each output) with respect to the parameters. */
export function abbreviatedPartials(net: Network, options: AbbreviateOptions = {}): AbbreviatedPartials {
  return abbreviateGraph(networkGraph(net), options);
}

export function abbreviateGraph(graph: NetworkGraph, options: AbbreviateOptions = {}): AbbreviatedPartials {
  const { net } = graph;
  const wrt = resolveWrt(net, options.wrt);
  const targets = partialTargets(net);
  const local = localDerivatives(graph);
  const forward: Definition[] = graph.nodes.filter((n) => n.kind !== 'f').map((n) => ({ name: n.name, kind: n.kind, expr: n.expr }));
  const deltas: Definition[] = [];
  const partials: NetworkPartial[] = [];
  targets.forEach((target, k) => {
    const b = backward(graph, target, local, targets.length > 1 ? k + 1 : undefined);
    deltas.push(...b.deltas);
    for (const p of wrt) {
      const owner = graph.byName.get(graph.owner.get(p) ?? '');
      if (!owner) throw new RangeError(`abbreviate: no intermediate holds ${p}`);
      const upstream = b.ref(owner.name);
      const value = upstream ? product(upstream, differentiate(owner.expr, p)) : ZERO_EXPR;
      partials.push({ of: target, wrt: p, value });
    }
  });
  // Only relu′ has cases; a net without ReLU skips looking for them.
  const relu = [...net.spec.activation, net.spec.outputActivation].includes('relu');
  return finish([...forward, ...deltas], partials, { ...options, cases: (options.cases ?? true) && relu });
}

type LocalDerivative = (u: Intermediate, v: string) => Expr;

/** ∂u/∂v from u's definition, memoised; activations are held as functions (σ′(z), not σ(1−σ)). */
function localDerivatives(graph: NetworkGraph): LocalDerivative {
  const memo = new Map<string, Expr>();
  const masked = new Map<string, Expr>();
  return (u, v) => {
    const key = `${u.name} ${v}`;
    let d = memo.get(key);
    if (!d) {
      let m = masked.get(u.name);
      if (!m) {
        m = mask(u.expr);
        masked.set(u.name, m);
      }
      d = unmask(differentiate(m, v));
      memo.set(key, d);
    }
    return d;
  };
}

/** a·b, simplified; two atoms (δ·h, δ·W) are a product already. */
function product(a: Expr, b: Expr): Expr {
  return isTrivial(a) && isTrivial(b) ? mul(a, b) : simplify(mul(a, b));
}

const MASK = '$';
const ACTIVATIONS: ReadonlySet<string> = new Set(HIDDEN_ACTIVATIONS);

/** Activations renamed to abstract functions ('$' cannot start a parsed name). */
function mask(e: Expr): Expr {
  return mapBottomUp(e, (n) => (n.kind === 'call' && ACTIVATIONS.has(n.fn) ? call(MASK + n.fn, n.args) : n));
}

function unmask(e: Expr): Expr {
  return mapBottomUp(e, (n) => {
    if (n.kind === 'call' && n.fn.startsWith(MASK)) return call(n.fn.slice(1), n.args);
    if (n.kind === 'deriv' && n.fn.startsWith(MASK)) return deriv(n.fn.slice(1), n.orders, n.args);
    return n;
  });
}

interface Backward {
  /** How later expressions refer to ∂target/∂(node): δ's name, or the expression in place. */
  readonly ref: (name: string) => Expr | undefined;
  readonly deltas: readonly Definition[];
}

/** Reverse pass from one target: ∂target/∂v for every intermediate v it depends on. */
function backward(graph: NetworkGraph, target: string, local: LocalDerivative, output: number | undefined): Backward {
  const nodes = graph.nodes;
  const users = new Map<string, Intermediate[]>();
  for (const u of nodes) for (const v of u.uses) users.set(v, [...(users.get(v) ?? []), u]);
  const refs = new Map<string, Expr>();
  const deltas: { readonly def: Definition; readonly layer: number; readonly index: number }[] = [];
  const start = nodes.findIndex((n) => n.name === target);
  refs.set(target, ONE_EXPR);
  for (let i = start - 1; i >= 0; i--) {
    const v = nodes[i];
    const terms: Expr[] = [];
    for (const u of users.get(v.name) ?? []) {
      const upstream = refs.get(u.name);
      if (upstream) terms.push(mul(upstream, local(u, v.name)));
    }
    if (terms.length === 0) continue;
    const adjoint = tidySum(terms);
    if (isTrivial(adjoint) || !v.preActivation) {
      refs.set(v.name, adjoint);
    } else {
      const name = deltaName(v.layer, v.index, output);
      deltas.push({ def: { name, kind: 'delta', expr: adjoint }, layer: v.layer, index: v.index });
      refs.set(v.name, sym(name));
    }
  }
  // Dependency order: the output layer's δ first, then back to layer 1; by neuron within a layer.
  const ordered = [...deltas].sort((a, b) => b.layer - a.layer || a.index - b.index).map((d) => d.def);
  return { ref: (name) => refs.get(name), deltas: ordered };
}

/**
 * simplify(t₁ + … + tₙ), without running the simplifier when it would change nothing: in a
 * layered net the chain-rule terms are distinct products (δ2_1*W2_1_1 + δ2_2*W2_2_1) with no
 * number and no factor common to all. Measured: this halves the time of the 8-8-8-1 net's partials.
 */
function tidySum(terms: readonly Expr[]): Expr {
  const factorLists = terms.map((t) => (t.kind === 'mul' ? t.factors : [t]));
  const plain = factorLists.every((fs) => fs.every((f) => f.kind !== 'num' && f.kind !== 'mul'));
  const keys = factorLists.map((fs) => fs.map((f) => f.hash).sort((a, b) => a - b).join(' '));
  const distinct = new Set(keys).size === keys.length;
  const shared = terms.length > 1 && factorLists[0].some((f) => factorLists.every((fs) => fs.some((g) => equal(f, g))));
  const repeated = factorLists.some((fs) => new Set(fs.map((f) => f.hash)).size !== fs.length);
  return plain && distinct && !shared && !repeated ? add(...terms) : simplify(add(...terms));
}

function isTrivial(e: Expr): boolean {
  return e.kind === 'num' || e.kind === 'sym' || e.kind === 'const';
}

/** Keep the definitions the partials need; write trivial and (by default) single-use ones in place. */
function finish(all: readonly Definition[], partials: readonly NetworkPartial[], options: AbbreviateOptions & { cases: boolean }): AbbreviatedPartials {
  const names = new Set(all.map((d) => d.name));
  // How often each name occurs in what is printed. A definition mentions only earlier ones, so one
  // sweep from the last definition back finds the reachable ones and their final counts.
  const counts = new Map<string, number>();
  for (const p of partials) countOccurrences(p.value, names, counts);
  const reachable = new Set<string>();
  for (let i = all.length - 1; i >= 0; i--) {
    if (!counts.has(all[i].name)) continue;
    reachable.add(all[i].name);
    countOccurrences(all[i].expr, names, counts);
  }

  const inlineSingle = options.inlineSingleUse ?? true;
  // δ of one layer are written in place together or named together: a sum that mixes named and
  // written-out δ of the same layer reads badly. A z is decided on its own.
  const layerOf = (d: Definition): string => d.name.replace(/_\d+$/, '');
  const sharedLayers = new Set(all.filter((d) => d.kind === 'delta' && (counts.get(d.name) ?? 0) > 1).map(layerOf));
  const usedOnce = (d: Definition): boolean =>
    counts.get(d.name) === 1 && (d.kind === 'z' || (d.kind === 'delta' && !sharedLayers.has(layerOf(d))));
  const inlined = new Map<string, Expr>();
  const kept: Definition[] = [];
  const resolve = (e: Expr): Expr => (inlined.size === 0 ? e : simplify(substitute(e, inlined)));
  for (const d of all) {
    if (!reachable.has(d.name)) continue;
    const expr = resolve(d.expr);
    if (isTrivial(expr) || (inlineSingle && usedOnce(d))) {
      inlined.set(d.name, expr);
      continue;
    }
    const cases = options.cases ? piecewiseCases(expr) : undefined;
    kept.push(cases ? { ...d, expr, cases } : { ...d, expr });
  }
  const finalPartials = partials.map((p) => {
    const value = resolve(p.value);
    const cases = options.cases ? piecewiseCases(value) : undefined;
    return cases ? { ...p, value, cases } : { ...p, value };
  });
  return { definitions: kept, partials: finalPartials };
}

/** Occurrences as printed (a shared subtree counts each time it is printed). */
function countOccurrences(e: Expr, names: ReadonlySet<string>, counts: Map<string, number>): void {
  if (e.kind === 'sym') {
    if (names.has(e.name)) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
    return;
  }
  for (const c of children(e)) countOccurrences(c, names, counts);
}
