/**
 * The main job, end to end, as a user runs it: `gradsheet build` with no arguments, in a fresh
 * directory, through the built CLI (bin/gradsheet; `npm run build` first). It must write the
 * lecture's sheet and key as HTML and PDF into ./out, the key must hold the lecture's answers in
 * the lecture's notation, the PDFs must be set in KaTeX's fonts, and the student sheet must hold
 * no answer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayHtml } from '../../src/render/katex.js';
import { glyphsOutsideTextBlock, leadingRules, wordWidth } from '../fixtures/pdf.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'gradsheet');
const cwd = mkdtempSync(join(tmpdir(), 'gradsheet-lecture-'));
const out = (name: string): string => join(cwd, 'out', name);
const tool = (name: string, ...args: string[]): string => execFileSync(name, args, { encoding: 'utf8' });

interface KeyJson {
  exercises: { id: string; title: string; number: number; answers: { id: string; label: string; text: string; latex: string; cases?: { value: string }[]; notes?: string[] }[]; steps: { latex: string }[] }[];
}
let key: KeyJson;
let keyHtml: string;
let sheetHtml: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'gradsheet.cjs'))) throw new Error('dist/ is missing: run `npm run build` first');
  // Exactly the README's main job, in a directory of its own.
  execFileSync(process.execPath, [BIN, 'build'], { cwd, encoding: 'utf8', timeout: 120_000 });
  execFileSync(process.execPath, [BIN, 'build', '--format', 'json', '--out', 'json'], { cwd, encoding: 'utf8', timeout: 120_000 });
  key = JSON.parse(readFileSync(join(cwd, 'json', 'lecture.json'), 'utf8')) as KeyJson;
  keyHtml = readFileSync(out('lecture-key.html'), 'utf8');
  sheetHtml = readFileSync(out('lecture.html'), 'utf8');
}, 180_000);

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const answer = (exercise: string, id: string) => {
  const a = key.exercises.find((e) => e.id === exercise)?.answers.find((x) => x.id === id);
  if (!a) throw new Error(`no answer ${exercise}.${id}`);
  return a;
};

/** The answer as the key's HTML typesets it: "label = value", with the value written out by hand here. */
const typeset = (exercise: string, id: string, valueLatex: string): string => displayHtml(`${answer(exercise, id).label} = ${valueLatex}`);

