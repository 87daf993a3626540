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
import { glyphCount } from '../print/glyphs.js';

/**
 * An aligned block or a table of more rows than this, or with a row wider than a line, is set one
 * display a row (a table in blocks of MAX_TABLE_ROWS). Neither TeX nor KaTeX breaks inside one,
 * and a 4-4-4 net's step has 40 parameters: its partials (four terms each) printed at a sixth of
 * their size, its updates ran off the foot of the LaTeX page, and Chromium cut a row in two at a
 * page break. The lecture's 2-2-1 net (9 rows) keeps its blocks.
 */
const MAX_BLOCK_ROWS = 12;
/** Rows of a table of numbers (set in text style, so lower than a block's) that one block holds. */
const MAX_TABLE_ROWS = 20;
/** Glyphs of a row that fills a line of the key, as print/glyphs.ts counts them. */
const LINE_GLYPHS = 80;

/** `rows` ("lhs &= rhs") as one aligned block, or, when too long or too wide, as displays after the reason. */
function rowsStep(step: Omit<WorkedStep, 'latex'>, rows: readonly string[]): WorkedStep {
  if (rows.length <= MAX_BLOCK_ROWS && rows.every((r) => glyphCount(r) <= LINE_GLYPHS)) return { ...step, latex: alignedLatex(rows) };
  return { ...step, becauseLatex: `${step.becauseLatex} ${rows.map((r) => `$$${r.replace(' &', ' ')}$$`).join(' ')}`, latex: '' };
}

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
    rowsStep({
      answerId: 'gradient',
      because: one ? 'By the chain rule, ∂f/∂p = (ŷ − y)·∂ŷ/∂p for each parameter p.' : 'By the chain rule, ∂f/∂p = Σₖ (ŷₖ − yₖ)·∂ŷₖ/∂p for each parameter p.',
      becauseLatex: `By the chain rule, ${m(one ? '\\frac{\\partial f}{\\partial p} = (\\hat{y} - y) \\frac{\\partial \\hat{y}}{\\partial p}' : '\\frac{\\partial f}{\\partial p} = \\sum_{k} (\\hat{y}_{k} - y_{k}) \\frac{\\partial \\hat{y}_{k}}{\\partial p}')} for each parameter:`,
    }, names.map((q, i) => `${fLabel(q)} &= ${toLatex(c.compact[i])}`)),
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
  const table = (part: readonly string[]): string => `\\begin{array}{c|${'c'.repeat(batch.length)}|c} ${header} \\\\ \\hline ${part.join(' \\\\ ')} \\end{array}`;
  const parts = Array.from({ length: Math.ceil(rows.length / MAX_TABLE_ROWS) }, (_, i) => rows.slice(i * MAX_TABLE_ROWS, (i + 1) * MAX_TABLE_ROWS));
  const becauseTable = `Each ${m('\\frac{\\partial f}{\\partial p}')} at each example, and its sum over the minibatch:`;
  steps.push({
    answerId: 'gradient',
    because: 'Each partial at each example, and its sum over the minibatch.',
    // Several blocks of rows, each with its header, when one table would be longer than a page.
    ...(parts.length === 1 ? { becauseLatex: becauseTable, latex: table(rows) } : { becauseLatex: `${becauseTable} ${parts.map((part) => `$$${table(part)}$$`).join(' ')}`, latex: '' }),
  });
  const lr = numberLatex(c.lr);
  steps.push(
    rowsStep(
      {
        answerId: 'updated',
        because: `Update each parameter: p ← p − ε·∂f/∂p with ε = ${ratText(c.lr)}.`,
        becauseLatex: `Update each parameter, ${m('p \\leftarrow p - \\epsilon \\frac{\\partial f}{\\partial p}')} with ${m(`\\epsilon = ${lr}`)}:`,
      },
      names.map((q, i) => `${nameLatex(q)} &\\leftarrow ${numberLatex(c.start.get(q) ?? ZERO)} - ${lr} \\cdot ${factor(step.gradient[i])} = ${numberLatex(step.updated[i])}`),
    ),
  );
  return steps;
}
