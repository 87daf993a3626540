/**
 * Write a network's output as a scalar expression, as the lecture does for the XOR net:
 *   W⁽¹⁾ = [w1 w2; w3 w4], W⁽²⁾ = [w5 w6], b⁽¹⁾ = [b1; b2], b⁽²⁾ = [b3]
 *   ŷ = g(x) = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ = w5σ(w1x1 + w2x2 + b1) + w6σ(w3x1 + w4x2 + b2) + b3.
 * The answer comes from network(); the check compares it with the matrix form expanded entry by
 * entry (src/linalg/expand.ts), a second construction.
 *
 * Params: layers, activation, naming, difficulty (./network-params.ts).
 * Answers: `yhat` (one output) or `yhat1`, `yhat2`, … (one per output).
 * data: { layers: number[], activation: string[] (per hidden layer), naming,
 *         inputs: string[] (x1, …), outputs: string[] (yhat, …), parameters: string[] (lecture order),
 *         weights: string[][][] (weights[l-1][i-1][j-1] names W⁽ˡ⁾ᵢⱼ), biases: string[][] }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { chooseNetwork, networkFields } from '../network-params.js';
import { diagramFigure, matrixOutputs, networkData, networkDefinition } from '../network-content.js';
import type { Answer, Check, WorkedStep } from '../types.js';
import { applyActivation, type Network } from '../../nn/network.js';
import type { MatExpr } from '../../linalg/types.js';
import type { Expr } from '../../expr/types.js';
import { add, matrix, mul, num, sym } from '../../expr/build.js';
import { substitute } from '../../expr/traverse.js';
import { symbolUnicode } from '../../check/notation.js';
import type { AnticipatedMistake } from '../types.js';
import { elementwise, matSymbol, product, sum, vectorSymbol } from '../../linalg/build.js';
import { matrixToLatex } from '../../linalg/print-latex.js';
import { expandMatrix } from '../../linalg/expand.js';
import { networkBindings } from '../../nn/backprop-check.js';
import { simplify } from '../../simplify/simplify.js';
import { functionNameLatex, toLatex } from '../../print/latex.js';
import { fitsALine, rowsOf } from '../../print/width.js';
import { nameLatex } from '../../print/names.js';

const params = z.object({ ...networkFields }).strict();

/**
 * The lecture's route: substitute the matrices, multiply out each layer, apply σ entry by entry.
 * A deep network's vectors grow too wide to set whole (h⁽²⁾ of a 4-4-4-4 net is thousands of
 * pixels across, and a bracketed matrix cannot break across lines): such a step names the product
 * and then gives one line per entry, each of which wraps after + like an answer.
 */
