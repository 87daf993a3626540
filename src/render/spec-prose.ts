/**
 * The prose a spec's author writes (title, course, instructions, exercise titles) is typeset with
 * its `$…$` math before anything is built, so that a formula KaTeX refuses is reported like any
 * other spec error, at its file, line and field, by `build` and by `verify` alike. So is a formula
 * that KaTeX sets but the .tex export could not compile (\R, \bm, \href: src/render/tex-math.ts),
 * whatever the formats asked for: a CI that builds only HTML must not pass a spec whose key does
 * not compile as LaTeX.
 */
import { InputError } from '../errors.js';
import type { WorksheetSpec } from '../spec/schema.js';
import { fieldName, sourceOf, SpecError, type Path } from '../spec/source.js';
import { MathError, proseHtml } from './katex.js';
import { ProseError, splitProse } from './prose.js';
import { insteadOf, texMathProblem } from './tex-math.js';

export function checkSpecProse(spec: WorksheetSpec): void {
  const fields: [Path, string | undefined][] = [
    [['title'], spec.title],
    [['course'], spec.course],
    [['instructions'], spec.instructions],
    ...spec.exercises.map((e, i): [Path, string | undefined] => [['exercises', i, 'title'], e.title]),
  ];
  for (const [path, text] of fields) {
    if (text === undefined) continue;
    const fail = (reason: string): InputError => {
      const source = sourceOf(spec);
      return source ? new SpecError(source.file, source.line(path), fieldName(path), reason) : new InputError(`${fieldName(path)}: ${reason}`);
    };
    try {
      proseHtml(text);
    } catch (e) {
      if (!(e instanceof MathError || e instanceof ProseError)) throw e;
      // A command neither knows (\Q, \C) may still have a well-known standard form.
      const unknown = e instanceof MathError ? /^Undefined control sequence: (\\[A-Za-z]+)/.exec(e.reason)?.[1] : undefined;
      const instead = unknown === undefined ? undefined : insteadOf(unknown);
      throw fail(instead === undefined ? e.message : `${e.message}; write ${instead}`);
    }
    for (const segment of splitProse(text)) {
      const problem = segment.kind === 'math' ? texMathProblem(segment.latex) : undefined;
      if (problem !== undefined) throw fail(problem);
    }
  }
}
