/**
 * The lecture's scalar chain-rule exercise: "Suppose σ is a differentiable function with
 * derivative σ′. What is the derivative of vσ(uw + z) with respect to w?" (answer uvσ′(uw + z)).
 * Without an expression in the spec, a random one of the same shape: a·φ(b·t + c) with a
 * random activation and letters.
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { abstractFunctionsText, definedField, m, parseField, space, text, workedSteps } from '../content.js';
import { abstractNames } from '../../numeric/sampling.js';
import { derive } from '../../calculus/differentiate.js';
import { placeholders } from '../../calculus/rules.js';
import { freeSymbols, hasVectorOrMatrix } from '../../expr/traverse.js';
import { nameLatex } from '../../print/names.js';
import { derivativeOfLatex, toLatex } from '../../print/latex.js';
import { InputError } from '../../errors.js';
import { answerFromSpec } from '../answers.js';
import type { Rng } from '../../numeric/rng.js';

const params = z
  .object({
    /** The expression to differentiate (default: random, of the lecture's shape). */
    expr: z.string().optional(),
    /** The variable (default: the lecture's w, or the random expression's). */
    wrt: z.string().optional(),
    /** For random expressions: the outer function. */
    activation: z.enum(['sigma', 'relu', 'sigmoid', 'tanh', 'exp']).optional(),
  })
  .strict();

const LETTERS = [
  ['v', 'u', 'w', 'z'],
  ['a', 'b', 't', 'c'],
  ['p', 'q', 's', 'r'],
] as const;

function randomExpression(rng: Rng, activation: string | undefined): { source: string; wrt: string } {
  const [outer, inner, variable, shift] = rng.pick(LETTERS);
  const fn = activation ?? rng.pick(['sigma', 'sigma', 'tanh', 'sigmoid', 'relu']);
  const shape = rng.int(0, 2);
  const source =
    shape === 0
      ? `${outer}*${fn}(${inner}*${variable} + ${shift})`
      : shape === 1
        ? `${outer}*${fn}(${inner}*${variable} - ${shift})`
        : `${fn}(${inner}*${variable} + ${shift})*${outer}`;
  return { source, wrt: variable };
}

export const chainRule = defineKind({
  kind: 'chain-rule',
  title: 'The chain rule',
  summary: 'd/dw of an expression such as vσ(uw + z), with the steps',
  params,
  generate: (p, rng, ctx) => {
    const picked = p.expr === undefined ? randomExpression(rng, p.activation) : { source: p.expr, wrt: p.wrt ?? 'w' };
    const f = parseField('params.expr', picked.source);
    if (hasVectorOrMatrix(f)) throw new InputError(`params.expr: '${picked.source}' is a vector or matrix; the chain rule exercise differentiates a scalar expression`);
    const wrt = p.wrt ?? picked.wrt;
    const vars = freeSymbols(f);
    if (wrt === 'pi' || wrt === 'e') throw new InputError(`params.wrt: '${wrt}' is the constant ${wrt === 'pi' ? 'π' : 'e'}, not a variable; differentiate with respect to one of ${vars.join(', ') || 'the variables'}`);
    if (!vars.includes(wrt)) throw new InputError(`params.wrt: '${wrt}' does not occur in ${picked.source}`);
    if (p.expr !== undefined) definedField('params.expr', f);
    const d = derive(f, wrt);
    const [constant, inner] = placeholders([f], 'c', 'z');
    const value = answerFromSpec(ctx, 'a', d.value);
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'chain-rule',
      title: ctx.title ?? 'The chain rule',
      points: ctx.points,
      prompt: [
        ...abstractFunctionsText('Suppose', abstractNames(f)),
        text(
          `What is the derivative of ${m(f)} with respect to ${m(nameLatex(wrt))} (where ${vars.map((v) => m(nameLatex(v))).join(', ')} ${vars.length === 1 ? 'is a scalar' : 'are all scalars'})?`,
        ),
        space(3),
      ],
      answers: [{ id: 'a', label: derivativeOfLatex(wrt, f), ...value }],
      steps: workedSteps(d.steps, 'a'),
      figures: [],
      checks: [{ kind: 'derivative', answerId: 'a', f, wrt }],
      // The method's general form c·σ(z) in the letters the worked steps use (c·σ(s) when z is taken).
      data: { expr: toLatex(f), wrt, c: constant, inner },
    };
  },
});
