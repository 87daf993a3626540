/**
 * "Without non-linearity, a multi-layer NN is no more powerful than a 2-layer network" (the
 * lecture's "Crucial role of non-linearity"). For d layers without activations,
 *   g(x) = W⁽ᵈ⁾(⋯W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾⋯) + b⁽ᵈ⁾
 *        = (W⁽ᵈ⁾⋯W⁽¹⁾)x + W⁽ᵈ⁾⋯W⁽²⁾b⁽¹⁾ + ⋯ + W⁽ᵈ⁾b⁽ᵈ⁻¹⁾ + b⁽ᵈ⁾ = Wx + b,
 * shown with non-commutative matrix symbols by recorded rewrites (distribute, regroup, name), and
 * checked with random exact rational matrices. For d = 2 the lines are the lecture's three.
 */
import type { MatExpr, MatSymbol } from '../linalg/types.js';
import type { Rng } from '../numeric/rng.js';
import { InputError } from '../errors.js';
import { apply, group, matSymbol, product, shapeText, sum, vectorSymbol } from '../linalg/build.js';
import { matChildren, matEqual, matWithChildren, sameSymbol } from '../linalg/traverse.js';
import { makeStep, type MatProse, type MatStep } from '../linalg/steps.js';
import { matrixToText } from '../linalg/print-text.js';
import { matrixToLatex } from '../linalg/print-latex.js';
import { alignedLatex } from '../print/latex.js';
import { proseMath } from '../calculus/prose.js';

const DISTRIBUTE = proseMath('A(B + C) = AB + AC', '\\mathbf{A}(\\mathbf{B} + \\mathbf{C}) = \\mathbf{A}\\mathbf{B} + \\mathbf{A}\\mathbf{C}');
const ASSOCIATE = proseMath('A(Bx) = (AB)x', '\\mathbf{A}(\\mathbf{B}\\mathbf{x}) = (\\mathbf{A}\\mathbf{B})\\mathbf{x}');
import { evaluateExactMatrix, matricesEqual, randomRationalMatrix, type RationalMatrix } from '../linalg/exact.js';
import { symbolKey } from '../linalg/names.js';
import { MAX_LAYERS, MAX_WIDTH } from './network.js';

export interface CollapseSpec {
  /** Widths, input first: [2, 2, 1] is two layers (d = 2). */
  readonly layers: readonly number[];
  /** Biases on every layer (default true). */
  readonly bias?: boolean;
}

export interface LinearCollapse {
  readonly layers: readonly number[];
  readonly bias: boolean;
  /** g(x). */
  readonly lhs: MatExpr;
  /** W⁽ᵈ⁾(⋯(W⁽¹⁾x + b⁽¹⁾)⋯) + b⁽ᵈ⁾, as the network computes it. */
  readonly original: MatExpr;
  /** Each line after the first, ending with Wx + b. */
  readonly steps: readonly MatStep[];
  /** The single layer's symbols W (n_d × n_0) and b (n_d × 1, absent without biases). */
  readonly W: MatSymbol;
  readonly b: MatSymbol | undefined;
  /** What they stand for: W⁽ᵈ⁾⋯W⁽¹⁾ and W⁽ᵈ⁾⋯W⁽²⁾b⁽¹⁾ + ⋯ + b⁽ᵈ⁾. */
  readonly WExpr: MatExpr;
  readonly bExpr: MatExpr | undefined;
  /** Wx + b. */
  readonly collapsed: MatExpr;
}

