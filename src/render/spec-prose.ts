/**
 * The prose a spec's author writes (title, course, instructions, exercise titles) is typeset with
 * its `$…$` math before anything is built, so that a formula KaTeX refuses is reported like any
 * other spec error, at its file, line and field, by `build` and by `verify` alike.
 */
import { InputError } from '../errors.js';
import type { WorksheetSpec } from '../spec/schema.js';
import { fieldName, sourceOf, SpecError, type Path } from '../spec/source.js';
import { MathError, proseHtml } from './katex.js';
import { ProseError } from './prose.js';

export function checkSpecProse(spec: WorksheetSpec): void {
  const fields: [Path, string | undefined][] = [
    [['title'], spec.title],
    [['course'], spec.course],
    [['instructions'], spec.instructions],
    ...spec.exercises.map((e, i): [Path, string | undefined] => [['exercises', i, 'title'], e.title]),
  ];
  for (const [path, text] of fields) {
    if (text === undefined) continue;
    try {
      proseHtml(text);
    } catch (e) {
      if (!(e instanceof MathError || e instanceof ProseError)) throw e;
      const source = sourceOf(spec);
      throw source ? new SpecError(source.file, source.line(path), fieldName(path), e.message) : new InputError(`${fieldName(path)}: ${e.message}`);
    }
  }
}
