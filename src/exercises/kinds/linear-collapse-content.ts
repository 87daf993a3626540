/**
 * The linear-collapse exercise's prompt and worked steps: the network without activations, the
 * recorded rewrites of src/nn/collapse.ts (for d = 2 the lecture's three lines), then W and b
 * multiplied out with the parameters written in.
 */
import type { Expr } from '../../expr/types.js';
import type { Block, WorkedStep } from '../types.js';
import type { LinearCollapse } from '../../nn/collapse.js';
import type { MatExpr } from '../../linalg/types.js';
import { matrixToLatex } from '../../linalg/print-latex.js';
import { latexList, toLatex } from '../../print/latex.js';
import { m, math, space, text } from '../content.js';
import { tooWideToSetWhole } from '../../print/width.js';

export interface CollapseProblem {
  readonly layers: readonly number[];
  readonly bias: boolean;
  readonly integers: boolean;
  readonly collapse: LinearCollapse;
  /** W1, b1, W2, … as matrices of names or of integers. */
  readonly parameters: Readonly<Record<string, Expr>>;
  readonly W: Expr;
  readonly b: Expr | undefined;
  readonly naming: string;
}

const paramLatex = (name: 'W' | 'b', l: number): string => `\\mathbf{${name}}^{(${l})}`;

function shapesText(p: CollapseProblem): string {
  const parts = p.layers.slice(1).flatMap((n, i) => {
    const l = i + 1;
    const W = `${m(paramLatex('W', l))} is $${n} \\times ${p.layers[i]}$`;
    return p.bias ? [W, `${m(paramLatex('b', l))} is $${n} \\times 1$`] : [W];
  });
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function parametersLatex(p: CollapseProblem): string {
  const d = p.layers.length - 1;
  const items: string[] = [];
  for (let l = 1; l <= d; l++) {
    items.push(`${paramLatex('W', l)} = ${toLatex(p.parameters[`W${l}`])}`);
    if (p.bias) items.push(`${paramLatex('b', l)} = ${toLatex(p.parameters[`b${l}`])}`);
  }
  return latexList(items);
}

export function collapsePrompt(p: CollapseProblem): Block[] {
  const d = p.layers.length - 1;
  const affine = p.bias ? '\\mathbf{W}\\mathbf{x} + \\mathbf{b}' : '\\mathbf{W}\\mathbf{x}';
  const what = p.bias ? `${m('\\mathbf{W}')} and ${m('\\mathbf{b}')}` : m('\\mathbf{W}');
  return [
    text(`Suppose we define a ${d + 1}-layer NN without any non-linearity:`),
    math(`g(\\mathbf{x}) = ${matrixToLatex(p.collapse.original)}`),
    text(`where ${m('\\mathbf{x}')} is $${p.layers[0]} \\times 1$, ${shapesText(p)}${p.integers ? ', with' : ', with the scalar parameters named'}`),
    math(parametersLatex(p)),
    text(
      `Show that $g$ can be simplified to ${m(`g(\\mathbf{x}) = ${affine}`)}. What ${p.bias ? 'are' : 'is'} ${what}, as products of the layers' parameters${p.integers ? ', and what are their values?' : ', and entry by entry?'}`,
    ),
    text('What does this say about adding layers without a non-linear activation?'),
    space(p.integers ? 8 : 6),
  ];
}

/** A matrix expression with each W⁽ˡ⁾, b⁽ˡ⁾ replaced by its entries. */
function writtenOut(e: MatExpr, p: CollapseProblem): string {
  switch (e.kind) {
    case 'symbol':
      return e.layer !== undefined && p.parameters[`${e.name}${e.layer}`] ? toLatex(p.parameters[`${e.name}${e.layer}`]) : matrixToLatex(e);
    case 'product':
      // A line may break between the written-out factors (TeX and KaTeX both honour \allowbreak):
      // three 4×4 matrices of W⁽ˡ⁾ᵢ,ⱼ side by side are wider than a line.
      return e.factors.map((f) => writtenOut(f, p)).join(' \\allowbreak ');
    case 'sum':
      return e.terms.map((t) => writtenOut(t, p)).join(' + ');
    case 'group':
      return `\\left(${writtenOut(e.arg, p)}\\right)`;
    default:
      return matrixToLatex(e);
  }
}

/**
 * The step that multiplies out W or b: its formula, the product with the parameters written in,
 * and the result. A result too wide to set whole on a line (a symbolic W of four 4-wide layers is
 * thousands of glyphs across) is not restated: the answer above sets it out entry by entry.
 */
function multiplied(p: CollapseProblem, answerId: 'W' | 'b', formula: MatExpr, value: Expr, because: string, becauseLatex: string): WorkedStep {
  const product = `${matrixToLatex(formula)} = ${writtenOut(formula, p)}`;
  if (tooWideToSetWhole(value)) {
    const rest = ', and the answer above sets out the result entry by entry.';
    return { answerId, rule: 'multiply', because: because + rest, becauseLatex: becauseLatex + rest, latex: product };
  }
  return { answerId, rule: 'multiply', because: because + '.', becauseLatex: becauseLatex + '.', latex: `${product} = ${toLatex(value)}` };
}

/**
 * The lines about g(x) belong to no single answer: their equations are display math in the
 * sentence. The last two steps give W and b, whose `latex` is the answer's value (printed
 * "= …" under its label).
 */
export function collapseSteps(p: CollapseProblem): WorkedStep[] {
  const c = p.collapse;
  const line = (because: string, becauseLatex: string, rule: string, latex: string): WorkedStep => ({ rule, because, becauseLatex: `${becauseLatex} $$${latex}$$`, latex: '' });
  const steps: WorkedStep[] = [
    line(
      'Without activations each layer is affine, so the network is a composition of affine maps.',
      'Without activations each layer is affine, so the network is a composition of affine maps:',
      'definition',
      `g(\\mathbf{x}) = ${matrixToLatex(c.original)}`,
    ),
    ...c.steps.map((s) => line(s.because, s.becauseLatex, s.rule, s.latex)),
  ];
  const multiply = p.integers ? 'Multiply out with the given values' : 'Multiply out entry by entry';
  steps.push(
    multiplied(p, 'W', c.WExpr, p.W, `${multiply}: W is the product of the weight matrices, last layer first`, `${multiply}: $\\mathbf{W}$ is the product of the weight matrices, last layer first`),
  );
  if (p.b && c.bExpr) {
    const why = 'collects every bias term, each multiplied by the weight matrices after it';
    steps.push(multiplied(p, 'b', c.bExpr, p.b, `${multiply}: b ${why}`, `${multiply}: $\\mathbf{b}$ ${why}`));
  }
  steps.push({
    rule: 'conclusion',
    because: 'So the network is no more powerful than a single affine layer: without non-linearity, extra layers add nothing (and cannot solve XOR).',
    becauseLatex: 'So the network is no more powerful than a single affine layer: without non-linearity, extra layers add nothing (and cannot solve XOR).',
    latex: '',
  });
  return steps;
}
