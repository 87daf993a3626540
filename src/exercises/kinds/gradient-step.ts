/**
 * One step of gradient descent by hand, as the lecture runs it on XOR: "For each minibatch:
 * compute all 9 partial derivatives (summed over all examples in the minibatch); update
 * w1 ← w1 − ε·∂f_MSE/∂w1, …, b3 ← b3 − ε·∂f_MSE/∂b3." Exact arithmetic throughout (ε = 1/10 gives
 * fractions, not floats). Values are drawn again until no ReLU argument is exactly 0 at an example
 * (relu′(0) = 0 is the lecture's convention, but at a kink a finite-difference check measures
 * nothing) and at least half of the partials are nonzero (a step that moves nothing teaches little).
 *
 * Params (numeric-net.ts): inputs, hidden, outputs (default 2-2-1), W1, b1, W2, b2, range, and
 *   activation  relu (default) | identity (a linear net)
 *   batch       the minibatch, 1–4 examples [{x: [0, 1], y: 1}, …] (default: drawn XOR points)
 *   batchSize   examples drawn when batch is not given (default by difficulty: 2, 3, 4)
 *   lr          ε, a number or text such as "1/10" (default 1/10)
 *   naming      lecture | indexed (the parameters' names)
 *   difficulty  easy | medium | hard: batch size 2/3/4, entries in [−2, 2], [−2, 2], [−3, 3]
 * Answers: `gradient` (Σ over the minibatch of ∂f/∂p, one entry per parameter in lecture order)
 *          and `updated` (the parameters after the step, same order).
 * data: { layers: number[], activation, naming, parameters: string[], initial: string[],
 *         batch: {x: string[], y: string[]}[], lr: string, perExample: string[][] (parameter ×
 *         example), gradient: string[], updated: string[] } (numbers as text such as "-3/10")
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, math, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { difficultySchema, namingSchema, type Difficulty } from '../network-params.js';
import { compactCostPartial, diagramFigure, parameterMatricesLatex } from '../network-content.js';
import { fillNet, givenNet, numericNetFields, preActivation, resolveRange, resolveSizes, type NumericNet, type Sizes } from '../numeric-net.js';
import { columnLatex, matrixLatex, numberLatex, parseNumberField } from '../numbers.js';
import { checkBatch, drawBatch, exactStep, exampleBindings, exampleSchema, outputsAt, parameterValues, parseBatch, type Example, type ExactStep } from '../minibatch.js';
import { gdStepLatex } from '../gd-latex.js';
import type { Expr } from '../../expr/types.js';
import type { AnticipatedMistake } from '../types.js';
import { add, num, vector } from '../../expr/build.js';
import { substitute } from '../../expr/traverse.js';
import { network, type Network } from '../../nn/network.js';
import { differentiate } from '../../calculus/differentiate.js';
import { nameLatex } from '../../print/names.js';
import { ratText, type Rational } from '../../rational.js';
import { InputError } from '../../errors.js';
import type { Rng } from '../../numeric/rng.js';
import { latexList } from '../../print/latex.js';

const params = z
  .object({
    ...numericNetFields,
    activation: z.enum(['relu', 'identity']).default('relu'),
    batch: z.array(exampleSchema).min(1).max(4).optional(),
    batchSize: z.number().int().min(1).max(4).optional(),
    lr: z.union([z.number(), z.string()]).default('1/10'),
    naming: namingSchema.default('lecture'),
    difficulty: difficultySchema.default('easy'),
  })
  .strict();

const LEVELS: Readonly<Record<Difficulty, { batchSize: number; range: readonly [number, number] }>> = {
  easy: { batchSize: 2, range: [-2, 2] },
  medium: { batchSize: 3, range: [-2, 2] },
  hard: { batchSize: 4, range: [-3, 3] },
};
const DEFAULT_SIZES: Sizes = { inputs: 2, hidden: 2, outputs: 1 };
/**
 * Draws before settling for a step that moves less than half the parameters (or giving up on a
 * kink-free one). Measured over seeds 1–500 for each difficulty: 4–6 draws on average, at most 47.
 */
