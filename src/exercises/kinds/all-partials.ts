/**
 * All partials of a network's output, as the lecture asks after working ∂ŷ/∂w1: "We need to
 * derive all the other partial derivatives ∂ŷ/∂w1, …, ∂ŷ/∂w6, ∂ŷ/∂b1, …, ∂ŷ/∂b3" (nine for the
 * XOR net). One answer per parameter, each checked against finite differences; with ReLU each
 * has the lecture's cases.
 *
 * Params: layers, activation, naming, difficulty (./network-params.ts), and
 *   steps  full (the whole derivation per partial) | short (which term depends on p, then the
 *          result) | none; default short, so the key of nine partials stays readable
 * Answers: one per parameter, id = its name (w1, …, b3; W1_2_1 in indexed naming); with several
 *          outputs one per output and parameter, id `yhat2-w1`.
 * data: { layers: number[], activation: string[], naming, outputs: string[],
 *         parameters: string[] (lecture order), partials: {id, output, wrt}[] (the answers' order) }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, math, space, text, workedSteps } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { answerCases, answerCasesLines, reluCasesStep } from '../cases.js';
import { chooseNetwork, networkFields } from '../network-params.js';
import { diagramFigure, networkData, networkDefinition } from '../network-content.js';
import type { Answer, Check, WorkedStep } from '../types.js';
import type { Network } from '../../nn/network.js';
import { partialLabelLatex } from '../../nn/format.js';
import { derive, type Step } from '../../calculus/differentiate.js';
import { latexList } from '../../print/latex.js';

export const stepsSchema = z.enum(['full', 'short', 'none']);
export type StepsOption = z.output<typeof stepsSchema>;

const params = z.object({ ...networkFields, steps: stepsSchema.default('short') }).strict();

/** The trace, or its first step (which term depends on p) and its last (the result). */
export function pickSteps(steps: readonly Step[], option: StepsOption): readonly Step[] {
  if (option === 'none') return [];
  if (option === 'full' || steps.length <= 2) return steps;
  return [steps[0], steps[steps.length - 1]];
}

/** ∂ŷ/∂w1, …, ∂ŷ/∂w6, ∂ŷ/∂b1, …, ∂ŷ/∂b3: the lecture's list, weights then biases. */
export function partialListLatex(net: Network, of: (p: string) => string): string {
  const groups = [net.parameters.filter((q) => q.kind === 'weight'), net.parameters.filter((q) => q.kind === 'bias')];
  return groups
    .filter((g) => g.length > 0)
    .map((g) => (g.length <= 3 ? g.map((q) => of(q.name)).join(', ') : `${of(g[0].name)}, \\dots, ${of(g[g.length - 1].name)}`))
    .join(', ');
}

export const allPartials = defineKind({
  kind: 'all-partials',
  title: 'All partial derivatives of a network',
  summary: 'every ∂ŷ/∂p of a small network (the lecture’s nine for the XOR net), with short steps',
  params,
  generate: (p, rng, ctx) => {
    const net = chooseNetwork(p, rng);
    const several = net.outputs.length > 1;
    const answers: Answer[] = [];
    const checks: Check[] = [];
    const steps: WorkedStep[] = [];
    const partials: { id: string; output: string; wrt: string }[] = [];
    net.outputs.forEach((output, k) => {
      const f = net.outputExprs[k];
      for (const { name } of net.parameters) {
        const id = several ? `${output}-${name}` : name;
        const d = derive(f, name);
        const label = partialLabelLatex(output, name, 'none');
        const given = answerFromSpec(ctx, id, d.value);
        answers.push({ id, label, ...given, ...answerCases(given.value, label) });
        checks.push({ kind: 'derivative', answerId: id, f, wrt: name });
        steps.push(...workedSteps(pickSteps(d.steps, p.steps), id));
        const casesLines = p.steps === 'none' ? undefined : answerCasesLines(label, d.value);
        if (casesLines) steps.push(reluCasesStep(casesLines, id, 'relu'));
        partials.push({ id, output, wrt: name });
      }
    });
    const list = latexList(net.outputs.map((o) => partialListLatex(net, (q) => partialLabelLatex(o, q, 'none'))));
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'all-partials',
      title: ctx.title ?? 'All partial derivatives of a network',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure.'),
        diagramFigure(net),
        ...networkDefinition(net),
        text(`Derive all the partial derivatives of ${several ? 'each output' : m('\\hat{y}')} with respect to the parameters:`),
        math(list),
        space(Math.min(12, 2 + answers.length)),
      ],
      answers,
      steps,
      figures: [],
      checks,
      data: {
        ...networkData(net),
        outputs: net.outputs,
        parameters: net.parameters.map((q) => q.name),
        partials,
      },
    };
  },
});
