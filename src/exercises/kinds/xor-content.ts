/**
 * The XOR design exercise's prompt, answer matrices and worked steps: the hidden values of the
 * four points as a table, why they are separable, the readout, and why other choices the hint
 * allows fail.
 */
import type { Expr, Matrix } from '../../expr/types.js';
import type { Block, WorkedStep } from '../types.js';
import type { XorCheck, XorPoint } from '../../nn/xor.js';
import { ZERO, ratText, type Rational } from '../../rational.js';
import type { XorHint } from './xor-hints.js';
import { inputText } from '../../nn/xor.js';
import { matrix, num } from '../../expr/build.js';
import { latexList, toLatex } from '../../print/latex.js';
import { m, math, space, text } from '../content.js';
import { valuesText } from './xor-hints.js';

type Separable = Extract<XorCheck, { separable: true }>;
type Rejected = Extract<XorCheck, { separable: false }>;

const W1L = '\\mathbf{W}^{(1)}';
const B1L = '\\mathbf{b}^{(1)}';
const W2L = '\\mathbf{W}^{(2)}';
const B2L = '\\mathbf{b}^{(2)}';
const NET = `\\hat{y} = g(\\mathbf{x}) = ${W2L} \\operatorname{ReLU}\\left(${W1L} \\mathbf{x} + ${B1L}\\right) + ${B2L}`;

export interface DesignMatrices {
  readonly W1: Matrix;
  /** A column, as the lecture writes b⁽¹⁾ = [b1; b2]. */
  readonly b1: Matrix;
  /** A row: ŷ = W⁽²⁾h is 1×2 times 2×1. */
  readonly W2: Matrix;
  /** A number (the lecture's [b3]). */
  readonly b2: Expr;
  readonly latex: (e: Expr) => string;
}

const q = (r: Rational): Expr => num(r);

export function designMatrices(c: XorCheck): DesignMatrices {
  const W1 = matrix(2, 2, c.W1.flat().map(q));
  const b1 = matrix(2, 1, c.b1.map(q));
  const readout = c.separable ? c.readout : undefined;
  const W2 = matrix(1, 2, readout ? readout.W2.map(q) : [q(ZERO), q(ZERO)]);
  const b2 = q(readout ? readout.b2 : ZERO);
  return { W1, b1, W2, b2, latex: toLatex };
}

export function xorPrompt(hint: XorHint | undefined): Block[] {
  const hintText = hint
    ? ` (Hint: set ${m(`${B1L} = \\begin{bmatrix} ${hint.bias[0]} & ${hint.bias[1]} \\end{bmatrix}^{\\top}`)}; ${m(W1L)} contains only ${valuesText(hint.weights)}.)`
    : '';
  return [
    text('We want a neural network $g$ that computes XOR: the + points have label 1 and the − points label 0.'),
    math(latexList(['g(0,0) = 0', 'g(0,1) = 1', 'g(1,0) = 1', 'g(1,1) = 0'], { gap: '\\qquad', comma: false })),
    text('No linear decision boundary can separate them in the input space. A 3-layer network with the non-linear ReLU activation can:'),
    math(NET),
    text(
      `${m(W1L)}, ${m(B1L)} “collapse” two of the points onto one point in the hidden 2-D space; once the + and − data are linearly separated there, ${m(W2L)}, ${m(B2L)} can easily distinguish the two classes.`,
    ),
    text(`What values for ${m(W1L)}, ${m(B1L)} will make the 4 data points linearly separable?${hintText}`),
    text(`Then give ${m(W2L)} and ${m(B2L)} so that $\\hat{y} \\geq \\frac{1}{2}$ exactly on the + points.`),
    space(8),
  ];
}

const tex = (r: Rational): string => toLatex(num(r));
const pair = (p: readonly [Rational, Rational]): string => `(${tex(p[0])}, ${tex(p[1])})`;

