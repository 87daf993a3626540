/**
 * A worksheet: a spec, a seed and (optionally) a variant → exercises with answers. Pure: the same
 * inputs give the same sheet, field for field.
 */
import type { WorksheetSpec } from '../spec/schema.js';
import type { Exercise } from './types.js';
import { kindInfo } from './registry.js';
import { createRng, deriveSeed } from '../numeric/rng.js';
import { InputError } from '../errors.js';
import { exerciseError } from '../spec/source.js';

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
  const exercises = spec.exercises.map((entry, i): Exercise => {
    const id = entry.id ?? `ex${i + 1}`;
    const info = kindInfo(entry.kind);
    const rng = createRng(deriveSeed(seed, id));
    try {
      return info.generate(entry.params ?? {}, rng, {
        id,
        number: i + 1,
        points: entry.points ?? DEFAULT_POINTS,
        title: entry.title,
        answers: entry.answers,
      });
    } catch (e) {
      if (e instanceof InputError) throw exerciseError(spec, i, id, entry.kind, e);
      throw e;
    }
  });
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