export function linearCollapse(spec: CollapseSpec): LinearCollapse {
  const layers = [...spec.layers];
  const bias = spec.bias ?? true;
  if (layers.length < 2 || layers.length > MAX_LAYERS) {
    throw new InputError(`--layers: a linear network needs from 2 to ${MAX_LAYERS} layer widths, got ${layers.length}`);
  }
  layers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_WIDTH) {
      throw new InputError(`--layers: layer ${i + 1} has width ${n}; widths are whole numbers from 1 to ${MAX_WIDTH}`);
    }
  });
  const d = layers.length - 1;
  const x = vectorSymbol('x', layers[0]);
  let original: MatExpr = x;
  for (let l = 1; l <= d; l++) {
    // Without biases the inner product is kept in parentheses, W⁽²⁾(W⁽¹⁾x), as it is computed.
    const inner = l === 1 || bias ? original : group(original);
    const t = product(matSymbol('W', layers[l], layers[l - 1], l), inner);
    original = bias ? sum(t, vectorSymbol('b', layers[l], l)) : t;
  }
  const lhs = apply('g', x, layers[d]);

  const steps: MatStep[] = [];
  let current = original;
  for (let guard = 0; guard < 2 * d + 2; guard++) {
    const next = collapseStep(current, x);
    if (!next) break;
    current = next.value;
    steps.push(makeStep(next.rule, next.because, lhs, current));
  }

  // current: (W⁽ᵈ⁾⋯W⁽¹⁾)x + the bias terms. Name the two parts.
  const terms = current.kind === 'sum' ? current.terms : [current];
  const xTerm = terms.find((t) => endsWith(t, x));
  if (!xTerm || xTerm.kind !== 'product') throw new Error('linearCollapse: no term in x after distributing');
  const front = xTerm.factors.slice(0, -1);
  const WExpr = front.length === 1 && front[0].kind === 'group' ? front[0].arg : product(...front);
  const rest = terms.filter((t) => t !== xTerm);
  const bExpr = rest.length > 0 ? sum(...rest) : undefined;
  const W = matSymbol('W', layers[d], layers[0]);
  const b = bExpr ? vectorSymbol('b', layers[d]) : undefined;
  const collapsed = b ? sum(product(W, x), b) : product(W, x);
  const because: MatProse = [
    'Name the collected matrices: ', W, ' = ', WExpr, ` (${shapeText(W)})`,
    ...(b && bExpr ? [' and ', b, ' = ', bExpr, ` (${shapeText(b)})`] : []),
    d === 1 ? '. One layer is already a single affine map.' : '. This is a single affine layer: without a non-linearity the extra layers add nothing.',
  ];
  steps.push(makeStep('collapse', because, lhs, collapsed));
  return { layers, bias, lhs, original, steps, W, b, WExpr, bExpr, collapsed };
}

const endsWith = (t: MatExpr, x: MatSymbol): boolean => {
  if (t.kind !== 'product') return false;
  const last = t.factors[t.factors.length - 1];
  return last.kind === 'symbol' && sameSymbol(last, x);
};

/** The factors of a product with nested groups of products opened: W⁽²⁾(W⁽¹⁾x) → W⁽²⁾, W⁽¹⁾, x. */
function openFactors(fs: readonly MatExpr[]): MatExpr[] {
  return fs.flatMap((f) => (f.kind === 'group' && f.arg.kind === 'product' ? openFactors(f.arg.factors) : [f]));
}

/** A·B·⋯·x with all the matrices in one group: (AB⋯)x; a single matrix needs none. */
function regroup(p: MatExpr, x: MatSymbol): MatExpr {
  if (p.kind !== 'product') return p;
  const fs = openFactors(p.factors);
  const last = fs[fs.length - 1];
  if (!(last.kind === 'symbol' && sameSymbol(last, x)) || fs.length < 3) return product(...fs);
  return product(group(product(...fs.slice(0, -1))), x);
}

interface Rewritten {
  readonly rule: 'distribute' | 'associate';
  readonly because: MatProse;
  readonly value: MatExpr;
}

