import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTEAD, texMathProblem } from '../../src/render/tex-math.js';
import { mathHtml } from '../../src/render/katex.js';
import { hasPdflatex, lineWarnings, pdflatex, removeTexDirs, SKIPPED, texDir, texDocument } from '../support/pdflatex.js';

afterAll(removeTexDirs);

/** Formulas a spec writes that KaTeX and pdflatex both set. */
const PORTABLE = [
  "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))",
  'x \\in \\mathbb{R}^n, \\; W \\in \\mathbb{R}^{m \\times n}',
  '\\boldsymbol{W}^{(1)} \\mathbf{x} + \\boldsymbol{b}',
  '\\operatorname*{argmax}_x f(x) \\quad p \\mathrel{:}= p - \\epsilon \\frac{\\partial f}{\\partial p}',
  '\\hat{y} = \\begin{cases} 0 & \\text{if } z \\le 0 \\\\ z & \\text{otherwise} \\end{cases}',
  '\\begin{pmatrix} 1 & 2 & 3 & 4 & 5 & 6 & 7 & 8 & 9 & 10 \\\\ 1 & 2 & 3 & 4 & 5 & 6 & 7 & 8 & 9 & 10 \\end{pmatrix}',
  '\\begin{array}{|c|c|} \\hline a & b \\\\ \\hline c & d \\end{array}',
  '\\begin{aligned} f &= (\\hat{y} - y)^2 \\\\ &= \\tfrac12 \\lVert e \\rVert^2 \\end{aligned}',
  '\\sum_{\\substack{i = 1 \\\\ i \\neq j}}^{n} w_{ij}',
  '\\left( \\frac{a}{b} \\right) \\Big| \\text{\\textbf{bold} and $x$-free, \\Large big}',
  '\\displaystyle\\int_0^1 x \\, dx \\kern1em \\mkern3mu \\hskip 2pt \\raisebox{1pt}{\\small up}',
  '\\mathcal{L}(\\theta) \\mathbb{E}[X] \\%',
];

