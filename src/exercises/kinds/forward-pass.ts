/**
 * A forward pass with biases, by the numbers, as the lecture's "Exercise: bias terms":
 *   What will ŷ be for x = [1 0 −2]ᵀ, ŷ = g(x) = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾,
 *   W⁽¹⁾ = [1 0 1; −1 2 3], b⁽¹⁾ = [−1; 2], W⁽²⁾ = [1 −1; −1 1], b⁽²⁾ = [0; 1]   (σ = ReLU)
 * Answer ŷ = [0; 1], exactly: z⁽¹⁾ = [−2; −5], h⁽¹⁾ = [0; 0]. Arithmetic is rational; with the
 * sigmoid or tanh the answer is exact in their values (sigmoid(−2) − sigmoid(−5)) and the key
 * adds decimals. The check re-evaluates W2*σ(W1*x + b1) + b2 with a plain float evaluator.
 *
 * Params (numeric-net.ts): inputs, hidden, outputs, W1, b1, W2, b2, range, and
 *   x           the input, "[1, 0, -2]" (default: drawn)
 *   activation  relu (default) | sigmoid | tanh | identity
 *   preset      lecture: the lecture's numbers (fields given beside it override them)
 *   difficulty  easy (3-2-2, entries in [−2, 2]) | medium (3-3-2, [−3, 3]) | hard (4-3-2, [−4, 4])
 * Answers: `yhat` (a column, or a number for one output).
 * data: { sizes: [inputs, hidden, outputs], activation, x: string[], W1: string[][], b1: string[],
 *         W2: string[][], b2: string[], z1: string[], h1: string[], yhat: string[] } (text forms)
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { andList, m, math, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { difficultySchema, type Difficulty } from '../network-params.js';
import { exactActivation, fillNet, givenNet, numericNetFields, preActivation, resolveRange, resolveSizes, type NumericNet, type Sizes } from '../numeric-net.js';
import { columnLatex, matrixExpr, columnExpr, matrixLatex, parseVectorField, randomIntVector, type QVector } from '../numbers.js';
import type { Expr } from '../../expr/types.js';
import type { AnticipatedMistake } from '../types.js';
import { add, call, matrix, mul, num, sym } from '../../expr/build.js';
import { simplify } from '../../simplify/simplify.js';
import { bmatrixLatex, functionNameLatex, latexList, toLatex } from '../../print/latex.js';
import { fitsALine } from '../../print/width.js';
import { toText } from '../../print/text.js';
import { floatValue } from '../../numeric/float-matrix.js';
import { floatText } from '../../numeric/value-format.js';
import { networkDiagramLayout } from '../../pictures/index.js';
import { edgeWeights } from '../network-content.js';
import { ratText } from '../../rational.js';
import type { Rng } from '../../numeric/rng.js';

const params = z
  .object({
    ...numericNetFields,
    x: z.union([z.string(), z.number()]).optional(),
    activation: z.enum(['relu', 'sigmoid', 'tanh', 'identity']).default('relu'),
    preset: z.enum(['lecture']).optional(),
    difficulty: difficultySchema.default('easy'),
  })
  .strict();

const LEVELS: Readonly<Record<Difficulty, { sizes: Sizes; range: readonly [number, number] }>> = {
  easy: { sizes: { inputs: 3, hidden: 2, outputs: 2 }, range: [-2, 2] },
  medium: { sizes: { inputs: 3, hidden: 3, outputs: 2 }, range: [-3, 3] },
  hard: { sizes: { inputs: 4, hidden: 3, outputs: 2 }, range: [-4, 4] },
};

/** The lecture's "Exercise: bias terms". */
export const LECTURE_FORWARD = { x: '[1, 0, -2]', W1: '[1, 0, 1; -1, 2, 3]', b1: '[-1, 2]', W2: '[1, -1; -1, 1]', b2: '[0, 1]' } as const;

/** Draws until ReLU both passes and blocks something (a pass where every unit is 0 teaches less). */
const MAX_DRAWS = 50;

interface Pass {
  readonly z1: QVector;
  /** h⁽¹⁾ entries: numbers where the activation is rational there, else sigmoid(−2) etc. */
  readonly h1: readonly Expr[];
  readonly yhat: readonly Expr[];
}

function forward(net: NumericNet, x: QVector, act: string): Pass {
  const z1 = preActivation(net, x);
  const h1 = z1.map((z) => {
    const q = exactActivation(act, z);
    return q === undefined ? call(act, [num(z)]) : num(q);
  });
  const yhat = net.W2.map((row, k) => simplify(add(...row.map((w, j) => mul(num(w), h1[j])), num(net.b2[k]))));
  return { z1, h1, yhat };
}

