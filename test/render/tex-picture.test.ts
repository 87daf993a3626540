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
    // A weight's label stands just above its edge (there is no white halo to draw under it).
    expect(picture).toMatch(/\\makebox\(0,0\)\[b\]\{\\normalsize \$w_\{1\}\$\}/);
    // Six edges, each a line plus an arrowhead of three sides: a \line for the level ones.
    expect((picture?.match(/\\qbezier|\\line\(/g) ?? []).length).toBe(6 + 6 * 3);
    // Within the export's 160 mm (455 pt) line.
    const [, unit, width] = /unitlength\}\{([\d.]+)pt\}[\s\S]*?picture\}\(([\d.]+),/.exec(picture ?? '') ?? [];
    expect(Number(unit) * Number(width)).toBeLessThanOrEqual(400.01);
  });

  it('leaves out a picture that needs colour to be read (the XOR plots’ shaded sides and blue points)', () => {
    expect(svgToPicture(golden('xor-relu-separable.svg'))).toBeUndefined();
    expect(svgToPicture(golden('xor-identity-rejected.svg'))).toBeUndefined();
  });

  it('draws no zero-length line, on which \\qbezier stops pdflatex ("Arithmetic overflow")', () => {
    const svg = '<svg width="10" height="10"><polygon points="1,1 1,1 5,5" fill="#555555"/></svg>';
    expect(svgToPicture(svg)).not.toMatch(/\\qbezier\(1,9\)\(1,9\)\(1,9\)/);
  });
});
