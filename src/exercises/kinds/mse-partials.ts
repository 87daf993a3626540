/**
 * Partials of the cost, as the lecture sets them up: f_MSE = ½(ŷ − y)², and by the chain rule
 *   ∂f_MSE/∂p = (∂f_MSE/∂ŷ)(∂ŷ/∂p) = (ŷ − y)·∂ŷ/∂p,
 * e.g. ∂f_MSE/∂w1 = (ŷ − y)·w5σ′(w1x1 + w2x2 + b1)x1. The answer is the factored form with ŷ
 * written out (src/nn/partials.ts), checked by finite differences of the expanded cost; the key
 * also shows it with ŷ as a symbol. Several outputs: f = ½‖ŷ − y‖², ∂f/∂p = Σₖ (ŷₖ − yₖ)·∂ŷₖ/∂p.
 *
 * Params: layers, activation, naming, difficulty (./network-params.ts), and
 *   wrt    the parameters (default: `count` of them drawn, in lecture order)
 *   count  how many to draw when wrt is not given (default 3)
 *   steps  full | short | none, as for all-partials (how ∂ŷ/∂p is derived; default short)
 * Answers: one per parameter, id = its name.
 * data: { layers: number[], activation: string[], naming, wrt: string[],
 *         compact: Record<id, string> (LaTeX of (ŷ − y)·∂ŷ/∂p with ŷ as a symbol) }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, math, space, text, workedSteps } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { answerCases, answerCasesLines, reluCasesStep } from '../cases.js';
import { checkParameters, chooseNetwork, networkFields } from '../network-params.js';
import { compactCostPartial, diagramFigure, networkData, networkDefinition, outputNames } from '../network-content.js';
import { pickSteps, stepsSchema } from './all-partials.js';
import type { Answer, Check, WorkedStep } from '../types.js';
import type { Expr } from '../../expr/types.js';
import type { Network } from '../../nn/network.js';
import type { Rng } from '../../numeric/rng.js';
import { networkPartials } from '../../nn/partials.js';
import { costExpression, ofLatex, partialLabelLatex } from '../../nn/format.js';
import { derive } from '../../calculus/differentiate.js';
import { latexList, toLatex } from '../../print/latex.js';
import { nameLatex } from '../../print/names.js';
import { InputError } from '../../errors.js';

const params = z
  .object({
    ...networkFields,
    wrt: z.array(z.string()).min(1).optional(),
    count: z.number().int().min(1).optional(),
    steps: stepsSchema.default('short'),
  })
  .strict();

/** How many parameters are drawn when the spec names none and gives no count. */
const DEFAULT_COUNT = 3;

