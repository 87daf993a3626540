/** Helpers for building exercise content from expressions. */
import type { Expr } from '../expr/types.js';
import type { Block, WorkedStep } from './types.js';
import type { Step } from '../calculus/differentiate.js';
import { toLatex } from '../print/latex.js';
import { parse } from '../parse/parse.js';
import { InputError } from '../errors.js';

export const text = (t: string): Block => ({ kind: 'text', text: t });
export const math = (latex: string): Block => ({ kind: 'math', latex });
export const space = (lines: number): Block => ({ kind: 'space', lines });

/** Inline math for prose blocks. */
export const m = (e: Expr | string): string => `$${typeof e === 'string' ? e : toLatex(e)}$`;

/** The differentiator's trace as worked steps. */
export function workedSteps(steps: readonly Step[], answerId?: string): WorkedStep[] {
  return steps.map((s) => ({ because: s.because, becauseLatex: s.becauseLatex, latex: s.latex, rule: s.rule, answerId }));
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