function expansionSteps(net: Network): WorkedStep[] {
  const { layers, activation } = net.spec;
  const L = layers.length - 1;
  const bind = networkBindings(net);
  // Expanded entries, each simplified; 1×1 as its entry, as the lecture writes b₃.
  const expanded = (s: MatExpr): Expr => {
    const rows = expandMatrix(s, bind);
    const entries = rows.flat().map((e) => simplify(e));
    return entries.length === 1 ? entries[0] : matrix(rows.length, rows[0].length, entries);
  };
  const steps: WorkedStep[] = [];
  const step = (because: string, becauseLatex: string, latex: string): void => {
    steps.push({ because, becauseLatex, latex });
  };
  /**
   * One step: lhs = the product written out (when there is one) = the value, when that line fits
   * (print/width.ts: each of its pieces between breaks, such as "ŷ = [w₁₃ w₁₄][…] +", fits a line);
   * or lhs = the formula in symbols = the value, when only the product written out is too wide (a
   * 2-3-2-1 linear net's ŷ = [w₁₃ w₁₄][two long sums] + b₆ ran 61 pt into the LaTeX margin); or
   * lhs = the formula in symbols (unless the sentence says it already), then the value's entries
   * one per line.
   */
  const equation = (e: {
    because: string;
    becauseLatex: string;
    lhs: string;
    symbolic?: string;
    product?: { factors: readonly Expr[]; bias?: Expr };
    value: Expr;
    entryName: (i: number) => string;
  }): void => {
    const p = e.product;
    const middle = p ? ` = ${p.factors.map((f) => toLatex(f)).join(' ')}${p.bias ? ` + ${toLatex(p.bias)}` : ''}` : '';
    const whole = `${e.lhs}${middle} = ${toLatex(e.value)}`;
    if (fitsALine(whole)) {
      step(e.because, e.becauseLatex, whole);
      return;
    }
    const inSymbolsThenValue = `${e.lhs} = ${e.symbolic} = ${toLatex(e.value)}`;
    if (p && e.symbolic !== undefined && fitsALine(inSymbolsThenValue)) {
      const note = ' Written out, the matrices side by side would be too wide for a line.';
      step(e.because + note, e.becauseLatex + note, inSymbolsThenValue);
      return;
    }
    const entries = rowsOf(e.value)?.flat() ?? [e.value];
    const lines = entries.map((x, i) => `$$${e.entryName(i + 1)} = ${toLatex(x)}$$`).join(' ');
    const rest = ' One entry at a time: the whole vector would be too wide for a line.';
    const inSymbols = e.symbolic === undefined ? '' : ` $$${e.lhs} = ${e.symbolic}$$`;
    step(e.because + rest, `${e.becauseLatex}${rest}${inSymbols} ${lines}`, '');
  };
  let h: MatExpr = vectorSymbol('x', layers[0]);
  for (let l = 1; l <= L; l++) {
    const W = matSymbol('W', layers[l], layers[l - 1], l);
    const b = vectorSymbol('b', layers[l], l);
    const z: MatExpr = net.spec.bias ? sum(product(W, h), b) : product(W, h);
    const last = l === L;
    const inputName = l === 1 ? '\\mathbf{x}' : `\\mathbf{h}^{(${l - 1})}`;
    const input = l === 1 ? h : vectorSymbol('h', layers[l - 1], l - 1);
    equation({
      because: `Row i of W⁽${l}⁾ times the entries of ${l === 1 ? 'x' : `h⁽${l - 1}⁾`}${net.spec.bias ? `, plus the bias of unit i` : ''}.`,
      becauseLatex: `Row $i$ of ${m(matrixToLatex(W))} times the entries of ${m(inputName)}${net.spec.bias ? ', plus the bias of unit $i$' : ''}.`,
      lhs: last ? (layers[L] > 1 ? '\\hat{\\mathbf{y}}' : '\\hat{y}') : `\\mathbf{z}^{(${l})}`,
      // In symbols: W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾, as the sentence reads (not h written as σ(…)).
      symbolic: matrixToLatex(net.spec.bias ? sum(product(W, input), b) : product(W, input)),
      product: { factors: [expanded(W), expanded(h)], bias: net.spec.bias ? expanded(b) : undefined },
      value: expanded(z),
      entryName: (i) => (last ? nameLatex(net.outputs[i - 1]) : `z^{(${l})}_{${i}}`),
    });
    if (last) break;
    const act = activation[l - 1];
    h = act === 'identity' ? z : elementwise(act, 0, z);
    if (act !== 'identity') {
      const hName = `\\mathbf{h}^{(${l})}`;
      equation({
        because: `h⁽${l}⁾ = ${act}(z⁽${l}⁾), entry by entry.`,
        becauseLatex: `${m(`${hName} = ${functionNameLatex(act)}(\\mathbf{z}^{(${l})})`)}, applied entry by entry.`,
        lhs: hName,
        value: expanded(h),
        entryName: (i) => `h^{(${l})}_{${i}}`,
      });
    }
  }
  return steps;
}

