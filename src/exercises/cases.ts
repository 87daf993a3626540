/**
 * The lecture's piecewise form of a ReLU partial as an answer's `cases`:
 *   ∂ŷ/∂w1 = { 0 if w1x1 + w2x2 + b1 ≤ 0;  w5x1 if w1x1 + w2x2 + b1 > 0 }.
 * An Answer's case has one condition; deeper nets can need two or three per case (one per relu′
 * on the path), and those are shown as LaTeX notes instead (verification then checks the closed
 * form, which holds on every branch).
 */
import type { Expr } from '../expr/types.js';
import type { CaseBranch, WorkedStep } from './types.js';
import { m } from './content.js';
import { piecewiseCases, type Case } from '../nn/piecewise.js';
import { casesLatex, conditionsLatex } from '../nn/format.js';
import { toLatex } from '../print/latex.js';
import { fitsALine } from '../print/width.js';

export interface AnswerCases {
  readonly cases?: readonly CaseBranch[];
  readonly notes?: readonly string[];
}

export function answerCases(value: Expr, label: string): AnswerCases {
  const cases = piecewiseCases(value);
  if (!cases) return {};
  if (cases.every((c) => c.when.length === 1)) return { cases: cases.map((c) => ({ when: c.when[0], value: c.value })) };
  return { notes: casesLines(label, cases) };
}

/**
 * `label = \begin{cases} … \end{cases}` as the lecture sets it; or, when that line does not fit
 * (print/width.ts), one line per case, `label = value \quad \text{if } … \text{ and } …`, each
 * free to break after + (neither KaTeX nor TeX breaks inside cases: a 2-3-2-1 ReLU net's cases ran
 * 850 pt into the LaTeX margin, and the PDF shrank them to an unreadable size). As
 * render/describe.ts does for an answer's one-condition cases.
 */
export function casesLines(label: string, cases: readonly Case[]): string[] {
  const rows = cases.map((c) => ({ value: toLatex(c.value), when: `\\text{if } ${conditionsLatex(c.when)}` }));
  const whole = `${label} = ${casesLatex(cases)}`;
  if (fitsALine(whole)) return [whole];
  // A line may also break after "and", between two conditions.
  return rows.map((r) => `${label} = ${r.value} \\quad ${r.when.replaceAll('\\text{ and } ', '\\text{ and }\\allowbreak ')}`);
}

/** The cases of a ReLU partial as the key's lines (casesLines), or undefined when it has none. */
export function answerCasesLines(label: string, value: Expr): string[] | undefined {
  const cases = piecewiseCases(value);
  return cases ? casesLines(label, cases) : undefined;
}

/**
 * The step that turns relu′ into the lecture's cases. `fn` is how the derivative is written:
 * σ′ when σ stands for ReLU (the lecture's "for ReLU"), ReLU′ for a ReLU net. `lines` are
 * answerCasesLines': one is the step's formula; several (cases too wide for one block) are set
 * one display a line after the reason, as network-expansion sets entries too wide for a vector.
 */
export function reluCasesStep(lines: readonly string[], answerId: string, fn: 'sigma' | 'relu'): WorkedStep {
  const d = fn === 'sigma' ? ["σ′", "\\sigma'"] : ["ReLU′", "\\operatorname{ReLU}'"];
  const because = `For ReLU, ${d[0]}(z) = 0 if z ≤ 0 and 1 if z > 0, hence:`;
  const becauseLatex = `For ReLU, ${m(`${d[1]}(z) = \\begin{cases} 0 & \\text{if } z \\leq 0 \\\\ 1 & \\text{if } z > 0 \\end{cases}`)}, hence:`;
  if (lines.length === 1) return { answerId, rule: 'relu-cases', because, becauseLatex, latex: lines[0] };
  return { answerId, rule: 'relu-cases', because, becauseLatex: `${becauseLatex} ${lines.map((l) => `$$${l}$$`).join(' ')}`, latex: '' };
}
