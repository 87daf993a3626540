/** How an exercise kind is declared: its default title, a one-line summary, a params schema and a generator. */
import type { z } from 'zod';
import type { Exercise, ExerciseKind, GeneratorContext } from './types.js';
import type { Rng } from '../numeric/rng.js';

export interface KindInfo {
  readonly kind: ExerciseKind;
  readonly title: string;
  readonly summary: string;
  /** Validates a spec's `params` (unknown fields are errors). */
  readonly params: z.ZodType;
  /** Generate from validated params. */
  readonly generate: (params: unknown, rng: Rng, ctx: GeneratorContext) => Exercise;
}

export function defineKind<S extends z.ZodType>(info: {
  kind: ExerciseKind;
  title: string;
  summary: string;
  params: S;
  generate: (params: z.output<S>, rng: Rng, ctx: GeneratorContext) => Exercise;
}): KindInfo {
  return {
    kind: info.kind,
    title: info.title,
    summary: info.summary,
    params: info.params,
    generate: (raw, rng, ctx) => info.generate(info.params.parse(raw), rng, ctx),
  };
}
