/** The instructor's own answers from a spec replace gradsheet's; verification then checks them. */
import type { Expr } from '../expr/types.js';
import type { GeneratorContext } from './types.js';
import { definedField, parseField } from './content.js';

export function answerFromSpec(ctx: GeneratorContext, id: string, computed: Expr): { value: Expr; fromSpec?: boolean } {
  const given = ctx.answers?.[id];
  if (given === undefined) return { value: computed };
  const value = parseField(`answers.${id}`, given);
  definedField(`answers.${id}`, value);
  return { value, fromSpec: true };
}
