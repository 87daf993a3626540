import { describe, expect, it } from 'vitest';
import { printPdfs, PrintQueue, type PdfJob } from '../../src/render/print-queue.js';
import type { PdfPrinter } from '../../src/render/pdf.js';
import { fakePrinter } from '../support/fake-printer.js';

const text = (files: readonly { content: Uint8Array }[]): string[] => files.map((f) => new TextDecoder().decode(f.content));
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('printing a build’s PDFs', () => {
  it('prints the longest documents first and returns every file in job order', async () => {
    const jobs: PdfJob[] = ['s1', 'key-1-long', 's2', 'key-2-longer', 's3', 'key-3'].map((html, i) => ({ name: `${i}.pdf`, html }));
    const printer = fakePrinter();
    const done: number[] = [];
    const files = await printPdfs(jobs, printer, (n) => done.push(n));
    expect(files.map((f) => f.name)).toEqual(jobs.map((j) => j.name));
    expect(text(files)).toEqual(jobs.map((j) => j.html));
    expect(printer.started).toEqual(['key-2-longer', 'key-1-long', 'key-3', 's1', 's2', 's3']);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a document Chromium fails to print is named in the error, and no page takes another after it', async () => {
    const started: string[] = [];
    const printer: PdfPrinter = {
      pages: 1,
      async print(html) {
        started.push(html);
        if (html === 'huge') throw new Error('Timed out after waiting 600000ms\n    at Timeout…');
        return new Uint8Array();
      },
      async close() {},
    };
    const jobs: PdfJob[] = [
      { name: 'a.pdf', html: 'ok' },
      { name: 'deep-key.pdf', html: 'huge' },
      { name: 'b.pdf', html: 'b' },
    ];
    await expect(printPdfs(jobs, printer)).rejects.toThrow(/^Chromium could not print deep-key\.pdf: Timed out after waiting 600000ms$/);
    // Longest first: 'huge' failed before the others were taken, and they never were.
    expect(started).toEqual(['huge']);
  });
});

describe('a queue of documents that arrive while others print', () => {
  it('waits for a printer that is still starting, then prints each document as it is added', async () => {
    const printer = fakePrinter();
    let ready: (p: PdfPrinter) => void = () => undefined;
    const queue = new PrintQueue(new Promise<PdfPrinter>((resolve) => (ready = resolve)));
    queue.add({ name: 'a.pdf', html: 'aaaa' });
    await tick(5);
    expect(printer.started).toEqual([]);
    ready(printer);
    await tick(1);
    expect(printer.started).toEqual(['aaaa']);
    // Both pages idle or busy: a document added later is taken at once by the idle one.
    queue.add({ name: 'b.pdf', html: 'bbbbbbbbbbbbbbbbbbbb' });
    await tick(1);
    expect(printer.started).toEqual(['aaaa', 'bbbbbbbbbbbbbbbbbbbb']);
    queue.add({ name: 'c.pdf', html: 'c' });
    queue.add({ name: 'd.pdf', html: 'dddddddd' });
    const files = await queue.results();
    expect(files.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
    expect(text(files)).toEqual(['aaaa', 'bbbbbbbbbbbbbbbbbbbb', 'c', 'dddddddd']);
    // c and d waited together: the longer went first.
    expect(printer.started.slice(2)).toEqual(['dddddddd', 'c']);
  });

  it('reports a printer that could not start, when the results are asked for', async () => {
    const queue = new PrintQueue(Promise.reject(new Error('cannot start Chromium at /nowhere')));
    queue.add({ name: 'a.pdf', html: 'a' });
    await tick(1);
    await expect(queue.results()).rejects.toThrow('cannot start Chromium at /nowhere');
  });

  it('returns no files for no documents, and refuses a document after it is closed', async () => {
    const queue = new PrintQueue(fakePrinter());
    expect(await queue.results()).toEqual([]);
    expect(() => queue.add({ name: 'late.pdf', html: 'x' })).toThrow(/closed/);
  });
});