function hiddenTable(points: readonly XorPoint[]): string {
  const rows = points.map((p) => `${inputText(p.x)} & ${p.y === 1 ? '+' : '-'} & ${pair(p.z)} & ${pair(p.h)}`);
  return `\\begin{array}{cccc} \\mathbf{x} & \\text{class} & \\mathbf{z} = ${W1L}\\mathbf{x} + ${B1L} & \\mathbf{h} = \\operatorname{ReLU}(\\mathbf{z}) \\\\ \\hline ${rows.join(' \\\\ ')} \\end{array}`;
}

/**
 * Steps grouped by answer (W1, b1, W2, b2). A step's `latex` is its answer's value (printed
 * "= …" under the answer's label); the table of hidden values and the outputs ŷ are display
 * math inside the sentences. The core's reasons are plain text with Unicode (h(0,1) = (1, 0)),
 * which reads the same in both forms.
 */
export function xorSteps(d: Separable, invalid: readonly Rejected[]): WorkedStep[] {
  const dm = designMatrices(d);
  const yhat = latexList(d.points.map((p, i) => `\\hat{y}${inputText(p.x)} = ${tex(d.readout.outputs[i])}`));
  const outcome = d.readout.kind === 'exact' ? 'exactly the XOR label' : 'at least 1 on the + points and at most 0 on the − points';
  const steps: WorkedStep[] = [
    {
      answerId: 'W1',
      rule: 'hidden-layer',
      because: 'Compute z = W⁽¹⁾x + b⁽¹⁾ and h = ReLU(z) for the four points.',
      becauseLatex: `Take ${m(`${W1L} = ${toLatex(dm.W1)}`)} and ${m(`${B1L} = ${toLatex(dm.b1)}`)}, and compute $\\mathbf{z}$ and $\\mathbf{h}$ for the four points: $$${hiddenTable(d.points)}$$`,
      latex: '',
    },
    {
      answerId: 'W1',
      rule: 'separable',
      because: `In hidden space ${d.reason}.`,
      becauseLatex: `In hidden space ${d.reason}.`,
      // Each step states what it gives (a bare "= [2 2; 1 1]" had nothing on its left).
      latex: `${W1L} = ${toLatex(dm.W1)}`,
    },
  ];
  for (const bad of invalid.slice(0, 2)) {
    steps.push({
      answerId: 'W1',
      rule: 'rejected',
      because: `Not every choice works: with W⁽¹⁾ = [${bad.W1.map((r) => r.map(ratText).join(', ')).join('; ')}], ${bad.reason}.`,
      becauseLatex: `Not every choice works: with ${m(`${W1L} = ${toLatex(designMatrices(bad).W1)}`)}, ${bad.reason}.`,
      latex: '',
    });
  }
  steps.push(
    { answerId: 'b1', rule: 'hint', because: 'b⁽¹⁾ is the bias the hint sets.', becauseLatex: `${m(B1L)} is the bias the hint sets.`, latex: `${B1L} = ${toLatex(dm.b1)}` },
    {
      answerId: 'W2',
      rule: 'readout',
      because: `Read out with ŷ = W⁽²⁾h + b⁽²⁾: with these values ŷ is ${outcome}, and the boundary ŷ = 1/2 separates the classes.`,
      becauseLatex: `Read out with $\\hat{y} = ${W2L}\\mathbf{h} + ${B2L}$: with ${m(`${W2L} = ${toLatex(dm.W2)}`)} and ${m(`${B2L} = ${toLatex(dm.b2)}`)}, $\\hat{y}$ is ${outcome}, and the boundary $\\hat{y} = \\frac{1}{2}$ separates the classes: $$${yhat}$$`,
      latex: `${W2L} = ${toLatex(dm.W2)}`,
    },
    { answerId: 'b2', rule: 'readout', because: 'The readout\'s bias.', becauseLatex: 'The readout\'s bias.', latex: `${B2L} = ${toLatex(dm.b2)}` },
  );
  return steps;
}
