/**
 * One partial of a network's output, as the lecture works ∂ŷ/∂w1 for the XOR net:
 *   ∂ŷ/∂w1 = ∂/∂w1 [w5σ(w1x1 + w2x2 + b1) + w6σ(w3x1 + w4x2 + b2) + b3] = w5σ′(w1x1 + w2x2 + b1)x1,
 * and its exercise "Find ∂ŷ/∂b2" (= w6σ′(w3x1 + w4x2 + b2)). The key's steps are the
 * differentiator's trace: only one term depends on w1; it has the form cσ(z); chain rule; ∂z/∂w1.
 * With ReLU the answer also has the lecture's cases (0 if w1x1 + w2x2 + b1 ≤ 0; w5x1 if > 0);
 * with the abstract σ, `reluCases: true` adds them as a second answer, "for ReLU". The prompt
 * writes the expanded ŷ out, as the slide does, unless an earlier exercise on the sheet asks for it.
 *
 * Params: layers, activation, naming, difficulty (./network-params.ts), and
 *   wrt        the parameter (default: drawn, mostly from the hidden layers)
 *   output     which output ŷₖ, 1-based, for nets with several (default: drawn)
 *   reluCases  with activation sigma: add the ReLU form as answer `relu` (default false)
 * Answers: `a` (the partial; cases with ReLU), `relu` (with reluCases).
 * data: { layers: number[], activation: string[], naming, output: string (yhat, yhat2),
 *         wrt: string, expression: string (LaTeX of the differentiated output) }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, math, space, text, workedSteps } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { answerCases, answerCasesLines, reluCasesStep } from '../cases.js';
import { chooseNetwork, chooseOutput, chooseParameter, networkFields } from '../network-params.js';
import { diagramFigure, networkData, networkDefinition } from '../network-content.js';
import type { Answer, Check, WorkedStep } from '../types.js';
import { network } from '../../nn/network.js';
import { partialLabelLatex } from '../../nn/format.js';
import { derive, differentiate } from '../../calculus/differentiate.js';
import { derivativeOfLatex, toLatex } from '../../print/latex.js';
import { toText } from '../../print/text.js';
import { InputError } from '../../errors.js';
import { equal } from '../../expr/equal.js';
import { nameLatex } from '../../print/names.js';

const params = z
  .object({
    ...networkFields,
    wrt: z.string().optional(),
    output: z.number().int().min(1).optional(),
    reluCases: z.boolean().default(false),
  })
  .strict();

/** Past this many characters the expanded ŷ is left to the matrices and the figure. */
const INLINE_EXPRESSION_LIMIT = 120;

export const partial = defineKind({
  kind: 'partial',
  title: 'A partial derivative of a network',
  summary: 'one ∂ŷ/∂p of a small network, such as ∂ŷ/∂w1 = w5σ′(w1x1 + w2x2 + b1)x1, with the steps',
  params,
  generate: (p, rng, ctx) => {
    // The "for ReLU" form is about the abstract σ: asking for it fixes σ when the spec leaves it open.
    const net = chooseNetwork({ ...p, activation: p.activation ?? (p.reluCases ? 'sigma' : undefined) }, rng);
    const k = chooseOutput(net, p.output, rng);
    const wrt = chooseParameter(net, p.wrt, rng);
    if (p.reluCases && !net.spec.activation.every((a) => a === 'sigma')) {
      throw new InputError(`params.reluCases: only for the abstract activation sigma (the ReLU net's answer has its cases already)`);
    }
    const output = net.outputs[k - 1];
    const f = net.outputExprs[k - 1];
    const d = derive(f, wrt);
    const label = partialLabelLatex(output, wrt, 'none');
    const given = answerFromSpec(ctx, 'a', d.value);
    const answers: Answer[] = [{ id: 'a', label, ...given, ...answerCases(given.value, label) }];
    const checks: Check[] = [{ kind: 'derivative', answerId: 'a', f, wrt }];
    const steps: WorkedStep[] = workedSteps(d.steps, 'a');
    const casesLines = answerCasesLines(label, d.value);
    if (casesLines) steps.push(reluCasesStep(casesLines, 'a', 'relu'));

    if (p.reluCases) {
      const relu = network({ layers: net.spec.layers, activation: 'relu', naming: net.spec.naming });
      const fr = relu.outputExprs[k - 1];
      const value = differentiate(fr, wrt);
      const reluLabel = `${label} \\text{ for ReLU}`;
      const r = answerFromSpec(ctx, 'relu', value);
      // The prompt defines σ′ for ReLU here: σ in an answer is ReLU.
      answers.push({ id: 'relu', label: reluLabel, ...r, ...answerCases(r.value, reluLabel), names: { functions: { sigma: 'relu' } } });
      checks.push({ kind: 'derivative', answerId: 'relu', f: fr, wrt });
      const reluLines = answerCasesLines(label, value);
      steps.push(
        reluLines
          ? reluCasesStep(reluLines, 'relu', 'sigma')
          : { answerId: 'relu', because: 'With σ = ReLU the same steps give:', becauseLatex: `With ${m('\\sigma = \\operatorname{ReLU}')} the same steps give:`, latex: `${label} = ${toLatex(value)}` },
      );
    }

    // The expanded ŷ is the answer of an earlier "network as one expression" exercise on the
    // same sheet: the prompt then sends the student back to it rather than print it.
    const expandedBefore = ctx.earlier?.find((e) => e.kind === 'network-expansion' && e.answers.some((a) => equal(a.value, f)));
    const short = toText(f).length <= INLINE_EXPRESSION_LIMIT;
    const ask = short && !expandedBefore ? `${label} = ${derivativeOfLatex(wrt, f)}` : label;
    const lead = expandedBefore ? `Starting from your expression for ${m(nameLatex(output))} in Exercise ${expandedBefore.number}, find:` : 'Find:';
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'partial',
      title: ctx.title ?? 'A partial derivative of a network',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure.'),
        diagramFigure(net),
        ...networkDefinition(net),
        text(lead),
        math(ask),
        ...(p.reluCases ? [text(`Then give ${m(label)} for ReLU, where ${m("\\sigma'(z) = 0")} if ${m('z \\leq 0')} and ${m('1')} if ${m('z > 0')}.`)] : []),
        space(4),
      ],
      answers,
      steps,
      figures: [],
      checks,
      data: { ...networkData(net), output, wrt, expression: toLatex(f) },
    };
  },
});
