/**
 * A worksheet: a spec, a seed and (optionally) a variant → exercises with answers. Pure: the same
 * inputs give the same sheet, field for field.
 */
import { defaultExerciseId, type WorksheetSpec } from '../spec/schema.js';
import type { Exercise } from './types.js';
import { kindInfo } from './registry.js';
import { createRng, deriveSeed } from '../numeric/rng.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { exerciseError, fieldName, SpecError, sourceOf } from '../spec/source.js';
import { latexSize, MAX_EXERCISE_LATEX, MAX_SHEET_LATEX, pagesOf } from './size.js';
import type { KindInfo } from './define.js';

export interface Variant {
  /** Short id printed on the sheet and used in file names ("07", "ada-lovelace"). */
  readonly id: string;
  /** The student's name, when built from a roster. */
  readonly student?: string;
}

export interface Sheet {
  readonly title: string;
  readonly course?: string;
  readonly instructions?: string;
  /** The seed this sheet was generated from: `--seed` with it rebuilds exactly this sheet. */
  readonly seed: number;
  readonly variant?: Variant;
  readonly exercises: readonly Exercise[];
  readonly totalPoints: number;
}

export interface SheetOptions {
  /** Overrides the spec's seed. */
  readonly seed?: number;
  /** For per-student sheets: the sheet's seed is derived from the base seed and the variant id. */
  readonly variant?: Variant;
}

/** Default points when a spec gives none. */
const DEFAULT_POINTS = 2;

export function buildSheet(spec: WorksheetSpec, options: SheetOptions = {}): Sheet {
  const base = options.seed ?? spec.seed;
  const seed = options.variant ? deriveSeed(base, `variant:${options.variant.id}`) : base;
  let total = 0;
  const exercises: Exercise[] = [];
  spec.exercises.forEach((entry, i) => {
    const id = entry.id ?? defaultExerciseId(i);
    const info = kindInfo(entry.kind);
    const rng = createRng(deriveSeed(seed, id));
    try {
      const exercise = info.generate(entry.params ?? {}, rng, {
        id,
        number: i + 1,
        points: entry.points ?? DEFAULT_POINTS,
        title: entry.title,
        answers: entry.answers,
        earlier: [...exercises],
      });
      // An answer under an id the exercise does not have would be ignored without a word (a typo
      // in the spec, and the key shows gradsheet's answer instead of the instructor's).
      const ids = exercise.answers.map((a) => a.id);
      const unknown = Object.keys(entry.answers ?? {}).find((k) => !ids.includes(k));
      if (unknown !== undefined) throw new InputError(`answers.${unknown}: this exercise has no answer '${unknown}'; its answers are ${ids.map((a) => `'${a}'`).join(', ')}`);
      total += sizeToPrint(exercise, info);
      exercises.push(exercise);
    } catch (e) {
      if (e instanceof InputError) throw exerciseError(spec, i, id, entry.kind, e);
      throw e;
    }
  });
  if (total > MAX_SHEET_LATEX) {
    const reason = `the answer key would set ${total.toLocaleString('en-US')} characters of formulas, ${pagesOf(total)}; one key holds at most ${MAX_SHEET_LATEX.toLocaleString('en-US')} (${pagesOf(MAX_SHEET_LATEX)}): split the exercises over two worksheets`;
    const source = sourceOf(spec);
    throw source ? new SpecError(source.file, source.line(['exercises']), fieldName(['exercises']), reason) : new InputError(reason);
  }
  return {
    title: spec.title,
    course: spec.course,
    instructions: spec.instructions,
    seed,
    variant: options.variant,
    exercises,
    totalPoints: exercises.reduce((s, e) => s + e.points, 0),
  };
}

/**
 * The characters of formulas an exercise gives the key (src/exercises/size.ts). One too long to
 * typeset and print is a spec error naming the parameter that makes it so, for the network kinds
 * their layers.
 */
function sizeToPrint(exercise: Exercise, info: KindInfo): number {
  const size = latexSize(exercise);
  if (size <= MAX_EXERCISE_LATEX) return size;
  const fields = info.params instanceof z.ZodObject ? Object.keys(info.params.shape) : [];
  const field = fields.includes('layers') ? 'params.layers' : 'params';
  const remedy = fields.includes('layers') ? `choose fewer or narrower layers${fields.includes('steps') ? ', or steps: short' : ''}` : 'choose smaller parameters';
  throw new InputError(
    `${field}: the answer key would set ${size.toLocaleString('en-US')} characters of formulas for this exercise, ${pagesOf(size)}; ` +
      `an exercise may have at most ${MAX_EXERCISE_LATEX.toLocaleString('en-US')} (${pagesOf(MAX_EXERCISE_LATEX)}): ${remedy}`,
  );
}

/** Some answer of the sheet is the instructor's own, from the spec (the key marks those). */
export function hasSpecAnswers(sheet: Sheet): boolean {
  return sheet.exercises.some((ex) => ex.answers.some((a) => a.fromSpec === true));
}
