/**
 * The chain rule of Jacobians by both of the lecture's methods ("Chain rule of multivariate
 * calculus: example"): with f(u) = [u₁ − 2u₂ + u₃/4] and g(x) = [x₁ + 2x₂, x₂, −x₁ + 3],
 *   1. substitute: f∘g(x) = x₁ + 2x₂ − 2(x₂) + (−x₁ + 3)/4 = 3/4(x₁ + 1), so ∂(f∘g)/∂x = [3/4 0];
 *   2. multiply:   ∂f/∂g · ∂g/∂x = [1 −2 1/4]·[1 2; 0 1; −1 0] = [3/4 0];
 * and the order matters: ∂g/∂x · ∂f/∂g is 3×2 times 1×3, not defined. The lecture names f's
 * inputs x₁, x₂, x₃ too; here they are u₁…uₘ so that f's and g's variables stay apart.
 * Without `outer`/`inner`, a random pair of the chosen sizes and difficulty.
 *
 * Answers: J = ∂(f∘g)/∂x, fg = f∘g(x), dfdg = ∂f/∂g (in u; the key notes its value at u = g(x)
 * when that differs), dgdx = ∂g/∂x.
 * data: { outer, inner: the outputs of f and g (Expr[]), outerVars, vars (string[]),
 *         shapes: {outer: [n, m], inner: [m, k]}, wrongOrder: {kind, reason} }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { answerFromSpec } from '../answers.js';
import { definedField } from '../content.js';
import { chainRule, type ChainResult } from '../../calculus/chain.js';
import { vector } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import { substitute } from '../../expr/traverse.js';
import { toLatex } from '../../print/latex.js';
import { InputError } from '../../errors.js';
import { BOUNDED_ACTIVATIONS, DIFFICULTIES, randomOutputs } from '../random-functions.js';
import { asFunction, parseOutputs, rejectRandomFields, resolveVars } from '../jacobian-content.js';
import { chainPrompt, chainSteps, entryLines, wrongOrderNote, type Pair } from './jacobian-chain-content.js';
import type { Expr } from '../../expr/types.js';
import { fitsALine } from '../../print/width.js';
import type { Rng } from '../../numeric/rng.js';

const params = z
  .object({
    /** f in its own variables, e.g. "[u1 - 2*u2 + u3/4]" (default: random). */
    outer: z.string().optional(),
    /** f's variables, which g fills in (default: f's symbols, u1 before u2). */
    outerVars: z.array(z.string()).optional(),
    /** g, e.g. "[x1 + 2*x2, x2, -x1 + 3]" (default: random). */
    inner: z.string().optional(),
    /** g's variables (default: g's symbols). */
    vars: z.array(z.string()).optional(),
    /** Random pairs only: n, the number of outputs of f (default 1). */
    outputs: z.number().int().min(1).max(3).optional(),
    /** Random pairs only: m, the outputs of g = the inputs of f (default 2 or 3). */
    middle: z.number().int().min(1).max(4).optional(),
    /** Random pairs only: k, the inputs of g (default 2). */
    inputs: z.number().int().min(1).max(3).optional(),
    /** Random pairs only: linear (default, as in the lecture), polynomial (f or g) or activations (in f). */
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** Random pairs only: coefficients from ±[1, range] (default 3). */
    range: z.number().int().min(1).max(9).optional(),
  })
  .strict();

type Params = z.output<typeof params>;

function pickPair(p: Params, rng: Rng): Pair {
  if (p.outer !== undefined || p.inner !== undefined) {
    if (p.outer === undefined || p.inner === undefined) throw new InputError(`params.${p.outer === undefined ? 'outer' : 'inner'}: give both outer and inner, or neither for a random pair`);
    rejectRandomFields(p, ['outputs', 'middle', 'inputs', 'difficulty', 'range'], 'outer');
    const outer = parseOutputs('params.outer', p.outer);
    const inner = parseOutputs('params.inner', p.inner);
    const vars = resolveVars('params.vars', p.vars, inner, p.outerVars);
    const outerVars = resolveVars('params.outerVars', p.outerVars, outer, vars);
    // f and g each have values, but g may never land where f has one (sqrt(u) of −1 − x²).
    const bindings = new Map(outerVars.map((u, i) => [u, inner[i]]));
    if (outerVars.length === inner.length) definedField('params.inner', asFunction(outer.map((o) => substitute(o, bindings))), 'f(g(x))');
    return { outer, outerVars, inner, vars };
  }
  if (p.outerVars || p.vars) throw new InputError(`params.${p.outerVars ? 'outerVars' : 'vars'}: only with a given outer and inner`);
  const m = p.middle ?? rng.int(2, 3);
  const k = p.inputs ?? 2;
  const difficulty = p.difficulty ?? 'linear';
  const range = p.range ?? 3;
  const outerVars = Array.from({ length: m }, (_, i) => `u${i + 1}`);
  const vars = Array.from({ length: k }, (_, i) => `x${i + 1}`);
  // f's coefficients may be fractions' denominators in the lecture (u₃/4); small integers suffice here.
  // Only one side is non-linear: a polynomial of polynomials (or σ′ of one) is no longer hand
  // work. Activations go in f, as in a network; a polynomial goes on either side.
  const nonlinearInner = difficulty === 'polynomial' && rng.next() < 0.5;
  const outer = randomOutputs(rng, { outputs: p.outputs ?? 1, vars: outerVars, difficulty: nonlinearInner ? 'linear' : difficulty, range, activations: BOUNDED_ACTIVATIONS });
  const inner = randomOutputs(rng, { outputs: m, vars, difficulty: nonlinearInner ? 'polynomial' : 'linear', range });
  return { outer, outerVars, inner, vars };
}

