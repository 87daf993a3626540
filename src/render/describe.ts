/** Wording shared by the HTML and LaTeX renderers: piecewise answers and what each check did. */
import type { Answer, CaseBranch, Check } from '../exercises/types.js';
import type { Condition } from '../ops/types.js';
import { toLatex } from '../print/latex.js';
import { fitsALine, rowsOf, tooTallToSetWhole, tooWideToSetWhole } from '../print/width.js';

const REL: Record<Condition['rel'], string> = { '<=': '\\leq', '<': '<', '>': '>', '>=': '\\geq' };

/**
 * A piecewise answer's lines in the key: `label = \begin{cases} 0 & \text{if } z \leq 0 \\ w_{5}
 * x_{1} & \text{if } z > 0 \end{cases}`, as in the lecture; or, when that line does not fit
 * (print/width.ts: an MSE partial of a ReLU network with ŷ written out; KaTeX never breaks inside
 * cases, and such keys printed them at 72 %), one line per case, `label = value \quad \text{if } z
 * > 0`, each free to break after +.
 */
export function casesLatex(label: string, cases: readonly CaseBranch[]): string[] {
  const rows = cases.map((c) => ({ value: toLatex(c.value), when: `\\text{if } ${toLatex(c.when.expr)} ${REL[c.when.rel]} 0` }));
  const whole = `${label} = \\begin{cases} ${rows.map((r) => `${r.value} & ${r.when}`).join(' \\\\ ')} \\end{cases}`;
  return fitsALine(whole) ? [whole] : rows.map((r) => `${label} = ${r.value} \\quad ${r.when}`);
}

/**
 * An answer's lines in the key: `label = value`, or, for a matrix or vector too wide for a line
 * (the lecture's ∇_{W⁽¹⁾} f, four entries of ninety characters) or too tall for a page (the 40
 * updated parameters of a 4-4-4 gradient step), the shape and then one entry a line:
 * (∇_{W⁽¹⁾} f)₁₂ = …, each at full size.
 */
export function answerLatex(a: Answer): string[] {
  const v = a.value;
  const rows = rowsOf(v);
  if (!rows || !(tooWideToSetWhole(v) || tooTallToSetWhole(v))) return [`${a.label} = ${toLatex(v)}`];
  const vector = v.kind === 'vector';
  return [
    `${a.label}\\text{, entry by entry${vector ? ':' : ''}}${vector ? '' : ` \\; (${rows.length} \\times ${rows[0].length})\\text{:}`}`,
    ...rows.flatMap((row, i) => row.map((x, j) => `\\left(${a.label}\\right)_{${vector ? i + 1 : `${i + 1}${j + 1}`}} = ${toLatex(x)}`)),
  ];
}

/** One sentence (with $…$ math) saying how an answer was verified. */
export function checkSentence(c: Check, points: number): string {
  switch (c.kind) {
    case 'derivative':
      return `Compared with central finite differences of the differentiated function at ${points} random points.`;
    case 'jacobian':
      return `Each entry compared with central finite differences at ${points} random points.`;
    case 'identity':
      return 'Compared at random points with an independently built form of the same quantity.';
    case 'value':
      return 'Recomputed in floating point from the given values.';
    case 'gd-step':
      return 'The update recomputed from finite-difference gradients summed over the batch.';
    case 'xor':
      return 'The network was run on the four XOR points and classifies all of them correctly.';
  }
}

/**
 * A step's formula continues the derivation: "= v σ′(uw + z) u". A step that states its own
 * equation or a block of them (z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾, \begin{aligned}…) is shown as it is.
 */
export function continuation(latex: string): string {
  const statesItself = /(^|[^\\])=|\\(leq|geq|neq|approx|Rightarrow|leftarrow|begin\{(aligned|array|gathered)\})/.test(latex);
  return statesItself ? latex : `= ${latex}`;
}
