/**
 * Naming the mistake in an incorrect answer: the mistake variants (from the derivation trace, then
 * from the correct answer's structure) are compared with the answer at the same test points, then
 * the numeric analyses run. The first match is the diagnosis. At most 400 variants are evaluated,
 * and the time budget is checked between them: a diagnosis is a courtesy, the verdict is not.
 */
import type { Budget } from './budget.js';
import { constantDiagnosis, kinkDiagnosis, misplacedKinkDiagnosis, pieceDiagnosis, type Observed } from './analysis.js';
import { sameShape } from './shape.js';
import type { Variant } from './variants.js';
import type { Diagnosis } from './types.js';

export const MAX_VARIANTS = 400;

export interface MistakeVariants {
  structuralVariants(): readonly Variant[];
  traceVariants(): readonly Variant[];
}

/**
 * The trace's variants come first: they know which rule was misapplied (the product rule with
 * one term, not just "a missing term"). Both lists are computed once per exercise.
 */
export function diagnose(o: Observed, variants: MistakeVariants, budget: Budget): Diagnosis | undefined {
  let tried = 0;
  const first = (variants: readonly Variant[]): Diagnosis | undefined => {
    for (const v of variants) {
      if (++tried > MAX_VARIANTS || budget.expired()) return undefined;
      const values = o.evaluation.values(v.expr);
      if (values && sameShape(values.shape, o.answer.shape) && o.evaluation.agreeScaled(v.expr, values, o.answerExpr, o.answer)) {
        return { id: v.id, message: v.message() };
      }
    }
    return undefined;
  };
  const expired = (): boolean => budget.expired();
  return (
    first(variants.traceVariants()) ??
    first(variants.structuralVariants()) ??
    (expired() ? undefined : misplacedKinkDiagnosis(o)) ??
    (expired() ? undefined : kinkDiagnosis(o)) ??
    (expired() ? undefined : constantDiagnosis(o)) ??
    pieceDiagnosis(o, expired)
  );
}