/** The slips of a forward pass: what ŷ comes out as when a step is skipped or misplaced. */
interface Slips {
  /** σ not applied: h⁽¹⁾ = z⁽¹⁾. */
  readonly noActivation?: boolean;
  readonly noB1?: boolean;
  readonly noB2?: boolean;
  /** σ applied to ŷ too. */
  readonly outputActivation?: boolean;
  /** h⁽¹⁾ = σ(W⁽¹⁾x) + b⁽¹⁾. */
  readonly biasAfterActivation?: boolean;
}

function slippedPass(net: NumericNet, x: QVector, act: string, slips: Slips): Expr[] {
  const activate = (e: Expr): Expr => (act === 'identity' || slips.noActivation ? e : simplify(call(act, [e])));
  const Wx = net.W1.map((row) => add(...row.map((w, j) => mul(num(w), num(x[j])))));
  const h1 = Wx.map((wx, i) => {
    const b = slips.noB1 ? num(0) : num(net.b1[i]);
    return simplify(slips.biasAfterActivation ? add(activate(simplify(wx)), b) : activate(simplify(add(wx, b))));
  });
  return net.W2.map((row, k) => {
    const y = simplify(add(...row.map((w, j) => mul(num(w), h1[j])), slips.noB2 ? num(0) : num(net.b2[k])));
    return slips.outputActivation ? activate(y) : y;
  });
}

/**
 * The forward pass's anticipated wrong answers. One that equals the right answer (b⁽¹⁾ left out
 * where ReLU zeroes the layer anyway) is never matched; the single slips come before both biases.
 */
function passMistakes(net: NumericNet, x: QVector, act: string, name: string): AnticipatedMistake[] {
  const slip = (s: Slips): Expr => vectorOf(slippedPass(net, x, act, s));
  const sigma = act === 'identity' ? undefined : act === 'relu' ? 'ReLU' : act;
  return [
    ...(sigma
      ? [
          { id: 'missing-activation' as const, value: slip({ noActivation: true }), message: `This is ${name} without the activation: the hidden layer is h⁽¹⁾ = ${sigma}(z⁽¹⁾), and W⁽²⁾ multiplies h⁽¹⁾, not z⁽¹⁾.` },
          { id: 'bias-after-activation' as const, value: slip({ biasAfterActivation: true }), message: `b⁽¹⁾ was added after ${sigma}; it goes inside, with the weighted inputs: h⁽¹⁾ = ${sigma}(W⁽¹⁾x + b⁽¹⁾).` },
          { id: 'output-activation' as const, value: slip({ outputActivation: true }), message: `${sigma} was applied to the output too; here ${name} = W⁽²⁾h⁽¹⁾ + b⁽²⁾, with no activation at the output.` },
        ]
      : []),
    { id: 'missing-bias' as const, value: slip({ noB1: true }), message: 'The bias b⁽¹⁾ is left out: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾.' },
    { id: 'missing-bias' as const, value: slip({ noB2: true }), message: `The bias b⁽²⁾ is left out: ${name} = W⁽²⁾h⁽¹⁾ + b⁽²⁾.` },
    { id: 'missing-bias' as const, value: slip({ noB1: true, noB2: true }), message: `Both biases are left out: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ and ${name} = W⁽²⁾h⁽¹⁾ + b⁽²⁾.` },
  ];
}

/** A pass worth doing by hand: with ReLU, at least one unit on, and one off when there are two. */
function instructive(pass: Pass, act: string): boolean {
  if (act !== 'relu') return true;
  const on = pass.z1.filter((z) => z.valueOf() > 0).length;
  return on >= 1 && (pass.z1.length < 2 || on < pass.z1.length);
}

function choose(p: z.output<typeof params>, rng: Rng): { net: NumericNet; x: QVector; sizes: Sizes } {
  const L = LECTURE_FORWARD;
  const lecture = p.preset === 'lecture';
  const source = lecture ? { ...p, x: p.x ?? L.x, W1: p.W1 ?? L.W1, b1: p.b1 ?? L.b1, W2: p.W2 ?? L.W2, b2: p.b2 ?? L.b2 } : p;
  const given = givenNet(source);
  const xGiven = source.x === undefined ? undefined : parseVectorField('params.x', source.x);
  const level = LEVELS[p.difficulty];
  const sizes = resolveSizes(source, given, level.sizes, { x: xGiven && { length: xGiven.length, field: 'params.x' } });
  const range = resolveRange(p.range, level.range);
  const drawn = [given.W1, given.b1, given.W2, given.b2, xGiven].some((g) => g === undefined);
  for (let i = 1; ; i++) {
    const net = fillNet(sizes, given, range, rng);
    const x = xGiven ?? randomIntVector(rng, sizes.inputs, range);
    if (!drawn || i >= MAX_DRAWS || instructive(forward(net, x, p.activation), p.activation)) return { net, x, sizes };
  }
}

