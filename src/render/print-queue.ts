/**
 * PDFs printed while the rest of a build is still being rendered: documents are added as their
 * HTML is made, and each page of the printer takes the longest one waiting (keys before sheets),
 * so that the last to finish is a short one and no page waits long for the other at the end.
 * Files come back in the order the documents were added, whatever order they printed in.
 */
import type { PdfPrinter } from './pdf.js';

/** A document still to be printed. */
export interface PdfJob {
  readonly name: string;
  readonly html: string;
}

/** A printed document: `name` with the .pdf the job named, and its bytes. */
export interface PrintedFile {
  readonly name: string;
  readonly content: Uint8Array;
}

export class PrintQueue {
  private readonly jobs: PdfJob[] = [];
  private readonly out: PrintedFile[] = [];
  /** Added and not yet taken by a page, in the order added. */
  private readonly waiting = new Set<number>();
  /** Pages idle until a document is added or the queue is closed. */
  private sleepers: (() => void)[] = [];
  private closed = false;
  private failed = false;
  private done = 0;
  private readonly printing: Promise<void>;

  /**
   * `printer` may still be starting: documents wait for it. If it fails to start, results() throws
   * its error. `onDone` is told how many documents are printed, after each one.
   */
  constructor(printer: PdfPrinter | Promise<PdfPrinter>, private readonly onDone?: (done: number) => void) {
    this.printing = Promise.resolve(printer).then(async (p) => {
      await Promise.all(Array.from({ length: Math.max(1, p.pages) }, () => this.page(p)));
    });
    // Reported by results(); until then a failure must not count as an unhandled rejection.
    this.printing.catch(() => undefined);
  }

  add(job: PdfJob): void {
    if (this.closed) throw new Error('PrintQueue.add: the queue is closed');
    this.waiting.add(this.jobs.push(job) - 1);
    this.sleepers.shift()?.();
  }

  /** Close the queue and wait: every document's file, in the order added, or the first failure. */
  async results(): Promise<PrintedFile[]> {
    this.closed = true;
    for (const wake of this.sleepers.splice(0)) wake();
    await this.printing;
    return this.out;
  }

  /** The longest document waiting (the first added of equals), taken off the queue. */
  private take(): number | undefined {
    let best: number | undefined;
    for (const i of this.waiting) if (best === undefined || this.jobs[i].html.length > this.jobs[best].html.length) best = i;
    if (best !== undefined) this.waiting.delete(best);
    return best;
  }

  /** One page of the printer: prints documents until the queue is closed and empty, or one fails. */
  private async page(printer: PdfPrinter): Promise<void> {
    while (!this.failed) {
      const i = this.take();
      if (i === undefined) {
        if (this.closed) return;
        await new Promise<void>((resolve) => this.sleepers.push(resolve));
        continue;
      }
      const job = this.jobs[i];
      try {
        this.out[i] = { name: job.name, content: await printer.print(job.html) };
      } catch (e) {
        this.failed = true;
        for (const wake of this.sleepers.splice(0)) wake();
        throw new Error(`Chromium could not print ${job.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
      }
      this.onDone?.(++this.done);
    }
  }
}

/** Print every job with one printer (one browser, each of its pages reused); files come back in job order. */
export async function printPdfs(jobs: readonly PdfJob[], printer: PdfPrinter, onDone?: (done: number) => void): Promise<PrintedFile[]> {
  const queue = new PrintQueue(printer, onDone);
  for (const job of jobs) queue.add(job);
  return queue.results();
}