describe('gradsheet build (no arguments): the lecture worksheet', () => {
  it('writes out/lecture.html, out/lecture-key.html, out/lecture.pdf and out/lecture-key.pdf', () => {
    for (const f of ['lecture.html', 'lecture-key.html', 'lecture.pdf', 'lecture-key.pdf']) expect(existsSync(out(f)), f).toBe(true);
  });

  it("the key holds the lecture's answers, in the lecture's notation", () => {
    // ŷ = [0; 1] for the forward pass with biases.
    expect(answer('bias-terms', 'yhat').text).toBe('[0; 1]');
    // ∂ŷ/∂w₁ = w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁, and its ReLU cases: 0 if z ≤ 0, w₅x₁ if z > 0.
    expect(answer('dyhat-dw1', 'a').text).toBe("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expect(answer('dyhat-dw1', 'relu').cases?.map((c) => c.value)).toEqual(['0', 'w5*x1']);
    // ∂ŷ/∂b₂ = w₆σ′(w₃x₁ + w₄x₂ + b₂).
    expect(answer('dyhat-db2', 'a').text).toBe("w6*sigma'(w3*x1 + w4*x2 + b2)");
    // The Jacobian [[2, 1], [0, π], [−1/x₂, x₁/x₂²]].
    expect(answer('jacobian', 'J').text).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
    // [3/4 0] by both methods: substitution (f∘g = 3/4(x1 + 1)) and the product ∂f/∂g·∂g/∂x.
    expect(answer('jacobian-chain', 'J').text).toBe('[[3/4, 0]]');
    expect(answer('jacobian-chain', 'fg').text).toBe('3/4*(x1 + 1)');
    const chainSteps = key.exercises.find((e) => e.id === 'jacobian-chain')?.steps.map((s) => s.latex) ?? [];
    expect(chainSteps.filter((l) => l.includes('\\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}')).length).toBeGreaterThanOrEqual(2);
    // W = W⁽²⁾W⁽¹⁾ and b = W⁽²⁾b⁽¹⁾ + b⁽²⁾.
    expect(answer('non-linearity', 'W').notes?.[0]).toContain('\\mathbf{W} = \\mathbf{W}^{(2)} \\mathbf{W}^{(1)}');
    expect(answer('non-linearity', 'b').notes?.[0]).toContain('\\mathbf{b} = \\mathbf{W}^{(2)} \\mathbf{b}^{(1)} + \\mathbf{b}^{(2)}');
  });

  it('the key HTML typesets those answers; the student sheet holds none of them', () => {
    const expected = [
      typeset('bias-terms', 'yhat', '\\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}'),
      typeset('dyhat-dw1', 'a', "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}"),
      typeset('dyhat-db2', 'a', "w_{6} \\sigma'(w_{3} x_{1} + w_{4} x_{2} + b_{2})"),
      typeset('jacobian', 'J', '\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\[0.4em] -\\frac{1}{x_{2}} & \\frac{x_{1}}{x_{2}^{2}} \\end{bmatrix}'),
      typeset('jacobian-chain', 'J', '\\begin{bmatrix} \\frac{3}{4} & 0 \\end{bmatrix}'),
    ];
    for (const html of expected) {
      expect(keyHtml).toContain(html);
      expect(sheetHtml).not.toContain(html);
    }
    // Every answer of every exercise, as text and as typeset LaTeX, is absent from the sheet.
    for (const ex of key.exercises) {
      for (const a of ex.answers) {
        expect(sheetHtml, `${ex.id}.${a.id}`).not.toContain(displayHtml(`${a.label} = ${a.latex}`));
        if (a.text.length > 3) expect(sheetHtml, `${ex.id}.${a.id}`).not.toContain(a.text);
      }
    }
  });

  /**
   * "Exercise 6. " and the title's words as pdftotext gives them. A formula in a title
   * ("$\partial\hat{y}/\partial w_{1}$, and its cases for ReLU") comes out as KaTeX's glyphs
   * (∂y^/∂w1, with zero-width spaces), so it stands for 1 to 40 characters of any kind.
   */
  const headingMarker = (n: number, title: string): RegExp => {
    const words = title.replace(/\s+/g, ' ').split(/\$[^$]*\$/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`Exercise ${n}\\. ${words.join('.{1,40}?')}`);
  };

  it('the PDFs have the expected pages, a plain-text marker for each exercise, and KaTeX fonts', () => {
    const pages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))?.[1]);
    // Pinned: the lecture sheet and its key are deterministic; a change of layout shows up here.
    expect(pages(out('lecture.pdf'))).toBe(13);
    expect(pages(out('lecture-key.pdf'))).toBe(26);
    for (const file of ['lecture.pdf', 'lecture-key.pdf']) {
      const text = tool('pdftotext', out(file), '-').replace(/\s+/g, ' ');
      for (const ex of key.exercises) expect(text, `${file}: exercise ${ex.number}`).toMatch(headingMarker(ex.number, ex.title));
      const fonts = tool('pdffonts', out(file));
      expect(fonts).toContain('KaTeX_Main-Regular');
      expect(fonts).toContain('KaTeX_Math-Italic');
      expect(glyphsOutsideTextBlock(out(file)), `${file}: slivers of a neighbouring page`).toEqual([]);
    }
    // At full size: no line of the key is wider than the page (the ∇W f steps once were, and
    // Chromium shrank all 26 pages to 99 %).
    for (const word of ['Name:', 'Neural']) expect(wordWidth(out('lecture-key.pdf'), word), word).toBeCloseTo(wordWidth(out('lecture.pdf'), word), 2);
    expect(tool('pdftotext', out('lecture-key.pdf'), '-')).toContain('Worked steps');
    expect(tool('pdftotext', out('lecture.pdf'), '-')).not.toContain('Worked steps');
  });

  it('a page break in the room to write leaves at least three ruled lines on the next page', () => {
    // Exercise 10's prompt and ten lines run over a page; they once left two lines alone on page 10.
    const rules = leadingRules(out('lecture.pdf'), mkdtempSync(join(cwd, 'rules-')));
    expect(rules).toHaveLength(13);
    expect(rules.filter((n) => n > 0).length, 'a page that starts with the end of a ruled space').toBeGreaterThan(0);
    expect(rules.map((n, i) => `page ${i + 1}: ${n}`).filter((_, i) => rules[i] > 0 && rules[i] < 3)).toEqual([]);
  });
});