/** The float value of a number-valued expression (sigmoid(−2) − sigmoid(−5)), for the key's decimals. */
function scalarFloat(e: Expr): number {
  const v = floatValue(e, {});
  if (typeof v !== 'number') throw new Error('forward-pass: an entry of ŷ is not a number');
  return v;
}

const vectorOf = (es: readonly Expr[]): Expr => (es.length === 1 ? es[0] : matrix(es.length, 1, es));

/** A column of decimals (or one), as the key's "≈ …". */
const decimalsLatex = (ds: readonly string[]): string => (ds.length === 1 ? ds[0] : bmatrixLatex(ds.map((d) => [d])));

/**
 * A step of the pass: lhs = formula = the values (≈ their decimals) on one line, when it fits
 * (print/width.ts); otherwise, as the expansion of a network sets a vector too wide for a line,
 * lhs = formula and then one entry a line, each with its decimal, each free to break after +.
 * With the sigmoid and fractions, each entry of a 4-4-4 network's ŷ is four sigmoid(p/q) terms
 * long: set as a column, it ran 74 pt into the LaTeX margin.
 */
function fitted(
  reason: { because: string; becauseLatex: string },
  o: { lhs: string; formula?: string; values: readonly Expr[]; valuesLatex?: string; name: (i: number) => string; decimals?: readonly string[] },
): { because: string; becauseLatex: string; latex: string } {
  const formula = o.formula === undefined ? '' : ` = ${o.formula}`;
  const whole = `${o.lhs}${formula} = ${o.valuesLatex ?? toLatex(vectorOf(o.values))}${o.decimals ? ` \\approx ${decimalsLatex(o.decimals)}` : ''}`;
  if (o.values.length === 1 || fitsALine(whole)) return { ...reason, latex: whole };
  const rest = ' One entry at a time: the whole column would be too wide for a line.';
  const lines = o.values.map((v, i) => `$$${o.name(i + 1)} = ${toLatex(v)}${o.decimals ? ` \\approx ${o.decimals[i]}` : ''}$$`);
  const first = o.formula === undefined ? [] : [`$$${o.lhs}${formula}$$`];
  return { because: reason.because + rest, becauseLatex: `${reason.becauseLatex.replace(/:$/, '.')}${rest} ${[...first, ...lines].join(' ')}`, latex: '' };
}

