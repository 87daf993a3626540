/**
 * How network partials read: labels such as ∂ŷ/∂w1 and \frac{\partial \hat{y}}{\partial w_{1}},
 * the cost as f_{\text{MSE}}, and ReLU cases as the lecture sets them:
 *   \begin{cases} 0 & \text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \leq 0 \\ … \end{cases}
 */
import type { Expr } from '../expr/types.js';
import type { Condition } from '../ops/types.js';
import { sym } from '../expr/build.js';
import { lossExpression, type LossName, type Network } from './network.js';
import type { Case } from './piecewise.js';
import type { Definition } from './abbreviate.js';
import { COST, type NetworkPartial } from './partials.js';
import { toText } from '../print/text.js';
import { alignedLatex, toLatex } from '../print/latex.js';
import { nameLatex, nameUnicode } from '../print/names.js';

const REL_TEXT: Record<Condition['rel'], string> = { '<=': '<=', '<': '<', '>': '>', '>=': '>=' };
const REL_LATEX: Record<Condition['rel'], string> = { '<=': '\\leq', '<': '<', '>': '>', '>=': '\\geq' };

/** `ŷ`, `ŷ₂` or `f`: what a partial is of, for text. */
export function ofText(of: string): string {
  return of === COST ? 'f' : nameUnicode(of);
}

/** `\hat{y}`, `\hat{y}_{2}` or `f_{\text{MSE}}`. */
export function ofLatex(of: string, loss: LossName): string {
  if (of !== COST) return nameLatex(of);
  return loss === 'none' ? 'f' : `f_{\\text{${loss.toUpperCase()}}}`;
}

/** `∂ŷ/∂w1`. */
export function partialLabelText(of: string, wrt: string): string {
  return `∂${ofText(of)}/∂${wrt}`;
}

/** `\frac{\partial \hat{y}}{\partial w_{1}}`. */
export function partialLabelLatex(of: string, wrt: string, loss: LossName): string {
  return `\\frac{\\partial ${ofLatex(of, loss)}}{\\partial ${nameLatex(wrt)}}`;
}

/** `w1*x1 + w2*x2 + b1 <= 0`, conditions joined by `and`. */
export function conditionsText(when: readonly Condition[]): string {
  return when.map((c) => `${toText(c.expr)} ${REL_TEXT[c.rel]} 0`).join(' and ');
}

export function conditionsLatex(when: readonly Condition[]): string {
  return when.map((c) => `${toLatex(c.expr)} ${REL_LATEX[c.rel]} 0`).join(' \\text{ and } ');
}

/** The lecture's cases environment. */
export function casesLatex(cases: readonly Case[]): string {
  const rows = cases.map((c) => `${toLatex(c.value)} & \\text{if } ${conditionsLatex(c.when)}`);
  return `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`;
}

/** Values up to this long line their `if`s up; longer ones would push the conditions off screen. */
const ALIGN_WIDTH = 40;

/** Cases for the terminal, one per line with aligned `if`s: `0      if z <= 0`. */
export function casesTextLines(cases: readonly Case[]): string[] {
  const values = cases.map((c) => toText(c.value));
  const longest = Math.max(...values.map((v) => v.length));
  const width = longest <= ALIGN_WIDTH ? longest : 0;
  return cases.map((c, i) => `${values[i].padEnd(width)}  if ${conditionsText(c.when)}`);
}

/** The JSON form of cases: `[{"when", "value"}]`. */
export function casesJson(cases: readonly Case[]): { when: string; value: string }[] {
  return cases.map((c) => ({ when: conditionsText(c.when), value: toText(c.value) }));
}

/** The cost in the outputs' names: 1/2*(yhat - y)^2 (undefined for loss none). */
export function costExpression(net: Network): Expr | undefined {
  return lossExpression(net.spec.loss, net.outputs.map(sym), net.targets);
}

/** Forward definitions (z, h, ŷ) and the δ, which come after the cost they derive from. */
function splitDeltas(definitions: readonly Definition[]): [Definition[], Definition[]] {
  return [definitions.filter((d) => d.kind !== 'delta'), definitions.filter((d) => d.kind === 'delta')];
}

/**
 * Partials for the terminal: the output (or, abbreviated, the definitions), the cost, then one
 * `∂ŷ/∂w1 = …` line per partial, ReLU cases under it.
 */
export function partialsText(net: Network, partials: readonly NetworkPartial[], definitions: readonly Definition[] | undefined): string {
  const lines: string[] = [];
  const cost = costExpression(net);
  const costLine = cost ? [`f = ${toText(cost)}`] : [];
  if (definitions) {
    // The abbreviated form: the forward definitions, the cost, the δ (backwards), then the partials.
    const [forward, deltas] = splitDeltas(definitions);
    for (const d of forward) lines.push(...withCases(`${d.name} = ${toText(d.expr)}`, d.name.length, d.cases));
    lines.push(...costLine);
    for (const d of deltas) lines.push(...withCases(`${d.name} = ${toText(d.expr)}`, d.name.length, d.cases));
  } else {
    net.outputs.forEach((o, k) => lines.push(`${ofText(o)} = ${toText(net.outputExprs[k])}`));
    lines.push(...costLine);
  }
  // A blank line between the definitions and the partials, when there are definitions.
  if (lines.length > 0) lines.push('');
  for (const p of partials) {
    const label = partialLabelText(p.of, p.wrt);
    lines.push(...withCases(`${label} = ${toText(p.value)}`, [...label].length, p.cases));
  }
  return lines.join('\n');
}

/** A line, followed by its cases under it: `       = 0  if z <= 0`. */
function withCases(line: string, labelWidth: number, cases: NetworkPartial['cases']): string[] {
  if (!cases) return [line];
  const pad = ' '.repeat(labelWidth);
  return [line, ...casesTextLines(cases).map((c) => `${pad} = ${c}`)];
}

/** The same as one LaTeX `aligned` block: `\hat{y} &= …`, `\frac{\partial \hat{y}}{\partial w_{1}} &= …`. */
export function partialsLatex(net: Network, partials: readonly NetworkPartial[], definitions: readonly Definition[] | undefined): string {
  const loss = net.spec.loss;
  const rows: string[] = [];
  const cost = costExpression(net);
  const costRow = cost ? [`${ofLatex(COST, loss)} &= ${toLatex(cost)}`] : [];
  const definitionRow = (d: Definition): string => `${nameLatex(d.name)} &= ${toLatex(d.expr)}${d.cases ? ` = ${casesLatex(d.cases)}` : ''}`;
  if (definitions) {
    const [forward, deltas] = splitDeltas(definitions);
    rows.push(...forward.map(definitionRow), ...costRow, ...deltas.map(definitionRow));
  } else {
    net.outputs.forEach((o, k) => rows.push(`${nameLatex(o)} &= ${toLatex(net.outputExprs[k])}`));
    rows.push(...costRow);
  }
  for (const p of partials) {
    rows.push(`${partialLabelLatex(p.of, p.wrt, loss)} &= ${toLatex(p.value)}${p.cases ? ` = ${casesLatex(p.cases)}` : ''}`);
  }
  return alignedLatex(rows, true);
}