const MAX_DRAWS = 200;

interface Chosen {
  readonly values: NumericNet;
  readonly batch: readonly Example[];
  readonly step: ExactStep;
}

/** A ReLU argument that is exactly 0 at an example, as text, or undefined. */
function kinkAt(values: NumericNet, batch: readonly Example[], activation: string): string | undefined {
  if (activation !== 'relu') return undefined;
  for (const [e, ex] of batch.entries()) {
    const i = preActivation(values, ex.x).findIndex((z) => z.n === 0n);
    if (i >= 0) return `z⁽¹⁾${i + 1} = 0 at example ${e + 1}`;
  }
  return undefined;
}

function choose(p: z.output<typeof params>, net: Network, sizes: Sizes, given: ReturnType<typeof givenNet>, batchGiven: Example[] | undefined, lr: Rational, rng: Rng): Chosen {
  const range = resolveRange(p.range, LEVELS[p.difficulty].range);
  const size = p.batchSize ?? LEVELS[p.difficulty].batchSize;
  const drawn = !given.W1 || !given.b1 || !given.W2 || !given.b2 || !batchGiven;
  let fallback: Chosen | undefined;
  let kink = '';
  for (let i = 0; i < (drawn ? MAX_DRAWS : 1); i++) {
    const values = fillNet(sizes, given, range, rng);
    const batch = batchGiven ?? drawBatch(rng, size, sizes);
    const k = kinkAt(values, batch, p.activation);
    if (k) {
      kink = k;
      continue;
    }
    const chosen = { values, batch, step: exactStep(net, parameterValues(net, values), batch, lr) };
    const moving = chosen.step.gradient.filter((g) => g.n !== 0n).length;
    if (moving * 2 >= chosen.step.gradient.length) return chosen;
    fallback ??= chosen;
  }
  if (fallback) return fallback;
  if (!drawn) throw new InputError(`params.b1: a ReLU argument is exactly 0 (${kink}); a kink there makes the step unverifiable, so change b1 or the batch`);
  // Some values were drawn, and every draw had a kink: a range such as [0, 0], or given values
  // that force one whatever is drawn (b1 = [0, 0] with x = (0, 0)). Name what the spec can change.
  const changes = [...(given.b1 ? ['change b1'] : []), ...(batchGiven ? ['change the batch'] : []), `widen params.range ([${range[0]}, ${range[1]}])`];
  const field = given.b1 ? 'params.b1' : batchGiven ? 'params.batch' : 'params.range';
  throw new InputError(
    `${field}: a ReLU argument is exactly 0 in each of ${MAX_DRAWS} draws (${kink}); a kink there makes the step unverifiable, so ${changes.slice(0, -1).join(', ')}${changes.length > 1 ? ' or ' : ''}${changes[changes.length - 1]}`,
  );
}

/** "w₁ = −11/10, w₂ = 4/5, …": the updated values by name, weights on one line, biases on another. */
function valueLines(net: Network, values: readonly Rational[]): string[] {
  return (['weight', 'bias'] as const)
    .map((kind) => latexList(net.parameters.flatMap((q, i) => (q.kind === kind ? [`${nameLatex(q.name)} = ${numberLatex(values[i])}`] : []))))
    .filter((line) => line !== '');
}

