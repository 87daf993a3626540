/**
 * The network diagrams' labels in a real browser (Debian's Chromium), inside built sheets: each
 * label is drawn in KaTeX's fonts like the formulas around it (the fonts Chromium really used,
 * read through the DevTools protocol), each glyph sits where KaTeX puts it when it typesets the
 * label's data-tex, and no label's box runs into another label or a node.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePrintLayoutPage } from '../support/chromium.js';
import { renderHtml } from '../../src/render/html.js';
import { mathHtml } from '../../src/render/katex.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';
import type { WorksheetSpec } from '../../src/spec/load.js';

const page = usePrintLayoutPage();

/** Indexed naming (W⁽¹⁾₂,₁, b⁽¹⁾₂), two outputs (ŷ₁, ŷ₂) and two hidden layers (h⁽ˡ⁾ᵢ). */
const INDEXED = `
title: Indexed labels
seed: 7
exercises:
  - kind: network-expansion
    id: indexed
    params: { layers: [2, 3, 2], activation: relu, naming: indexed }
  - kind: network-expansion
    id: deep
    params: { layers: [2, 2, 2, 1], activation: tanh }
`;

/** Dense diagrams, as the review that found overlapping edge labels drew them: four nodes a layer, indexed names, numbers. */
const DENSE = `
title: Dense diagrams
seed: 11
exercises:
  - { kind: network-expansion, id: a, params: { layers: [4, 4, 1], activation: relu, naming: indexed } }
  - { kind: network-expansion, id: b, params: { layers: [2, 4, 4], activation: relu } }
  - { kind: network-expansion, id: c, params: { layers: [4, 3, 2], activation: relu } }
  - { kind: network-expansion, id: d, params: { layers: [3, 4, 2], activation: relu, naming: indexed } }
  - { kind: network-expansion, id: e, params: { layers: [4, 2, 4], activation: relu, naming: indexed } }
  - { kind: network-expansion, id: f, params: { layers: [2, 4, 3], activation: relu, naming: indexed } }
  - { kind: forward-pass, id: g, params: { difficulty: hard } }
  - { kind: forward-pass, id: h, params: { inputs: 4, hidden: 4, outputs: 3 } }
`;

const specs: Record<string, WorksheetSpec> = {
  lecture: loadSpec(readFileSync('worksheets/lecture.yaml', 'utf8'), 'lecture.yaml'),
  practice: loadSpec(readFileSync('worksheets/backprop-practice.yaml', 'utf8'), 'backprop-practice.yaml'),
  indexed: loadSpec(INDEXED, 'indexed.yaml'),
  dense: loadSpec(DENSE, 'dense.yaml'),
};

const ROLES = ['node', 'weight', 'bias', 'axis'];
const LABELS = ROLES.map((r) => `svg text[data-role="${r}"]`).join(', ');

async function load(html: string): Promise<void> {
  await page().setContent(html, { waitUntil: 'load' });
  await page().evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The fonts Chromium drew each label (and each of its tspans) with, by PostScript name. */
async function usedFonts(): Promise<{ tex: string; tag: string; fonts: string[] }[]> {
  const cdp = await page().createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out: { tex: string; tag: string; fonts: string[] }[] = [];
  for (const selector of [LABELS, ROLES.map((r) => `svg text[data-role="${r}"] tspan`).join(', ')]) {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      out.push({ tex: /data-tex="([^"]*)"/.exec(outerHTML)?.[1] ?? '', tag: outerHTML.slice(0, 80), fonts: fonts.map((f) => f.postScriptName) });
    }
  }
  await cdp.detach();
  return out;
}

interface Glyph {
  readonly c: string;
  /** Left edge and top of the glyph's cell, relative to the label's first glyph (px). */
  readonly x: number;
  readonly top: number;
}

/**
 * Each label's glyphs as the SVG draws them, in the SVG's user units. A picture wider than the
 * text block is shown smaller (templates/print.css), and Chromium rounds a font's ascent at the
 * size it draws: for this measure every picture is drawn at its own size, as the probes are.
 */
