/**
 * The lighter markup the printer sends Chromium (src/render/print-markup.ts) lays out as KaTeX's
 * own: every glyph of every worksheet's sheet and key, and of the fixture that holds every kind
 * of exercise, sits where it sat, to within Chromium's layout unit (1/64 px), and every page is
 * as tall. A script's shift is rounded to that unit once
 * where KaTeX's markup rounded its two parts; a script in a script in a script adds one rounding
 * a level, so the formulas that stress scripts (three levels deep) may move by 3/64 px, 0.013 mm.
 * Laid out as the printer lays documents out (print media, the text block's width).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePrintLayoutPage } from '../support/chromium.js';
import { buildWorksheet } from '../../src/render/worksheet.js';
import { loadSpec } from '../../src/spec/load.js';
import { slimForPrint } from '../../src/render/print-markup.js';
import { displayHtml, katexCss } from '../../src/render/katex.js';
import { templatesDir } from '../../src/render/assets.js';
import { renderHtml } from '../../src/render/html.js';
import { richSheet } from '../fixtures/sheets.js';

const page = usePrintLayoutPage();

/** Chromium's layout unit, in px. */
const LAYOUT_UNIT = 1 / 64;

interface Glyphs {
  readonly texts: string[];
  /** x, y, width and height of each text, in the order of `texts`. */
  readonly boxes: number[][];
  readonly height: number;
}

/** Every non-blank text of the document (KaTeX's zero-width spacers aside), with its box. */
async function layOut(html: string): Promise<Glyphs> {
  await page().setContent(html, { waitUntil: 'load' });
  return page().evaluate(async () => {
    await document.fonts.ready;
    const texts: string[] = [];
    const boxes: number[][] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = (n.nodeValue ?? '').replaceAll('\u200b', '');
      if (text.trim() === '') continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      texts.push(text);
      boxes.push([r.x, r.y, r.width, r.height]);
    }
    return { texts, boxes, height: document.documentElement.scrollHeight };
  });
}

async function expectSameLayout(name: string, html: string, units = 1): Promise<void> {
  const slim = slimForPrint(html);
  expect(slim.length, name).toBeLessThan(html.length);
  const before = await layOut(html);
  const after = await layOut(slim);
  expect(after.texts, name).toEqual(before.texts);
  expect(after.height, name).toBe(before.height);
  let worst = 0;
  let where = '';
  before.boxes.forEach((b, i) => {
    const d = Math.max(...b.map((v, j) => Math.abs(v - after.boxes[i][j])));
    if (d > worst) [worst, where] = [d, `${JSON.stringify(before.texts[i])} at ${b.map((v) => v.toFixed(3)).join(', ')}`];
  });
  // A little over the units, for the float round trip of a rectangle.
  expect(worst, `${name}: ${where}`).toBeLessThanOrEqual(units * LAYOUT_UNIT + 1e-3);
}

function worksheetFiles(file: string): [string, string][] {
  const spec = loadSpec(readFileSync(join('worksheets', file), 'utf8'), file);
  const built = buildWorksheet(spec, { name: 'w', formats: ['html'] });
  return built.files.filter((f) => f.name.endsWith('.html')).map((f) => [`${file}: ${f.name}`, String(f.content)]);
}

describe('the printer’s lighter KaTeX markup, laid out by Chromium', () => {
  for (const file of ['lecture.yaml', 'backprop-practice.yaml']) {
    it(`puts every glyph of ${file}'s sheet and key where KaTeX's markup puts it`, async () => {
      const files = worksheetFiles(file);
      expect(files.length).toBe(2);
      for (const [name, html] of files) await expectSameLayout(name, html);
    });
  }

  it('puts every glyph of the fixture that holds every kind of exercise and answer where KaTeX puts it', async () => {
    for (const audience of ['sheet', 'key'] as const) await expectSameLayout(`rich ${audience}`, renderHtml(richSheet(), audience));
  });

  it('puts every glyph of formulas that stress scripts where KaTeX puts it', async () => {
    const formulas = [
      'x_1 + x_{12} + x_{i,j} + x^2 + x^{-1} + e^{x_1} + e^{-x_{1}^{2}}',
      "\\sigma'(z) + \\sigma''(z) + f'(x_1) + g^{(1)}_{2} + W^{(2)}_{12} + \\mathbf{W}^{(1)}\\mathbf{x}",
      '\\frac{\\partial \\hat{y}}{\\partial w_1} = w_5\\,\\sigma\'(w_1 x_1 + w_2 x_2 + b_1)\\,x_1',
      '\\left(\\frac{a_1}{b_2}\\right)^{2} + \\sqrt{x_1^2 + x_2^2} + \\sum_{i=1}^{n} x_i^{3} + \\prod_{k} y_k',
      '\\begin{bmatrix} w_1 & w_2 \\\\ w_3^{(1)} & \\frac{1}{x_2} \\end{bmatrix} \\begin{cases} 0 & z_1 \\le 0 \\\\ w_3 & z_1 > 0 \\end{cases}',
      '\\hat{y}_1 + \\bar{x}_2 + \\operatorname{ReLU}\'(z_1) + \\nabla_{\\mathbf{W}} f_{\\text{MSE}} + \\tanh(x)_{i}',
      'f_{f_{f_{f}}} + {}^{a}x_{b} + x_{\\scriptstyle 1} + x_{\\displaystyle 1}',
    ];
    const css = `${katexCss()}\n${readFileSync(join(templatesDir(), 'print.css'), 'utf8')}`;
    const body = formulas.map((f) => `<div class="eq">${displayHtml(f)}</div><p>Inline ${displayHtml(f)} in prose.</p>`).join('\n');
    await expectSameLayout('formulas', `<!DOCTYPE html><html><head><style>${css}</style></head><body>${body}</body></html>`, 3);
  });
});
