/**
 * How much `gradsheet network` would print, estimated from the architecture alone, before any
 * partial is derived or printed.
 *
 * Written out in the parameters, a network's output and partials grow exponentially with depth:
 * ŷ of an 8-8-8-8-8-8 sigmoid net restates each layer-1 pre-activation 8⁴ times, and its 2,880
 * partials came to more text than a JavaScript string holds (the command ran 300 s, used 3.4 GB
 * and failed). The estimate follows the shape of what is printed, layer by layer:
 *   z⁽ˡ⁾ᵢ = Σⱼ W⁽ˡ⁾ᵢⱼ·h⁽ˡ⁻¹⁾ⱼ + b⁽ˡ⁾ᵢ,  h⁽ˡ⁾ᵢ = σ(z⁽ˡ⁾ᵢ)                 (each restated in full)
 *   ∂ŷ/∂W⁽ˡ⁾ᵢⱼ = σ′_out(z⁽ᴸ⁾)·(Σₐ W⁽ᴸ⁾ₐ·σ′(z⁽ᴸ⁻¹⁾ₐ)·(… W⁽ˡ⁺¹⁾ᵢ))·σ′(z⁽ˡ⁾ᵢ)·h⁽ˡ⁻¹⁾ⱼ
 *   ∂f/∂p = Σₖ ∂f/∂ŷₖ·∂ŷₖ/∂p                                          (a cost's partials)
 * with the width of every piece (a name, a separator, σ(…) around a sum, σ′(z) as the printer
 * writes it: sigmoid(z)*(1 - sigmoid(z)) holds z twice) measured by printing a tiny expression of
 * that shape in the requested format. The abbreviated form (--abbreviate) is a list of short
 * definitions and one short line per partial, so it grows with the number of weights instead.
 * Measured against what the command prints (test/nn/output-size.test.ts), the estimate is within
 * 25 % either way, in bytes of UTF-8; for a few abbreviated partials of a wide net it may be twice
 * what is printed (single-use δ written in place are counted as definitions).
 */
import type { Expr } from '../expr/types.js';
import { add, call, mul, sym, ZERO_EXPR } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { differentiate } from '../calculus/differentiate.js';
import { toText } from '../print/text.js';
import { toLatex } from '../print/latex.js';
import { nameLatex, nameUnicode } from '../print/names.js';
import { applyActivation, lossExpression, type ActivationName, type Network } from './network.js';
import { partialTargets, resolveWrt } from './partials.js';
import { partialLabelLatex, partialLabelText } from './format.js';
import { deltaName } from './abbreviate.js';
import { hName, zName } from './intermediates.js';

export type OutputFormat = 'text' | 'latex' | 'json';

export interface OutputSizeOptions {
  /** The parameters asked for (`--wrt`); default all. */
  readonly wrt?: readonly string[];
  /** The abbreviated form (`--abbreviate`). */
  readonly abbreviate?: boolean;
  readonly format: OutputFormat;
}

/** Bytes `gradsheet network` would print for this network and these options, estimated. */
export function estimateNetworkOutput(net: Network, options: OutputSizeOptions): number {
  const wrt = resolveWrt(net, options.wrt);
  const size = (m: Measure): number => (options.abbreviate ? abbreviatedSize(net, wrt, m) : expandedSize(net, wrt, m));
  switch (options.format) {
    case 'text':
      return size(TEXT);
    case 'latex':
      return size(LATEX);
    case 'json': {
      // Every derivative and definition as text and as LaTeX (backslashes doubled), the parameters'
      // names, and the output written out (also beside abbreviated partials).
      const names = net.parameters.reduce((t, p) => t + p.name.length + JSON_ITEM, 0);
      return size(JSON_TEXT) + size(LATEX_IN_JSON) + names + (options.abbreviate ? outputsSize(net, JSON_TEXT, layerSizes(net, JSON_TEXT)) : 0);
    }
  }
}

/** What a format makes of an expression and a name, and what frames them. */
interface Measure {
  readonly expr: (e: Expr) => number;
  readonly name: (name: string) => number;
  /** `∂ŷ/∂w1 = ` or `\frac{…}{…} &= `, with what separates it from the line before. */
  readonly label: (of: string, wrt: string, net: Network) => number;
  /** `ŷ = `, `z1_1 = ` or `\hat{y} &= `, with what separates it from the line before. */
  readonly defLabel: (name: string) => number;
  /** One case of a ReLU partial, besides its value and conditions. */
  readonly caseFrame: number;
  /** ` and ` between two conditions of a case, and ` <= 0` after each. */
  readonly conditionFrame: number;
  /** Whether the outputs (ŷ = …, f = …) and the ReLU cases are printed in this measure. */
  readonly outputsAndCases: boolean;
}