/** Leftmost-outermost: distribute a product over a trailing sum, or regroup a nested product. */
function collapseStep(e: MatExpr, x: MatSymbol): Rewritten | undefined {
  if (e.kind === 'product') {
    const last = e.factors[e.factors.length - 1];
    if (last.kind === 'sum') {
      const front = product(...e.factors.slice(0, -1));
      const terms = last.terms.map((t) => regroup(product(front, t), x));
      const regrouped = terms.some((t) => t.kind === 'product' && t.factors[0].kind === 'group');
      return {
        rule: 'distribute',
        because: [
          'Distribute ', front, ' over the sum: ', DISTRIBUTE,
          ...(regrouped ? ['; then regroup, since matrix products are associative: ', ASSOCIATE, '.'] : ['.']),
        ],
        value: sum(...terms),
      };
    }
    if (e.factors.some((f) => f.kind === 'group')) {
      const value = regroup(e, x);
      if (!matEqual(value, e)) {
        return { rule: 'associate', because: ['Matrix products are associative: ', ASSOCIATE, '.'], value };
      }
    }
  }
  const cs = matChildren(e);
  for (let i = 0; i < cs.length; i++) {
    const r = collapseStep(cs[i], x);
    if (r) return { ...r, value: matWithChildren(e, cs.map((c, k) => (k === i ? r.value : c))) };
  }
  return undefined;
}

/** g(x) = … \\ &= … as the lecture writes it. */
export function collapseLatex(c: LinearCollapse): string {
  const lines = [`${matrixToLatex(c.lhs)} &= ${matrixToLatex(c.original)}`, ...c.steps.map((s) => `&= ${matrixToLatex(s.expr)}`)];
  return alignedLatex(lines);
}

export function collapseText(c: LinearCollapse): string {
  const head = `${matrixToText(c.lhs)} = `;
  const pad = ' '.repeat([...head].length - 2);
  const lines = [head + matrixToText(c.original), ...c.steps.map((s) => `${pad}= ${matrixToText(s.expr)}`)];
  const names = [`${matrixToText(c.W)} = ${matrixToText(c.WExpr)}`];
  if (c.b && c.bExpr) names.push(`${matrixToText(c.b)} = ${matrixToText(c.bExpr)}`);
  return `${lines.join('\n')}\n  with ${names.join(', ')}`;
}

export interface CollapseCheck {
  /** Every line, and Wx + b, has exactly the value of the layered network. */
  readonly equal: boolean;
  /** The value of each line after the first (the last is Wx + b), in order. */
  readonly lineValues: readonly RationalMatrix[];
  readonly values: {
    readonly x: RationalMatrix;
    readonly g: RationalMatrix;
    readonly W: RationalMatrix;
    readonly b: RationalMatrix | undefined;
    readonly parameters: ReadonlyMap<string, RationalMatrix>;
  };
}

/**
 * Random rational W⁽ˡ⁾, b⁽ˡ⁾ and x from the seeded Rng; the layered network, every line of the
 * derivation and Wx + b (with W and b computed from their expressions) are evaluated exactly.
 */
export function checkCollapse(c: LinearCollapse, rng: Rng): CollapseCheck {
  const parameters = new Map<string, RationalMatrix>();
  const d = c.layers.length - 1;
  const x = randomRationalMatrix(rng, c.layers[0], 1);
  parameters.set('x|', x);
  for (let l = 1; l <= d; l++) {
    parameters.set(`W|${l}`, randomRationalMatrix(rng, c.layers[l], c.layers[l - 1]));
    if (c.bias) parameters.set(`b|${l}`, randomRationalMatrix(rng, c.layers[l], 1));
  }
  const lookup = (s: MatSymbol): RationalMatrix | undefined => parameters.get(symbolKey(s));
  // The network as computed, layer by layer: h ← W⁽ˡ⁾h + b⁽ˡ⁾.
  const g = evaluateExactMatrix(c.original, lookup);
  const W = evaluateExactMatrix(c.WExpr, lookup);
  const b = c.bExpr ? evaluateExactMatrix(c.bExpr, lookup) : undefined;
  const collapsedValues = (s: MatSymbol): RationalMatrix | undefined =>
    sameSymbol(s, c.W) ? W : c.b && sameSymbol(s, c.b) ? b : lookup(s);
  const lineValues = c.steps.map((s) => evaluateExactMatrix(s.expr, collapsedValues));
  return { equal: lineValues.every((v) => matricesEqual(v, g)), lineValues, values: { x, g, W, b, parameters } };
}
