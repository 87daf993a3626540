/**
 * How a network is shown on a sheet, in the lecture's notation: its parameter matrices
 * ("W⁽¹⁾ = [w1 w2; w3 w4], W⁽²⁾ = [w5 w6], b⁽¹⁾ = [b1; b2], b⁽²⁾ = [b3]"), its formula
 * ŷ = g(x) = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾, a sentence on its activation and its diagram.
 *
 * `matrixOutputs` expands the formula entry by entry from the matrix form (src/linalg/expand.ts):
 * a second construction of ŷ, independent of network()'s, that identity checks compare with.
 */
import type { Expr } from '../expr/types.js';
import type { MatExpr, MatSymbol } from '../linalg/types.js';
import type { Block } from './types.js';
import type { Network } from '../nn/network.js';
import { add, matrix, mul, sub, sym } from '../expr/build.js';
import { apply, elementwise, matSymbol, product, sum, vectorSymbol } from '../linalg/build.js';
import { matrixToLatex } from '../linalg/print-latex.js';
import { expandMatrix } from '../linalg/expand.js';
import { networkBindings } from '../nn/backprop-check.js';
import { simplify } from '../simplify/simplify.js';
import { latexList, toLatex } from '../print/latex.js';
import { networkDiagramLayout, type NetworkDiagramLayout } from '../pictures/index.js';
import { andList, m, math, text } from './content.js';
import type { ExerciseNames } from '../check/types.js';
import { symbolUnicode, unicode } from '../check/notation.js';

export const weightSymbol = (net: Network, l: number): MatSymbol => matSymbol('W', net.spec.layers[l], net.spec.layers[l - 1], l);
export const biasSymbol = (net: Network, l: number): MatSymbol => vectorSymbol('b', net.spec.layers[l], l);

/** W⁽ᴸ⁾σ(… σ(W⁽¹⁾x + b⁽¹⁾) …) + b⁽ᴸ⁾ as a matrix expression. */
export function networkMatExpr(net: Network): MatExpr {
  const { layers, activation, bias } = net.spec;
  let h: MatExpr = vectorSymbol('x', layers[0]);
  for (let l = 1; l < layers.length; l++) {
    const affine = product(weightSymbol(net, l), h);
    const z = bias ? sum(affine, biasSymbol(net, l)) : affine;
    const act = l < layers.length - 1 ? activation[l - 1] : 'identity';
    h = act === 'identity' ? z : elementwise(act, 0, z);
  }
  return h;
}

/** Each output ŷₖ expanded from the matrix form, entry by entry. */
export function matrixOutputs(net: Network): Expr[] {
  return expandMatrix(networkMatExpr(net), networkBindings(net)).map(([e]) => simplify(e));
}

/** \hat{y} or \hat{\mathbf{y}}. */
export const outputVectorLatex = (net: Network): string => (net.outputs.length === 1 ? '\\hat{y}' : '\\hat{\\mathbf{y}}');

/** ŷ = g(x) = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾. */
export function formulaLatex(net: Network): string {
  const x = vectorSymbol('x', net.spec.layers[0]);
  return `${outputVectorLatex(net)} = ${matrixToLatex(apply('g', x, net.outputs.length))} = ${matrixToLatex(networkMatExpr(net))}`;
}

/** A matrix of parameter names as LaTeX. */
function namesLatex(rows: readonly (readonly string[])[]): string {
  return toLatex(matrix(rows.length, rows[0].length, rows.flat().map(sym)));
}

/** W⁽¹⁾ = …, W⁽²⁾ = …, b⁽¹⁾ = …, b⁽²⁾ = … in the lecture's order (weights, then biases). */
export function parameterMatricesLatex(net: Network): string {
  const ws = net.weights.map((W, l) => `${matrixToLatex(weightSymbol(net, l + 1))} = ${namesLatex(W)}`);
  const bs = net.biases.filter((b) => b.length > 0).map((b, l) => `${matrixToLatex(biasSymbol(net, l + 1))} = ${namesLatex(b.map((n) => [n]))}`);
  return latexList([...ws, ...bs]);
}

const ACTIVATION_SENTENCE: Record<string, string> = {
  sigma: `Suppose ${m('\\sigma')} is a differentiable function with derivative ${m("\\sigma'")}.`,
  relu: `The hidden units use ${m('\\operatorname{ReLU}(z) = \\max(0, z)')}, with ${m("\\operatorname{ReLU}'(z) = 0")} for ${m('z \\leq 0')} and ${m('1')} for ${m('z > 0')}.`,
  sigmoid: `The hidden units use the logistic sigmoid ${m('\\operatorname{sigmoid}(z) = 1/(1 + e^{-z})')}.`,
  tanh: `The hidden units use ${m('\\tanh')}.`,
  identity: 'The hidden units have no activation (the identity).',
};