describe('formulas the .tex export can compile', () => {
  it('passes what both KaTeX and pdflatex set', () => {
    for (const latex of PORTABLE) {
      expect(() => mathHtml(latex), latex).not.toThrow();
      expect(texMathProblem(latex), latex).toBeUndefined();
    }
  });

  it('names a command of KaTeX’s own, with the standard LaTeX for it (QA’s spec: \\R, \\bm, \\argmax, \\coloneqq, \\N)', () => {
    expect(texMathProblem('x \\in \\R^n')).toBe('\\R is not a LaTeX command the .tex export can compile (KaTeX accepts it); write \\mathbb{R}');
    expect(texMathProblem('\\bm{W}')).toMatch(/^\\bm is not .*; write \\boldsymbol$/);
    expect(texMathProblem('\\argmax_x f')).toMatch(/^\\argmax is not .*; write \\operatorname\*\{argmax\}$/);
    expect(texMathProblem('\\coloneqq')).toMatch(/^\\coloneqq is not .*; write \\mathrel\{:\}=$/);
    expect(texMathProblem('n \\in \\N')).toMatch(/^\\N is not .*; write \\mathbb\{N\}$/);
    expect(texMathProblem('\\Z \\cup \\Complex')).toMatch(/^\\Z is not .*; write \\mathbb\{Z\}$/);
    expect(texMathProblem('\\cancel{x}')).toBe('\\cancel is not a LaTeX command the .tex export can compile (KaTeX accepts it)');
    expect(texMathProblem('\\begin{dcases} a & b \\end{dcases}')).toBe('\\begin{dcases} is not an environment the .tex export can compile (KaTeX accepts it); write \\begin{cases}');
    expect(texMathProblem('\\text{\\@ifstar}')).toMatch(/^\\@ifstar is not a LaTeX command/);
  });

  it('refuses links, even for HTML: a printed sheet cannot follow them', () => {
    expect(texMathProblem('\\href{https://example.org}{click}')).toMatch(/^\\href makes a link, which a printed sheet cannot follow/);
    expect(texMathProblem('\\url{https://example.org}')).toMatch(/^\\url makes a link/);
  });

  it('refuses macro definitions, which the HTML forgets after the formula and the .tex keeps', () => {
    for (const latex of ['\\def\\x{y}\\x', '\\newcommand{\\x}{y}', '\\gdef\\sigma{s}', '\\let\\a=b']) {
      expect(texMathProblem(latex), latex).toMatch(/defines a macro, which a spec's math may not/);
    }
  });

  it('holds a command to the mode TeX sets it in: \\displaystyle not in \\text{…}, \\Large not in math', () => {
    expect(texMathProblem('\\text{a \\displaystyle b}')).toMatch(/^\\displaystyle is for math in LaTeX, not text/);
    expect(texMathProblem('\\Large x')).toMatch(/^\\Large is for text in LaTeX, not math/);
    expect(texMathProblem('\\raisebox{1pt}{\\displaystyle x}')).toMatch(/^\\displaystyle is for math/);
    expect(texMathProblem('\\text{a} \\displaystyle b')).toBeUndefined();
  });

  it('refuses what KaTeX reads more leniently than TeX', () => {
    expect(texMathProblem('a \\\\ b')).toMatch(/^\\\\ ends a row only in an environment's rows/);
    expect(texMathProblem('\\begin{pmatrix} a \\end{pmatrix} \\\\ b')).toMatch(/^\\\\ ends a row/);
    expect(texMathProblem('\\begin{pmatrix} 0&1&2&3&4&5&6&7&8&9&10 \\end{pmatrix}')).toMatch(/^\\begin\{pmatrix\} has at most 10 columns in LaTeX/);
    expect(texMathProblem('\\begin{cases} a & b & c \\end{cases}')).toMatch(/^\\begin\{cases\} has at most 2 columns/);
    expect(texMathProblem('\\begin{array}{c:c} a & b \\end{array}')).toMatch(/^the columns of \\begin\{array\}\{c:c\} may be l, c, r and \|/);
    expect(texMathProblem('x % y\n')).toMatch(/^% starts a comment in TeX/);
    expect(texMathProblem('a \\kern{1em} b')).toMatch(/^\\kern takes its length without braces in TeX/);
    expect(texMathProblem('\\hbox x')).toMatch(/^\\hbox needs its argument in braces/);
    expect(texMathProblem('\\cfrac[l]{a}{b}')).toMatch(/^\\cfrac\[…\] is not KaTeX's/);
    expect(texMathProblem('\\mathbb{R^n}')).toMatch(/^\\mathbb\{…\} takes capital letters only in the \.tex export/);
    expect(texMathProblem('\\mathcal{l}')).toMatch(/^\\mathcal\{…\} takes capital letters only/);
  });

  it(`pdflatex sets every passing formula and every suggested replacement${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const replacements = Object.values(INSTEAD).map((tex) => {
      if (tex.startsWith('\\begin{')) return `${tex}${tex === '\\begin{array}' ? '{cc}' : ''} a & b \\end{${/\{(\w+)\}/.exec(tex)?.[1]}}`;
      // A font command, as \bm{W} → \boldsymbol{W}.
      if (/^\\(?:boldsymbol|math[a-z]+)$/.test(tex)) return `${tex}{W}`;
      if (tex === '\\hline') return '\\begin{array}{c} a \\\\ \\hline b \\end{array}';
      return tex.replaceAll('…', 'x');
    });
    for (const latex of replacements) {
      expect(() => mathHtml(latex), latex).not.toThrow();
      expect(texMathProblem(latex), latex).toBeUndefined();
    }
    const formulas = [...PORTABLE, ...replacements.map((r) => `{${r}}`)];
    const r = pdflatex(texDir(), 'portable', texDocument(formulas.map((f) => `Text $${f}$.\\par\n\\answerline{${f}}`).join('\n')));
    expect(r.status, r.errors).toBe(0);
    expect(lineWarnings(r.log())).toEqual([]);
  }, 60_000);

  it(`pdflatex stops on (or loses glyphs of) each formula these rules refuse, which KaTeX sets${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const refused = [
      'x \\in \\R^n', '\\bm{W}', '\\argmax_x f', 'a \\coloneqq b', '\\href{https://example.org}{click}', 'a \\\\ b',
      '\\begin{pmatrix} 0&1&2&3&4&5&6&7&8&9&10 \\end{pmatrix}', '\\begin{cases} a & b & c \\end{cases}', '\\begin{array}{c:c} a & b \\end{array}',
      'a \\kern{1em} b', 'a \\mskip{1mu} b', '\\hbox x', '\\mathbb{d}', '\\text{a \\displaystyle b}', '\\Large x',
    ];
    const dir = texDir();
    refused.forEach((latex, i) => {
      expect(() => mathHtml(latex), latex).not.toThrow();
      const r = pdflatex(dir, `refused-${i}`, texDocument(`\\answerline{${latex}}`));
      expect(r.status !== 0 || lineWarnings(r.log()).length > 0, `${latex} compiled`).toBe(true);
    });
    // \mathbb{R^n} compiles, but its font has no n: TeX sets ⋉ in its place.
    expect(pdflatex(dir, 'bb', texDocument('$\\mathbb{R^n}$')).status).toBe(0);
    expect(execFileSync('pdftotext', [join(dir, 'bb.pdf'), '-'], { encoding: 'utf8' })).toContain('R⋉');
  }, 120_000);
});
