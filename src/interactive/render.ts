/**
 * Sheet → one self-contained interactive HTML page: the student sheet's prompts, an answer box per
 * answer, KaTeX's CSS with inlined fonts, the checker bundle (dist/interactive/checker.js, made by
 * `npm run build`) and the answers' fingerprints as an encoded blob. No URL, no request: it works
 * from file:// and offline. Deterministic: a function of the sheet and the bundle's bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Sheet } from '../exercises/sheet.js';
import { InputError } from '../errors.js';
import { packageRoot, templatesDir } from '../render/assets.js';
import { displayHtml, katexCss } from '../render/katex.js';
import { sheetView, type ExerciseView } from '../render/view.js';
import { encodeBlob } from './digest.js';
import { fingerprint } from './fingerprint.js';
import { checkTargets, type CheckTarget } from './targets.js';
import { isUnchecked, type PageData } from './types.js';

interface AnswerBoxView {
  readonly key: string;
  /** A valid HTML id for the input. */
  readonly inputId: string;
  readonly labelHtml: string;
  readonly unchecked?: string;
}

interface Loaded {
  readonly page: Handlebars.TemplateDelegate;
  readonly css: string;
}

let loaded: Loaded | undefined;
let script: string | undefined;

function templates(): Loaded {
  if (loaded) return loaded;
  const dir = templatesDir();
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const name of ['_blocks', '_header']) hb.registerPartial(name, readFileSync(join(dir, 'partials', `${name}.hbs`), 'utf8'));
  loaded = {
    page: hb.compile(readFileSync(join(dir, 'interactive.hbs'), 'utf8'), { strict: false, preventIndent: true }),
    css: `${katexCss()}\n${readFileSync(join(dir, 'print.css'), 'utf8').trim()}\n`,
  };
  return loaded;
}

/** The bundled checker, read once per process. */
export function checkerScript(): string {
  if (script !== undefined) return script;
  const file = join(packageRoot(), 'dist', 'interactive', 'checker.js');
  if (!existsSync(file)) {
    throw new InputError(`--format interactive needs the checker bundle ${file}, which \`npm run build\` makes; run it first`);
  }
  script = readFileSync(file, 'utf8');
  return script;
}

export function renderInteractive(sheet: Sheet): string {
  const t = templates();
  const targets = checkTargets(sheet);
  const answers: PageData['answers'] = Object.fromEntries(targets.map((target) => [target.key, fingerprint(target)]));
  const data: PageData = { version: 1, answers };
  const view = sheetView(sheet, false);
  const exercises = view.exercises.map((ex) => exerciseView(ex, targets, answers));
  return t.page({
    ...view,
    exercises,
    css: t.css,
    script: checkerScript(),
    blob: encodeBlob(JSON.stringify(data)),
  });
}

function exerciseView(ex: ExerciseView, targets: readonly CheckTarget[], answers: PageData['answers']): ExerciseView & { boxes: AnswerBoxView[] } {
  const boxes = targets
    .filter((t) => t.exercise.id === ex.id)
    .map((t): AnswerBoxView => {
      const print = answers[t.key];
      return {
        key: t.key,
        inputId: `answer-${t.key.replace(/[^A-Za-z0-9_-]/g, '-')}`,
        labelHtml: displayHtml(t.answer.label),
        ...(isUnchecked(print) ? { unchecked: print.unchecked } : {}),
      };
    });
  // The sheet's ruled writing space has no use on screen: the answer boxes take its place.
  return { ...ex, prompt: ex.prompt.filter((b) => b.kind !== 'space'), boxes };
}
