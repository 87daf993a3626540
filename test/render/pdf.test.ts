import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { layOutForPrint, layOutJob, openPdfPrinter, packBody, withoutDates, type PdfPrinter } from '../../src/render/pdf.js';
import { launchChromium, printLayoutPage } from '../support/chromium.js';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/parse/parse.js';
import { richSheet } from '../fixtures/sheets.js';
import { glyphsOutsideTextBlock, wordWidth } from '../fixtures/pdf.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'gradsheet-pdf-'));
let printer: PdfPrinter;
const files: Record<'sheet' | 'key', string> = { sheet: join(dir, 'sheet.pdf'), key: join(dir, 'key.pdf') };

beforeAll(async () => {
  printer = await openPdfPrinter();
  for (const audience of ['sheet', 'key'] as const) {
    writeFileSync(files[audience], await printer.print(renderHtml(richSheet(), audience)));
  }
});

afterAll(async () => {
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

const tool = (name: string, ...args: string[]): string => execFileSync(name, args, { encoding: 'utf8' });

describe('PDF through Chromium', () => {
  it('prints the key on A4 pages with a footer', () => {
    const info = tool('pdfinfo', files.key);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    expect(tool('pdftotext', '-f', '1', '-l', '1', files.key, '-')).toMatch(/Render test: everything a key holds · Zoë O’Neil · seed 5 · answer key\s+page 1 of \d/);
  });

  it('carries a plain-text marker of every exercise, and the key’s answers only in the key', () => {
    const key = tool('pdftotext', files.key, '-');
    const sheet = tool('pdftotext', files.sheet, '-');
    for (const text of [key, sheet]) {
      expect(text).toContain('Exercise 1. Partials of the XOR network (ReLU)');
      expect(text).toContain('Exercise 2. A Jacobian & its shape');
      expect(text).toContain('Zoë O’Neil');
    }
    expect(key).toContain('Worked steps');
    expect(key).toContain('instructor');
    expect(sheet).not.toMatch(/Worked steps|Verified|Method/);
  });

  it('prints KaTeX’s markup made lighter, on a fresh page and on a page reused: no zero-width spacer reaches the PDF’s text', async () => {
    const html = renderHtml(richSheet(), 'key');
    expect(html).toContain('<span class="vlist-s">\u200b</span>');
    // Two pages: the first two prints may each be a page's first document; the later ones swap into a used page.
    for (let i = 0; i < 3; i++) {
      const file = join(dir, `again-${i}.pdf`);
      writeFileSync(file, await printer.print(html));
      expect(tool('pdftotext', file, '-')).not.toContain('\u200b');
    }
    expect(tool('pdftotext', files.key, '-')).not.toContain('\u200b');
  });

  it('typesets the math in KaTeX’s own fonts, not a fallback serif', () => {
    const fonts = tool('pdffonts', files.key);
    expect(fonts).toContain('KaTeX_Main-Regular');
    expect(fonts).toContain('KaTeX_Math-Italic');
    expect(fonts).toContain('KaTeX_Size3-Regular');
  });

  it('reuses a page: a document printed after another reads exactly like one printed first', async () => {
    const text = (pdf: Uint8Array, name: string): string => {
      const file = join(dir, name);
      writeFileSync(file, pdf);
      return tool('pdftotext', '-layout', file, '-');
    };
    const other = { ...richSheet(9), title: 'Another <sheet> & title', variant: undefined };
    const html = renderHtml(other, 'key');
    const fresh = await openPdfPrinter(undefined, 1);
    let first: string;
    try {
      first = text(await fresh.print(html), 'first.pdf');
    } finally {
      await fresh.close();
    }
    const after = text(await printer.print(html), 'after.pdf');
    expect(after).toBe(first);
    const fonts = (name: string): string[] =>
      tool('pdffonts', join(dir, name)).split('\n').slice(2).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).filter(Boolean).sort();
    expect(fonts('after.pdf')).toEqual(fonts('first.pdf'));
    expect(fonts('after.pdf')).toContain('KaTeX_Size3-Regular');
    expect(after).toContain('Another <sheet> & title · seed 9 · answer key');
    expect(after).not.toContain('Zoë O’Neil');
  });

  it('prints a document to the same bytes a second later: the PDF holds no date', async () => {
    // Before: two prints differed in the creation and modification dates of the document information.
    const html = renderHtml({ ...richSheet(9), variant: undefined }, 'sheet');
    const first = await printer.print(html);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await printer.print(html);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    writeFileSync(join(dir, 'undated.pdf'), second);
    const info = tool('pdfinfo', join(dir, 'undated.pdf'));
    expect(info).not.toMatch(/CreationDate|ModDate/);
    expect(info).toMatch(/Pages:\s+\d+/);
  });

  it('withoutDates blanks the dates and keeps every byte offset', () => {
    const pdf = Buffer.from("1 0 obj\n<</Creator (x) /CreationDate (D:20261126172926+00'00') /ModDate (D:20261126172926+00'00')>>\nendobj\n", 'latin1');
    const out = Buffer.from(withoutDates(pdf));
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe(`1 0 obj\n<</Creator (x) ${' '.repeat(39)} ${' '.repeat(34)}>>\nendobj\n`);
  });

  it('sets a formula wider than the page smaller instead of shrinking every page', async () => {
    const base = richSheet();
    const long = 'w5*(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*sigma(w1*x1 + w2*x2 + b1)*x1';
    const wide = { ...base.exercises[1], answers: [{ id: 'J', label: '\\nabla_{\\mathbf{W}^{(1)}} f', value: parse(`[${long}, ${long}; ${long}, ${long}]`) }] };
    const file = join(dir, 'wide.pdf');
    writeFileSync(file, await printer.print(renderHtml({ ...base, exercises: [base.exercises[0], wide] }, 'key')));
    // Word boxes in points on a 595 × 842 page; the title is set at 17 pt.
    const words = [...tool('pdftotext', '-bbox', file, '-').matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      xMax: Number(m[3]),
      height: Number(m[4]) - Number(m[2]),
      text: m[5],
    }));
    const title = words.find((w) => w.text === 'Render');
    expect(title?.height).toBeGreaterThan(15);
    expect(Math.max(...words.map((w) => w.xMax))).toBeLessThanOrEqual(595 - 45 + 2);
  });

  it('paints nothing of a page’s first line at the foot of the page before it', async () => {
    // Chromium prints a document as one strip cut into pages: ink above the first line box of a
    // page lands at the foot of the previous one. A fraction's numerator (∂f) is taller in its
    // font than in KaTeX's metrics, so without headroom (print.css, .katex-strut) these four keys
    // each showed a sliver of a ∂ just above the footer.
    const specFile = join('worksheets', 'backprop-practice.yaml');
    const spec = loadSpec(readFileSync(specFile, 'utf8'), specFile);
    for (const id of ['barbara-liskov', 'grace-hopper', 'leslie-lamport', 'katherine-johnson']) {
      const file = join(dir, `${id}-key.pdf`);
      writeFileSync(file, await printer.print(renderHtml(buildSheet(spec, { variant: { id } }), 'key')));
      expect(glyphsOutsideTextBlock(file), id).toEqual([]);
    }
  }, 60_000);

  it('prints every key at full size: no line of it is wider than the page', async () => {
    // One box wider than the text block, by a single pixel, and Chromium shrinks every page of the
    // PDF to fit it. These keys had one: Alan Turing's a display formula inside a worked step
    // (KaTeX's display mode never wraps; it scaled the key to 78 %), the other three a subscript
    // ending a line (KaTeX's 2 px Safari cell, 99.85 %). The same words must print at the same
    // size in the key as in the student's sheet, to a hundredth of a point.
    const specFile = join('worksheets', 'backprop-practice.yaml');
    const spec = loadSpec(readFileSync(specFile, 'utf8'), specFile);
    for (const id of ['alan-turing', 'edsger-dijkstra', 'john-mccarthy', 'radia-perlman']) {
      const sheet = buildSheet(spec, { variant: { id } });
      const printed = {} as Record<'sheet' | 'key', string>;
      for (const audience of ['sheet', 'key'] as const) {
        printed[audience] = join(dir, `${id}-${audience}-size.pdf`);
        writeFileSync(printed[audience], await printer.print(renderHtml(sheet, audience)));
      }
      for (const word of ['Name:', 'Backpropagation']) {
        expect(wordWidth(printed.key, word), `${id}: ${word}`).toBeCloseTo(wordWidth(printed.sheet, word), 2);
      }
    }
  }, 60_000);

  it('reads each diagram label once in the text of a printed key: a halo is a white shape under its label, not a copy of it', async () => {
    // A white copy of each label under it, the halo before, is text as well: pdftotext read the
    // diagram of the 2-2-1 net as "b1 x1 w1 w h1 1 …" and every weight twice.
    const yaml = ['title: One diagram', 'seed: 1', 'exercises:', '  - { kind: network-expansion, params: { layers: [2, 2, 1], activation: relu } }'].join('\n');
    const file = join(dir, 'diagram-key.pdf');
    writeFileSync(file, await printer.print(renderHtml(buildSheet(loadSpec(yaml, 'diagram.yaml')), 'key')));
    const text = tool('pdftotext', file, '-');
    const figure = /Consider the network in the figure\.\s([\s\S]*?)The 2-2-1 network:/.exec(text)?.[1] ?? '';
    // NFC: the hat comes out as a combining circumflex after the y.
    const words = figure.split(/\s+/).filter(Boolean).map((w) => w.normalize('NFC')).sort();
    expect(words).toEqual(['b1', 'b2', 'b3', 'h1', 'h2', 'hidden', 'input', 'output', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'x1', 'x2', 'ŷ']);
  }, 60_000);

  it("reads each XOR point label once in the text of a printed key: no white outline of the glyphs, which a PDF keeps as text", async () => {
    // The labels used to have a white stroke under their fill: pdftotext read "(0,1), (1,0) ×2" twice.
    const yaml = 'title: XOR\nseed: 1\nexercises:\n  - { kind: xor-design }\n';
    const file = join(dir, 'xor-key.pdf');
    writeFileSync(file, await printer.print(renderHtml(buildSheet(loadSpec(yaml, 'xor.yaml')), 'key')));
    const labels = tool('pdftotext', file, '-')
      .split('\n')
      .filter((line) => /^\([01],[01]\)(, \([01],[01]\))*( ×\d)?$/.test(line))
      .sort();
    // The four inputs in input space; in hidden space (0,1) and (1,0) land on one spot.
    expect(labels).toEqual(['(0,0)', '(0,0)', '(0,1)', '(0,1), (1,0) ×2', '(1,0)', '(1,1)', '(1,1)']);
  }, 60_000);

  it('prints a key of deep networks at full size', async () => {
    // Set whole, W for 3-3-3-2 was ≈ 2,000 px across and W for four 4-wide layers ≈ 20,000 px:
    // even at half size the key shrank to 67 %. Their steps stop at the written-out product, and
    // the answers set W and b out entry by entry. The ŷ of a 4-4-4-4 network cannot be broken
    // into lines (6,841 px in one piece) and is set as small as it takes, not the whole key.
    const yaml = [
      'title: Deep networks',
      'seed: 7',
      'exercises:',
      '  - { kind: linear-collapse, params: { layers: [3, 3, 3, 2] } }',
      '  - { kind: linear-collapse, params: { layers: [4, 4, 4, 4, 4], naming: indexed } }',
      '  - { kind: network-expansion, params: { layers: [4, 4, 4, 4], activation: tanh, naming: indexed } }',
    ].join('\n');
    const sheet = buildSheet(loadSpec(yaml, 'deep.yaml'));
    const printed = {} as Record<'sheet' | 'key', string>;
    for (const audience of ['sheet', 'key'] as const) {
      printed[audience] = join(dir, `deep-${audience}.pdf`);
      writeFileSync(printed[audience], await printer.print(renderHtml(sheet, audience)));
    }
    expect(wordWidth(printed.key, 'Name:')).toBeCloseTo(wordWidth(printed.sheet, 'Name:'), 2);
  }, 60_000);

  it('starts a prompt taller than a page on the page of its heading, and keeps its lead-ins with their formulas', async () => {
    // Before: a 4-4-4 gradient step's prompt (kept whole, but taller than a page) moved to page 2,
    // leaving page 1 of the sheet with the header alone; 3 pages where 2 do.
    const yaml = 'title: Tall prompt\nseed: 1\nexercises:\n  - { kind: gradient-step, params: { inputs: 4, hidden: 4, outputs: 4, range: [-20, 20], batchSize: 4 } }\n';
    const file = join(dir, 'tall.pdf');
    writeFileSync(file, await printer.print(renderHtml(buildSheet(loadSpec(yaml, 'tall.yaml')), 'sheet')));
    expect(tool('pdftotext', '-f', '1', '-l', '1', file, '-')).toContain('Exercise 1. One step of gradient descent');
    expect(Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))?.[1])).toBe(2);
    // The sentence that leads into the minibatch goes over with it (it ended page 1 alone).
    expect(tool('pdftotext', '-f', '1', '-l', '1', file, '-')).not.toContain('Take the minibatch');
    expect(tool('pdftotext', '-f', '2', '-l', '2', file, '-')).toContain('Take the minibatch');
    // The key: no page holds only its footer. Its answers, 40 entries, left one empty before (the
    // box moved whole to the next page and was split there anyway).
    const key = join(dir, 'tall-key.pdf');
    writeFileSync(key, await printer.print(renderHtml(buildSheet(loadSpec(yaml, 'tall.yaml')), 'key')));
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', key))?.[1]);
    for (let page = 1; page <= pages; page++) {
      const words = tool('pdftotext', '-f', String(page), '-l', String(page), key, '-').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      expect(words.length, `page ${page}`).toBeGreaterThan(12);
    }
  }, 60_000);

  it('a missing Chromium is bad input with a one-line way out', async () => {
    const failure = openPdfPrinter('/nonexistent/chromium');
    await expect(failure).rejects.toThrow(InputError);
    await expect(openPdfPrinter('/nonexistent/chromium')).rejects.toThrow(/^cannot start Chromium at \/nonexistent\/chromium \(no such file\): install it with `apt-get install chromium`/);
  });
});