async function svgGlyphs(): Promise<{ tex: string; size: number; glyphs: Glyph[] }[]> {
  return page().evaluate((selector) => {
    document.querySelectorAll<SVGSVGElement>('svg').forEach((svg) => (svg.style.maxWidth = 'none'));
    return Array.from(document.querySelectorAll<SVGTextElement>(selector)).map((t) => {
      const cells = Array.from({ length: t.getNumberOfChars() }, (_, i) => ({ c: (t.textContent ?? '')[i], r: t.getExtentOfChar(i) }));
      return { tex: t.dataset.tex ?? '', size: Number(t.getAttribute('font-size')), glyphs: cells.map((g) => ({ c: g.c, x: g.r.x - cells[0].r.x, top: g.r.y - cells[0].r.y })) };
    });
  }, LABELS);
}

/** The same TeX typeset by KaTeX at the same size, on the same page: its glyphs, measured the same way. */
async function katexGlyphs(labels: readonly { tex: string; size: number }[]): Promise<Glyph[][]> {
  // The sheet sets formulas at 1.08 em (templates/print.css): the probes at the label's own size.
  const html = '<style>.probe .katex { font-size: 1em; }</style>' + labels.map((l) => `<div class="probe" style="position:absolute;left:0;top:0;font-size:${l.size}px">${mathHtml(l.tex)}</div>`).join('');
  return page().evaluate((markup) => {
    const box = document.createElement('div');
    box.innerHTML = markup;
    document.body.append(box);
    const result = Array.from(box.querySelectorAll('.probe')).map((probe) => {
      const glyphs: { c: string; x: number; top: number }[] = [];
      const walk = document.createTreeWalker(probe, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const text = n.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\u200b') continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          glyphs.push({ c: text[i], x: r.left, top: r.top });
        }
      }
      return glyphs.map((g) => ({ c: g.c, x: g.x - glyphs[0].x, top: g.top - glyphs[0].top }));
    });
    box.remove();
    return result;
  }, html);
}

/** KaTeX draws \hat's accent as ^ in KaTeX_Main; the SVG as ˆ (U+02C6), which fallback fonts also draw as an accent. */
const same = (a: string, b: string): boolean => a === b || (a === 'ˆ' && b === '^');

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Per diagram: each label's box (its glyph cells, as getBBox gives them) and each node's circle. */
async function diagramBoxes(): Promise<{ labels: { tex: string; role: string; box: Box }[]; circles: { cx: number; cy: number; r: number }[] }[]> {
  return page().evaluate(() => {
    return Array.from(document.querySelectorAll('svg'))
      .filter((svg) => svg.querySelector('text[data-role="node"]'))
      .map((svg) => ({
        labels: Array.from(svg.querySelectorAll<SVGTextElement>('text[data-role]')).map((t) => {
          const b = t.getBBox();
          return { tex: t.dataset.tex ?? '', role: t.dataset.role ?? '', box: { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height } };
        }),
        circles: Array.from(svg.querySelectorAll('circle')).map((c) => ({ cx: c.cx.baseVal.value, cy: c.cy.baseVal.value, r: c.r.baseVal.value + Number(c.getAttribute('stroke-width') ?? 0) / 2 })),
      }));
  });
}

const overlaps = (p: Box, q: Box): boolean => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
/** Whether the box reaches into the circle (the nearest point of the box is inside it). */
const intoCircle = (b: Box, c: { cx: number; cy: number; r: number }): boolean => {
  const nx = Math.max(b.x0, Math.min(c.cx, b.x1));
  const ny = Math.max(b.y0, Math.min(c.cy, b.y1));
  return Math.hypot(nx - c.cx, ny - c.cy) < c.r;
};
const inCircle = (b: Box, c: { cx: number; cy: number; r: number }): boolean =>
  [[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1]].every(([x, y]) => Math.hypot(x - c.cx, y - c.cy) < c.r);

