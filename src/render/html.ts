/**
 * Sheet → one self-contained HTML document (student sheet or answer key): KaTeX's CSS with its
 * fonts as data: URIs plus templates/print.css inlined, no script, no external reference.
 * Deterministic: the output is a function of the sheet alone (no dates, no generated ids).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Sheet } from '../exercises/sheet.js';
import { EXERCISE_KINDS } from '../exercises/types.js';
import { nameLatex } from '../print/names.js';
import { templatesDir } from './assets.js';
import { katexCss, MathError, proseHtml } from './katex.js';
import { ProseError } from './prose.js';
import { RenderError, sheetView, type ExerciseView } from './view.js';

export type Audience = 'sheet' | 'key';

interface Templates {
  readonly sheet: Handlebars.TemplateDelegate;
  readonly key: Handlebars.TemplateDelegate;
  readonly css: string;
}

let loaded: Templates | undefined;

/** Compile the templates and build the stylesheet once per process (≈ 40 ms; a sheet then takes ≈ 1 ms to lay out). */
function templates(): Templates {
  if (loaded) return loaded;
  const dir = templatesDir();
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  hb.registerHelper('last', (list: unknown) => (Array.isArray(list) ? (list as unknown[]).at(-1) : undefined));
  hb.registerHelper('nameTex', (name: unknown) => (typeof name === 'string' ? nameLatex(name) : ''));
  // Prose written in a template (a kind's method reminder); `this` is the exercise being laid out.
  hb.registerHelper('prose', function (this: unknown, options: Handlebars.HelperOptions) {
    try {
      return new hb.SafeString(proseHtml(options.fn(this).trim()));
    } catch (e) {
      if (!(e instanceof MathError || e instanceof ProseError)) throw e;
      const ex = this as Partial<ExerciseView>;
      throw new RenderError(`exercise ${ex.id ?? '?'} (${ex.kind ?? '?'}): templates/partials/${ex.kind ?? '?'}.hbs: ${e.message}`);
    }
  });
  const partialsDir = join(dir, 'partials');
  const names = readdirSync(partialsDir)
    .filter((f) => f.endsWith('.hbs'))
    .sort();
  for (const file of names) hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partialsDir, file), 'utf8'));
  const missing = EXERCISE_KINDS.filter((k) => !names.includes(`${k}.hbs`));
  if (missing.length > 0) throw new Error(`templates/partials has no partial for ${missing.join(', ')}`);
  const compile = (file: string): Handlebars.TemplateDelegate =>
    hb.compile(readFileSync(join(dir, file), 'utf8'), { strict: false, preventIndent: true });
  loaded = {
    sheet: compile('sheet.hbs'),
    key: compile('key.hbs'),
    css: `${katexCss()}\n${readFileSync(join(dir, 'print.css'), 'utf8').trim()}\n`,
  };
  return loaded;
}

export function renderHtml(sheet: Sheet, audience: Audience): string {
  const t = templates();
  const view = sheetView(sheet, audience === 'key');
  return t[audience]({ ...view, css: t.css, footerCss: cssString(view.pageFooter) });
}

/** A CSS string literal: quotes and backslashes escaped, and no `<` that could end the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}
