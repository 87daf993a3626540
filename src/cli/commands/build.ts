/**
 * `gradsheet build [SPEC] [--out DIR] [--format html,pdf,tex,json,interactive] [--seed N] [--variants N | --roster FILE.csv]`:
 * student sheets and answer keys. Every answer of every sheet is verified before anything is
 * rendered; everything is rendered (PDFs included) before anything is written; files are then
 * moved into place atomically. Exit 0 built, 1 an answer failed verification, 2 bad input.
 */
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { InputError } from '../../errors.js';
import { loadSpec } from '../../spec/load.js';
import type { Variant } from '../../exercises/sheet.js';
import { processIo, type CommandIo, type Io } from '../io.js';
import { defaultSpec, readText } from '../spec-files.js';
import { numberedVariants, rosterVariants } from '../../render/variants.js';
import { openPdfPrinter, type PdfPrinter } from '../../render/pdf.js';
import { checkOutputDirectory, writeAtomically } from '../../render/output.js';
import { counted } from '../../plural.js';
import {
  buildPrintedWorksheet,
  buildWorksheet,
  failureLines,
  KeyVerificationError,
  OUTPUT_FORMATS,
  type BuiltWorksheet,
  type OutputFile,
  type PrintedWorksheet,
  type OutputFormat,
} from '../../render/worksheet.js';

interface BuildOptions {
  out: string;
  format: string;
  seed?: string;
  variants?: string;
  roster?: string;
}

/** At most this many failure lines on stderr; the rest are counted. */
const MAX_FAILURE_LINES = 20;

export function buildCommand(io: CommandIo): Command {
  return new Command('build')
    .description('build student sheets and verified answer keys from a worksheet spec (default: the bundled lecture worksheet)')
    .argument('[spec]', 'worksheet spec (YAML)')
    .option('--out <dir>', 'output directory', 'out')
    .option('--format <list>', `comma-separated output formats: ${OUTPUT_FORMATS.join(', ')}`, 'html,pdf')
    .option('--seed <n>', "seed (default: the spec's)")
    .option('--variants <n>', 'one sheet per variant, ids 01 … N')
    .option('--roster <file.csv>', "one sheet per student: a CSV with a 'name' column (and optionally 'id')")
    .action(async (specArg: string | undefined, opts: BuildOptions) => {
      const specFile = specArg ?? defaultSpec();
      const spec = loadSpec(readText(specFile, 'SPEC'), specFile);
      const formats = parseFormats(opts.format);
      const variants = chooseVariants(opts);
      const name = basename(specFile, extname(specFile));
      const seed = parseSeed(opts.seed);
      checkOutputDirectory(opts.out, '--out');
      const sheets = variants?.length ?? 1;
      const progress = progressBar(io, sheets, formats.includes('pdf') ? 2 * sheets : 0);
      // Chromium starts up (≈ 0.5 s of its own CPU) while this process builds and verifies the
      // sheets, and prints each sheet's PDFs while the next ones are rendered.
      const launching = formats.includes('pdf') ? launch() : undefined;
      const options = { name, seed, variants, formats, onProgress: progress?.verifyOrRender };
      let built: BuiltWorksheet | PrintedWorksheet | KeyVerificationError;
      try {
        built = await verifiedBuild(async () =>
          launching ? buildPrintedWorksheet(spec, options, printerOf(launching), progress?.printed) : buildWorksheet(spec, options),
        );
      } finally {
        progress?.stop();
        await discard(launching);
      }
      if (built instanceof KeyVerificationError) {
        const lines = failureLines(built.failures);
        for (const l of lines.slice(0, MAX_FAILURE_LINES)) io.err(`gradsheet: ${specFile}: ${l}`);
        if (lines.length > MAX_FAILURE_LINES) io.err(`gradsheet: … and ${lines.length - MAX_FAILURE_LINES} more failures`);
        io.err('gradsheet: nothing was written: an answer key failed verification');
        io.setExitCode(1);
        return;
      }
      const files: OutputFile[] = [...built.files, ...('pdfs' in built ? built.pdfs : [])];
      const written = writeAtomically(opts.out, files);
      const exercises = built.reports.reduce((n, r) => n + r.length, 0);
      const comparisons = built.reports.reduce((n, r) => n + r.reduce((m, x) => m + x.comparisons, 0), 0);
      const count = built.sheets.length;
      io.out(`verified ${counted(exercises, 'exercise')} on ${counted(count, 'sheet')} (${comparisons} numeric comparisons)`);
      io.out(written.length <= 8 ? `wrote ${written.join(', ')}` : `wrote ${written.length} files to ${opts.out}`);
    });
}