const pages: readonly (readonly [string, string, 'sheet' | 'key'])[] = [
  ['the lecture sheet (2-2-1)', 'lecture', 'sheet'],
  ['the lecture key (3-2-2 with numbers, ŷ₁ and ŷ₂; the XOR plot)', 'lecture', 'key'],
  ['the practice sheet', 'practice', 'sheet'],
  ['a sheet in indexed naming (W⁽¹⁾₂,₁, b⁽¹⁾₂; ŷ₁, ŷ₂) and with two hidden layers (h⁽ˡ⁾ᵢ)', 'indexed', 'sheet'],
  ['a key of dense diagrams (four nodes a layer; indexed names, numbers)', 'dense', 'key'],
];

describe('diagram labels in a built sheet, in Chromium', () => {
  it.each(pages)('%s: labels drawn in KaTeX_Math and KaTeX_Main, glyph for glyph where KaTeX puts them, clear of each other and the nodes', async (_, name, audience) => {
    await load(renderHtml(buildSheet(specs[name]), audience));

    const fonts = await usedFonts();
    expect(fonts.length).toBeGreaterThan(10);
    for (const f of fonts) {
      expect(f.fonts.length, f.tag).toBeGreaterThan(0);
      expect(f.fonts.filter((p) => p !== 'KaTeX_Math-Italic' && p !== 'KaTeX_Main-Regular'), f.tag).toEqual([]);
      // A tspan is an index or a hat: upright KaTeX_Main; a label with a letter has it in KaTeX_Math.
      if (f.tag.startsWith('<tspan')) expect(f.fonts, f.tag).toEqual(['KaTeX_Main-Regular']);
      else if (/[A-Za-z]/.test(f.tex)) expect(f.fonts, f.tag).toContain('KaTeX_Math-Italic');
    }
    const styles = await page().evaluate((selector) => {
      const t = document.querySelector(`${selector.split(',')[0]}`);
      const s = t?.querySelector('tspan');
      return t && s ? [getComputedStyle(t).fontFamily.split(',')[0], getComputedStyle(t).fontStyle, getComputedStyle(s).fontFamily.split(',')[0], getComputedStyle(s).fontStyle, document.fonts.check('italic 16px KaTeX_Math')] : [];
    }, LABELS);
    expect(styles).toEqual(['KaTeX_Math', 'italic', 'KaTeX_Main', 'normal', true]);

    const drawn = await svgGlyphs();
    const typeset = await katexGlyphs(drawn);
    drawn.forEach((label, k) => {
      const want = typeset[k];
      expect(label.glyphs.length, label.tex).toBe(want.length);
      for (const g of label.glyphs) {
        const match = want.filter((w) => same(g.c, w.c)).sort((p, q) => Math.hypot(p.x - g.x, p.top - g.top) - Math.hypot(q.x - g.x, q.top - g.top))[0];
        expect(match, `${label.tex}: ${g.c} is not in KaTeX's output`).toBeDefined();
        // Within rounding: the SVG's dx and dy are written to 0.01 px.
        expect(Math.abs(match.x - g.x), `${label.tex}: ${g.c} across`).toBeLessThan(0.1);
        expect(Math.abs(match.top - g.top), `${label.tex}: ${g.c} up/down`).toBeLessThan(0.1);
      }
    });

    const diagrams = await diagramBoxes();
    expect(diagrams.length).toBeGreaterThan(0);
    for (const d of diagrams) {
      const placed = d.labels.filter((l) => l.role !== 'node');
      for (const l of placed) {
        for (const c of d.circles) expect(intoCircle(l.box, c), `${l.tex} runs into a node`).toBe(false);
      }
      for (let i = 0; i < d.labels.length; i++) {
        for (let j = i + 1; j < d.labels.length; j++) {
          expect(overlaps(d.labels[i].box, d.labels[j].box), `${d.labels[i].tex} and ${d.labels[j].tex} overlap`).toBe(false);
        }
      }
      // A node's own label stays inside its circle.
      for (const l of d.labels.filter((x) => x.role === 'node')) expect(d.circles.some((c) => inCircle(l.box, c)), `${l.tex} leaves its node`).toBe(true);
    }
  }, 60_000);
});
