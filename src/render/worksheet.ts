/**
 * A whole build in memory: spec → sheets (one per variant) → every answer verified → rendered
 * files. Nothing is written here; the CLI writes the result atomically. PDFs need a browser:
 * buildPrintedWorksheet prints them while it renders, with a printer the caller opened, and
 * buildWorksheet leaves them as jobs for printPdfs (./print-queue.ts).
 */
import type { WorksheetSpec } from '../spec/schema.js';
import { buildSheet, type Sheet, type Variant } from '../exercises/sheet.js';
import { verifySheet, type VerifyReport } from '../exercises/verify.js';
import { renderHtml } from './html.js';
import { renderLatex } from './latex.js';
import { renderJson } from './json.js';
import type { PdfPrinter } from './pdf.js';
import { PrintQueue, type PdfJob, type PrintedFile } from './print-queue.js';
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

export type { PdfJob } from './print-queue.js';
export { printPdfs } from './print-queue.js';

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

/** Every sheet verified, then rendered; PDFs are left as jobs (printPdfs). */
export function buildWorksheet(spec: WorksheetSpec, options: WorksheetOptions): BuiltWorksheet {
  const verified = verifiedSheets(spec, options);
  const files: OutputFile[] = [];
  const pdfJobs: PdfJob[] = [];
  verified.sheets.forEach((sheet, i) => {
    const out = renderSheet(sheet, options);
    files.push(...out.files);
    pdfJobs.push(...out.pdfJobs);
    options.onProgress?.('render', i + 1, verified.sheets.length);
  });
  return { ...verified, files, pdfJobs };
}

/** A build whose PDFs are printed, as its files: the PDFs follow the other files, in sheet order. */
export interface PrintedWorksheet extends BuiltWorksheet {
  readonly pdfs: readonly PrintedFile[];
}

/**
 * buildWorksheet, and its PDFs printed by `printer` (which may still be starting) while the later
 * sheets are rendered: each sheet's documents go to the printer as soon as they are made, and the
 * event loop is let go between sheets so that the printer's protocol messages get through. Every
 * sheet is verified before any is rendered or printed, as in buildWorksheet. The caller closes
 * the printer.
 */
export async function buildPrintedWorksheet(
  spec: WorksheetSpec,
  options: WorksheetOptions,
  printer: PdfPrinter | Promise<PdfPrinter>,
  onPrinted?: (done: number) => void,
): Promise<PrintedWorksheet> {
  // A printer that failed to start is reported by the queue, after verification, or not at all
  // when verification fails: never as an unhandled rejection.
  const starting = Promise.resolve(printer);
  starting.catch(() => undefined);
  const verified = verifiedSheets(spec, options);
  const queue = new PrintQueue(starting, onPrinted);
  const files: OutputFile[] = [];
  const pdfJobs: PdfJob[] = [];
  for (const [i, sheet] of verified.sheets.entries()) {
    const out = renderSheet(sheet, { ...options, formats: [...(options.formats ?? DEFAULT_FORMATS), 'pdf'] });
    files.push(...out.files);
    for (const job of out.pdfJobs) {
      pdfJobs.push(job);
      queue.add(job);
    }
    options.onProgress?.('render', i + 1, verified.sheets.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ...verified, files, pdfJobs, pdfs: await queue.results() };
}

const DEFAULT_FORMATS: readonly OutputFormat[] = ['html', 'pdf'];

/** Every sheet built and verified, or a KeyVerificationError naming every failure. */
function verifiedSheets(spec: WorksheetSpec, options: WorksheetOptions): Pick<BuiltWorksheet, 'sheets' | 'reports'> {
  const variants: readonly (Variant | undefined)[] = options.variants && options.variants.length > 0 ? options.variants : [undefined];
  checkSpecProse(spec);
  const sheets = variants.map((variant) => buildSheet(spec, { seed: options.seed, variant }));
  // Verify every sheet before rendering any: a wrong key must never reach the disk.
  const reports = sheets.map((sheet, i) => {
    const r = verifySheet(sheet);
    options.onProgress?.('verify', i + 1, sheets.length);
    return r;
  });
  const failures = sheets.flatMap((sheet, i) => reports[i].filter((r) => !r.ok).map((report) => ({ sheet, report })));
  if (failures.length > 0) throw new KeyVerificationError(failures);
  return { sheets, reports };
}

/** One sheet's files (HTML, LaTeX, JSON, interactive page, in that order) and its documents to print. */
function renderSheet(sheet: Sheet, options: WorksheetOptions): { files: OutputFile[]; pdfJobs: PdfJob[] } {
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  const files: OutputFile[] = [];
  const pdfJobs: PdfJob[] = [];
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
  return { files, pdfJobs };
}
