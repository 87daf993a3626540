/**
 * The lecture's XOR design question: "What values for W⁽¹⁾, b⁽¹⁾ will make the 4 data points
 * linearly separable? (Hint: set b = [−1 −1]ᵀ; W contains only 1s and 2s.)" with a ReLU hidden
 * layer, and then W⁽²⁾, b⁽²⁾ completing ŷ = W⁽²⁾ReLU(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ = XOR. Every W⁽¹⁾ the
 * hint allows is decided exactly (src/nn/xor.ts); the key shows the first that works, lists the
 * others, and says why some fail. With the lecture's hint it is the + points (0,1) and (1,0) that
 * collapse onto one hidden point (the slide says "the two − points"), so the prompt says "two of
 * the points". Instructor answers for W1 and b1 replace the design the key is worked out for.
 *
 * data: { hint: {bias, weights} | undefined (when not shown), activation: 'relu',
 *         W1, b1, W2, b2: the key's design as text, valid: every W⁽¹⁾ the hint allows (text),
 *         separable: the reason in words }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { answerFromSpec } from '../answers.js';
import { parseField } from '../content.js';
import { checkXorDesign, type XorCheck } from '../../nn/xor.js';
import { xorPlot } from '../../pictures/xor-plot.js';
import { evaluateExact } from '../../numeric/evaluate.js';
import { toText } from '../../print/text.js';
import { latexList } from '../../print/latex.js';
import { InputError } from '../../errors.js';
import { HINT_FAMILIES, LECTURE_HINT, MAX_WEIGHT_VALUES, searchHint, type XorHint } from './xor-hints.js';
import { designMatrices, xorPrompt, xorSteps } from './xor-content.js';
import type { Rational } from '../../rational.js';
import type { GeneratorContext } from '../types.js';
import type { Expr } from '../../expr/types.js';

const params = z
  .object({
    /** Show the hint on the sheet (default true). */
    hint: z.boolean().optional(),
    /** The hint's b⁽¹⁾ (default the lecture's [-1, -1]). */
    bias: z.tuple([z.number().int().min(-9).max(9), z.number().int().min(-9).max(9)]).optional(),
    /** The values W⁽¹⁾'s entries are drawn from (default the lecture's [1, 2]). */
    weights: z.array(z.number().int().min(-9).max(9)).min(1).max(MAX_WEIGHT_VALUES).optional(),
    /** Draw the hint from a table of families known to work (default false: the lecture's). */
    random: z.boolean().optional(),
  })
  .strict();

type Separable = Extract<XorCheck, { separable: true }>;

/** An instructor's W1/b1 (both, or one with the hint's other): the design the key is worked out for. */
function instructorDesign(ctx: GeneratorContext, hint: XorHint, computed: Separable): Separable {
  const given = ctx.answers;
  if (!given || (given.W1 === undefined && given.b1 === undefined)) return computed;
  const W1 = given.W1 === undefined ? computed.W1.map((r) => [...r]) : rows('answers.W1', given.W1, 2, 2);
  const b1 = given.b1 === undefined ? [...hint.bias] : rows('answers.b1', given.b1, 2, 1).map((r) => r[0]);
  const check = checkXorDesign({ W1, b1, activation: 'relu' });
  if (!check.separable) throw new InputError(`answers.W1: this W⁽¹⁾, b⁽¹⁾ does not make the XOR points separable: ${check.reason}`);
  return check;
}

/** Exact rational entries of a matrix (or column) written in a spec. */
function rows(field: string, source: string, r: number, c: number): Rational[][] {
  const e: Expr = parseField(field, source);
  const entries = e.kind === 'matrix' ? e.entries : e.kind === 'vector' ? e.items : [e];
  const shapeOk = e.kind === 'matrix' ? (e.rows === r && e.cols === c) || (c === 1 && e.rows * e.cols === r) : entries.length === r * c && c === 1;
  if (!shapeOk) throw new InputError(`${field}: expected a ${r}×${c} ${c === 1 ? 'column' : 'matrix'}, got ${toText(e)}`);
  const qs = entries.map((x) => {
    const q = evaluateExact(x, {});
    if (q === undefined) throw new InputError(`${field}: ${toText(x)} is not a rational number`);
    return q;
  });
  return Array.from({ length: r }, (_, i) => qs.slice(i * c, (i + 1) * c));
}

export const xorDesign = defineKind({
  kind: 'xor-design',
  title: 'Solving XOR with a hidden layer',
  summary: 'choose W⁽¹⁾, b⁽¹⁾ that make the XOR points separable after ReLU, then W⁽²⁾, b⁽²⁾',
  params,
  generate: (p, rng, ctx) => {
    if (p.random && (p.bias !== undefined || p.weights !== undefined)) {
      throw new InputError(`params.${p.bias !== undefined ? 'bias' : 'weights'}: a random hint draws its own bias and weights; remove one or the other`);
    }
    const hint: XorHint = p.random ? rng.pick(HINT_FAMILIES) : { bias: p.bias ?? LECTURE_HINT.bias, weights: p.weights ?? LECTURE_HINT.weights };
    const search = searchHint(hint);
    const design = instructorDesign(ctx, hint, search.valid[0]);
    const m = designMatrices(design);
    const valid = search.valid.map((c) => designMatrices(c).W1);
    const others = valid.filter((w) => toText(w) !== toText(m.W1));
    const figureCaption =
      'The four XOR points in input space (left) and in hidden space $\\mathbf{h} = \\operatorname{ReLU}(\\mathbf{W}^{(1)}\\mathbf{x} + \\mathbf{b}^{(1)})$ (right), with the decision boundary $\\hat{y} = \\frac{1}{2}$; the shaded side is $\\hat{y} > \\frac{1}{2}$.';
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'xor-design',
      title: ctx.title ?? 'Solving XOR with a hidden layer',
      points: ctx.points,
      prompt: xorPrompt(p.hint === false ? undefined : hint),
      answers: [
        {
          id: 'W1',
          label: '\\mathbf{W}^{(1)}',
          ...answerFromSpec(ctx, 'W1', m.W1),
          ...(others.length > 0 ? { notes: [`\\text{also valid with the hint: } ${latexList(others.map((w) => m.latex(w)), { gap: '\\ ' })}`] } : {}),
        },
        { id: 'b1', label: '\\mathbf{b}^{(1)}', ...answerFromSpec(ctx, 'b1', m.b1) },
        { id: 'W2', label: '\\mathbf{W}^{(2)}', ...answerFromSpec(ctx, 'W2', m.W2) },
        { id: 'b2', label: '\\mathbf{b}^{(2)}', ...answerFromSpec(ctx, 'b2', m.b2) },
      ],
      steps: xorSteps(design, search.invalid),
      figures: [{ kind: 'figure', svg: xorPlot(design), caption: figureCaption }],
      // One check per answer, each running the whole net on the four points (verify needs every answer checked).
      checks: (['W1', 'b1', 'W2', 'b2'] as const).map((answerId) => ({ kind: 'xor' as const, answerId, activation: 'relu' })),
      data: {
        hint: p.hint === false ? undefined : { bias: hint.bias, weights: hint.weights },
        activation: 'relu',
        W1: m.W1,
        b1: m.b1,
        W2: m.W2,
        b2: m.b2,
        valid,
        separable: design.reason,
      },
    };
  },
});
