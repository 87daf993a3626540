/**
 * "Crucial role of non-linearity": without activations, g(x) = W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾
 * = (W⁽²⁾W⁽¹⁾)x + W⁽²⁾b⁽¹⁾ + b⁽²⁾ = Wx + b (the lecture's three lines, from src/nn/collapse.ts),
 * for d weight layers. With values 'symbolic' the answers are W and b entry by entry in the
 * parameters' names (lecture naming: W = [w5w1 + w6w3, w5w2 + w6w4] for 2-2-1); with 'integers'
 * the parameters are small random integer matrices and W, b are numbers to compute by hand.
 *
 * Checks, independent of the matrix algebra that produced W and b: W is the Jacobian of the
 * network g(x) itself (built neuron by neuron, finite differences), b is g(0); with integers also
 * the formulas W⁽ᵈ⁾⋯W⁽¹⁾ and W⁽ᵈ⁾⋯b⁽¹⁾ + ⋯ + b⁽ᵈ⁾ evaluated in plain floats.
 *
 * data: { layers (widths, input first), bias, values: 'symbolic' | 'integers', naming,
 *         parameters: {W1, b1, W2, …} as matrices (Expr), WFormula, bFormula: LaTeX }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { answerFromSpec } from '../answers.js';
import { linearCollapse } from '../../nn/collapse.js';
import { network } from '../../nn/network.js';
import { expandMatrix, type ScalarMatrix } from '../../linalg/expand.js';
import { matrixToLatex } from '../../linalg/print-latex.js';
import { add, int, matrix, mul, num, sym } from '../../expr/build.js';
import { substitute } from '../../expr/traverse.js';
import { simplify } from '../../simplify/simplify.js';
import { InputError } from '../../errors.js';
import { collapsePrompt, collapseSteps, type CollapseProblem } from './linear-collapse-content.js';
import type { Expr } from '../../expr/types.js';
import type { MatSymbol } from '../../linalg/types.js';
import type { Check } from '../types.js';
import type { Rng } from '../../numeric/rng.js';

/** Widths up to 4 and depth up to 4 keep W's entries (sums of products) short enough to write. */
const MAX_WIDTH = 4;
const MAX_DEPTH = 4;

const params = z
  .object({
    /** Layer widths, input first: [2, 2, 1] is d = 2 weight layers (default: random widths). */
    layers: z.array(z.number().int().min(1).max(MAX_WIDTH)).min(3).max(MAX_DEPTH + 1).optional(),
    /** Random widths only: d, the number of weight layers (default 2). */
    depth: z.number().int().min(2).max(MAX_DEPTH).optional(),
    /** Random widths only: the largest width (default 3). */
    maxWidth: z.number().int().min(1).max(MAX_WIDTH).optional(),
    /** Biases on every layer (default true). */
    bias: z.boolean().optional(),
    /** symbolic (default): W and b in the parameters' names; integers: random integer matrices. */
    values: z.enum(['symbolic', 'integers']).optional(),
    /** integers only: entries from [−range, range] (default 3). */
    range: z.number().int().min(1).max(9).optional(),
    /** Names of the scalar parameters: lecture (w1, w2, …; default) or indexed (W1_2_1). */
    naming: z.enum(['lecture', 'indexed']).optional(),
  })
  .strict();

type Params = z.output<typeof params>;

function pickLayers(p: Params, rng: Rng): number[] {
  if (p.layers) {
    const extra = (['depth', 'maxWidth'] as const).find((k) => p[k] !== undefined);
    if (extra) throw new InputError(`params.${extra}: only for random widths; remove it or remove params.layers`);
    return [...p.layers];
  }
  const d = p.depth ?? 2;
  const most = p.maxWidth ?? 3;
  // An input of width 1 would make W a column and the exercise look like scalar algebra.
  return Array.from({ length: d + 1 }, () => rng.int(1, most)).map((w, i) => (i === 0 ? Math.min(most, Math.max(2, w)) : w));
}

