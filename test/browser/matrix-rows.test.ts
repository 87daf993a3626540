/**
 * The rows of every matrix in a real browser (Debian's Chromium), laid out as the printer lays out
 * a key: no row's text may reach into the next row's. KaTeX stacks a matrix's rows a fixed
 * distance apart; a column of \dfrac entries (the gradient step's updated parameters) had each
 * denominator printed over the next numerator, 8.6 px deep.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePrintLayoutPage } from '../support/chromium.js';
import { renderHtml } from '../../src/render/html.js';
import { displayHtml } from '../../src/render/katex.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';

const page = usePrintLayoutPage();

interface RowGap {
  readonly gap: number;
  readonly above: string;
  readonly below: string;
}

/**
 * For each pair of neighbouring cells in a column of a bracketed matrix: the space between the
 * lowest text of the upper cell and the highest text of the lower one, in px. Sub- and
 * superscripts are left out: their boxes reach above and below their line without ink there.
 */
async function matrixRowGaps(html: string): Promise<RowGap[]> {
  await page().setContent(html, { waitUntil: 'load' });
  await page().evaluate(() => document.fonts.ready.then(() => undefined));
  return page().evaluate(() => {
    const textRects = (cell: Element): DOMRect[] => {
      const rects: DOMRect[] = [];
      const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim() || n.parentElement?.closest('.msupsub')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.height > 0) rects.push(r);
      }
      return rects;
    };
    const gaps: RowGap[] = [];
    // A bracketed matrix: \left[ … \right] around an mtable (an aligned block has no brackets).
    document.querySelectorAll('.minner > .mord > .mtable').forEach((table) => {
      table.querySelectorAll(':scope > [class^="col-align"] > .vlist-t > .vlist-r > .vlist').forEach((column) => {
        const cells = Array.from(column.children).filter((c) => textRects(c).length > 0);
        for (let i = 0; i + 1 < cells.length; i++) {
          const bottom = Math.max(...textRects(cells[i]).map((r) => r.bottom));
          const top = Math.min(...textRects(cells[i + 1]).map((r) => r.top));
          gaps.push({ gap: top - bottom, above: cells[i].textContent ?? '', below: cells[i + 1].textContent ?? '' });
        }
      });
    });
    return gaps;
  });
}

const specs = {
  lecture: loadSpec(readFileSync('worksheets/lecture.yaml', 'utf8'), 'lecture.yaml'),
  practice: loadSpec(readFileSync('worksheets/backprop-practice.yaml', 'utf8'), 'backprop-practice.yaml'),
};

describe('no row of a matrix prints into the next', () => {
  it.each([
    ['the lecture key', specs.lecture, 'key'],
    ['the lecture sheet (the ∇W⁽¹⁾f template of ∂f/∂wᵢ)', specs.lecture, 'sheet'],
    ['the practice key', specs.practice, 'key'],
  ] as const)('%s', async (_, spec, audience) => {
    const gaps = await matrixRowGaps(renderHtml(buildSheet(spec), audience));
    expect(gaps.length).toBeGreaterThan(20);
    expect(gaps.filter((g) => g.gap < 0)).toEqual([]);
  }, 60_000);

  it('and the measure is real: the old column of display-size fractions is caught', async () => {
    const old = displayHtml('\\begin{bmatrix} \\dfrac{9}{10} \\\\ \\dfrac{19}{10} \\\\ -\\dfrac{11}{10} \\end{bmatrix}');
    const html = renderHtml(buildSheet(specs.lecture), 'key').replace(/<body([^>]*)>[\s\S]*<\/body>/, (_, attrs: string) => `<body${attrs}><span class="eq">${old}</span></body>`);
    const gaps = await matrixRowGaps(html);
    expect(gaps).toHaveLength(2);
    expect(Math.max(...gaps.map((g) => g.gap))).toBeLessThan(-5);
  }, 60_000);
});