/** The build, or the verification failure as a value (reported once the progress bar is gone). */
async function verifiedBuild<T extends BuiltWorksheet>(build: () => Promise<T>): Promise<T | KeyVerificationError> {
  try {
    return await build();
  } catch (e) {
    if (e instanceof KeyVerificationError) return e;
    throw e;
  }
}

export function parseFormats(list: string): OutputFormat[] {
  const items = list.split(',').map((s) => s.trim().toLowerCase());
  if (items.some((s) => s === '')) throw new InputError(`--format "${list}": empty item in the list`);
  const out: OutputFormat[] = [];
  for (const item of items) {
    const known = OUTPUT_FORMATS.find((f) => f === item);
    if (!known) throw new InputError(`--format: unknown format '${item}'; choose from ${OUTPUT_FORMATS.join(', ')}`);
    if (!out.includes(known)) out.push(known);
  }
  return out;
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > 2 ** 32 - 1) throw new InputError(`--seed: expected a whole number from 0 to ${2 ** 32 - 1}, got '${text}'`);
  return n;
}

function chooseVariants(opts: BuildOptions): Variant[] | undefined {
  if (opts.variants !== undefined && opts.roster !== undefined) throw new InputError('--variants and --roster cannot be used together');
  if (opts.variants !== undefined) {
    if (!/^\d+$/.test(opts.variants)) throw new InputError(`--variants: expected a whole number, got '${opts.variants}'`);
    return numberedVariants(Number(opts.variants));
  }
  if (opts.roster !== undefined) return rosterVariants(readText(opts.roster, '--roster'), opts.roster);
  return undefined;
}

type Launch = { readonly printer: PdfPrinter } | { readonly error: unknown };

/** Start the browser; a failure is kept as a value until it matters (a failed verification comes first). */
function launch(): Promise<Launch> {
  return openPdfPrinter().then(
    (printer) => ({ printer }),
    (error: unknown) => ({ error }),
  );
}

/** The printer, or its launch's error, once verification has passed and printing begins. */
async function printerOf(launching: Promise<Launch>): Promise<PdfPrinter> {
  const l = await launching;
  if ('error' in l) throw l.error;
  return l.printer;
}

/** Close the browser, if it started. */
async function discard(launching: Promise<Launch> | undefined): Promise<void> {
  const l = launching ? await launching : undefined;
  if (l && 'printer' in l) await l.printer.close();
}

/** Progress through verifying, rendering and printing: a bar on stderr, shown only on a terminal. */
interface Progress {
  verifyOrRender(phase: 'verify' | 'render', done: number): void;
  printed(done: number): void;
  stop(): void;
}

/**
 * Only for several sheets and only on a TTY, so tests (which pass their own Io) and CI logs stay
 * clean. One bar over all three phases: sheets verified, sheets rendered, PDFs printed.
 */
function progressBar(io: Io, sheets: number, pdfs: number): Progress | undefined {
  if (sheets < 2 || io !== processIo || process.stderr.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}%', stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(2 * sheets + pdfs, 0, { phase: 'verifying' });
  // PDFs print while later sheets render: the bar shows the sum of the three counts.
  const done = { verify: 0, render: 0, print: 0 };
  const show = (phase: string): void => bar.update(done.verify + done.render + done.print, { phase });
  return {
    verifyOrRender: (phase, n) => {
      done[phase] = n;
      show(phase === 'verify' ? 'verifying' : 'rendering');
    },
    printed: (n) => {
      done.print = n;
      show('printing PDFs');
    },
    stop: () => bar.stop(),
  };
}
