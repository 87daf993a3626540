/**
 * "Jacobian versus gradient" (the lecture's last slide): for a real-valued f: ℝᵐ → ℝ, the
 * gradient ∇ₓf(x) is the column [∂f/∂x₁ … ∂f/∂xₘ]ᵀ and the Jacobian ∂f/∂x is the row
 * [∂f/∂x₁ ⋯ ∂f/∂xₘ]: one is the transpose of the other. Without `expr`, a random f of the
 * chosen size and difficulty.
 *
 * Checks: the Jacobian against finite differences of f; the gradient against the transpose of
 * the unsimplified chain-rule output (so a simplifier slip in either would show as a mismatch
 * between two checks, and a wrong derivative as a finite-difference failure).
 * data: { function: f (Expr), vars: the inputs (string[]), m: their number,
 *         difficulty: the random level, or 'given' }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { abstractFunctionsText, m, math, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { deriveJacobian } from '../../calculus/jacobian.js';
import { rawDerivative } from '../../calculus/differentiate.js';
import { transpose } from '../../calculus/matrix-ops.js';
import { fitsALine, tooWideToSetWhole } from '../../print/width.js';
import { matrix } from '../../expr/build.js';
import { toLatex } from '../../print/latex.js';
import { abstractNames } from '../../numeric/sampling.js';
import { InputError } from '../../errors.js';
import { DIFFICULTIES, randomOutputs } from '../random-functions.js';
import { definitionLatex, entryStep, parseOutputs, rejectRandomFields, resolveVars } from '../jacobian-content.js';
import type { Expr } from '../../expr/types.js';
import type { Rng } from '../../numeric/rng.js';

const params = z
  .object({
    /** A real-valued function, e.g. "x1 - 2*x2 + x3/4" (default: random). */
    expr: z.string().optional(),
    /** Its inputs, in order (default: its symbols, x1 before x2). */
    vars: z.array(z.string()).optional(),
    /** Random functions only: m, the number of inputs (default 2 or 3). */
    inputs: z.number().int().min(1).max(5).optional(),
    /** Random functions only: linear, polynomial (default) or activations. */
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** Random functions only: coefficients from ±[1, range] (default 3). */
    range: z.number().int().min(1).max(9).optional(),
  })
  .strict();

type Params = z.output<typeof params>;

function pickFunction(p: Params, rng: Rng): { f: Expr; vars: string[] } {
  if (p.expr !== undefined) {
    rejectRandomFields(p, ['inputs', 'difficulty', 'range'], 'expr');
    const outputs = parseOutputs('params.expr', p.expr);
    if (outputs.length !== 1) throw new InputError(`params.expr: f must be real-valued (one output), this one has ${outputs.length}; use the jacobian kind`);
    return { f: outputs[0], vars: resolveVars('params.vars', p.vars, outputs) };
  }
  if (p.vars && p.inputs !== undefined && p.vars.length !== p.inputs) {
    throw new InputError(`params.inputs: ${p.inputs} inputs but params.vars names ${p.vars.length}`);
  }
  const vars = p.vars ? resolveVars('params.vars', p.vars, []) : Array.from({ length: p.inputs ?? rng.int(2, 3) }, (_, i) => `x${i + 1}`);
  const [f] = randomOutputs(rng, { outputs: 1, vars, difficulty: p.difficulty ?? 'polynomial', range: p.range ?? 3 });
  return { f, vars };
}

const GRAD = '\\nabla_{\\mathbf{x}} f(\\mathbf{x})';
const JAC = '\\frac{\\partial f}{\\partial \\mathbf{x}}';

export const jacobianVsGradient = defineKind({
  kind: 'jacobian-vs-gradient',
  title: 'Jacobian versus gradient',
  summary: 'for f: ℝᵐ → ℝ, the gradient (a column) and the Jacobian (a row), transposes of each other',
  params,
  generate: (p, rng, ctx) => {
    const { f, vars } = pickFunction(p, rng);
    const mm = vars.length;
    const J = deriveJacobian(f, vars);
    const grad = transpose(J.matrix);
    const rawColumn = matrix(mm, 1, vars.map((v) => rawDerivative(f, v)));
    const columnWhole = !tooWideToSetWhole(grad);
    const rowWhole = fitsALine(`${JAC} = ${toLatex(J.matrix)} = \\left(${GRAD}\\right)^{\\top}`);
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'jacobian-vs-gradient',
      title: ctx.title ?? 'Jacobian versus gradient',
      points: ctx.points,
      prompt: [
        text(`Let $f: \\mathbb{R}^{${mm}} \\rightarrow \\mathbb{R}$ be`),
        math(definitionLatex('f', vars, [f], true)),
        ...abstractFunctionsText('Here', abstractNames(f)),
        text(`Give its gradient ${m(GRAD)} and its Jacobian ${m(JAC)}, with their shapes. How are the two related?`),
        space(5),
      ],
      answers: [
        { id: 'grad', label: GRAD, ...answerFromSpec(ctx, 'grad', grad), notes: [`${mm} \\times 1\\text{: a column}`] },
        {
          id: 'J',
          label: JAC,
          ...answerFromSpec(ctx, 'J', J.matrix),
          notes: [`1 \\times ${mm}\\text{: a row}`, `${JAC} = \\left(${GRAD}\\right)^{\\top}`],
        },
      ],
      steps: [
        ...J.derivations[0].map((d) => entryStep('f', 0, 1, d, 'grad')),
        {
          answerId: 'grad',
          rule: 'gradient',
          because: `The gradient stacks the partials in a column (${mm}×1)${columnWhole ? '' : '; the answer above sets it out entry by entry'}.`,
          becauseLatex: `The gradient stacks the partials in a column ($${mm} \\times 1$)${columnWhole ? '' : '; the answer above sets it out entry by entry'}.`,
          latex: columnWhole ? `${GRAD} = ${toLatex(grad)}` : '',
        },
        {
          answerId: 'J',
          rule: 'jacobian',
          because: `The Jacobian has one row per output and one column per input: f has one output, so it is a row (1×${mm}), the transpose of the gradient${rowWhole ? '' : '; the answer above sets it out entry by entry'}.`,
          becauseLatex: `The Jacobian has one row per output and one column per input: $f$ has one output, so it is a row ($1 \\times ${mm}$), the transpose of the gradient${rowWhole ? '' : '; the answer above sets it out entry by entry'}.`,
          // A row too wide for a line is not restated (the jacobian kind's last step does the same).
          latex: rowWhole ? `${JAC} = ${toLatex(J.matrix)} = \\left(${GRAD}\\right)^{\\top}` : `${JAC} = \\left(${GRAD}\\right)^{\\top}`,
        },
      ],
      figures: [],
      checks: [
        { kind: 'jacobian', answerId: 'J', f, vars },
        { kind: 'identity', answerId: 'grad', expr: rawColumn },
      ],
      data: { function: f, vars, m: mm, difficulty: p.expr === undefined ? (p.difficulty ?? 'polynomial') : 'given' },
    };
  },
});
