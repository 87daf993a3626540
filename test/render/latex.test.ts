import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLatex } from '../../src/render/latex.js';
import { escapeTex, proseTex, unicodeDeclarations } from '../../src/render/tex-text.js';
import { toLatex } from '../../src/print/latex.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { richSheet } from '../fixtures/sheets.js';
import { fixture } from '../fixtures/cli.js';

const hasPdflatex = spawnSync('pdflatex', ['--version']).status === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('LaTeX text', () => {
  it('escapes every character TeX treats specially', () => {
    expect(escapeTex('# $ % & _ { } ~ ^ \\ < > |')).toBe(
      '\\# \\$ \\% \\& \\_ \\{ \\} \\~{} \\^{} \\textbackslash{} \\textless{} \\textgreater{} \\textbar{}',
    );
  });

  it('passes $…$ math through and escapes the text around it', () => {
    expect(proseTex('100% of $x_{1}$ & \\$5')).toBe('100\\% of $x_{1}$ \\& \\$5');
  });

  it('declares the Unicode it uses; accented Latin is the kernel’s; anything else becomes "?"', () => {
    expect(unicodeDeclarations('σ′ ∂ ŷ w₁ Zoë 李')).toEqual([
      '\\DeclareUnicodeCharacter{0177}{\\ensuremath{\\hat{y}}}',
      '\\DeclareUnicodeCharacter{03C3}{\\ensuremath{\\sigma}}',
      "\\DeclareUnicodeCharacter{2032}{\\ensuremath{'}}",
      '\\DeclareUnicodeCharacter{2081}{\\ensuremath{_{1}}}',
      '\\DeclareUnicodeCharacter{2202}{\\ensuremath{\\partial}}',
      '\\DeclareUnicodeCharacter{674E}{?}',
    ]);
  });
});

describe('LaTeX sheets and keys', () => {
  const sheet = richSheet();
  const student = renderLatex(sheet, 'sheet');
  const key = renderLatex(sheet, 'key');

  it('need amsmath and amssymb only', () => {
    for (const tex of [student, key]) {
      expect(tex.match(/\\usepackage(\[[^\]]*\])?\{[^}]*\}/g)).toEqual(['\\usepackage{amsmath}', '\\usepackage{amssymb}']);
      expect(tex).not.toMatch(/\\today|\\input|\\include/);
    }
  });

  it('are deterministic', () => {
    expect(renderLatex(richSheet(), 'key')).toBe(key);
    expect(renderLatex(richSheet(), 'sheet')).toBe(student);
  });

  it('the key has every answer, the cases, the instructor note and the steps; the sheet has none', () => {
    for (const ex of sheet.exercises) {
      for (const a of ex.answers) {
        expect(key).toContain(`\\answerline{${a.label} = ${toLatex(a.value)}}`);
        expect(student).not.toContain(`${a.label} = `);
      }
    }
    expect(key).toContain('\\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1}');
    expect(key.match(/Instructor's answer/g)).toHaveLength(1);
    expect(key).toContain('\\subsection*{Worked steps}');
    expect(student).not.toMatch(/Worked steps|Instructor's answer|\\subsection\*\{Answer\}/);
    expect(student).toContain('\\rule{\\linewidth}{0.2pt}');
  });

  it('replaces SVG figures by a note', () => {
    expect(key).not.toContain('<svg');
    expect(key).toContain('Figure (in the HTML and PDF versions): Where $w_{1}$ enters.');
  });

  it(`pdflatex compiles the sheet and the key${hasPdflatex ? '' : ' — SKIPPED: pdflatex is not on PATH (apt-get install texlive-latex-base)'}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'gradsheet-tex-'));
    dirs.push(dir);
    const spec = loadSpec(readFileSync(fixture('chain.yaml'), 'utf8'), 'chain.yaml');
    const docs = { 'rich-sheet': student, 'rich-key': key, 'chain-key': renderLatex(buildSheet(spec), 'key') };
    for (const [name, tex] of Object.entries(docs)) {
      writeFileSync(join(dir, `${name}.tex`), tex);
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${name}.tex`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(r.status, `${name}.tex:\n${r.stdout.split('\n').filter((l) => l.startsWith('!')).join('\n')}`).toBe(0);
      // No bitmap (Type 3) fonts: every glyph comes from the Computer Modern and AMS outlines.
      const fonts = execFileSync('pdffonts', [join(dir, `${name}.pdf`)], { encoding: 'utf8' });
      expect(fonts, name).not.toContain('Type 3');
    }
  });

  it(`pdflatex breaks an answer longer than a page across pages${hasPdflatex ? '' : ' — SKIPPED: pdflatex is not on PATH (apt-get install texlive-latex-base)'}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'gradsheet-tex-'));
    dirs.push(dir);
    // ∂f_MSE/∂p of a 4-4-4-4 sigmoid network, ŷ written out: answers longer than a page. In a
    // \parbox they could not break, and six ran off the foot of their page (up to 938 pt).
    const spec = loadSpec('title: Deep\nseed: 11\nexercises:\n  - { kind: mse-partials, params: { layers: [4, 4, 4, 4], activation: sigmoid } }\n', 'deep.yaml');
    writeFileSync(join(dir, 'deep-key.tex'), renderLatex(buildSheet(spec), 'key'));
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'deep-key.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'deep-key.log'), 'latin1')).not.toMatch(/Overfull \\vbox/);
  }, 90_000);
});
