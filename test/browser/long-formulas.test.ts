/**
 * Long formulas in a real browser (Debian's Chromium), laid out as the printer lays out a key:
 * print media, a viewport as wide as the text block. A piece of a formula that cannot break and is
 * wider than its line is what src/render/pdf.ts's fitWideFormulas must set smaller; the keys of
 * deep networks should have none: their steps break after + inside brackets, and vectors and
 * ReLU cases too wide for a line are set one entry or one case a line.
 */
import { describe, expect, it } from 'vitest';
import { fitWideFormulas } from '../../src/render/pdf.js';
import { usePrintLayoutPage } from '../support/chromium.js';
import { renderHtml } from '../../src/render/html.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const page = usePrintLayoutPage();

/** How many formulas of the key had to be set smaller to fit their lines. */
async function formulasSetSmaller(exercises: readonly string[]): Promise<number> {
  const yaml = ['title: Deep networks', 'seed: 11', 'exercises:', ...exercises.map((e) => `  - ${e}`)].join('\n');
  await page().setContent(renderHtml(buildSheet(loadSpec(yaml, 'deep.yaml')), 'key'), { waitUntil: 'load' });
  await page().evaluate(() => document.fonts.ready.then(() => undefined));
  return page().evaluate(fitWideFormulas);
}

describe('long answers and steps fit their lines, with no formula set smaller', () => {
  it.each([
    // ∂/∂w [ŷ] of a 3-3-3-1 net: brackets around ≈ 2,800 px of ŷ (\left[…\right] never breaks).
    ['a partial of a 3-3-3-1 network', '{ kind: partial, params: { layers: [3, 3, 3, 1], activation: sigma } }'],
    // Chain-rule factors (c σ′(z) ∂z/∂w) in parentheses that hold a fraction.
    ['all partials of a 2-2-2-1 sigmoid network', '{ kind: all-partials, params: { layers: [2, 2, 2, 1], activation: sigmoid, steps: full } }'],
    // h⁽²⁾ of a 4-4-4-4 net set whole: 6,841 px in one bracketed vector.
    ['the expansion of a 4-4-4-4 network', '{ kind: network-expansion, params: { layers: [4, 4, 4, 4], activation: tanh, naming: indexed } }'],
    // ReLU cases of ∂f_MSE/∂w with ŷ written out: 870 px in a cases block, which never breaks.
    ['MSE partials of a 3-2-1 ReLU network', '{ kind: mse-partials, params: { layers: [3, 2, 1], activation: relu, count: 3 } }'],
    // ∇_{b⁽¹⁾}f of a ReLU net: 71 glyphs an entry, 698 px set whole (measured in characters, it fitted).
    ['the matrix gradients of a 2-2-1 ReLU network', '{ kind: matrix-gradients, params: { layers: [2, 2, 1], activation: relu } }'],
    // A 4×3 Jacobian of activations, restated whole in its last step: ≈ 1,300 px.
    ['a 4×3 Jacobian of activations', '{ kind: jacobian, params: { outputs: 4, inputs: 3, difficulty: activations } }'],
    // W = W⁽³⁾W⁽²⁾W⁽¹⁾ multiplied out: ≈ 2,000 px.
    ['the collapse of a 3-3-3-2 linear network', '{ kind: linear-collapse, params: { layers: [3, 3, 3, 2] } }'],
    // W⁽³⁾W⁽²⁾W⁽¹⁾ written out in indexed names: three 4×4 matrices side by side, ≈ 1,050 px.
    ['the collapse of a 4-4-4-4 linear network in indexed names', '{ kind: linear-collapse, params: { layers: [4, 4, 4, 4], naming: indexed } }'],
  ])('%s', async (_, exercise) => {
    expect(await formulasSetSmaller([exercise])).toBe(0);
  }, 60_000);

  it('and the measure is real: a matrix too wide for its line is counted', async () => {
    // A 1×4 matrix of long sums, in an instructor's title, can only be set smaller.
    const wide = `\\\\begin{bmatrix} ${Array.from({ length: 4 }, (_, i) => `w_{${i}} x_{1} + w_{${i + 4}} x_{2} + w_{${i + 8}} x_{3} + b_{${i}}`).join(' & ')} \\\\end{bmatrix}`;
    expect(await formulasSetSmaller([`{ kind: chain-rule, title: "Given $${wide}$" }`])).toBe(1);
  }, 60_000);
});

describe('a long formula breaks between its terms, not inside a short group', () => {
  it("the lecture key: every σ(…) and σ′(…) of a network's partials is whole on its line", async () => {
    // Before: ∂f_MSE/∂w₁ broke as "… w₅σ′(w₁x₁ + w₂x₂ +" / "b₁)x₁".
    const yaml = readFileSync(join(import.meta.dirname, '..', '..', 'worksheets', 'lecture.yaml'), 'utf8');
    await page().setContent(renderHtml(buildSheet(loadSpec(yaml, 'lecture.yaml')), 'key'), { waitUntil: 'load' });
    await page().evaluate(() => document.fonts.ready.then(() => undefined));
    const split = await page().evaluate(() => {
      // A group σ(…) or σ′(…) with no other parentheses inside, as its glyphs read.
      const group = /σ′?\([^()]+\)/g;
      const text = (e: Element): string => (e.textContent ?? '').replace(/[\s\u200b]/g, '');
      const broken: string[] = [];
      let formulas = 0;
      document.querySelectorAll('.katex').forEach((k) => {
        const bases = Array.from(k.querySelectorAll<HTMLElement>('.katex-base'));
        const lines = new Map<number, string>();
        for (const b of bases) lines.set(b.offsetTop, (lines.get(b.offsetTop) ?? '') + text(b));
        if (lines.size < 2) return;
        formulas++;
        const whole = (text(k).match(group) ?? []).length;
        const kept = [...lines.values()].reduce((n, line) => n + (line.match(group) ?? []).length, 0);
        if (kept < whole) broken.push([...lines.values()].join(' / '));
      });
      return { formulas, broken };
    });
    expect(split.formulas).toBeGreaterThan(0);
    expect(split.broken).toEqual([]);
  }, 60_000);
});
