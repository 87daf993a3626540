import { describe, expect, it } from 'vitest';
import { displayHtml, katexCss, MathError, mathHtml, proseHtml } from '../../src/render/katex.js';
import { ProseError, splitProse } from '../../src/render/prose.js';
import { thrown } from '../support/thrown.js';

describe('KaTeX on the server', () => {
  it('typesets HTML only: no hidden MathML copy to double the text of a PDF', () => {
    const html = mathHtml('\\hat{y} = w_{5} \\sigma(z)');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('<math');
  });

  it('sets display formulas in \\displaystyle inline math, which may wrap', () => {
    const html = displayHtml('\\frac{\\partial \\hat{y}}{\\partial w_{1}} = x_{1}');
    expect(html).not.toContain('katex-display');
    expect(html).toContain('mfrac');
  });

  it('throws a MathError that quotes the formula', () => {
    expect(() => mathHtml('\\frac{a')).toThrow(MathError);
    expect(() => mathHtml('\\nosuchcommand{x}')).toThrow(/nosuchcommand/);
  });

  it('quotes the formula as written: one backslash, not JSON’s two (before: "\\\\frac{1}{")', () => {
    const error = thrown(() => mathHtml('\\frac{1}{'), MathError);
    expect(error.message).toBe("KaTeX could not typeset \"\\frac{1}{\": Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{");
    expect(error.message).not.toContain('\\\\');
  });

  it('quotes at most 80 characters of it, and keeps the message one line (a line break shows as ⏎)', () => {
    const long = `\\frac{1}{${'x + '.repeat(30)}`;
    expect(thrown(() => mathHtml(long), MathError).message).toMatch(new RegExp(`^KaTeX could not typeset "\\\\frac\\{1\\}\\{(x \\+ ){17}x \\+…": `));
    const broken = thrown(() => mathHtml('a +\n\\frac{1}{'), MathError);
    expect(broken.message).toBe("KaTeX could not typeset \"a +⏎\\frac{1}{\": Unexpected end of input in a macro argument, expected '}' at end of input: a +⏎\\frac{1}{");
    expect(broken.latex).toBe('a +\n\\frac{1}{');
  });

  it('typesets a long answer with thousands of \\operatorname (KaTeX stops at 1,000 expansions by default)', () => {
    const sum = Array.from({ length: 3000 }, (_, i) => `\\operatorname{sigmoid}(z_{${i}})`).join(' + ');
    expect(mathHtml(sum)).toContain('sigmoid');
  });

  it('still stops a macro that expands forever, with a MathError', () => {
    const started = Date.now();
    expect(() => mathHtml('\\def\\loop{\\loop}\\loop')).toThrow(/Too many expansions/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects what pdflatex would reject too (strict mode)', () => {
    expect(() => mathHtml('é')).toThrow(MathError);
  });
});

describe('prose with inline math', () => {
  it('splits text and $…$ math; \\$ is a literal dollar sign', () => {
    expect(splitProse('cost \\$5 for $x_{1}$ and $$y$$.')).toEqual([
      { kind: 'text', text: 'cost $5 for ' },
      { kind: 'math', latex: 'x_{1}', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', latex: 'y', display: true },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reports an unbalanced or empty $', () => {
    expect(() => splitProse('the $x derivative')).toThrow(ProseError);
    expect(() => splitProse('empty $$ here')).toThrow(/empty math|unbalanced/);
  });

  it('escapes HTML in the text and typesets the math', () => {
    const html = proseHtml('if <b> & "c" then $\\sigma$');
    expect(html).toContain('if &lt;b&gt; &amp; &quot;c&quot; then ');
    expect(html).toContain('class="katex"');
  });

  it('keeps a formula that shows few glyphs in one piece, however long its LaTeX; a long one may break', () => {
    const pieces = (html: string): number => html.split('class="katex-base"').length - 1;
    // 68 characters of LaTeX, 12 glyphs: one unbreakable piece.
    expect(pieces(proseHtml('update $p \\leftarrow p - \\epsilon \\frac{\\partial f_{\\text{MSE}}}{\\partial p}$ at once'))).toBe(1);
    // 38 glyphs: free to break after its = and +.
    expect(pieces(proseHtml('then $w_{5} \\sigma(w_{1} x_{1} + w_{2} x_{2} + b_{1}) + w_{6} \\sigma(w_{3} x_{1} + w_{4} x_{2} + b_{2}) + b_{3}$'))).toBeGreaterThan(1);
  });

  it('sets Unicode math symbols of prose in a font that has them', () => {
    expect(proseHtml('σ′(z)·∂z/∂w₁')).toBe('<span class="u">σ′</span>(z)<span class="u">·∂</span>z/<span class="u">∂</span>w<span class="u">₁</span>');
  });
});

describe('the KaTeX stylesheet', () => {
  it('inlines every font as a woff2 data: URI and refers to no file', () => {
    const css = katexCss();
    expect(css).not.toMatch(/url\((?!data:)/);
    expect(css.match(/@font-face/g)).toHaveLength(20);
    expect(css.match(/data:font\/woff2;base64,/g)).toHaveLength(20);
    expect(css).toContain('font-family:KaTeX_Main');
    expect(css).toContain('font-family:KaTeX_Math');
  });

  it('is built once per process', () => {
    expect(katexCss()).toBe(katexCss());
  });
});