export const gradientStep = defineKind({
  kind: 'gradient-step',
  title: 'One step of gradient descent',
  summary: 'the summed minibatch gradient and one update p ← p − ε·∂f/∂p, exactly, on XOR by default',
  params,
  generate: (p, rng, ctx) => {
    const given = givenNet(p);
    const batchGiven = p.batch ? parseBatch(p.batch) : undefined;
    const first = batchGiven?.[0];
    const sizes = resolveSizes(p, given, DEFAULT_SIZES, {
      x: first && { length: first.x.length, field: 'params.batch[0].x' },
      y: first && { length: first.y.length, field: 'params.batch[0].y' },
    });
    if (batchGiven) checkBatch(batchGiven, sizes);
    // batchSize draws a batch; beside a given one it was ignored in silence, whatever its size.
    if (batchGiven && p.batchSize !== undefined) throw new InputError('params.batchSize: only without params.batch, which gives the examples');
    const lr = parseNumberField('params.lr', p.lr);
    if (lr.valueOf() <= 0) throw new InputError(`params.lr: the learning rate must be positive, got ${ratText(lr)}`);
    const layers = [sizes.inputs, sizes.hidden, sizes.outputs];
    const net = network({ layers, activation: p.activation, naming: p.naming, loss: 'mse' });
    const { values, batch, step } = choose(p, net, sizes, given, batchGiven, lr, rng);
    const cost = net.lossExpr;
    if (!cost) throw new Error('gradient-step: the network has no cost');
    const start = parameterValues(net, values);
    const names = net.parameters.map((q) => q.name);
    const initial = names.map((q) => {
      const v = start.get(q);
      if (v === undefined) throw new Error(`gradient-step: no value for ${q}`);
      return v;
    });

    // The gradient's check: the cost differentiated directly (not through (ŷ − y)·∂ŷ/∂p), each
    // example's data substituted, summed, then evaluated in floats at the parameter values.
    const summed = names.map((q) => {
      const d = differentiate(cost, q);
      return add(...batch.map((ex) => substitute(d, new Map([...exampleBindings(net, ex)].map(([k, v]) => [k, num(v)])))));
    });
    const paramExprs: Record<string, Expr> = Object.fromEntries(names.map((q, i) => [q, num(initial[i])]));
    const gradient = answerFromSpec(ctx, 'gradient', vector(step.gradient.map((g) => num(g))));
    const updated = answerFromSpec(ctx, 'updated', vector(step.updated.map((u) => num(u))));
    // The names with a break point after each comma: a 4-4-4 net has 40, which no line holds.
    const orderLatex = latexList(names.map(nameLatex), { gap: '' });
    const order = `\\text{in the order } ${orderLatex}`;
    const compact = names.map((q) => compactCostPartial(net, net.outputExprs.map((o) => differentiate(o, q))));
    const one = sizes.outputs === 1;
    const xor = sizes.inputs === 2 && one;
    const examplesLatex = latexList(
      batch.map((ex, e) => `\\mathbf{x}^{(${e + 1})} = ${columnLatex(ex.x)}, \\; ${one ? `y^{(${e + 1})} = ${numberLatex(ex.y[0])}` : `\\mathbf{y}^{(${e + 1})} = ${columnLatex(ex.y)}`}`),
    );
    const texts = (v: readonly Rational[]): string[] => v.map(ratText);
    const mistakes = stepMistakes(initial, step, lr);
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'gradient-step',
      title: ctx.title ?? 'One step of gradient descent',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure,'),
        diagramFigure(net),
        math(`{${one ? '\\hat{y}' : '\\hat{\\mathbf{y}}'} = \\mathbf{W}^{(2)} ${p.activation === 'relu' ? '\\operatorname{ReLU}' : ''}\\left(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}\\right) + \\mathbf{b}^{(2)}}, \\qquad\\allowbreak ${parameterMatricesLatex(net)}`),
        text('whose parameters are currently'),
        math(latexList([`\\mathbf{W}^{(1)} = ${matrixLatex(values.W1)}`, `\\mathbf{b}^{(1)} = ${columnLatex(values.b1)}`, `\\mathbf{W}^{(2)} = ${matrixLatex(values.W2)}`, `\\mathbf{b}^{(2)} = ${columnLatex(values.b2)}`])),
        text(batchGiven || !xor ? 'Take the minibatch' : 'Take the minibatch of XOR points'),
        math(examplesLatex),
        text(
          `with the cost ${m(one ? 'f_{\\text{MSE}} = \\frac{1}{2}(\\hat{y} - y)^{2}' : 'f_{\\text{MSE}} = \\frac{1}{2}\\lVert \\hat{\\mathbf{y}} - \\mathbf{y} \\rVert^{2}')}. Compute all ${names.length} partial derivatives ${m('\\frac{\\partial f_{\\text{MSE}}}{\\partial p}')} summed over the minibatch, then do one update ${m('p \\leftarrow p - \\epsilon \\frac{\\partial f_{\\text{MSE}}}{\\partial p}')} with ${m(`\\epsilon = ${numberLatex(lr)}`)}. Give the summed gradient and the updated parameters in the order ${m(orderLatex)}.`,
        ),
        space(12),
      ],
      answers: [
        { id: 'gradient', label: '\\sum_{\\text{minibatch}} \\frac{\\partial f_{\\text{MSE}}}{\\partial p}', ...gradient, notes: [order], mistakes: mistakes.gradient },
        {
          id: 'updated',
          label: 'p - \\epsilon \\sum_{\\text{minibatch}} \\frac{\\partial f_{\\text{MSE}}}{\\partial p}',
          ...updated,
          notes: [order, ...(updated.fromSpec ? [] : valueLines(net, step.updated))],
          mistakes: mistakes.updated,
        },
      ],
      steps: gdStepLatex({ net, start, batch, step, lr, compact, outputs: (ex) => outputsAt(net, start, ex), z1: (ex) => preActivation(values, ex.x) }),
      figures: [],
      checks: [
        { kind: 'value', answerId: 'gradient', expr: vector(summed), bindings: paramExprs },
        {
          kind: 'gd-step',
          answerId: 'updated',
          loss: cost,
          params: paramExprs,
          batch: batch.map((ex) => Object.fromEntries([...exampleBindings(net, ex)].map(([k, v]) => [k, num(v)]))),
          lr: num(lr),
        },
      ],
      data: {
        layers,
        activation: p.activation,
        naming: p.naming,
        parameters: names,
        initial: texts(initial),
        batch: batch.map((ex) => ({ x: texts(ex.x), y: texts(ex.y) })),
        lr: ratText(lr),
        perExample: step.perExample.map(texts),
        gradient: texts(step.gradient),
        updated: texts(step.updated),
      },
    };
  },
});