/** `count` parameters drawn without replacement, returned in lecture order. */
function drawParameters(net: Network, count: number, rng: Rng): string[] {
  const pool = net.parameters.map((q) => q.name);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(rng.pick(pool.filter((n) => !chosen.has(n))));
  return pool.filter((n) => chosen.has(n));
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;

export const msePartials = defineKind({
  kind: 'mse-partials',
  title: 'Partial derivatives of the cost',
  summary: '∂f_MSE/∂p = (ŷ − y)·∂ŷ/∂p for chosen parameters, by the chain rule',
  params,
  generate: (p, rng, ctx) => {
    const net = chooseNetwork(p, rng, 'mse');
    // Drawn even when wrt names them, so that the numbers after it do not depend on wrt.
    const drawn = drawParameters(net, p.count ?? DEFAULT_COUNT, rng);
    if (p.wrt) {
      checkParameters(net, p.wrt, 'params.wrt');
      const twice = p.wrt.find((q, i) => p.wrt?.indexOf(q) !== i);
      if (twice !== undefined) throw new InputError(`params.wrt: ${twice} appears twice`);
      if (p.count !== undefined) throw new InputError('params.count: only without params.wrt, which names the parameters');
    }
    if (p.count !== undefined && p.count > net.parameters.length) {
      throw new InputError(`params.count: ${p.count} parameters, but the network has ${net.parameters.length}`);
    }
    const wrt = p.wrt ?? drawn;
    const cost = net.lossExpr;
    const costSymbolic = costExpression(net);
    if (!cost || !costSymbolic) throw new Error('mse-partials: the network has no cost');
    const one = net.outputs.length === 1;
    const fLatex = ofLatex('f', 'mse');
    const dfdyhat = one ? '(\\hat{y} - y)' : '';
    const answers: Answer[] = [];
    const checks: Check[] = [];
    const steps: WorkedStep[] = [];
    const compact: Record<string, string> = {};
    // The key writes (ŷ − y): an answer may too, ŷ standing for the network's output.
    const names = outputNames(net);
    for (const partial of networkPartials(net, { wrt, cases: false })) {
      const q = partial.wrt;
      const label = partialLabelLatex('f', q, 'mse');
      const derivations = net.outputExprs.map((o) => derive(o, q));
      const compactExpr = compactCostPartial(net, derivations.map((d) => d.value));
      const short = toLatex(compactExpr);
      compact[q] = short;
      const given = answerFromSpec(ctx, q, partial.value);
      const cases = answerCases(given.value, label);
      answers.push({ id: q, label, ...given, ...(cases.cases ? { cases: cases.cases } : {}), notes: [`${label} = ${short}`, ...(cases.notes ?? [])], names });
      checks.push({ kind: 'derivative', answerId: q, f: cost, wrt: q });
      const yhatLabels = net.outputs.map((o) => partialLabelLatex(o, q, 'none'));
      steps.push({
        answerId: q,
        rule: 'chain-rule',
        because: one ? 'Chain rule through ŷ, with ∂f/∂ŷ = ŷ − y for f = ½(ŷ − y)².' : 'Chain rule through each output, with ∂f/∂ŷₖ = ŷₖ − yₖ for f = ½‖ŷ − y‖².',
        becauseLatex: one
          ? `Chain rule through ${m('\\hat{y}')}: ${m(`\\frac{\\partial ${fLatex}}{\\partial \\hat{y}} = \\hat{y} - y`)} for ${m(`${fLatex} = \\frac{1}{2}(\\hat{y} - y)^{2}`)}.`
          : `Chain rule through each output, with ${m(`\\frac{\\partial ${fLatex}}{\\partial \\hat{y}_{k}} = \\hat{y}_{k} - y_{k}`)}.`,
        latex: one
          ? `${label} = \\frac{\\partial ${fLatex}}{\\partial \\hat{y}} ${yhatLabels[0]} = ${dfdyhat} ${yhatLabels[0]}`
          : `${label} = ${net.outputs.map((o, k) => `(${nameLatex(o)} - ${nameLatex(net.targets[k])}) ${yhatLabels[k]}`).join(' + ')}`,
      });
      derivations.forEach((d, k) => {
        if (isZero(d.value)) return;
        const derived = pickSteps(d.steps, p.steps);
        steps.push(...workedSteps(derived, q).map((s, i) => (i === 0 ? { ...s, becauseLatex: `For ${m(yhatLabels[k])}: ${s.becauseLatex}` } : s)));
      });
      steps.push({ answerId: q, because: 'Put the factors together.', becauseLatex: 'Put the factors together:', latex: `${label} = ${short}` });
      // The cases in the compact form: the expanded ŷ would fill the line (the answer's cases keep it).
      const casesLines = answerCasesLines(label, compactExpr);
      if (casesLines) steps.push(reluCasesStep(casesLines, q, 'relu'));
    }
    const list = latexList(wrt.map((q) => partialLabelLatex('f', q, 'mse')));
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'mse-partials',
      title: ctx.title ?? 'Partial derivatives of the cost',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure.'),
        diagramFigure(net),
        ...networkDefinition(net),
        text(`From ${m(one ? '\\hat{y}' : '\\hat{\\mathbf{y}}')}, we compute the cost as`),
        math(`${fLatex} = ${toLatex(costSymbolic)}`),
        text(`Using the chain rule ${m(`\\frac{\\partial ${fLatex}}{\\partial p} = ${one ? `\\frac{\\partial ${fLatex}}{\\partial \\hat{y}} \\frac{\\partial \\hat{y}}{\\partial p}` : `\\sum_{k} \\frac{\\partial ${fLatex}}{\\partial \\hat{y}_{k}} \\frac{\\partial \\hat{y}_{k}}{\\partial p}`}`)}, find:`),
        math(list),
        space(Math.min(10, 2 + 2 * answers.length)),
      ],
      answers,
      steps,
      figures: [],
      checks,
      data: { ...networkData(net), wrt, compact },
    };
  },
});
