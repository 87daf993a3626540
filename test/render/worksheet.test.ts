import { describe, expect, it } from 'vitest';
import { buildPrintedWorksheet, buildWorksheet, KeyVerificationError } from '../../src/render/worksheet.js';
import { fakePrinter } from '../support/fake-printer.js';
import { loadSpec } from '../../src/spec/load.js';

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

describe('a build with its PDFs printed while it renders', () => {
  const spec = loadSpec('title: T\nseed: 4\nexercises:\n  - kind: chain-rule\n  - kind: forward-pass\n', 'p.yaml');
  const variants = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('gives buildWorksheet’s files, and each document printed, in sheet order', async () => {
    const printer = fakePrinter(2, 0);
    const printed: number[] = [];
    const built = await buildPrintedWorksheet(spec, { name: 'p', variants, formats: ['html', 'tex'] }, Promise.resolve(printer), (n) => printed.push(n));
    const plain = buildWorksheet(spec, { name: 'p', variants, formats: ['html', 'tex', 'pdf'] });
    expect(built.files).toEqual(plain.files);
    expect(built.pdfJobs).toEqual(plain.pdfJobs);
    expect(built.pdfs.map((f) => f.name)).toEqual(['p-a.pdf', 'p-a-key.pdf', 'p-b.pdf', 'p-b-key.pdf', 'p-c.pdf', 'p-c-key.pdf']);
    expect(built.pdfs.map((f) => new TextDecoder().decode(f.content))).toEqual(plain.pdfJobs.map((j) => j.html));
    expect(printed).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('prints nothing when an answer fails verification', async () => {
    const printer = fakePrinter();
    const wrong = loadSpec('title: T\nseed: 3\nexercises:\n  - id: swapped\n    kind: chain-rule\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "v*sigma\'(u*w + z)*w" }\n', 'w.yaml');
    await expect(buildPrintedWorksheet(wrong, { name: 'w', variants }, printer)).rejects.toBeInstanceOf(KeyVerificationError);
    expect(printer.started).toEqual([]);
    // A browser that could not start is not reported then (nor left as an unhandled rejection):
    // the failed verification is what the instructor must fix first.
    const noBrowser = Promise.reject(new Error('cannot start Chromium'));
    await expect(buildPrintedWorksheet(wrong, { name: 'w', variants }, noBrowser)).rejects.toBeInstanceOf(KeyVerificationError);
  });

  it('reports a browser that could not start once every answer is verified', async () => {
    const noBrowser = Promise.reject(new Error('cannot start Chromium'));
    await expect(buildPrintedWorksheet(spec, { name: 'p', variants }, noBrowser)).rejects.toThrow('cannot start Chromium');
  });
});
