/**
 * The Jacobian of a vector function, as in the lecture's "Jacobian matrices":
 *   f([x₁ x₂]ᵀ) = [2x₁ + x₂, πx₂, −x₁/x₂]  →  ∂f/∂x = [2, 1; 0, π; −1/x₂, x₁/x₂²].
 * Without `expr`, a random function of the chosen size and difficulty. The key derives each
 * ∂fᵢ/∂xⱼ and then lays them out: rows are the outputs, columns the inputs. The check compares
 * every entry with central finite differences of f.
 *
 * data: { function: the outputs fᵢ (Expr[]), vars: the inputs (string[]),
 *         rows, cols: the Jacobian's shape, difficulty: the random level, or 'given' }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { abstractFunctionsText, m, math, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { deriveJacobian } from '../../calculus/jacobian.js';
import { toLatex } from '../../print/latex.js';
import { tooWideToSetWhole } from '../../print/width.js';
import { abstractNames } from '../../numeric/sampling.js';
import { InputError } from '../../errors.js';
import { DIFFICULTIES, randomOutputs } from '../random-functions.js';
import { asFunction, definitionLatex, entryStep, parseOutputs, rejectRandomFields, resolveVars, shapeLatex } from '../jacobian-content.js';
import type { Expr } from '../../expr/types.js';
import type { Rng } from '../../numeric/rng.js';
import type { WorkedStep } from '../types.js';

const params = z
  .object({
    /** The function as a list of outputs, e.g. "[2*x1 + x2, pi*x2, -x1/x2]" (default: random). */
    expr: z.string().optional(),
    /** Its inputs, in order (default: its symbols, x1 before x2). */
    vars: z.array(z.string()).optional(),
    /** Random functions only: number of outputs (default 2 or 3). */
    outputs: z.number().int().min(1).max(4).optional(),
    /** Random functions only: number of inputs (default 2). */
    inputs: z.number().int().min(1).max(4).optional(),
    /** Random functions only: linear, polynomial (default) or activations. */
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** Random functions only: coefficients are drawn from ±[1, range] (default 3). */
    range: z.number().int().min(1).max(9).optional(),
  })
  .strict();

type Params = z.output<typeof params>;

function pickFunction(p: Params, rng: Rng): { outputs: readonly Expr[]; vars: string[] } {
  if (p.expr !== undefined) {
    rejectRandomFields(p, ['outputs', 'inputs', 'difficulty', 'range'], 'expr');
    const outputs = parseOutputs('params.expr', p.expr);
    return { outputs, vars: resolveVars('params.vars', p.vars, outputs) };
  }
  if (p.vars && p.inputs !== undefined && p.vars.length !== p.inputs) {
    throw new InputError(`params.inputs: ${p.inputs} inputs but params.vars names ${p.vars.length}`);
  }
  const vars = p.vars ? resolveVars('params.vars', p.vars, []) : Array.from({ length: p.inputs ?? 2 }, (_, i) => `x${i + 1}`);
  const outputs = randomOutputs(rng, {
    outputs: p.outputs ?? rng.int(2, 3),
    vars,
    difficulty: p.difficulty ?? 'polynomial',
    range: p.range ?? 3,
  });
  return { outputs, vars };
}

export const jacobianKind = defineKind({
  kind: 'jacobian',
  title: 'A Jacobian matrix',
  summary: 'the Jacobian ∂f/∂x of a vector function, entry by entry',
  params,
  generate: (p, rng, ctx) => {
    const { outputs, vars } = pickFunction(p, rng);
    const f = asFunction(outputs);
    const J = deriveJacobian(f, vars);
    const n = outputs.length;
    const steps: WorkedStep[] = J.derivations.flatMap((row, i) => row.map((d) => entryStep('f', i, n, d, 'J')));
    // Too wide to set whole, the matrix is not restated here: the answer above sets it entry by entry.
    const whole = !tooWideToSetWhole(J.matrix);
    steps.push({
      answerId: 'J',
      rule: 'jacobian',
      because: `Lay the partials out as a ${n}×${vars.length} matrix: row i holds the partials of fᵢ (the outputs), column j those with respect to xⱼ (the inputs)${whole ? '' : '; the answer above sets it out entry by entry'}.`,
      becauseLatex: `Lay the partials out as a $${shapeLatex(n, vars.length)}$ matrix: row $i$ holds the partials of $f_{i}$ (the outputs), column $j$ those with respect to the $j$-th input${whole ? '' : '; the answer above sets it out entry by entry'}.`,
      // The step states what it lays out (∂f/∂x = …): after the entries' own equations a bare "= [ … ]" equals nothing in particular.
      latex: whole ? `\\frac{\\partial f}{\\partial \\mathbf{x}} = ${toLatex(J.matrix)}` : '',
    });
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'jacobian',
      title: ctx.title ?? 'A Jacobian matrix',
      points: ctx.points,
      prompt: [
        text(`Consider a function $f$ that takes a vector as input and produces a ${n === 1 ? 'number' : 'vector'} as output:`),
        math(definitionLatex('f', vars, outputs)),
        ...abstractFunctionsText('Here', abstractNames(...outputs)),
        text(`What is its Jacobian matrix ${m('\\frac{\\partial f}{\\partial \\mathbf{x}}')} of all partial derivatives? Give its shape.`),
        space(5),
      ],
      answers: [
        {
          id: 'J',
          label: '\\frac{\\partial f}{\\partial \\mathbf{x}}',
          ...answerFromSpec(ctx, 'J', J.matrix),
          notes: [`${shapeLatex(n, vars.length)}\\text{: rows are the outputs of } f\\text{, columns its inputs}`],
        },
      ],
      steps,
      figures: [],
      checks: [{ kind: 'jacobian', answerId: 'J', f, vars }],
      data: { function: outputs, vars, rows: n, cols: vars.length, difficulty: p.expr === undefined ? (p.difficulty ?? 'polynomial') : 'given' },
    };
  },
});
