/**
 * Recorded steps of a matrix derivation: a rule id, the reason in words (with expressions typeset
 * per output), and the equation after the step, like src/calculus/differentiate.ts's Step.
 */
import type { MatExpr } from './types.js';
import { matrixToText } from './print-text.js';
import { matrixToLatex } from './print-latex.js';
import { sentenceLatex, sentenceText, type ProseMath } from '../calculus/prose.js';

export type { ProseMath };

export type MatRuleId =
  // forward definitions and the chain rule
  | 'definition'
  | 'chain-rule'
  | 'gradient-of-jacobian'
  | 'jacobian-of-gradient'
  | 'outer-product'
  // local Jacobians
  | 'jacobian-identity'
  | 'jacobian-constant'
  | 'jacobian-sum'
  | 'jacobian-linear'
  | 'jacobian-elementwise'
  | 'jacobian-hadamard'
  | 'jacobian-squared-norm'
  | 'jacobian-scalar'
  // algebra
  | 'transpose-transpose'
  | 'transpose-product'
  | 'transpose-diagonal'
  | 'transpose-identity'
  | 'transpose-scalar'
  | 'transpose-negation'
  | 'diag-hadamard'
  | 'diag-scalar'
  | 'identity-factor'
  | 'identity-scalar'
  | 'zero'
  | 'scale'
  | 'scalar-product'
  | 'activation-derivative'
  | 'fold-definition'
  | 'cancel'
  // the linear collapse
  | 'distribute'
  | 'associate'
  | 'collapse';

/** A sentence whose expressions each output typesets its own way. */
export type MatProse = readonly (string | MatExpr | ProseMath)[];

export function matProseText(p: MatProse): string {
  return sentenceText(p, matrixToText);
}

/** Prose with inline math between `$…$` (KaTeX's auto-render convention, as the core uses). */
export function matProseLatex(p: MatProse): string {
  return sentenceLatex(p, matrixToLatex);
}

export interface MatStep {
  readonly rule: MatRuleId;
  /** Why the step holds, in words with expressions in Unicode text. */
  readonly because: string;
  /** The same sentence with expressions as inline LaTeX between `$…$`. */
  readonly becauseLatex: string;
  /** The quantity being worked out (∂f/∂z⁽¹⁾, δ⁽¹⁾, ∇_{W⁽¹⁾} f, g(x)). */
  readonly lhs: MatExpr;
  /** Its value after the step. */
  readonly expr: MatExpr;
  /** `lhs = expr` as text and as LaTeX. */
  readonly text: string;
  readonly latex: string;
}

export function makeStep(rule: MatRuleId, because: MatProse, lhs: MatExpr, expr: MatExpr): MatStep {
  return {
    rule,
    because: matProseText(because),
    becauseLatex: matProseLatex(because),
    lhs,
    expr,
    text: `${matrixToText(lhs)} = ${matrixToText(expr)}`,
    latex: `${matrixToLatex(lhs)} = ${matrixToLatex(expr)}`,
  };
}
