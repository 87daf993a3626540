/**
 * Ready printers for a MatrixForm: text for the terminal, LaTeX for answer keys, and a plain
 * JSON object (strings and numbers only) for `gradsheet network --form matrix --format json`.
 */
import type { MatrixDefinition, MatrixForm, MatrixGradient } from './backprop.js';
import type { MatStep } from '../linalg/steps.js';
import { matrixToText } from '../linalg/print-text.js';
import { matrixToLatex } from '../linalg/print-latex.js';
import { alignedLatex } from '../print/latex.js';

export interface MatrixFormPrintOptions {
  /** Include each δ's and gradient's derivation (default false). */
  readonly steps?: boolean;
}

const SECTION = { forward: 'Forward pass', backward: 'Backward pass', gradients: 'Gradients' } as const;

const isForward = (d: MatrixDefinition): boolean => d.role !== 'delta';

/**
 *   Forward pass
 *     z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾
 *     …
 *   Backward pass
 *     δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾)
 *   Gradients
 *     ∇_{W⁽¹⁾} f = δ⁽¹⁾xᵀ
 * With steps, each derived line is followed by its numbered steps and their reasons.
 */
export function matrixFormText(form: MatrixForm, options: MatrixFormPrintOptions = {}): string {
  const out: string[] = [];
  const stepLines = (steps: readonly MatStep[]): void => {
    if (!options.steps) return;
    steps.forEach((s, i) => {
      out.push(`      ${i + 1}. ${s.text}`);
      out.push(`         ${s.rule}: ${s.because}`);
    });
  };
  out.push(SECTION.forward);
  for (const d of form.definitions.filter(isForward)) out.push(`  ${matrixToText(d.name)} = ${matrixToText(d.expr)}`);
  out.push(SECTION.backward);
  for (const d of form.definitions.filter((x) => !isForward(x))) {
    out.push(`  ${matrixToText(d.name)} = ${matrixToText(d.expr)}`);
    stepLines(d.steps);
  }
  out.push(SECTION.gradients);
  for (const g of form.gradients) {
    out.push(`  ${matrixToText(g.lhs)} = ${matrixToText(g.expr)}`);
    stepLines(g.steps);
  }
  return out.join('\n');
}

/** The definitions and gradients as one `aligned` block, one equation a line. */
export function matrixFormLatex(form: MatrixForm): string {
  const lines = [
    ...form.definitions.map((d) => `${matrixToLatex(d.name)} &= ${matrixToLatex(d.expr)}`),
    ...form.gradients.map((g) => `${matrixToLatex(g.lhs)} &= ${matrixToLatex(g.expr)}`),
  ];
  return alignedLatex(lines, true);
}

/**
 * A derivation as an `aligned` block: the left-hand side is written when it changes (∂f/∂z⁽¹⁾,
 * then δ⁽¹⁾), otherwise the line continues with `&=`.
 */
export function matrixStepsLatex(steps: readonly MatStep[]): string {
  let previous = '';
  const lines = steps.map((s) => {
    const lhs = matrixToLatex(s.lhs);
    const shown = lhs === previous ? '' : lhs;
    previous = lhs;
    return `${shown} &= ${matrixToLatex(s.expr)}`;
  });
  return alignedLatex(lines, true);
}

export interface MatrixStepJson {
  readonly rule: string;
  readonly because: string;
  readonly text: string;
  readonly latex: string;
}

export interface MatrixDefinitionJson {
  readonly name: string;
  readonly nameLatex: string;
  readonly expr: string;
  readonly latex: string;
  readonly role: string;
  readonly shape: readonly [number, number];
  readonly steps: readonly MatrixStepJson[];
}

export interface MatrixGradientJson {
  /** `W⁽¹⁾`, `b⁽²⁾`. */
  readonly wrt: string;
  readonly wrtLatex: string;
  readonly kind: 'weight' | 'bias';
  readonly layer: number;
  /** `∇_{W⁽¹⁾} f` and its LaTeX. */
  readonly lhs: string;
  readonly lhsLatex: string;
  readonly derivative: string;
  readonly latex: string;
  readonly shape: readonly [number, number];
  /** The network's scalar parameter names, in the shape of `wrt`. */
  readonly parameters: readonly (readonly string[])[];
  readonly steps: readonly MatrixStepJson[];
}

export interface MatrixFormJson {
  readonly form: 'matrix';
  readonly objective: string;
  readonly objectiveLatex: string;
  readonly definitions: readonly MatrixDefinitionJson[];
  readonly gradients: readonly MatrixGradientJson[];
}

const stepJson = (s: MatStep): MatrixStepJson => ({ rule: s.rule, because: s.because, text: s.text, latex: s.latex });

export function matrixFormJson(form: MatrixForm): MatrixFormJson {
  return {
    form: 'matrix',
    objective: matrixToText(form.objective),
    objectiveLatex: matrixToLatex(form.objective),
    definitions: form.definitions.map((d) => ({
      name: matrixToText(d.name),
      nameLatex: matrixToLatex(d.name),
      expr: matrixToText(d.expr),
      latex: matrixToLatex(d.expr),
      role: d.role,
      shape: [d.name.rows, d.name.cols] as const,
      steps: d.steps.map(stepJson),
    })),
    gradients: form.gradients.map((g: MatrixGradient) => ({
      wrt: matrixToText(g.wrt),
      wrtLatex: matrixToLatex(g.wrt),
      kind: g.kind,
      layer: g.layer,
      lhs: matrixToText(g.lhs),
      lhsLatex: matrixToLatex(g.lhs),
      derivative: matrixToText(g.expr),
      latex: matrixToLatex(g.expr),
      shape: [g.wrt.rows, g.wrt.cols] as const,
      parameters: g.parameters,
      steps: g.steps.map(stepJson),
    })),
  };
}
