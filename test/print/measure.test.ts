import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toLatex } from '../../src/print/latex.js';
import { formulaWidth, pieceWidths } from '../../src/print/measure.js';

const hasPdflatex = spawnSync('pdflatex', ['--version']).status === 0;
const SKIPPED = hasPdflatex ? '' : ' — SKIPPED: pdflatex is not on PATH (apt-get install texlive-latex-base)';

/** Formulas of the keys, as wide as their lines or nearly, and a few small ones. */
const FORMULAS = [
  'a + b',
  '\\tanh(x)^{2}',
  '-\\frac{3}{7}',
  '\\operatorname{ReLU}\'{(x)}',
  '\\hat{y} = w_{5} \\sigma{(w_{1} x_{1} + w_{2} x_{2} + b_{1})} + w_{6} \\sigma{(w_{3} x_{1} + w_{4} x_{2} + b_{2})} + b_{3}',
  toLatex(parse('[21*x1 + 21*x2 - 24*x3, -153*x1 - 132*x2 + 159*x3 - 6, 7, 0; -19*x1 - 22*x2 - 2*x3, 0, 63*x1 + 14*x2 - 35*x3 + 14, -11*x1 - 2*x2 - 13*x3 + 2]')),
  toLatex(parse('[sigmoid(2*x1 + 2*x2 - x3)*(1 - sigmoid(2*x1 + 2*x2 - x3)), 2*x3; x1, 1]')),
  toLatex(parse('[3/4, -1/2, 5/6, -7/8; 1, 2, 3, 4]')),
  '\\frac{\\partial f}{\\partial g}\\Big|_{\\mathbf{u} = g(\\mathbf{x})} = \\begin{bmatrix} w_{13} & w_{14} \\end{bmatrix}',
  '\\frac{\\partial}{\\partial x_{2}}\\left[\\operatorname{sigmoid}{(-x_{1} - 2 x_{2} + 2 x_{3})}\\right]',
  '\\nabla_{\\mathbf{b}^{(1)}} f = \\begin{cases} 0 & \\text{if } w_{1} x_{1} + b_{1} \\leq 0 \\\\ w_{5} x_{1} & \\text{if } w_{1} x_{1} + b_{1} > 0 \\end{cases}',
  '\\sum_{\\text{minibatch}} \\frac{\\partial f_{\\text{MSE}}}{\\partial p} \\approx 1.074',
];

describe('the width of a formula as it is set', () => {
  it('is the sum of its pieces between the places a line may break, after + and =, not inside brackets or braces', () => {
    const line = '\\hat{y} = \\begin{bmatrix} w_{13} & w_{14} \\end{bmatrix} \\begin{bmatrix} a + b \\\\ c \\end{bmatrix} + b_{6}';
    const pieces = pieceWidths(line);
    expect(pieces).toHaveLength(3);
    // The space after each break is dropped at the start of the next line.
    expect(pieces.reduce((a, b) => a + b, 0)).toBeLessThan(formulaWidth(line));
    expect(pieceWidths('{x + y} (x + y)')).toHaveLength(2);
    expect(pieceWidths('\\left(x + y\\right) - 1')).toHaveLength(2);
    // A sign at the start is no operator, and neither is one before a relation.
    expect(pieceWidths('-x = 1')).toHaveLength(2);
    expect(pieceWidths('{a}, \\quad\\allowbreak {b}')).toHaveLength(2);
  });

  it(`is under pdflatex's by 1 % at most, and over it by 5 % at most${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'gradsheet-measure-'));
    try {
      const tex = [
        '\\documentclass[11pt]{article}',
        '\\usepackage{amsmath}',
        '\\usepackage{amssymb}',
        '\\begin{document}',
        ...FORMULAS.map((f, i) => `\\setbox0\\hbox{$\\displaystyle ${f}$}\\typeout{WIDTH ${i} \\the\\wd0}`),
        '\\end{document}',
      ].join('\n');
      writeFileSync(join(dir, 'w.tex'), tex);
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'w.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stdout.slice(-2000)).toBe(0);
      // 11 pt type is 10.95 pt.
      const widths = Array.from(r.stdout.matchAll(/WIDTH (\d+) ([\d.]+)pt/g), (m) => ({ formula: FORMULAS[Number(m[1])], tex: Number(m[2]) / 10.95 }));
      expect(widths).toHaveLength(FORMULAS.length);
      for (const w of widths) {
        const ratio = formulaWidth(w.formula) / w.tex;
        expect(ratio, `${w.formula}: ${w.tex.toFixed(2)} em by pdflatex`).toBeGreaterThan(0.99);
        // Over, by a matrix's column gap: KaTeX's (1 em), wider than pdflatex's (0.91 em).
        expect(ratio, `${w.formula}: ${w.tex.toFixed(2)} em by pdflatex`).toBeLessThan(1.05);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