export const forwardPass = defineKind({
  kind: 'forward-pass',
  title: 'Bias terms: a forward pass',
  summary: 'ŷ = W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾ by the numbers, as in the lecture’s bias-terms exercise',
  params,
  generate: (p, rng, ctx) => {
    const { net, x, sizes } = choose(p, rng);
    const pass = forward(net, x, p.activation);
    const act = p.activation;
    const one = sizes.outputs === 1;
    const yhatName = one ? '\\hat{y}' : '\\hat{\\mathbf{y}}';
    const computed = vectorOf(pass.yhat);
    const given = answerFromSpec(ctx, 'yhat', computed);
    const exact = pass.yhat.every((e) => e.kind === 'num');
    const decimals = (es: readonly Expr[]): string[] => es.map((e) => floatText(scalarFloat(e), 4));
    const approx = (es: readonly Expr[]): string => {
      const values = decimals(es);
      return es.length === 1 ? values[0] : bmatrixLatex(values.map((v) => [v]));
    };
    const actLatex = act === 'identity' ? '' : functionNameLatex(act);
    const sigmaIs = act === 'identity' ? `${m('\\sigma')} is the identity (no activation)` : `${m(`\\sigma = ${actLatex}`)}`;
    const bindings = { W1: matrixExpr(net.W1), b1: columnExpr(net.b1), W2: matrixExpr(net.W2), b2: columnExpr(net.b2), x: columnExpr(x) };
    const inner = add(mul(sym('W1'), sym('x')), sym('b1'));
    const expr = add(mul(sym('W2'), act === 'identity' ? inner : call(act, [inner])), sym('b2'));
    const h1Latex = toLatex(vectorOf(pass.h1));
    const hStep = {
      relu: 'ReLU keeps the positive entries and sets the others to 0.',
      sigmoid: 'Apply the sigmoid entry by entry.',
      tanh: 'Apply tanh entry by entry.',
      identity: 'With no activation, h⁽¹⁾ = z⁽¹⁾.',
    }[act];
    const weightLabel = (w: { layer: number; row: number; col: number }): string => ratText((w.layer === 1 ? net.W1 : net.W2)[w.row - 1][w.col - 1]);
    const biasLabel = (b: { layer: number; row: number }): string => ratText((b.layer === 1 ? net.b1 : net.b2)[b.row - 1]);
    const layers = [sizes.inputs, sizes.hidden, sizes.outputs];
    const diagram = networkDiagramLayout({ layers }, { weightLabel, biasLabel, title: 'The network with its numbers' });
    const { shown, left } = edgeWeights(diagram, 2);
    const caption =
      left.length === 0
        ? 'The network: weights on the edges, biases at the nodes.'
        : shown.length === 0
          ? `The network: biases at the nodes; the weights, in ${andList(left)} above, are left off the edges: too many to label legibly.`
          : `The network: biases at the nodes, weights on the edges of ${andList(shown)}; those of ${andList(left)}, given above, are left off: too many to label legibly.`;
    const textOf = (v: QVector): string[] => v.map(ratText);
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'forward-pass',
      title: ctx.title ?? 'Bias terms: a forward pass',
      points: ctx.points,
      prompt: [
        text(`What will ${m(yhatName)} be for ${m(`\\mathbf{x} = ${toLatex(matrix(1, x.length, x.map((q) => num(q))))}^{\\top}`)}, where ${sigmaIs}, and`),
        math(`${yhatName} = g(\\mathbf{x}) = \\mathbf{W}^{(2)} \\sigma\\left(\\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}\\right) + \\mathbf{b}^{(2)}`),
        math(
          latexList([`\\mathbf{W}^{(1)} = ${matrixLatex(net.W1)}`, `\\mathbf{b}^{(1)} = ${columnLatex(net.b1)}`, `\\mathbf{W}^{(2)} = ${matrixLatex(net.W2)}`, `\\mathbf{b}^{(2)} = ${columnLatex(net.b2)}`]),
        ),
        ...(exact ? [] : [text('Give the answer exactly (in values of the activation) and to 4 significant digits.')]),
        space(5),
      ],
      answers: [
        {
          id: 'yhat',
          label: yhatName,
          ...given,
          ...(exact ? {} : { notes: [`${yhatName} \\approx ${approx(pass.yhat)}`] }),
          mistakes: passMistakes(net, x, act, 'ŷ'),
        },
      ],
      steps: [
        fitted(
          {
            because: 'Pre-activations of the hidden layer: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾, row by row.',
            becauseLatex: `Pre-activations of the hidden layer, ${m('\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)}\\mathbf{x} + \\mathbf{b}^{(1)}')}, row by row:`,
          },
          { lhs: '\\mathbf{z}^{(1)}', formula: `${matrixLatex(net.W1)} ${columnLatex(x)} + ${columnLatex(net.b1)}`, values: pass.z1.map((q) => num(q)), valuesLatex: columnLatex(pass.z1), name: (i) => `z^{(1)}_{${i}}` },
        ),
        fitted(
          {
            because: hStep,
            becauseLatex: act === 'identity' ? `With no activation, ${m('\\mathbf{h}^{(1)} = \\mathbf{z}^{(1)}')}.` : hStep,
          },
          { lhs: '\\mathbf{h}^{(1)}', formula: act === 'identity' ? undefined : `${actLatex}(\\mathbf{z}^{(1)})`, values: pass.h1, name: (i) => `h^{(1)}_{${i}}`, decimals: pass.h1.every((e) => e.kind === 'num') ? undefined : decimals(pass.h1) },
        ),
        fitted(
          {
            because: 'The output layer: ŷ = W⁽²⁾h⁽¹⁾ + b⁽²⁾.',
            becauseLatex: `The output layer, ${m(`${yhatName} = \\mathbf{W}^{(2)}\\mathbf{h}^{(1)} + \\mathbf{b}^{(2)}`)}:`,
          },
          { lhs: yhatName, formula: `${matrixLatex(net.W2)} ${h1Latex} + ${one ? toLatex(num(net.b2[0])) : columnLatex(net.b2)}`, values: pass.yhat, name: (i) => `\\hat{y}_{${i}}`, decimals: exact ? undefined : decimals(pass.yhat) },
        ),
      ],
      figures: [{ kind: 'figure', svg: diagram.svg, caption }],
      checks: [{ kind: 'value', answerId: 'yhat', expr, bindings }],
      data: {
        sizes: layers,
        activation: act,
        x: textOf(x),
        W1: net.W1.map(textOf),
        b1: textOf(net.b1),
        W2: net.W2.map(textOf),
        b2: textOf(net.b2),
        z1: textOf(pass.z1),
        h1: pass.h1.map(toText),
        yhat: pass.yhat.map(toText),
      },
    };
  },
});
