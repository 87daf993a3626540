import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgToPicture } from '../../src/render/tex-picture.js';
import { FIGURE_SVG } from '../fixtures/sheets.js';

const golden = (name: string): string => readFileSync(`test/golden/${name}`, 'utf8');

describe('SVG pictures as a LaTeX picture', () => {
  it('draws circles, lines and labels, with y flipped (picture y is up)', () => {
    expect(svgToPicture(FIGURE_SVG)).toBe(
      [
        '{\\setlength{\\unitlength}{0.7528pt}\\thinlines',
        '\\begin{picture}(120,60)',
        '\\put(20,30){\\circle{24}}',
        '\\put(100,30){\\circle{24}}',
        '\\put(32,30){\\line(1,0){56}}',
        '\\put(60,39.5){\\makebox(0,0){\\scriptsize w1}}',
        '\\end{picture}}',
      ].join('\n'),
    );
  });

  it('draws the lecture’s 2-2-1 diagram: five nodes, six edges with arrowheads, the labels in math', () => {
    const picture = svgToPicture(golden('network-2-2-1.svg'));
    expect(picture).toBeDefined();
    expect(picture?.match(/\\circle\{/g)).toHaveLength(5);
    for (const label of ['x_{1}', 'x_{2}', 'h_{1}', 'h_{2}', '\\hat{y}', 'w_{1}', 'w_{6}', 'b_{1}', 'b_{3}']) expect(picture).toContain(`$${label}$`);
    // Each label once, from its TeX: not its white halo copy, nor its <tspan>s' text ("w1", "yˆ").
    expect(picture?.match(/\\makebox/g)).toHaveLength(5 + 6 + 3 + 3);
    expect(picture).not.toMatch(/ w1\}|yˆ|tspan/);
    // A weight's label sits on its edge where the SVG puts it (w1 on the level edge x1 → h1, y flipped: 215 − 57.25 + 0.35 em)…
    expect(picture).toContain('\\put(195.7,163){\\makebox(0,0){\\normalsize $w_{1}$}}');
    // …and its edge stops short of the label's white halo, as the white hides it in the SVG: no
    // piece of a line passes through a halo (each edge is two pieces), the arrowheads are whole.
    const svg = golden('network-2-2-1.svg');
    const halos = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*data-role="halo"/g)].map(([, x, y, w, h]) => ({ x0: Number(x), x1: Number(x) + Number(w), y0: 215 - Number(y) - Number(h), y1: 215 - Number(y) }));
    expect(halos).toHaveLength(6 + 3);
    const pieces = [
      ...[...(picture ?? '').matchAll(/\\qbezier\(([\d.]+),([\d.]+)\)\([\d.]+,[\d.]+\)\(([\d.]+),([\d.]+)\)/g)].map(([, x1, y1, x2, y2]) => [x1, y1, x2, y2].map(Number)),
      ...[...(picture ?? '').matchAll(/\\put\(([\d.]+),([\d.]+)\)\{\\line\((\d),(\d)\)\{([\d.]+)\}\}/g)].map(([, x, y, dx, dy, l]) => [Number(x), Number(y), Number(x) + Number(dx) * Number(l), Number(y) + Number(dy) * Number(l)]),
    ];
    for (const [x1, y1, x2, y2] of pieces) {
      for (let t = 0.01; t < 1; t += 0.01) {
        const [x, y] = [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
        for (const b of halos) expect(x > b.x0 + 0.01 && x < b.x1 - 0.01 && y > b.y0 + 0.01 && y < b.y1 - 0.01, `(${x}, ${y}) under a label`).toBe(false);
      }
    }
    // Six edges, each two pieces of a line (cut by its label) plus an arrowhead of three sides: a \line for the level ones.
    expect(pieces.length).toBe(6 * 2 + 6 * 3);
    // Within the export's 160 mm (455 pt) line.
    const [, unit, width] = /unitlength\}\{([\d.]+)pt\}[\s\S]*?picture\}\(([\d.]+),/.exec(picture ?? '') ?? [];
    expect(Number(unit) * Number(width)).toBeLessThanOrEqual(400.01);
  });

  it('draws the XOR plots in one colour: the ŷ > ½ side hatched, points as dots and squares, the boundary dashed', () => {
    const picture = svgToPicture(golden('xor-relu-separable.svg')) ?? '';
    // Two blue points in each space and the legend's: dots; the white + on them is not drawn.
    expect(picture.match(/\\circle\*\{14\}/g)).toHaveLength(4);
    // Hatching: many short 45° strokes (the shaded regions of both spaces and the legend's swatch).
    expect((picture.match(/\\qbezier/g) ?? []).length).toBeGreaterThan(40);
    // The boundary ŷ = ½ in dashes of 7 px, drawn thick as in the SVG.
    expect(picture).toMatch(/\{\\thicklines\n\\qbezier/);
    // Labels are kept, in a size no larger than the SVG's.
    for (const label of ['input space', '(0,1)', '$x_{1}$', '$h_{2}$']) expect(picture).toContain(label);
  });

  it('keeps hatching off a label that the SVG sets over a white halo', () => {
    const svg =
      '<svg width="100" height="100"><polygon points="0,0 100,0 100,100 0,100" fill="#d6e6f2" stroke="#d6e6f2"/>' +
      '<text x="50" y="55" font-size="14" text-anchor="middle" stroke="#ffffff">(0,1)</text></svg>';
    const strokes = [...(svgToPicture(svg) ?? '').matchAll(/\\qbezier\(([\d.]+),([\d.]+)\)\([\d.]+,[\d.]+\)\(([\d.]+),([\d.]+)\)/g)];
    expect(strokes.length).toBeGreaterThan(10);
    // The label's box, in picture coordinates (y up): about x 31–69, y 43–61. No stroke has a point in it.
    for (const [, x1, y1, x2, y2] of strokes) {
      for (let t = 0; t <= 1; t += 0.05) {
        const [x, y] = [Number(x1) + t * (Number(x2) - Number(x1)), Number(y1) + t * (Number(y2) - Number(y1))];
        expect(x > 36 && x < 64 && y > 45 && y < 59, `(${x}, ${y})`).toBe(false);
      }
    }
  });

  it('gives no picture for a fill that is not a plain colour', () => {
    expect(svgToPicture('<svg width="10" height="10"><rect x="0" y="0" width="5" height="5" fill="url(#g)"/></svg>')).toBeUndefined();
  });

  it('draws no zero-length line, on which \\qbezier stops pdflatex ("Arithmetic overflow")', () => {
    const svg = '<svg width="10" height="10"><polygon points="1,1 1,1 5,5" fill="#555555"/></svg>';
    expect(svgToPicture(svg)).not.toMatch(/\\qbezier\(1,9\)\(1,9\)\(1,9\)/);
  });
});