/** Bytes of UTF-8: ∂ŷ₁ is 8 of them. */
function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is 4 bytes, 2 for each half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
  }
  return n;
}

const TEXT: Measure = {
  expr: (e) => toText(e).length,
  name: (n) => n.length,
  label: (of, wrt) => utf8(partialLabelText(of, wrt)) + 4,
  defLabel: (n) => utf8(nameUnicode(n)) + 4,
  caseFrame: 12,
  conditionFrame: 10,
  outputsAndCases: true,
};

const LATEX: Measure = {
  expr: (e) => toLatex(e).length,
  name: (n) => nameLatex(n).length,
  label: (of, wrt, net) => partialLabelLatex(of, wrt, net.spec.loss).length + 16,
  defLabel: (n) => nameLatex(n).length + 16,
  caseFrame: 20,
  conditionFrame: 20,
  outputsAndCases: true,
};

/** One item of a JSON list: quotes, comma, line break and indentation. */
const JSON_ITEM = 8;

/** The text strings of the JSON: `{"of", "wrt", "derivative"…}` and `{"when", "value"}` frames. */
const JSON_TEXT: Measure = {
  ...TEXT,
  label: (of, wrt) => of.length + wrt.length + 90,
  defLabel: (n) => n.length + 70,
  caseFrame: 70,
};

/** The LaTeX strings of the JSON, every backslash doubled; the output and the cases are text only there. */
const LATEX_IN_JSON: Measure = {
  ...LATEX,
  expr: (e) => JSON.stringify(toLatex(e)).length - 2,
  label: () => 0,
  defLabel: () => 0,
  outputsAndCases: false,
};

/** A linear size a·|z| + b of a printed form of z (σ(z), σ′(z), ∂f/∂ŷ with ŷ written out). */
interface Linear {
  readonly a: number;
  readonly b: number;
}

const at = (f: Linear, z: number): number => f.a * z + f.b;

/** Two sums of different lengths, as the z a form is measured around. */
const PROBES: readonly Expr[] = [add(sym('a'), sym('b')), add(sym('a'), sym('b'), sym('c'), sym('d'))];
const PROBE_FACTOR = sym('c0');

/** Measured forms, by measure and name: each is printed (and σ′ derived) once per run. */
const FORMS = new WeakMap<Measure, Map<string, Linear | undefined>>();

function memoForm(m: Measure, key: string, make: () => Linear | undefined): Linear | undefined {
  let forms = FORMS.get(m);
  if (!forms) FORMS.set(m, (forms = new Map()));
  if (!forms.has(key)) forms.set(key, make());
  return forms.get(key);
}

/** σ(z) on its own (z itself for identity). */
const alone = (m: Measure, act: ActivationName | 'none'): Linear =>
  memoForm(m, `alone ${act}`, () => linear(m, (e) => applyActivation(act, e))) ?? { a: 1, b: 0 };

/** ·σ(z) in a product (·(z) for identity). */
const factorOf = (m: Measure, act: ActivationName | 'none'): Linear =>
  memoForm(m, `factor ${act}`, () => inProduct(m, (e) => applyActivation(act, e))) ?? { a: 1, b: 0 };

/** ·σ′(z) in a product, or undefined when σ′ is 1. */
const derivativeFactor = (m: Measure, act: ActivationName | 'none'): Linear | undefined =>
  memoForm(m, `derivative ${act}`, () => {
    const form = derivativeForm(act);
    return form ? inProduct(m, form) : undefined;
  });

/** The size of `form(z)` as a linear function of the size of z, from two probes. */
function linear(m: Measure, form: (z: Expr) => Expr): Linear {
  const [z1, z2] = PROBES;
  const s1 = m.expr(form(z1));
  const s2 = m.expr(form(z2));
  const a = (s2 - s1) / (m.expr(z2) - m.expr(z1));
  return { a, b: s1 - a * m.expr(z1) };
}

/** The size a factor adds to a product it joins (separator included): c·form(z) less c. */
function inProduct(m: Measure, form: (z: Expr) => Expr): Linear {
  const l = linear(m, (z) => mul(PROBE_FACTOR, form(z)));
  return { a: l.a, b: l.b - m.expr(PROBE_FACTOR) };
}