export const networkExpansion = defineKind({
  kind: 'network-expansion',
  title: 'A network as one expression',
  summary: 'write ŷ = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ out in the scalar parameters w1, …, b3',
  params,
  generate: (p, rng, ctx) => {
    const net = chooseNetwork(p, rng);
    const independent = matrixOutputs(net);
    const answers: Answer[] = net.outputs.map((o, k) => ({ id: o, label: nameLatex(o), ...answerFromSpec(ctx, o, net.outputExprs[k]), mistakes: expansionMistakes(net, k) }));
    const checks: Check[] = answers.map((a, k) => ({ kind: 'identity', answerId: a.id, expr: independent[k] }));
    const inputs = net.inputs.map((x) => m(nameLatex(x))).join(', ');
    const what = net.outputs.length === 1 ? m('\\hat{y}') : `each output ${net.outputs.map((o) => m(nameLatex(o))).join(', ')}`;
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'network-expansion',
      title: ctx.title ?? 'A network as one expression',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure.'),
        diagramFigure(net),
        ...networkDefinition(net),
        text(`Write ${what} out as a scalar expression in ${inputs} and the parameters (no matrices).`),
        space(4),
      ],
      answers,
      steps: expansionSteps(net),
      figures: [],
      checks,
      data: {
        ...networkData(net),
        inputs: net.inputs,
        outputs: net.outputs,
        parameters: net.parameters.map((q) => q.name),
        weights: net.weights,
        biases: net.biases,
      },
    };
  },
});

/**
 * The anticipated slips of writing output k out: a hidden neuron's bias left out of its
 * activation, each on its own, then all of them (the output's own bias left out is a missing
 * term, which the checker names without help); and every hidden bias added after the activation
 * instead of inside it, σ(w₁x₁ + w₂x₂) + b₁.
 */
function expansionMistakes(net: Network, k: number): AnticipatedMistake[] {
  const hidden = net.biases.slice(0, -1).flat();
  if (hidden.length === 0) return [];
  const acts = new Set(net.spec.activation);
  const only = acts.size === 1 ? [...acts][0] : undefined;
  const sigma = only === undefined ? 'the activation' : only === 'sigma' ? 'σ' : only === 'relu' ? 'ReLU' : only;
  const inside = only === 'identity' ? '' : `, inside ${sigma}`;
  const without = (names: readonly string[]) => substitute(net.outputExprs[k], new Map(names.map((b) => [b, num(0)])));
  const one = hidden.map((b) => ({
    id: 'missing-bias' as const,
    value: without([b]),
    message: `The bias ${symbolUnicode(b)} is left out: each hidden neuron adds its own bias to its weighted inputs${inside}.`,
  }));
  const names = hidden.map(symbolUnicode);
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const all: AnticipatedMistake[] =
    hidden.length === 1 ? [] : [{ id: 'missing-bias', value: without(hidden), message: `The biases ${list} are left out: each hidden neuron adds its own bias to its weighted inputs${inside}.` }];
  if (net.spec.activation.every((a) => a === 'identity')) return [...one, ...all];
  const subject = hidden.length === 1 ? `The bias ${names[0]} is` : `The biases ${list} are`;
  const belongs = `${hidden.length === 1 ? 'it goes' : 'each goes'} inside ${sigma}, with its neuron's weighted inputs`;
  // Added once to the output, as if ŷ had all the biases: w₅σ(w₁x₁ + w₂x₂) + w₆σ(…) + b₁ + b₂ + b₃.
  const atOutput = add(without(hidden), ...hidden.map(sym));
  return [
    ...one,
    ...all,
    { id: 'bias-after-activation', value: biasAfterActivation(net, k), message: `${subject} added after ${sigma}; ${belongs}.` },
    { id: 'bias-after-activation', value: atOutput, message: `${subject} added to the output; ${belongs}.` },
  ];
}

/** Output k with each hidden neuron's bias added after its activation: σ(w₁x₁ + w₂x₂) + b₁. */
function biasAfterActivation(net: Network, k: number): Expr {
  const last = net.weights.length;
  let h: Expr[] = net.inputs.map(sym);
  for (let l = 1; l <= last; l++) {
    const act = l < last ? net.spec.activation[l - 1] : net.spec.outputActivation;
    h = net.weights[l - 1].map((row, i) => {
      const weighted = add(...row.map((w, j) => mul(sym(w), h[j])));
      const b = sym(net.biases[l - 1][i]);
      return l === last ? applyActivation(act, add(weighted, b)) : add(applyActivation(act, weighted), b);
    });
  }
  return h[k];
}
