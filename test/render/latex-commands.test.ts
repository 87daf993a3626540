import { afterAll, describe, expect, it } from 'vitest';
import { LATEX_COMMANDS, LATEX_ENVIRONMENTS } from '../../src/render/latex-commands.js';
import { mathHtml } from '../../src/render/katex.js';
import { texMathProblem } from '../../src/render/tex-math.js';
import { hasPdflatex, lineWarnings, pdflatex, removeTexDirs, SKIPPED, texDir, texDocument } from '../support/pdflatex.js';

afterAll(removeTexDirs);

/** Every example of the module: a use of each command in math and in text, and of each environment. */
const EXAMPLES = [
  ...[...LATEX_COMMANDS.values()].flatMap((c) => [c.math, c.text].filter((u): u is string => u !== undefined)),
  ...LATEX_ENVIRONMENTS.values(),
];

describe('the commands a spec’s math may use', () => {
  it('are hundreds, with amsmath’s and amssymb’s, and without KaTeX’s own', () => {
    expect(LATEX_COMMANDS.size).toBeGreaterThan(700);
    for (const name of ['\\frac', '\\mathbb', '\\boldsymbol', '\\operatorname', '\\text', '\\sigma', '\\partial', '\\leqslant', '\\varkappa', '\\\\']) {
      expect(LATEX_COMMANDS.has(name), name).toBe(true);
    }
    // QA's spec: KaTeX sets these, pdflatex stops on them ("Undefined control sequence").
    for (const name of ['\\R', '\\N', '\\Z', '\\bm', '\\argmax', '\\coloneqq', '\\coloneq', '\\empty', '\\href', '\\url', '\\color', '\\cancel', '\\bra', '\\def', '\\newcommand']) {
      expect(LATEX_COMMANDS.has(name), name).toBe(false);
    }
    expect([...LATEX_ENVIRONMENTS.keys()]).toEqual(['{Bmatrix}', '{Vmatrix}', '{aligned}', '{alignedat}', '{array}', '{bmatrix}', '{cases}', '{matrix}', '{pmatrix}', '{smallmatrix}', '{subarray}', '{vmatrix}']);
  });

  it('KaTeX sets every example, and the spec check passes it', () => {
    for (const use of EXAMPLES) {
      expect(() => mathHtml(use), use).not.toThrow();
      expect(texMathProblem(use), use).toBeUndefined();
    }
  });

  it(`pdflatex sets every example inline, as a display and in a heading, with no error, warning or missing glyph${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // As scripts/latex-commands.mjs made the list; fails when the preamble loses a package or
    // TeX Live a command.
    const body = EXAMPLES.map((u) => `Text $${u}$ text.\\par\n\\answerline{${u}}\n\\section*{Exercise 1. $${u}$ (2 points)}`).join('\n');
    const r = pdflatex(texDir(), 'commands', texDocument(body));
    expect(r.status, r.errors).toBe(0);
    expect(lineWarnings(r.log())).toEqual([]);
  }, 120_000);
});
