/**
 * How prose with inline math wraps in a real browser (Debian's Chromium through Puppeteer), with
 * the sheets' own stylesheet: a "∂" never ends a line whose (short) formula starts the next, a
 * colon never starts a line after one, and a long formula inside prose still breaks after = or +.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { katexCss, proseHtml } from '../../src/render/katex.js';
import { templatesDir } from '../../src/render/assets.js';

let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  const css = `${katexCss()}\n${readFileSync(join(templatesDir(), 'print.css'), 'utf8')}`;
  await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body><p id="p"></p></body></html>`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Lays the paragraph out at each width; for each, the bottoms of the glyph before the glued formula, of its first box, and of what follows it. */
async function bottoms(html: string, widths: readonly number[]): Promise<{ width: number; before: number; formula: number; after: number }[]> {
  return page.evaluate(
    (inner, ws) => {
      const p = document.getElementById('p') as HTMLElement;
      p.innerHTML = inner;
      const bottom = (el: Element | null | undefined): number => (el ? el.getBoundingClientRect().bottom : NaN);
      return ws.map((width) => {
        p.style.width = `${width}px`;
        const nw = p.querySelector('.nw');
        const bases = nw ? Array.from(nw.querySelectorAll('.katex-base')) : [];
        const tail = nw?.lastChild;
        const range = document.createRange();
        if (tail) range.selectNodeContents(tail);
        return {
          width,
          before: bottom(nw?.querySelector('.u')),
          formula: bottom(bases[0]),
          after: tail?.nodeType === Node.TEXT_NODE ? range.getBoundingClientRect().bottom : NaN,
        };
      });
    },
    html,
    widths,
  );
}

const WIDTHS = Array.from({ length: 60 }, (_, i) => 120 + 8 * i);

describe('prose with inline math, wrapped by Chromium', () => {
  it('keeps "∂" and the formula after it, and the colon after that, on one line at every width', async () => {
    const html = proseHtml('Differentiate the cost with respect to each weight, then for ∂$w_{1}$: the rest follows.');
    expect(html).toMatch(/<span class="nw"><span class="u">∂<\/span><span class="katex">[\s\S]*<\/span>:<\/span>/);
    for (const r of await bottoms(html, WIDTHS)) {
      // Bottoms of the glyph, the formula's first box and the colon agree within a pixel or two (one line).
      expect(Math.abs(r.before - r.formula), `width ${r.width}`).toBeLessThan(3);
      expect(Math.abs(r.after - r.formula), `width ${r.width}`).toBeLessThan(3);
    }
  });

  it('never splits a short formula after its "=" (the instructions\' cost), at any width', async () => {
    const html = proseHtml('Show each step and give both cases. The cost is $f_{\\text{MSE}} = \\frac{1}{2}(\\hat{y} - y)^{2}$.');
    const lines = await page.evaluate(
      (inner, ws) => {
        const p = document.getElementById('p') as HTMLElement;
        p.innerHTML = inner;
        const k = p.querySelector('.katex') as HTMLElement;
        return ws.map((width) => {
          p.style.width = `${width}px`;
          return new Set(Array.from(k.getClientRects()).map((r) => Math.round(r.bottom))).size;
        });
      },
      html,
      WIDTHS,
    );
    expect(lines.every((n) => n === 1), JSON.stringify(lines)).toBe(true);
  });

  it('leaves a formula with break points free to break after = or +, even where it touches punctuation', async () => {
    const long = 'Then $f = w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + w_{4} x_{2} + b_{2}) + b_{3}$.';
    const html = proseHtml(long);
    expect(html).not.toContain('class="nw"');
    const heights = await page.evaluate((inner) => {
      const p = document.getElementById('p') as HTMLElement;
      p.innerHTML = inner;
      p.style.width = '220px';
      const k = p.querySelector('.katex') as HTMLElement;
      return { formula: k.getBoundingClientRect().width, line: p.clientWidth };
    }, html);
    // Wrapped inside its box: no wider than the paragraph.
    expect(heights.formula).toBeLessThanOrEqual(heights.line + 1);
  });
});