describe('laying a document out for print, in one call in the page', () => {
  it('swaps the document in, and lays it out only while the page has its print set-up', async () => {
    // Set-up lost (the viewport's height is not the printer's): the document is swapped in and
    // left as it is, and the printer sets the page up again before it lays the document out.
    const browser = await launchChromium();
    try {
      const page = await printLayoutPage(browser);
      const wide = `<p style="width: 100px"><span class="katex"><span class="katex-base" style="display: inline-block; width: 300px">∂ŷ/∂w₁</span></span></p>`;
      await page.setContent('<html><head><title>old</title><style>p { margin: 0 }</style></head><body>old</body></html>');
      // The body travels packed (deflated, in base64), and is unpacked in the page: non-ASCII too.
      const swap = { title: 'New &amp; title', headRest: '<style>.late { color: red }</style>', bodyClass: 'key', packedBody: await packBody(wide) };
      const lost = await page.evaluate(layOutForPrint, layOutJob(swap));
      expect(lost).toEqual({ ready: false, fitted: 0, broken: 0 });
      const state = (): Promise<{ title: string; body: string; cls: string; printed: boolean; late: number }> =>
        page.evaluate(() => ({
          title: document.title,
          body: document.body.innerHTML,
          cls: document.body.className,
          printed: document.documentElement.classList.length > 0,
          late: document.head.querySelectorAll('style').length,
        }));
      expect(await state()).toEqual({ title: 'New & title', body: wide, cls: 'key', printed: false, late: 2 });
      // Set up again: the formula wider than its 100 px line is set smaller, and the body marked printed.
      await page.setViewport({ width: layOutJob().width, height: layOutJob().height });
      expect(await page.evaluate(layOutForPrint, layOutJob())).toEqual({ ready: true, fitted: 1, broken: 0 });
      expect((await state()).printed).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('the browser the printer launches', () => {
  it('has no omnibox popup page: only the pages it prints on', async () => {
    // Without --disable-features=WebUIOmniboxPopup,… each hidden window had a chrome://omnibox-popup
    // page, in a renderer of its own that worked whenever a printed document changed.
    const browser = await launchChromium();
    try {
      const session = await browser.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.filter((t) => t.url.includes('omnibox'))).toEqual([]);
      expect(targetInfos.map((t) => t.type)).toEqual(['page']);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
