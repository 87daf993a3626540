/**
 * `gradsheet verify [SPEC…] [--seeds N] [--format text|latex|json]`: re-run every answer's numeric
 * checks without rendering, for a course's CI. A SPEC may be a worksheet (YAML; verified for
 * seeds spec.seed … spec.seed+N−1), a directory of worksheets, or a saved key (`build --format
 * json`), whose answers are verified exactly as saved. Exit 0 all pass, 1 any failure, 2 bad input.
 */
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { loadSpec } from '../../spec/load.js';
import { buildSheet, type Sheet } from '../../exercises/sheet.js';
import { verifySheet, type VerifyReport } from '../../exercises/verify.js';
import { isKeyJson, keyFromJson } from '../../exercises/serialize.js';
import { json, type CommandIo, type Io } from '../io.js';
import { defaultSpec, isDirectory, readText, specsIn } from '../spec-files.js';
import { textTex } from '../../render/tex-text.js';
import { checkSpecProse } from '../../render/spec-prose.js';
import { plainProse } from '../../render/prose.js';
import { counted } from '../../plural.js';

interface VerifyOptions {
  seeds: string;
  format: 'text' | 'latex' | 'json';
}

interface SheetResult {
  readonly file: string;
  readonly source: 'spec' | 'key';
  readonly sheet: Sheet;
  readonly reports: readonly VerifyReport[];
}

/** Each seed rebuilds every exercise; 1000 is far past any CI's patience. */
const MAX_SEEDS = 1000;

export function verifyCommand(io: CommandIo): Command {
  return new Command('verify')
    .description('verify every answer key numerically without rendering (exit 1 when any answer fails)')
    .argument('[spec...]', 'worksheet specs (YAML), directories of them, or saved keys (JSON from build --format json)')
    .option('--seeds <n>', 'verify each spec for this many seeds, starting at its own', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'latex', 'json']).default('text'))
    .action((specs: string[], opts: VerifyOptions) => {
      const seeds = parseSeeds(opts.seeds);
      const files = (specs.length > 0 ? specs : [defaultSpec()]).flatMap((s) => (isDirectory(s) ? specsIn(s) : [s]));
      // Read and validate every input before verifying any, so bad input exits 2 whatever order it comes in.
      const inputs = files.map((file) => load(file));
      const results = inputs.flatMap((input): SheetResult[] => {
        if (input.kind === 'key') return [{ file: input.file, source: 'key', sheet: input.sheet, reports: verifySheet(input.sheet) }];
        return Array.from({ length: seeds }, (_, k) => {
          // Seeds wrap at 2³², as the seeds a spec or `build --seed` may give do not go beyond 2³² − 1.
          const sheet = buildSheet(input.spec, { seed: (input.spec.seed + k) % 2 ** 32 });
          return { file: input.file, source: 'spec', sheet, reports: verifySheet(sheet) };
        });
      });
      const failed = results.filter((r) => r.reports.some((x) => !x.ok));
      io.out(opts.format === 'json' ? jsonReport(results) : opts.format === 'latex' ? latexReport(results) : textReport(results));
      if (failed.length > 0) {
        const count = failed.reduce((n, r) => n + r.reports.reduce((m, x) => m + x.failures.length, 0), 0);
        io.err(`gradsheet: verification failed: ${counted(count, 'failed check')} in ${failed.length} of ${results.length} sheets`);
        io.setExitCode(1);
      }
    });
}

type Input = { kind: 'spec'; file: string; spec: ReturnType<typeof loadSpec> } | { kind: 'key'; file: string; sheet: Sheet };

function load(file: string): Input {
  const text = readText(file, 'SPEC');
  if (extname(file).toLowerCase() !== '.json') {
    const spec = loadSpec(text, file);
    checkSpecProse(spec);
    return { kind: 'spec', file, spec };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isKeyJson(value)) throw new InputError(`${file}: not a gradsheet answer key (expected the JSON written by \`gradsheet build --format json\`)`);
  return { kind: 'key', file, sheet: keyFromJson(value, file) };
}

function parseSeeds(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS) throw new InputError(`--seeds: expected a whole number from 1 to ${MAX_SEEDS}, got '${text}'`);
  return n;
}

function where(r: SheetResult): string {
  return `${r.file} seed ${r.sheet.seed}${r.sheet.variant ? ` variant ${r.sheet.variant.id}` : ''}`;
}

function textReport(results: readonly SheetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const comparisons = r.reports.reduce((n, x) => n + x.comparisons, 0);
    const bad = r.reports.filter((x) => !x.ok);
    lines.push(`${bad.length === 0 ? 'ok  ' : 'FAIL'} ${where(r)}: ${counted(r.reports.length, 'exercise')}, ${counted(comparisons, 'numeric comparison')}`);
    for (const x of bad) {
      for (const f of x.failures) {
        lines.push(`     exercise ${x.exerciseId} (${plainProse(x.title)}): answer ${f.answerId}: ${f.check} check failed: ${f.message}`);
      }
    }
  }
  const failed = results.filter((r) => r.reports.some((x) => !x.ok)).length;
  lines.push(failed === 0 ? `all ${counted(results.length, 'sheet')} verified` : `${failed} of ${results.length} sheets failed`);
  return lines.join('\n');
}

/**
 * The report as a LaTeX fragment for a course's records: a tabular with one row per sheet, then
 * the failures as a list. Unicode in messages (σ′, ∂) is written as LaTeX, so the fragment
 * compiles with pdflatex inside any document that loads amsmath and amssymb.
 */
function latexReport(results: readonly SheetResult[]): string {
  const lines = ['\\begin{tabular}{llrrl}', '\\hline', 'Spec & Seed & Exercises & Comparisons & Result \\\\', '\\hline'];
  for (const r of results) {
    const comparisons = r.reports.reduce((n, x) => n + x.comparisons, 0);
    const ok = r.reports.every((x) => x.ok);
    const seed = `${r.sheet.seed}${r.sheet.variant ? ` (${textTex(r.sheet.variant.id)})` : ''}`;
    lines.push(`\\texttt{${textTex(r.file)}} & ${seed} & ${r.reports.length} & ${comparisons} & ${ok ? 'verified' : '\\textbf{failed}'} \\\\`);
  }
  lines.push('\\hline', '\\end{tabular}');
  const failures = results.flatMap((r) =>
    r.reports.flatMap((x) =>
      x.failures.map((f) => `  \\item \\texttt{${textTex(where(r))}}: exercise ${textTex(x.exerciseId)} (${textTex(x.title)}): answer ${textTex(f.answerId)}: ${textTex(f.check)} check failed: ${textTex(f.message)}`),
    ),
  );
  if (failures.length > 0) lines.push('', '\\begin{itemize}', ...failures, '\\end{itemize}');
  return lines.join('\n');
}

function jsonReport(results: readonly SheetResult[]): string {
  return json({
    ok: results.every((r) => r.reports.every((x) => x.ok)),
    results: results.map((r) => ({
      file: r.file,
      source: r.source,
      seed: r.sheet.seed,
      variant: r.sheet.variant?.id,
      ok: r.reports.every((x) => x.ok),
      exercises: r.reports.map((x) => ({
        id: x.exerciseId,
        title: x.title,
        kind: x.kind,
        ok: x.ok,
        comparisons: x.comparisons,
        failures: x.failures.map((f) => ({ answerId: f.answerId, check: f.check, message: f.message })),
      })),
    })),
  });
}