/** Both methods; a problem chainRule rejects (f mentions x, sizes differ) is the spec's error. */
function solve(pair: Pair, rng: Rng): ChainResult {
  try {
    return chainRule({ outer: vector(pair.outer), outerVars: pair.outerVars, inner: vector(pair.inner), vars: pair.vars }, { rng: rng.fork('chain') });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`params: ${e.message}`);
    throw e;
  }
}

/** ∂f/∂g at u = g(x), for the key: one line, or its entries one a line when too wide for one. */
function atInnerNotes(value: Expr): string[] {
  // The line reads "at u = g(x): [ … ]"; entry by entry each line is "(∂f/∂g)ᵢⱼ|_{u = g(x)} = …".
  const whole = `\\text{at } \\mathbf{u} = g(\\mathbf{x})\\text{: } ${toLatex(value)}`;
  if (fitsALine(whole)) return [whole];
  const lines = entryLines('\\frac{\\partial f}{\\partial g}', [value], { always: true, after: '\\Big|_{\\mathbf{u} = g(\\mathbf{x})}' }) ?? [];
  return ['\\text{at } \\mathbf{u} = g(\\mathbf{x})\\text{, entry by entry:}', ...lines];
}

export const jacobianChain = defineKind({
  kind: 'jacobian-chain',
  title: 'The chain rule of Jacobians',
  summary: '∂(f∘g)/∂x by substitution and as ∂f/∂g · ∂g/∂x, and why the order matters',
  params,
  generate: (p, rng, ctx) => {
    const pair = pickPair(p, rng);
    const g = vector(pair.inner);
    const c = solve(pair, rng);
    const n = pair.outer.length;
    const composition = c.composition.kind === 'vector' && n === 1 ? c.composition.items[0] : c.composition;
    const bindings = new Map(pair.outerVars.map((u, i) => [u, pair.inner[i]]));
    const rawComposition = asFunction(pair.outer.map((o) => substitute(o, bindings)));
    const atInner = !equal(c.outerJacobian, c.outerAtInner);
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'jacobian-chain',
      title: ctx.title ?? 'The chain rule of Jacobians',
      points: ctx.points,
      prompt: chainPrompt(pair, n),
      answers: [
        {
          id: 'J',
          label: '\\frac{\\partial (f \\circ g)}{\\partial \\mathbf{x}}',
          ...answerFromSpec(ctx, 'J', c.product),
          notes: [
            '\\frac{\\partial (f \\circ g)}{\\partial \\mathbf{x}} = \\frac{\\partial f}{\\partial g}\\,\\frac{\\partial g}{\\partial \\mathbf{x}}',
            wrongOrderNote(c.wrongOrder),
          ],
        },
        { id: 'fg', label: 'f \\circ g(\\mathbf{x})', ...answerFromSpec(ctx, 'fg', composition) },
        {
          id: 'dfdg',
          label: '\\frac{\\partial f}{\\partial g}',
          ...answerFromSpec(ctx, 'dfdg', c.outerJacobian),
          ...(atInner ? { notes: atInnerNotes(c.outerAtInner) } : {}),
        },
        { id: 'dgdx', label: '\\frac{\\partial g}{\\partial \\mathbf{x}}', ...answerFromSpec(ctx, 'dgdx', c.innerJacobian) },
      ],
      steps: chainSteps(c, composition, rawComposition),
      figures: [],
      checks: [
        // Method 1 as the independent oracle for method 2: finite differences of f(g(x)) itself.
        { kind: 'jacobian', answerId: 'J', f: rawComposition, vars: pair.vars },
        { kind: 'identity', answerId: 'J', expr: c.substitutedJacobian },
        { kind: 'identity', answerId: 'fg', expr: rawComposition },
        { kind: 'jacobian', answerId: 'dfdg', f: asFunction(pair.outer), vars: pair.outerVars },
        { kind: 'jacobian', answerId: 'dgdx', f: g, vars: pair.vars },
      ],
      data: {
        outer: pair.outer,
        inner: pair.inner,
        outerVars: pair.outerVars,
        vars: pair.vars,
        shapes: { outer: [n, pair.outerVars.length], inner: [pair.inner.length, pair.vars.length] },
        wrongOrder: { kind: c.wrongOrder.kind, reason: c.wrongOrder.reason },
      },
    };
  },
});
