/**
 * The lecture's piecewise form of a ReLU partial as an answer's `cases`:
 *   ∂ŷ/∂w1 = { 0 if w1x1 + w2x2 + b1 ≤ 0;  w5x1 if w1x1 + w2x2 + b1 > 0 }.
 * An Answer's case has one condition; deeper nets can need two or three per case (one per relu′
 * on the path), and those are shown as a LaTeX note instead (verification then checks the closed
 * form, which holds on every branch).
 */
import type { Expr } from '../expr/types.js';
import type { CaseBranch, WorkedStep } from './types.js';
import { m } from './content.js';
import { piecewiseCases } from '../nn/piecewise.js';
import { casesLatex } from '../nn/format.js';

export interface AnswerCases {
  readonly cases?: readonly CaseBranch[];
  readonly notes?: readonly string[];
}

export function answerCases(value: Expr, label: string): AnswerCases {
  const cases = piecewiseCases(value);
  if (!cases) return {};
  if (cases.every((c) => c.when.length === 1)) return { cases: cases.map((c) => ({ when: c.when[0], value: c.value })) };
  return { notes: [`${label} = ${casesLatex(cases)}`] };
}

/** The cases as the lecture sets them, for a worked step or a note. */
export function answerCasesLatex(value: Expr): string | undefined {
  const cases = piecewiseCases(value);
  return cases ? casesLatex(cases) : undefined;
}

/**
 * The step that turns relu′ into the lecture's cases. `fn` is how the derivative is written:
 * σ′ when σ stands for ReLU (the lecture's "for ReLU"), ReLU′ for a ReLU net.
 */
export function reluCasesStep(label: string, casesTex: string, answerId: string, fn: 'sigma' | 'relu'): WorkedStep {
  const d = fn === 'sigma' ? ["σ′", "\\sigma'"] : ["ReLU′", "\\operatorname{ReLU}'"];
  return {
    answerId,
    rule: 'relu-cases',
    because: `For ReLU, ${d[0]}(z) = 0 if z ≤ 0 and 1 if z > 0, hence:`,
    becauseLatex: `For ReLU, ${m(`${d[1]}(z) = \\begin{cases} 0 & \\text{if } z \\leq 0 \\\\ 1 & \\text{if } z > 0 \\end{cases}`)}, hence:`,
    latex: `${label} = ${casesTex}`,
  };
}
