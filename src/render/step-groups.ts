/**
 * An exercise's worked steps grouped as the key shows them (HTML and LaTeX alike): in order, one
 * group per answer they derive, headed by that answer's label when there is more than one group.
 */
import type { Exercise, WorkedStep } from '../exercises/types.js';

export interface StepGroup {
  /** The label (LaTeX) of the answer these steps derive, when groups are headed. */
  readonly label?: string;
  /** Steps for no answer in particular after those for each answer (a conclusion): set unnumbered, not as a new "1.". */
  readonly closing: boolean;
  readonly steps: readonly WorkedStep[];
}

export function stepGroups(ex: Exercise): StepGroup[] {
  const labels = new Map(ex.answers.map((a) => [a.id, a.label]));
  const runs: { answerId?: string; steps: WorkedStep[] }[] = [];
  for (const s of ex.steps) {
    const last = runs.at(-1);
    if (last && last.answerId === s.answerId) last.steps.push(s);
    else runs.push({ answerId: s.answerId, steps: [s] });
  }
  const headed = ex.answers.length > 1 || runs.length > 1;
  return runs.map((r, i) => {
    const label = headed && r.answerId !== undefined ? labels.get(r.answerId) : undefined;
    return { label, closing: headed && label === undefined && i > 0, steps: r.steps };
  });
}