const linearActivation = (act: ActivationName | 'none'): boolean => act === 'none' || act === 'identity';

/** σ′(z) as the differentiator writes it, or undefined when it is 1. */
function derivativeForm(act: ActivationName | 'none'): ((z: Expr) => Expr) | undefined {
  if (linearActivation(act)) return undefined;
  return (z) => differentiate(call(act, [z]), 'a');
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** The pieces of an expanded network, per layer, in one format. */
interface Layers {
  readonly L: number;
  readonly n: readonly number[];
  /** z[l]: the size of z⁽ˡ⁾ᵢ written out (l = 1 … L); z[0] = 0. */
  readonly z: readonly number[];
  /** The size h⁽ˡ⁾ⱼ adds to a product W·h (separator, σ(…) or parentheses included), l = 0 … L − 1. */
  readonly hInProduct: readonly number[];
  /** The size of h⁽ˡ⁾ⱼ on its own, l = 0 … L − 1. */
  readonly hAlone: readonly number[];
  /** The mean size of a weight name of W⁽ˡ⁾, l = 1 … L. */
  readonly w: readonly number[];
  readonly mulSep: number;
  readonly plusSep: number;
  /** The activation of layer l (l = 1 … L, the output's last). */
  readonly act: readonly (ActivationName | 'none')[];
}

/** What a product a·b and a sum a + b put between their operands: `*` or a space, ` + `. */
function separators(m: Measure): { mulSep: number; plusSep: number } {
  const a = sym('a');
  const b = sym('b');
  return { mulSep: m.expr(mul(a, b)) - m.expr(a) - m.expr(b), plusSep: m.expr(add(a, b)) - m.expr(a) - m.expr(b) };
}

/** The activation of each layer, 1 … L (index 0 a copy of layer 1's, unused). */
const activations = (net: Network): (ActivationName | 'none')[] => [net.spec.activation[0], ...net.spec.activation, net.spec.outputActivation];

function layerSizes(net: Network, m: Measure): Layers {
  const n = net.spec.layers;
  const L = n.length - 1;
  const { mulSep, plusSep } = separators(m);
  const act = activations(net);
  const x = mean(net.inputs.map(m.name));
  const z = [0];
  const hInProduct = [mulSep + x];
  const hAlone = [x];
  const w = [0];
  for (let l = 1; l <= L; l++) {
    w.push(mean(net.weights[l - 1].flat().map(m.name)));
    const bias = net.biases[l - 1].length > 0 ? plusSep + mean(net.biases[l - 1].map(m.name)) : 0;
    z.push(n[l - 1] * (w[l] + hInProduct[l - 1]) + plusSep * (n[l - 1] - 1) + bias);
    if (l < L) {
      hInProduct.push(at(factorOf(m, act[l]), z[l]));
      hAlone.push(at(alone(m, act[l]), z[l]));
    }
  }
  return { L, n, z, hInProduct, hAlone, w, mulSep, plusSep, act };
}

/**
 * The text of every output line and partial written out (ReLU cases under them), as
 * `partialsText`/`partialsLatex` and the JSON's derivative strings print them.
 */
function expandedSize(net: Network, wrt: readonly string[], m: Measure): number {
  const s = layerSizes(net, m);
  const { L, n, z, act, mulSep, plusSep } = s;
  const outputs = n[L];
  let total = m.outputsAndCases ? outputsSize(net, m, s) : 0;

  // delta[l]: the size of ∂ŷₖ/∂z⁽ˡ⁾ᵢ as a product (undefined when it is 1), l = 1 … L. The
  // differentiator works from the output inwards, so the sums nest that way:
  //   ∂ŷ/∂z⁽¹⁾ᵢ = σ′_out(z⁽ᴸ⁾)·(Σₐ W⁽ᴸ⁾ₐ·σ′(z⁽ᴸ⁻¹⁾ₐ)·(Σ_b W⁽ᴸ⁻¹⁾ₐ_b·σ′(z⁽ᴸ⁻²⁾_b)·(… W⁽²⁾ᵢ)))·σ′(z⁽¹⁾ᵢ)
  // and a deeper layer's z is restated more often than one near the output.
  const d = (l: number): Linear | undefined => derivativeFactor(m, act[l]);
  const dL = d(L);
  const outer = dL ? at(dL, z[L]) - mulSep : undefined;
  const delta: (number | undefined)[] = [undefined];
  for (let l = 1; l < L; l++) {
    // The weights between layer l and the output, summed over the neurons of layers l + 1 … L − 1.
    let path = s.w[l + 1];
    for (let j = l + 1; j < L; j++) {
      const dj = d(j);
      const term = s.w[j + 1] + (dj ? at(dj, z[j]) : 0) + mulSep + path + (n[j - 1] > 1 && j > l + 1 ? 2 : 0);
      path = n[j] * term + plusSep * (n[j] - 1);
    }
    const sum = L - 1 > l && n[L - 1] > 1;
    const dl = d(l);
    delta.push((outer === undefined ? 0 : outer + mulSep) + path + (sum ? 2 : 0) + (dl ? at(dl, z[l]) : 0));
  }
  delta.push(outer);
  /** The size of ∂ŷₖ/∂p for p in layer l. */
  const partial = (l: number, weight: boolean): number => {
    const dl = delta[l];
    if (weight) return dl === undefined ? s.hAlone[l - 1] : dl + s.hInProduct[l - 1];
    return dl ?? 1;
  };
  /** How many distinct relu′(z) a partial of a parameter of layer l holds (cases for 1 to 3), and their z's mean size. */
  const reluArguments = (l: number, ofCost: boolean): { count: number; z: number } => {
    let count = 0;
    let zs = 0;
    for (let k = l; k <= L; k++) {
      if (act[k] !== 'relu') continue;
      const c = k === l ? 1 : k === L ? (ofCost ? outputs : 1) : n[k];
      count += c;
      zs += c * z[k];
    }
    return { count, z: count === 0 ? 0 : zs / count };
  };

  const factor = net.lossExpr ? lossFactor(net, m) : undefined;
  /** What one parameter's partials add besides their labels: by layer, for a weight or a bias. */
  const body = (l: number, weight: boolean): number => {
    const value = partial(l, weight);
    // A parameter of the output layer moves one output; any other, all of them.
    const moved = l === L ? 1 : outputs;
    const relu = reluArguments(l, factor !== undefined);
    const cases = m.outputsAndCases && relu.count >= 1 && relu.count <= 3 ? [0, 2, 3, 5][relu.count] : 0;
    const conditions = (relu.count + 1) / 2;
    const caseSize = (v: number): number => cases * (m.caseFrame + 0.6 * Math.max(1, v - relu.count * relu.z) + conditions * (relu.z + m.conditionFrame));
    // Of the cost, one sum over the outputs p moves; else one partial per output, 0 for those p does not move.
    if (!factor) return moved * (value + caseSize(value)) + (outputs - moved) * m.expr(ZERO_EXPR);
    const v = moved * (at(factor, z[L]) + value) + plusSep * (moved - 1);
    return v + caseSize(v);
  };
  const bodies = Array.from({ length: L }, (_, i) => ({ bias: body(i + 1, false), weight: body(i + 1, true) }));
  const labels = labelSums(net, m, wrt);
  const byName = new Map(net.parameters.map((p) => [p.name, p] as const));
  for (const p of wrt) {
    const param = byName.get(p);
    if (param) total += labels(p) + bodies[param.layer - 1][param.kind];
  }
  return total;
}

/**
 * The labels of one parameter's partials, summed over what they are of (ŷ₁, ŷ₂, … or f). A label's
 * size is a part for what it is of plus a part for the parameter, so the sums take one label per
 * target and one per parameter, not one per pair (64 outputs by 45,000 parameters).
 */
function labelSums(net: Network, m: Measure, wrt: readonly string[]): (p: string) => number {
  const targets = partialTargets(net);
  const t0 = targets[0];
  const p0 = wrt[0] ?? net.parameters[0].name;
  const base = m.label(t0, p0, net);
  const ofTargets = targets.reduce((sum, t) => sum + m.label(t, p0, net), 0);
  return (p) => ofTargets + targets.length * (m.label(t0, p, net) - base);
}

/** The outputs written out, `ŷ = …`, and the cost in their names, `f = 1/2*(yhat - y)^2`. */
function outputsSize(net: Network, m: Measure, s: Layers): number {
  const y = at(alone(m, s.act[s.L]), s.z[s.L]);
  const outputs = net.outputs.reduce((t, o) => t + m.defLabel(o) + y, 0);
  return outputs + (net.lossExpr ? m.defLabel('f') + m.expr(costOfNames(net)) : 0);
}

/** The cost in the outputs' names, as printed after the outputs: f = 1/2*(yhat - y)^2. */
function costOfNames(net: Network): Expr {
  const cost = lossExpression(net.spec.loss, net.outputs.map(sym), net.targets);
  return cost ?? sym('f');
}

/** ∂f/∂ŷₖ with ŷₖ written out, as a factor of a product: (ŷ − y) for the MSE. */
function lossFactor(net: Network, m: Measure): Linear {
  const yhat = net.outputs[0];
  const symbolic = lossExpression(net.spec.loss, net.outputs.map(sym), net.targets);
  if (!symbolic) return { a: 0, b: 0 };
  const dy = differentiate(symbolic, yhat);
  const act = net.spec.outputActivation;
  return inProduct(m, (z) => substitute(dy, new Map([[yhat, applyActivation(act, z)]])));
}

/**
 * The abbreviated form: the forward definitions (z⁽ˡ⁾ᵢ as a sum of W·h names, h⁽ˡ⁾ᵢ = σ(z⁽ˡ⁾ᵢ)),
 * the δ of every target (a sum over the next layer of δ·W, times σ′(z)), and one δ·h line per
 * partial and target.
 */
function abbreviatedSize(net: Network, wrt: readonly string[], m: Measure): number {
  const n = net.spec.layers;
  const L = n.length - 1;
  const { mulSep, plusSep } = separators(m);
  const act = activations(net);
  const targets = partialTargets(net);
  const h = (l: number): number => (l === 0 ? mean(net.inputs.map(m.name)) : m.name(hName(l, 1)));
  let total = 0;
  for (let l = 1; l <= L; l++) {
    const w = mean(net.weights[l - 1].flat().map(m.name));
    const bias = net.biases[l - 1].length > 0 ? plusSep + mean(net.biases[l - 1].map(m.name)) : 0;
    const zl = n[l - 1] * (w + mulSep + h(l - 1)) + plusSep * (n[l - 1] - 1) + bias;
    const hl = linearActivation(act[l]) ? 0 : m.defLabel(hName(l, 1)) + m.expr(call(act[l], [sym(zName(l, 1))]));
    total += n[l] * (m.defLabel(zName(l, 1)) + zl + hl);
  }
  const deltaSize = m.name(deltaName(1, 1, targets.length > 1 ? 1 : undefined));
  // The δ the partials need: of the neurons whose parameters are asked for, and every δ of the
  // layers above the lowest of them (each δ of a layer sums over all of the next).
  const rows = new Map<number, Set<number>>();
  const byName = new Map(net.parameters.map((p) => [p.name, p] as const));
  for (const name of wrt) {
    const p = byName.get(name);
    if (p) rows.set(p.layer, (rows.get(p.layer) ?? new Set<number>()).add(p.row));
  }
  const lowest = Math.min(...rows.keys());
  for (let l = 1; l < L; l++) {
    const needed = l < lowest ? 0 : l === lowest ? (rows.get(l)?.size ?? 0) : n[l];
    const e = l === L - 1 ? (net.lossExpr ? n[L] : 1) : n[l + 1];
    const w = mean(net.weights[l].flat().map(m.name));
    const dl = derivativeFactor(m, act[l]);
    const dz = dl ? at(dl, m.name(zName(l, 1))) : 0;
    const line = m.defLabel(deltaName(l, 1)) + e * (deltaSize + mulSep + w) + plusSep * (e - 1) + 2 + dz;
    total += targets.length * needed * line;
  }
  const partialLine = deltaSize + mulSep + h(Math.max(0, L - 2));
  const labels = labelSums(net, m, wrt);
  for (const p of wrt) total += labels(p) + targets.length * partialLine;
  return total;
}

/**
 * The most `gradsheet network` prints: 10 MB. Measured on this project's 2-core machine (under
 * load): the 5-5-5-5-5 sigmoid net's partials, 8.1 MB of text, take 2–3 s; the 6-6-6-6-6-6 one's,
 * 302 MB, took 39 s; the 8-8-8-8-8-8 one's, estimated at 2.7 GB, ran 300 s and failed.
 */
export const MAX_NETWORK_OUTPUT = 10_000_000;

/** "124 KB", "4.0 MB", "2.7 GB", "3 × 10^26 bytes": a size in bytes for a message. */
export function bytesText(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let unit = -1;
  let v = bytes;
  while (v >= 1000 && unit < units.length - 1) {
    v /= 1000;
    unit++;
  }
  if (v >= 1000) {
    const exponent = Math.floor(Math.log10(bytes));
    return `${Math.round(bytes / 10 ** exponent)} × 10^${exponent} bytes`;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[unit]}`;
}
