/**
 * The prompt and the worked steps of the jacobian-chain exercise, in the lecture's order:
 * method 1 (substitute, then differentiate), method 2 (∂f/∂g, ∂g/∂x, their product), the two
 * agree, and the wrong order ∂g/∂x · ∂f/∂g. A step's `latex` is the value of its answer after
 * the step (printed "= …" under the answer's label).
 */
import type { Expr } from '../../expr/types.js';
import type { Block, WorkedStep } from '../types.js';
import type { ChainResult, WrongOrder } from '../../calculus/chain.js';
import { abstractFunctionsText, m, math, space, text } from '../content.js';
import { definitionLatex, shapeLatex } from '../jacobian-content.js';
import { latexList, toLatex } from '../../print/latex.js';
import { equal } from '../../expr/equal.js';
import { abstractNames } from '../../numeric/sampling.js';
import { fitsALine, rowsOf, tooWideToSetWhole } from '../../print/width.js';

/** f in u and g in x, as lists of outputs. */
export interface Pair {
  readonly outer: readonly Expr[];
  readonly outerVars: readonly string[];
  readonly inner: readonly Expr[];
  readonly vars: readonly string[];
}

const D_FG = '\\frac{\\partial (f \\circ g)}{\\partial \\mathbf{x}}';
const D_F = '\\frac{\\partial f}{\\partial g}';
const D_G = '\\frac{\\partial g}{\\partial \\mathbf{x}}';

export function chainPrompt(pair: Pair, n: number): Block[] {
  return [
    text('Suppose:'),
    math(latexList([definitionLatex('f', pair.outerVars, pair.outer), definitionLatex('g', pair.vars, pair.inner)], { gap: '\\qquad', comma: false })),
    ...abstractFunctionsText('Here', abstractNames(...pair.outer, ...pair.inner)),
    text(`What is ${m(D_FG)}? Use both methods: (1) substitute $g$ into $f$ and differentiate; (2) apply the chain rule ${m(`${D_FG} = ${D_F}${D_G}`)}, giving the shape of each Jacobian.`),
    text(`Would ${m(`${D_G}${D_F}`)} do as well? Why or why not?`),
    space(n === 1 ? 8 : 10),
  ];
}

const step = (answerId: string, rule: string, because: string, becauseLatex: string, latex: string): WorkedStep => ({ answerId, rule, because, becauseLatex, latex });

/**
 * Equal matrices (or vectors) of one shape, lhs = a = b, one line per entry, (lhs)ᵢⱼ = aᵢⱼ = bᵢⱼ,
 * when the line lhs = a = b does not fit (print/width.ts); undefined when it does. A bracketed
 * matrix never breaks: the 3×4 Jacobians of a random pair at the largest sizes ran 1,000–2,800 pt
 * into the LaTeX margin and printed at a seventh of their size in the PDF. The key's answers are
 * set entry by entry the same way (render/describe.ts).
 */
export function entryLines(lhs: string, chain: readonly Expr[], o: { always?: boolean; after?: string } = {}): string[] | undefined {
  if (!o.always && fitsALine(`${lhs}${o.after ? ` ${o.after}` : ''} = ${chain.map((e) => toLatex(e)).join(' = ')}`)) return undefined;
  const grids = chain.map((e) => rowsOf(e) ?? [[e]]);
  const vector = chain[0].kind === 'vector';
  const at = o.after ? ` ${o.after}` : '';
  return grids[0].flatMap((row, i) => row.map((_, j) => `\\left(${lhs}\\right)_{${vector ? i + 1 : `${i + 1}${j + 1}`}}${at} = ${grids.map((g) => toLatex(g[i][j])).join(' = ')}`));
}

/** A step whose formula is `lines` set one display a line after its reason, when there are several. */
function linesStep(s: WorkedStep, lines: readonly string[] | undefined, lead = ''): WorkedStep {
  if (!lines) return s;
  return { ...s, becauseLatex: `${s.becauseLatex}${lead} ${lines.map((l) => `$$${l}$$`).join(' ')}`, latex: '' };
}