/** One sentence per distinct hidden activation. */
export function activationSentences(net: Network): string[] {
  return [...new Set(net.spec.activation)].map((a) => ACTIVATION_SENTENCE[a]);
}

/** The network's definition as the lecture gives it: matrices of names, then g. */
export function networkDefinition(net: Network): Block[] {
  return [
    ...activationSentences(net).map(text),
    text(`Let ${m(parameterMatricesLatex(net))}, and`),
    math(formulaLatex(net)),
  ];
}

/**
 * Figures already drawn, by the network's layers and names: a roster's sheets draw the same
 * network for every student (the label placement searches ≈ 30 spots per edge), and a figure is
 * a pure function of these. Bounded; cleared when full.
 */
const figures = new Map<string, Block>();
const MAX_FIGURES = 64;

export function diagramFigure(net: Network): Block {
  const key = JSON.stringify([net.spec.layers, net.weights, net.biases]);
  const known = figures.get(key);
  if (known) return known;
  if (figures.size >= MAX_FIGURES) figures.clear();
  const figure = drawDiagramFigure(net);
  figures.set(key, figure);
  return figure;
}

function drawDiagramFigure(net: Network): Block {
  const layers = net.spec.layers.join('-');
  const layout = networkDiagramLayout(net, { title: `The ${layers} network` });
  const { shown, left } = edgeWeights(layout, net.spec.layers.length - 1);
  const caption =
    left.length === 0
      ? 'each edge carries its weight, each node its bias.'
      : shown.length === 0
        ? `each node carries its bias; the weights, the entries of ${andList(left)}, are left off the edges: too many to label legibly.`
        : `each node carries its bias and each edge of ${andList(shown)} its weight; the weights of ${andList(left)} are left off its edges: too many to label legibly.`;
  return { kind: 'figure', svg: layout.svg, caption: `The ${layers} network: ${caption}` };
}

/**
 * Which weight matrices a diagram shows on its edges and which it leaves off (none labelled by
 * default beyond 24 weights; a layer whose labels cannot be placed legibly is left bare), each as
 * $\mathbf{W}^{(l)}$ for a caption to name.
 */
export function edgeWeights(layout: NetworkDiagramLayout, layerCount: number): { shown: string[]; left: string[] } {
  const all = Array.from({ length: layerCount }, (_, k) => k + 1);
  const name = (l: number): string => m(`\\mathbf{W}^{(${l})}`);
  return { shown: all.filter((l) => layout.labelled.includes(l)).map(name), left: all.filter((l) => !layout.labelled.includes(l)).map(name) };
}

/**
 * ∂f/∂p of the MSE cost with ŷ as a symbol, as the lecture writes it: (ŷ − y)·∂ŷ/∂p, or
 * Σₖ (ŷₖ − yₖ)·∂ŷₖ/∂p over the outputs that depend on p. `dyhat[k]` is ∂ŷₖ/∂p.
 */
export function compactCostPartial(net: Network, dyhat: readonly Expr[]): Expr {
  const terms = net.outputs.flatMap((o, k) => {
    const d = dyhat[k];
    return d.kind === 'num' && d.value.n === 0n ? [] : [mul(sub(sym(o), sym(net.targets[k])), d)];
  });
  return add(...terms);
}

/**
 * ŷ (each output's name) for the network's output, as a cost exercise's prompt writes it
 * (f = ½(ŷ − y)²): an answer may use it, written out before comparing, with the reading reported.
 */
export function outputNames(net: Network): ExerciseNames {
  return {
    symbols: Object.fromEntries(
      net.outputs.map((o, k) => {
        const brief = `read ${symbolUnicode(o)} as the network’s output`;
        return [o, { value: net.outputExprs[k], note: `${brief} ${unicode(net.outputExprs[k])}`, brief }];
      }),
    ),
  };
}

/** What every network exercise's data starts with: the architecture, as the spec gave it. */
export function networkData(net: Network): Pick<Network['spec'], 'layers' | 'activation' | 'naming'> {
  return { layers: net.spec.layers, activation: net.spec.activation, naming: net.spec.naming };
}
