import { describe, expect, it } from 'vitest';
import { buildWorksheet, printPdfs, type PdfJob } from '../../src/render/worksheet.js';
import { loadSpec } from '../../src/spec/load.js';
import type { PdfPrinter } from '../../src/render/pdf.js';

/** A printer of two pages whose "PDF" is the HTML's bytes, taking time in proportion to its length. */
function fakePrinter(): PdfPrinter & { started: string[] } {
  const started: string[] = [];
  let busy = 0;
  return {
    pages: 2,
    started,
    async print(html) {
      if (++busy > 2) throw new Error('more documents at once than pages');
      started.push(html);
      await new Promise((resolve) => setTimeout(resolve, html.length));
      busy--;
      return new TextEncoder().encode(html);
    },
    async close() {},
  };
}

describe('printing a build’s PDFs', () => {
  it('prints the longest documents first and returns every file in job order', async () => {
    const jobs: PdfJob[] = ['s1', 'key-1-long', 's2', 'key-2-longer', 's3', 'key-3'].map((html, i) => ({ name: `${i}.pdf`, html }));
    const printer = fakePrinter();
    const done: number[] = [];
    const files = await printPdfs(jobs, printer, (n) => done.push(n));
    expect(files.map((f) => f.name)).toEqual(jobs.map((j) => j.name));
    expect(files.map((f) => new TextDecoder().decode(f.content as Uint8Array))).toEqual(jobs.map((j) => j.html));
    expect(printer.started).toEqual(['key-2-longer', 'key-1-long', 'key-3', 's1', 's2', 's3']);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a document Chromium fails to print is named in the error', async () => {
    const printer: PdfPrinter = {
      pages: 1,
      async print(html) {
        if (html === 'huge') throw new Error('Timed out after waiting 600000ms\n    at Timeout…');
        return new Uint8Array();
      },
      async close() {},
    };
    const jobs: PdfJob[] = [
      { name: 'a.pdf', html: 'ok' },
      { name: 'deep-key.pdf', html: 'huge' },
    ];
    await expect(printPdfs(jobs, printer)).rejects.toThrow(/^Chromium could not print deep-key\.pdf: Timed out after waiting 600000ms$/);
  });
});

describe('the key’s note on instructor’s answers', () => {
  const note = /Answers marked .* come from the worksheet spec/;
  const files = (yaml: string): Map<string, string> =>
    new Map(buildWorksheet(loadSpec(yaml, 'k.yaml'), { name: 'k', formats: ['html', 'tex'] }).files.map((f) => [f.name, String(f.content)]));

  it('is there when an answer comes from the spec, in HTML and LaTeX', () => {
    const own = files('title: T\nexercises:\n  - kind: chain-rule\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "u*v*sigma\'(u*w + z)" }\n');
    expect(own.get('k-key.html')).toMatch(note);
    expect(own.get('k-key.tex')).toMatch(note);
  });

  it('is left out when every answer is gradsheet’s (it named a mark no answer carries)', () => {
    const mine = files('title: T\nexercises:\n  - kind: chain-rule\n');
    expect(mine.get('k-key.html')).toContain('Every answer in this key was checked numerically');
    expect(mine.get('k-key.html')).not.toMatch(note);
    expect(mine.get('k-key.tex')).not.toMatch(note);
  });
});