/**
 * The wrong answers a minibatch step invites, with what to say: one example's gradient for the
 * sum, the mean for the sum, and for the update also no step at all and a step without ε. Each is
 * exact (rationals), as the right answer is.
 */
function stepMistakes(initial: readonly Rational[], step: ExactStep, lr: Rational): { gradient: AnticipatedMistake[]; updated: AnticipatedMistake[] } {
  const n = step.perExample[0]?.length ?? 0;
  const column = (qs: readonly Rational[]): Expr => vector(qs.map((q) => num(q)));
  const stepWith = (g: readonly Rational[]): Expr => column(initial.map((p, i) => p.sub(lr.mul(g[i]))));
  const examples = Array.from({ length: n > 1 ? n : 0 }, (_, e) => step.perExample.map((row) => row[e]));
  const mean = step.gradient.map((g) => g.div(n));
  const sumRule = `the minibatch's gradient sums ∂f/∂p over its ${n} examples`;
  return {
    gradient: [
      ...examples.map((g, e) => ({ id: 'single-example' as const, value: column(g), message: `This is ∂f/∂p at example ${e + 1} only: ${sumRule}.` })),
      ...(n > 1 ? [{ id: 'mean-gradient' as const, value: column(mean), message: `This is the mean of ∂f/∂p over the minibatch: here ${sumRule}, not their average.` }] : []),
    ],
    updated: [
      { id: 'no-update', value: column(initial), message: 'These are the parameters before the step: each one moves to p − ε ∂f/∂p.' },
      { id: 'missing-learning-rate', value: column(initial.map((p, i) => p.sub(step.gradient[i]))), message: `The step leaves out the learning rate: p ← p − ε ∂f/∂p with ε = ${ratText(lr)}.` },
      ...examples.map((g, e) => ({ id: 'single-example' as const, value: stepWith(g), message: `This step uses ∂f/∂p at example ${e + 1} only: ${sumRule}.` })),
      ...(n > 1 ? [{ id: 'mean-gradient' as const, value: stepWith(mean), message: `This step uses the mean of ∂f/∂p over the minibatch: here ${sumRule}, not their average.` }] : []),
    ],
  };
}
