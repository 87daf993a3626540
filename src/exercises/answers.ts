/** The instructor's own answers from a spec replace gradsheet's; verification then checks them. */
import type { Expr } from '../expr/types.js';
import type { GeneratorContext } from './types.js';
import { parseField } from './content.js';

export function answerFromSpec(ctx: GeneratorContext, id: string, computed: Expr): { value: Expr; fromSpec?: boolean } {
  const given = ctx.answers?.[id];
  if (given === undefined) return { value: computed };
  return { value: parseField(`answers.${id}`, given), fromSpec: true };
}