export function chainSteps(c: ChainResult, composition: Expr, raw: Expr): WorkedStep[] {
  const n = c.product.rows;
  const m_ = c.innerJacobian.rows;
  const k = c.innerJacobian.cols;
  const atInner = !equal(c.outerAtInner, c.outerJacobian);
  const fg = toLatex(composition);
  const rawLatex = toLatex(raw);
  const AT = '\\Big|_{\\mathbf{u} = g(\\mathbf{x})}';
  // The steps' lines as they would be set whole.
  const dfdgLine = `${toLatex(c.outerJacobian)}${atInner ? ` ${AT} = ${toLatex(c.outerAtInner)}` : ''}`;
  const dfdgLines = fitsALine(dfdgLine)
    ? undefined
    : [...(entryLines(D_F, [c.outerJacobian]) ?? [`${D_F} = ${toLatex(c.outerJacobian)}`]), ...(atInner ? (entryLines(D_F, [c.outerAtInner], { after: AT }) ?? [`${D_F}${AT} = ${toLatex(c.outerAtInner)}`]) : [])];
  const productLine = `${toLatex(c.outerAtInner)}${toLatex(c.innerJacobian)} = ${toLatex(c.product)}`;
  return [
    linesStep(
      step('fg', 'substitute', 'Method 1. Substitute g into f.', 'Method 1. Substitute $g$ into $f$.', `f(g(\\mathbf{x})) = ${rawLatex}${rawLatex === fg ? '' : ` = ${fg}`}`),
      entryLines('f(g(\\mathbf{x}))', rawLatex === fg ? [raw] : [raw, composition]),
    ),
    linesStep(
      step('J', 'differentiate', 'Differentiate f∘g with respect to each input.', 'Differentiate $f \\circ g$ with respect to each input.', toLatex(c.substitutedJacobian)),
      entryLines(D_FG, [c.substitutedJacobian]),
    ),
    linesStep(
      step('dfdg', 'jacobian', `Method 2. The Jacobian of f in its own inputs (${n}×${m_}).`, `Method 2. The Jacobian of $f$ in its own inputs ($${shapeLatex(n, m_)}$).`, dfdgLine),
      dfdgLines,
    ),
    linesStep(
      step('dgdx', 'jacobian', `The Jacobian of g (${m_}×${k}).`, `The Jacobian of $g$ ($${shapeLatex(m_, k)}$).`, toLatex(c.innerJacobian)),
      entryLines(D_G, [c.innerJacobian]),
    ),
    linesStep(
      step('J', 'chain-rule', `Multiply in the chain rule's order: (${n}×${m_})(${m_}×${k}) gives ${n}×${k}.`,
        `Multiply in the chain rule's order: $(${shapeLatex(n, m_)})(${shapeLatex(m_, k)})$ gives $${shapeLatex(n, k)}$.`,
        productLine),
      fitsALine(productLine) ? undefined : (entryLines(D_FG, [c.product]) ?? [`${D_FG} = ${toLatex(c.product)}`]),
      ' Entry $(i, j)$ is row $i$ of the first times column $j$ of the second:',
    ),
    step('J', 'agree', c.agreement.agree ? 'Both methods give the same Jacobian.' : 'The two methods disagree: check the problem.',
      c.agreement.agree ? 'Both methods give the same Jacobian.' : 'The two methods disagree: check the problem.', ''),
    step('J', 'order', `The order matters: ${wrongOrderText(c.wrongOrder)}.`, `The order matters: ${wrongOrderSentence(c.wrongOrder)}.`, ''),
  ];
}

/** The wrong order as a LaTeX line for the answer's notes (its matrix left out when too wide for a line: the words say it). */
export function wrongOrderNote(w: WrongOrder): string {
  const lhs = `${D_G}${D_F}`;
  const whole = w.kind !== 'undefined' && !tooWideToSetWhole(w.value);
  switch (w.kind) {
    case 'undefined':
      return `${lhs} \\text{ is } (${shapeLatex(w.left.rows, w.left.cols)})(${shapeLatex(w.right.rows, w.right.cols)})\\text{: not defined}`;
    case 'different-shape':
      return `${lhs}${whole ? ` = ${toLatex(w.value)}` : ''} \\text{ is } ${shapeLatex(w.value.rows, w.value.cols)}\\text{, not the shape of } ${D_FG}`;
    case 'different-value':
      return whole ? `${lhs} = ${toLatex(w.value)} \\neq ${D_FG}` : `${lhs} \\neq ${D_FG}\\text{: the same shape, different entries}`;
    case 'same-value':
      return whole ? `${lhs} = ${toLatex(w.value)}\\text{: equal here, but not in general}` : `${lhs} = ${D_FG}\\text{ here, but not in general}`;
  }
}

function wrongOrderText(w: WrongOrder): string {
  switch (w.kind) {
    case 'undefined':
      return `∂g/∂x · ∂f/∂g would be ${w.left.rows}×${w.left.cols} times ${w.right.rows}×${w.right.cols}, which is not defined`;
    case 'different-shape':
      return `∂g/∂x · ∂f/∂g is ${w.value.rows}×${w.value.cols}, not the shape of ∂(f∘g)/∂x`;
    case 'different-value':
      return '∂g/∂x · ∂f/∂g has the right shape here, but different entries';
    case 'same-value':
      return '∂g/∂x · ∂f/∂g happens to give the same matrix here, but in general it does not';
  }
}

function wrongOrderSentence(w: WrongOrder): string {
  const lhs = `$${D_G}${D_F}$`;
  switch (w.kind) {
    case 'undefined':
      return `${lhs} would be $(${shapeLatex(w.left.rows, w.left.cols)})(${shapeLatex(w.right.rows, w.right.cols)})$, which is not defined`;
    case 'different-shape':
      return `${lhs} is $${shapeLatex(w.value.rows, w.value.cols)}$, not the shape of $${D_FG}$`;
    case 'different-value':
      return `${lhs}${tooWideToSetWhole(w.value) ? '' : ` $= ${toLatex(w.value)}$`} has the right shape here, but different entries`;
    case 'same-value':
      return `${lhs} happens to give the same matrix here, but in general it does not`;
  }
}