export const linearCollapseKind = defineKind({
  kind: 'linear-collapse',
  title: 'The crucial role of non-linearity',
  summary: 'without activations, layers collapse: W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ = Wx + b',
  params,
  generate: (p, rng, ctx) => {
    if (p.values !== 'integers' && p.range !== undefined) throw new InputError('params.range: only with values: integers');
    const layers = pickLayers(p, rng);
    const bias = p.bias ?? true;
    const integers = p.values === 'integers';
    const d = layers.length - 1;
    const lc = linearCollapse({ layers, bias });
    const net = network({ layers, activation: 'identity', bias, naming: p.naming ?? 'lecture' });
    const range = p.range ?? 3;
    const value = (name: string): Expr => (integers ? int(rng.int(-range, range)) : sym(name));
    const Ws: ScalarMatrix[] = net.weights.map((W) => W.map((row) => row.map(value)));
    const bs: ScalarMatrix[] = net.biases.map((b) => b.map((n) => [value(n)]));
    const bind = (s: MatSymbol): ScalarMatrix | undefined =>
      s.layer === undefined ? undefined : s.name === 'W' ? Ws[s.layer - 1] : s.name === 'b' ? bs[s.layer - 1] : undefined;
    const toMatrix = (m: ScalarMatrix): Expr => matrix(m.length, m[0].length, m.flat());
    const tidy = (m: ScalarMatrix): Expr => matrix(m.length, m[0].length, m.flat().map((e) => (integers ? simplify(e) : e)));
    const W = tidy(expandMatrix(lc.WExpr, bind));
    const b = lc.bExpr ? tidy(expandMatrix(lc.bExpr, bind)) : undefined;

    // The network neuron by neuron, with the chosen values: the independent oracle for W and b.
    const values = new Map<string, Expr>();
    net.weights.forEach((Wl, l) => Wl.forEach((row, i) => row.forEach((n, j) => values.set(n, Ws[l][i][j]))));
    net.biases.forEach((bl, l) => bl.forEach((n, i) => values.set(n, bs[l][i][0])));
    const g = net.outputExprs.map((o) => substitute(o, values));
    const atZero = new Map(net.inputs.map((x) => [x, num(0)]));
    const gColumn = (at: ReadonlyMap<string, Expr>): Expr => matrix(g.length, 1, g.map((o) => substitute(o, at)));

    const parameters: Record<string, Expr> = {};
    Ws.forEach((m, l) => (parameters[`W${l + 1}`] = toMatrix(m)));
    if (bias) bs.forEach((m, l) => (parameters[`b${l + 1}`] = toMatrix(m)));
    const problem: CollapseProblem = { layers, bias, integers, collapse: lc, parameters, W, b, naming: net.spec.naming };

    const checks: Check[] = [{ kind: 'jacobian', answerId: 'W', f: g.length === 1 ? g[0] : matrix(g.length, 1, g), vars: net.inputs }];
    if (integers) checks.push({ kind: 'value', answerId: 'W', expr: mul(...Array.from({ length: d }, (_, k) => sym(`W${d - k}`))), bindings: parameters });
    if (b) {
      checks.push({ kind: 'identity', answerId: 'b', expr: gColumn(atZero) });
      if (integers) {
        // b = Σₗ W⁽ᵈ⁾⋯W⁽ˡ⁺¹⁾b⁽ˡ⁾, as the lecture's second line reads.
        const terms = Array.from({ length: d }, (_, l) => mul(...Array.from({ length: d - l - 1 }, (_, k) => sym(`W${d - k}`)), sym(`b${l + 1}`)));
        checks.push({ kind: 'value', answerId: 'b', expr: add(...terms), bindings: parameters });
      }
    }
    const shape = (e: Expr): string => (e.kind === 'matrix' ? `${e.rows} \\times ${e.cols}` : '1 \\times 1');
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'linear-collapse',
      title: ctx.title ?? 'The crucial role of non-linearity',
      points: ctx.points,
      prompt: collapsePrompt(problem),
      answers: [
        { id: 'W', label: '\\mathbf{W}', ...answerFromSpec(ctx, 'W', W), notes: [`\\mathbf{W} = ${matrixToLatex(lc.WExpr)} \\quad (${shape(W)})`] },
        ...(b && lc.bExpr ? [{ id: 'b', label: '\\mathbf{b}', ...answerFromSpec(ctx, 'b', b), notes: [`\\mathbf{b} = ${matrixToLatex(lc.bExpr)} \\quad (${shape(b)})`] }] : []),
      ],
      steps: collapseSteps(problem),
      figures: [],
      checks,
      data: {
        layers,
        bias,
        values: integers ? 'integers' : 'symbolic',
        naming: net.spec.naming,
        parameters,
        WFormula: matrixToLatex(lc.WExpr),
        bFormula: lc.bExpr ? matrixToLatex(lc.bExpr) : undefined,
      },
    };
  },
});
