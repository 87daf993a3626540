/** The worksheet spec's shape (zod), shared by the loader and the README's reference. */
import { z } from 'zod';
import { EXERCISE_KINDS } from '../exercises/types.js';

export const exerciseEntrySchema = z
  .object({
    kind: z.enum(EXERCISE_KINDS),
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'ids are letters, digits, - and _, starting with a letter' })
      .optional(),
    title: z.string().min(1).optional(),
    points: z.number().int().min(0).max(1000).optional(),
    /** Kind-specific parameters, validated by the kind's own schema. */
    params: z.record(z.string(), z.unknown()).optional(),
    /** The instructor's own answers, by answer id; verified like gradsheet's own. */
    answers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const worksheetSchema = z
  .object({
    title: z.string().min(1),
    course: z.string().optional(),
    instructions: z.string().optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    exercises: z.array(exerciseEntrySchema).min(1),
  })
  .strict();

export type WorksheetSpec = z.infer<typeof worksheetSchema>;

/** The id of the exercise at `index` (0-based) in a spec that gives it none: ex1, ex2, … */
export const defaultExerciseId = (index: number): string => `ex${index + 1}`;
export type ExerciseEntry = z.infer<typeof exerciseEntrySchema>;
