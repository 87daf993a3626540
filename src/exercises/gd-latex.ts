/**
 * The worked steps of a gradient-descent step, in the order one works it by hand: the partials
 * ∂f/∂p = (ŷ − y)·∂ŷ/∂p as formulas, a forward pass per example, a table of every partial at every
 * example with the sum over the minibatch, then each update p ← p − ε·Σ∂f/∂p.
 */
import type { Expr } from '../expr/types.js';
import type { Network } from '../nn/network.js';
import type { WorkedStep } from './types.js';
import type { Example, ExactStep } from './minibatch.js';
import { alignedLatex, latexList, toLatex } from '../print/latex.js';
import { nameLatex } from '../print/names.js';
import { partialLabelLatex } from '../nn/format.js';
import { isNegative, ratText, ZERO, type Rational } from '../rational.js';
import { columnLatex, numberLatex } from './numbers.js';
import { m } from './content.js';

export interface GdStepContent {
  readonly net: Network;
  readonly start: ReadonlyMap<string, Rational>;
  readonly batch: readonly Example[];
  readonly step: ExactStep;
  readonly lr: Rational;
  /** (ŷ − y)·∂ŷ/∂p with ŷ as a symbol, per parameter. */
  readonly compact: readonly Expr[];
  readonly outputs: (ex: Example) => readonly Rational[];
  readonly z1: (ex: Example) => readonly Rational[];
}

/** A number as a factor: negative ones in parentheses. */
const factor = (q: Rational): string => (isNegative(q) ? `\\left(${numberLatex(q)}\\right)` : numberLatex(q));

/** A vector as a column, or a number for one entry. */
const vectorLatex = (v: readonly Rational[]): string => (v.length === 1 ? numberLatex(v[0]) : columnLatex(v));

export function gdStepLatex(c: GdStepContent): WorkedStep[] {
  const { net, batch, step } = c;
  const names = net.parameters.map((q) => q.name);
  const one = net.outputs.length === 1;
  const relu = net.spec.activation[0] === 'relu';
  const fLabel = (q: string): string => partialLabelLatex('f', q, 'none');
  const steps: WorkedStep[] = [
    {
      answerId: 'gradient',
      because: one ? 'By the chain rule, ∂f/∂p = (ŷ − y)·∂ŷ/∂p for each parameter p.' : 'By the chain rule, ∂f/∂p = Σₖ (ŷₖ − yₖ)·∂ŷₖ/∂p for each parameter p.',
      becauseLatex: `By the chain rule, ${m(one ? '\\frac{\\partial f}{\\partial p} = (\\hat{y} - y) \\frac{\\partial \\hat{y}}{\\partial p}' : '\\frac{\\partial f}{\\partial p} = \\sum_{k} (\\hat{y}_{k} - y_{k}) \\frac{\\partial \\hat{y}_{k}}{\\partial p}')} for each parameter:`,
      latex: alignedLatex(names.map((q, i) => `${fLabel(q)} &= ${toLatex(c.compact[i])}`)),
    },
  ];
  batch.forEach((ex, e) => {
    const z = c.z1(ex);
    const h = relu ? z.map((q) => (isNegative(q) ? ZERO : q)) : z;
    const yhat = c.outputs(ex);
    const err = yhat.map((q, k) => q.sub(ex.y[k]));
    const yName = one ? '\\hat{y}' : '\\hat{\\mathbf{y}}';
    const tName = one ? 'y' : '\\mathbf{y}';
    steps.push({
      answerId: 'gradient',
      because: `Example ${e + 1}: the forward pass.`,
      becauseLatex: `Example ${e + 1}, ${m(`\\mathbf{x} = ${columnLatex(ex.x)}, ${tName} = ${vectorLatex(ex.y)}`)}: the forward pass.`,
      latex: latexList([`\\mathbf{z}^{(1)} = ${columnLatex(z)}`, `\\mathbf{h}^{(1)} = ${columnLatex(h)}`, `${yName} = ${vectorLatex(yhat)}`, `${yName} - ${tName} = ${vectorLatex(err)}`]),
    });
  });
  const header = ['p', ...batch.map((_, e) => `\\text{ex. } ${e + 1}`), '\\text{sum}'].join(' & ');
  const rows = names.map((q, i) => [nameLatex(q), ...step.perExample[i].map(numberLatex), numberLatex(step.gradient[i])].join(' & '));
  steps.push({
    answerId: 'gradient',
    because: 'Each partial at each example, and its sum over the minibatch.',
    becauseLatex: `Each ${m('\\frac{\\partial f}{\\partial p}')} at each example, and its sum over the minibatch:`,
    latex: `\\begin{array}{c|${'c'.repeat(batch.length)}|c} ${header} \\\\ \\hline ${rows.join(' \\\\ ')} \\end{array}`,
  });
  const lr = numberLatex(c.lr);
  steps.push({
    answerId: 'updated',
    because: `Update each parameter: p ← p − ε·∂f/∂p with ε = ${ratText(c.lr)}.`,
    becauseLatex: `Update each parameter, ${m('p \\leftarrow p - \\epsilon \\frac{\\partial f}{\\partial p}')} with ${m(`\\epsilon = ${lr}`)}:`,
    latex: alignedLatex(
      names.map((q, i) => `${nameLatex(q)} &\\leftarrow ${numberLatex(c.start.get(q) ?? ZERO)} - ${lr} \\cdot ${factor(step.gradient[i])} = ${numberLatex(step.updated[i])}`),
    ),
  });
  return steps;
}
