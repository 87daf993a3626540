import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mathHtml } from '../../src/render/katex.js';
import { slimForPrint } from '../../src/render/print-markup.js';

/** The characters a formula prints, in order: its markup without tags, and without the spacer's zero-width space. */
const glyphs = (html: string): string => html.replace(/<[^>]*>/g, '').replaceAll('\u200b', '');
const count = (html: string, s: string): number => html.split(s).length - 1;

describe('slimForPrint: KaTeX markup with fewer elements for Chromium to print', () => {
  it('sets a lone subscript as a shifted box around the script, with KaTeX’s own shift and margins', () => {
    const html = mathHtml('w_1');
    expect(html).toContain('class="vlist-t vlist-t2"');
    const slim = slimForPrint(html);
    expect(slim).not.toContain('vlist');
    expect(slim).not.toContain('pstrut');
    // KaTeX: top -2.55em in a block below a 2.7em strut → 0.15em below the baseline, with its margins.
    expect(slim).toContain(
      '<span class="msupsub"><span style="display:inline-block;position:relative;top:0.15em;margin-left:-0.0269em;margin-right:0.05em;">' +
        '<span class="katex-sizing reset-size6 size3 mtight" style="display:inline-block;"><span class="mord mtight">1</span></span></span></span>',
    );
    expect(glyphs(slim)).toBe(glyphs(html));
  });

  it('raises a lone superscript by KaTeX’s shift (σ′: no depth row)', () => {
    const html = mathHtml("\\sigma'(z)");
    expect(html).toContain('class="vlist-t"');
    const slim = slimForPrint(html);
    expect(slim).not.toContain('vlist');
    expect(slim).toMatch(/<span style="display:inline-block;position:relative;top:-0\.\d+em;margin-right:0\.05em;"><span class="katex-sizing/);
    expect(glyphs(slim)).toBe(glyphs(html));
  });

  it('flattens a script inside a script, from the inside out', () => {
    const slim = slimForPrint(mathHtml('e^{x_1}'));
    expect(slim).not.toContain('vlist');
    expect(count(slim, 'position:relative')).toBe(2);
  });

  it('keeps every vlist of more than one child (a fraction, a hat, both scripts at once, a matrix), without its spacer and its depth row', () => {
    for (const latex of ['\\frac{a}{b}', '\\hat{y}', 'x_1^2', '\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}', '\\sum_{i=1}^{n} x']) {
      const html = mathHtml(latex);
      const slim = slimForPrint(html);
      expect(slim, latex).toContain('class="vlist-t');
      expect(count(slim, 'class="vlist"'), latex).toBe(count(html, 'class="vlist"') - count(html, 'class="vlist-s"'));
      expect(slim, latex).not.toContain('vlist-s');
      expect(slim, latex).not.toContain('<span></span>');
      expect(glyphs(slim), latex).toBe(glyphs(html));
    }
    // A vlist with no depth has neither: it is left as it was.
    const high = mathHtml('\\hat{a}');
    expect(count(high, 'vlist-s')).toBe(0);
    expect(slimForPrint(high)).toBe(high);
  });

  it('leaves the markup around formulas byte for byte, and a document without formulas as it was', () => {
    const formula = mathHtml('x_1');
    const doc = `<p class="text">Let <b>x</b> be ${formula}, and <span class="nw">∂${formula}:</span></p>`;
    const slim = slimForPrint(doc);
    const slimFormula1 = slimForPrint(formula);
    expect(slim).toBe(`<p class="text">Let <b>x</b> be ${slimFormula1}, and <span class="nw">∂${slimFormula1}:</span></p>`);
    const plain = '<p>No math, <span class="katex-like">here</span>.</p>';
    expect(slimForPrint(plain)).toBe(plain);
  });

  it('leaves markup that is not as KaTeX writes it alone: an unclosed script, unknown attributes, a styled script', () => {
    const script = mathHtml('x_1').replaceAll('\u200b', '');
    const unclosed = script.slice(0, script.indexOf('<span class="vlist-s">'));
    expect(slimForPrint(unclosed)).toBe(unclosed);
    // Not flattened (only the depth row goes, which holds no content).
    const attrs = script.replace('<span class="vlist-t vlist-t2">', '<span class="vlist-t vlist-t2" id="t">');
    expect(slimForPrint(attrs)).toContain('<span class="vlist-t vlist-t2" id="t"><span class="vlist-r"><span class="vlist" style="height:0.3011em;"><span style="top:-2.55em;');
    const styled = script.replace('class="katex-sizing reset-size6 size3 mtight"', 'class="katex-sizing reset-size6 size3 mtight" style="color:red;"');
    expect(slimForPrint(styled)).toContain('<span class="pstrut" style="height:2.7em;"></span><span class="katex-sizing reset-size6 size3 mtight" style="color:red;">');
  });

  it('prints the same glyphs in the same order, balanced, and is idempotent, for formulas of the worksheets’ kinds', () => {
    const atom = fc.constantFrom('w_1', 'x_{2}', 'b^{(1)}', "\\sigma'(z)", '\\hat{y}', '\\frac{\\partial f}{\\partial w_5}', 'W^{(2)}_{12}', 'e^{-x_1}', '\\operatorname{ReLU}(z_1)');
    const formula = fc.array(atom, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' + '));
    fc.assert(
      fc.property(formula, (latex) => {
        const html = mathHtml(latex);
        const slim = slimForPrint(html);
        expect(glyphs(slim)).toBe(glyphs(html));
        expect(count(slim, '<span')).toBe(count(slim, '</span>'));
        expect(count(slim, '<span')).toBeLessThanOrEqual(count(html, '<span'));
        expect(slimForPrint(slim)).toBe(slim);
      }),
      { numRuns: 200 },
    );
  });
});
