/**
 * A whole build in memory: spec → sheets (one per variant) → every answer verified → rendered
 * files. Nothing is written here; the CLI writes the result atomically. PDFs need a browser, so
 * they are a separate, asynchronous step (printPdfs) over the HTML this produces.
 */
import type { WorksheetSpec } from '../spec/schema.js';
import { buildSheet, type Sheet, type Variant } from '../exercises/sheet.js';
import { verifySheet, type VerifyReport } from '../exercises/verify.js';
import { renderHtml } from './html.js';
import { renderLatex } from './latex.js';
import { renderJson } from './json.js';
import type { PdfPrinter } from './pdf.js';
import { renderInteractive } from '../interactive/render.js';
import { checkSpecProse } from './spec-prose.js';
import { plainProse } from './prose.js';

export const OUTPUT_FORMATS = ['html', 'pdf', 'tex', 'json', 'interactive'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface WorksheetOptions {
  /** Base of every file name: `lecture` → lecture.html, lecture-key.html, lecture-07.pdf, lecture-interactive.html. */
  readonly name: string;
  /** Overrides the spec's seed. */
  readonly seed?: number;
  /** One sheet per variant (per student); none → a single sheet. */
  readonly variants?: readonly Variant[];
  /** Default: html and pdf. */
  readonly formats?: readonly OutputFormat[];
  /** Called after each sheet is verified and after each is rendered (for a progress bar). */
  readonly onProgress?: (phase: 'verify' | 'render', done: number, total: number) => void;
}

export interface OutputFile {
  /** A file name relative to the output directory. */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** A document still to be printed. */
export interface PdfJob {
  readonly name: string;
  readonly html: string;
}

export interface SheetFailure {
  readonly sheet: Sheet;
  readonly report: VerifyReport;
}

export interface BuiltWorksheet {
  readonly sheets: readonly Sheet[];
  readonly reports: readonly (readonly VerifyReport[])[];
  /** HTML, LaTeX and JSON files, in a stable order. */
  readonly files: readonly OutputFile[];
  /** What printPdfs turns into PDF files (empty unless formats include pdf). */
  readonly pdfJobs: readonly PdfJob[];
}

/** Some answer of some sheet failed its numeric check: nothing may be written. */
export class KeyVerificationError extends Error {
  override readonly name = 'KeyVerificationError';
  constructor(readonly failures: readonly SheetFailure[]) {
    super(failureLines(failures)[0]);
  }
}

/** One line per failed check: `variant 07 (seed 123): exercise ex3 (The chain rule): answer a: derivative check: …`. */
export function failureLines(failures: readonly SheetFailure[]): string[] {
  return failures.flatMap(({ sheet, report }) =>
    report.failures.map((f) => {
      const where = sheet.variant ? `variant ${sheet.variant.id} (seed ${sheet.seed})` : `seed ${sheet.seed}`;
      return `${where}: exercise ${report.exerciseId} (${plainProse(report.title)}): answer ${f.answerId}: ${f.check} check failed: ${f.message}`;
    }),
  );
}

export function buildWorksheet(spec: WorksheetSpec, options: WorksheetOptions): BuiltWorksheet {
  const formats = new Set(options.formats ?? ['html', 'pdf']);
  const variants: readonly (Variant | undefined)[] = options.variants && options.variants.length > 0 ? options.variants : [undefined];
  const progress = options.onProgress ?? ((): void => undefined);
  checkSpecProse(spec);
  const sheets = variants.map((variant) => buildSheet(spec, { seed: options.seed, variant }));
  // Verify every sheet before rendering any: a wrong key must never reach the disk.
  const reports = sheets.map((sheet, i) => {
    const r = verifySheet(sheet);
    progress('verify', i + 1, sheets.length);
    return r;
  });
  const failures = sheets.flatMap((sheet, i) => reports[i].filter((r) => !r.ok).map((report) => ({ sheet, report })));
  if (failures.length > 0) throw new KeyVerificationError(failures);

  const files: OutputFile[] = [];
  const pdfJobs: PdfJob[] = [];
  for (const sheet of sheets) {
    const base = sheet.variant ? `${options.name}-${sheet.variant.id}` : options.name;
    for (const audience of ['sheet', 'key'] as const) {
      const stem = audience === 'key' ? `${base}-key` : base;
      if (formats.has('html') || formats.has('pdf')) {
        const html = renderHtml(sheet, audience);
        if (formats.has('html')) files.push({ name: `${stem}.html`, content: html });
        if (formats.has('pdf')) pdfJobs.push({ name: `${stem}.pdf`, html });
      }
      if (formats.has('tex')) files.push({ name: `${stem}.tex`, content: renderLatex(sheet, audience) });
    }
    if (formats.has('json')) files.push({ name: `${base}.json`, content: renderJson(sheet) });
    if (formats.has('interactive')) files.push({ name: `${base}-interactive.html`, content: renderInteractive(sheet) });
    progress('render', sheets.indexOf(sheet) + 1, sheets.length);
  }
  return { sheets, reports, files, pdfJobs };
}

/**
 * Print every job with one printer (one browser, each of its pages reused); files come back in job
 * order. The longest documents go first (keys before sheets), so that the last to finish is a
 * short one and no page waits long for the other at the end.
 */
export async function printPdfs(jobs: readonly PdfJob[], printer: PdfPrinter, onDone?: (done: number) => void): Promise<OutputFile[]> {
  const out: OutputFile[] = new Array<OutputFile>(jobs.length);
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b].html.length - jobs[a].html.length || a - b);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) {
      const i = order[next++];
      try {
        out[i] = { name: jobs[i].name, content: await printer.print(jobs[i].html) };
      } catch (e) {
        throw new Error(`Chromium could not print ${jobs[i].name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
      }
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(printer.pages, jobs.length) }, worker));
  return out;
}
