/** Helpers for building exercise content from expressions. */
import type { Expr } from '../expr/types.js';
import type { Block, WorkedStep } from './types.js';
import type { Step } from '../calculus/differentiate.js';
import { functionNameLatex, toLatex } from '../print/latex.js';
import { parse } from '../parse/parse.js';
import { InputError } from '../errors.js';
import { nowhereDefinedReason } from '../numeric/defined.js';

export const text = (t: string): Block => ({ kind: 'text', text: t });
export const math = (latex: string): Block => ({ kind: 'math', latex });
export const space = (lines: number): Block => ({ kind: 'space', lines });

/** Inline math for prose blocks. */
export const m = (e: Expr | string): string => `$${typeof e === 'string' ? e : toLatex(e)}$`;

/** "a", "a and b", "a, b and c". */
export const andList = (items: readonly string[]): string => (items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * The sentence that introduces the abstract functions an expression calls (numeric/sampling.ts's
 * abstractNames), by their own names: "Suppose σ is a differentiable function with derivative
 * σ′." as the lecture says it, or for f(g(w)) "Suppose f and g are differentiable functions with
 * derivatives f′ and g′." (it said σ for any of them). Nothing when there are none.
 */
export function abstractFunctionsText(lead: string, names: readonly string[]): Block[] {
  if (names.length === 0) return [];
  const fs = names.map(functionNameLatex);
  const one = fs.length === 1;
  return [
    text(
      `${lead} ${andList(fs.map((f) => m(f)))} ${one ? 'is a differentiable function' : 'are differentiable functions'} with ${one ? 'derivative' : 'derivatives'} ${andList(fs.map((f) => m(`${f}'`)))}.`,
    ),
  ];
}

/** The differentiator's trace as worked steps. */
export function workedSteps(steps: readonly Step[], answerId?: string): WorkedStep[] {
  return steps.map((s) => ({ because: s.because, becauseLatex: s.becauseLatex, latex: s.latex, rule: s.rule, answerId }));
}

/**
 * An expression from a spec must have a value somewhere (every entry of a vector or matrix): one
 * with none (1/(x − x), log(−x² − 1)) is the spec's error, named by its field, not a failed check.
 * `within`: what e is part of (f(g(x)), written as the field's f and g).
 */
export function definedField(field: string, e: Expr, within?: string): void {
  const reason = nowhereDefinedReason(e);
  if (reason !== undefined) throw new InputError(`${field}: ${within ? `in ${within}, ` : ''}${reason}, so the key cannot be verified numerically`);
}

/** Parse an expression given in a spec; errors name the field (`params.expr`, `answers.a`). */
export function parseField(field: string, source: string): Expr {
  try {
    return parse(source);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${field}: ${e.message}`);
    throw e;
  }
}
