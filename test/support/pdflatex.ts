/** Compiling LaTeX in tests: skipped, with a note in the test's name, where pdflatex is not installed (CI installs it). */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLatex } from '../../src/render/latex.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';

export const hasPdflatex = spawnSync('pdflatex', ['--version']).status === 0;
export const SKIPPED = hasPdflatex ? '' : ' — SKIPPED: pdflatex is not on PATH (apt-get install texlive-latex-base)';

/** A fresh directory for pdflatex's files; removeTexDirs() removes them. */
export { scratch as texDir, removeScratch as removeTexDirs } from '../fixtures/cli.js';

export interface Compiled {
  readonly status: number | null;
  /** pdflatex's error lines ("! …"), joined. */
  readonly errors: string;
  /** The log, its lines unwrapped (a message and its "on input line N" on one line). */
  readonly log: () => string;
}

/** Write `name`.tex and compile it, stopping at the first error. */
export function pdflatex(dir: string, name: string, tex: string): Compiled {
  writeFileSync(join(dir, `${name}.tex`), tex);
  const env = { ...process.env, max_print_line: '100000' };
  const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${name}.tex`], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, errors: r.stdout.split('\n').filter((l) => l.startsWith('!')).join(' '), log: () => readFileSync(join(dir, `${name}.log`), 'latin1') };
}

/** The .tex export's preamble, up to and with \begin{document}. */
export function texPreamble(): string {
  const tex = renderLatex(buildSheet(loadSpec('title: T\nexercises:\n  - kind: chain-rule\n', 't.yaml')), 'key');
  return tex.slice(0, tex.indexOf('\\begin{document}') + '\\begin{document}'.length);
}

/**
 * A document of the export's preamble and `body`, where a glyph missing from its font is an
 * error (\tracinglostchars=3), not a line in the log.
 */
export function texDocument(body: string): string {
  return `${texPreamble().replace(/\\begin\{document\}$/, '')}\\tracinglostchars=3\n\\begin{document}\n\\raggedright\n${body}\n\\end{document}\n`;
}

/** The warnings of a log that name a line of the document ("… on input line 12."), each on one line. */
export function lineWarnings(log: string): string[] {
  return log
    .split(/\n\s*\n/)
    .filter((m) => /Warning/.test(m) && /on input line \d+\./.test(m))
    .map((m) => m.trim().replace(/\s*\n\s*/g, ' '));
}
