import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { answerLatex, casesLatex } from '../../src/render/describe.js';
import { displayHtml } from '../../src/render/katex.js';

const LONG = 'w5*(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*sigma\'(w1*x1 + w2*x2 + b1)*x1';

describe('answers in the key', () => {
  it('sets a matrix that fits a line whole', () => {
    expect(answerLatex({ id: 'J', label: 'J', value: parse('[2, 1; 0, pi; -1/x2, x1/x2^2]') })).toEqual([
      'J = \\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\[0.4em] -\\frac{1}{x_{2}} & \\frac{x_{1}}{x_{2}^{2}} \\end{bmatrix}',
    ]);
  });

  it('sets a matrix too wide for a line entry by entry, each at full size', () => {
    const lines = answerLatex({ id: 'G', label: '\\nabla_{\\mathbf{W}} f', value: parse(`[${LONG}, ${LONG}; ${LONG}, 1]`) });
    expect(lines[0]).toBe('\\nabla_{\\mathbf{W}} f\\text{, entry by entry} \\; (2 \\times 2)\\text{:}');
    expect(lines.slice(1).map((l) => l.split(' = ')[0])).toEqual(['11', '12', '21', '22'].map((ij) => `\\left(\\nabla_{\\mathbf{W}} f\\right)_{${ij}}`));
    expect(lines[4]).toBe('\\left(\\nabla_{\\mathbf{W}} f\\right)_{22} = 1');
    for (const l of lines) expect(() => displayHtml(l)).not.toThrow();
  });

  it('sets a column entry by entry when an entry, as it is set, is wider than a line: ∇_{W⁽²⁾}f of a 4-1-4 linear net', () => {
    // 58 glyphs an entry, under the 60 once allowed; 38 em as a column, set with its operators'
    // spaces: it ran 24 pt into the LaTeX margin.
    const h = 'w1*x1 + w2*x2 + w3*x3 + w4*x4 + b1';
    const column = `[${[5, 6, 7, 8].map((w, i) => `(w${w}*(${h}) + b${i + 2} - y${i + 1})*(${h})`).join('; ')}]`;
    const lines = answerLatex({ id: 'W2', label: '\\nabla_{\\mathbf{W}^{(2)}} f', value: parse(column) });
    expect(lines[0]).toBe('\\nabla_{\\mathbf{W}^{(2)}} f\\text{, entry by entry} \\; (4 \\times 1)\\text{:}');
    expect(lines).toHaveLength(5);
  });

  it('numbers a wide vector’s entries with one index, and leaves a 1×1 matrix whole', () => {
    const lines = answerLatex({ id: 'g', label: 'g', value: parse(`[${LONG}, x1]`) });
    expect(lines[0]).toBe('g\\text{, entry by entry:}');
    expect(lines.slice(1).map((l) => l.split(' = ')[0])).toEqual(['\\left(g\\right)_{1}', '\\left(g\\right)_{2}']);
    expect(answerLatex({ id: 'b', label: 'b', value: parse(`[${LONG}]`) })).toHaveLength(1);
  });

  it('sets a column too tall for a page entry by entry: 40 fractions (before: whole, cut at the page break)', () => {
    const fractions = Array.from({ length: 40 }, (_, i) => `-${5713 + i}/10`);
    const lines = answerLatex({ id: 'u', label: 'u', value: parse(`[${fractions.join(', ')}]`) });
    expect(lines).toHaveLength(41);
    expect(lines[0]).toBe('u\\text{, entry by entry:}');
    expect(lines[40]).toBe('\\left(u\\right)_{40} = -\\frac{2876}{5}');
    // 40 integers (about 40 of a page's 49 rows) and 20 fractions still fit a page whole.
    expect(answerLatex({ id: 'g', label: 'g', value: parse(`[${Array.from({ length: 40 }, (_, i) => i * 997).join(', ')}]`) })).toHaveLength(1);
    expect(answerLatex({ id: 'h', label: 'h', value: parse(`[${fractions.slice(0, 20).join(', ')}]`) })).toHaveLength(1);
  });
});

describe('piecewise answers in the key', () => {
  const when = (expr: string, rel: '<=' | '>') => ({ expr: parse(expr), rel });

  it("sets short cases as the lecture does, in one cases block", () => {
    const cases = [
      { when: when('w1*x1 + w2*x2 + b1', '<='), value: parse('0') },
      { when: when('w1*x1 + w2*x2 + b1', '>'), value: parse('w5*x1') },
    ];
    expect(casesLatex('\\frac{\\partial \\hat{y}}{\\partial w_{1}}', cases)).toEqual([
      '\\frac{\\partial \\hat{y}}{\\partial w_{1}} = \\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1} & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \\end{cases}',
    ]);
  });

  it('sets cases that may not fit a line one per line, each free to break', () => {
    const value = parse('(w7*relu(w1*x1 + w2*x2 + w3*x3 + b1) + w8*relu(w4*x1 + w5*x2 + w6*x3 + b2) + b3 - y)*w7*x1');
    const cases = [
      { when: when('w1*x1 + w2*x2 + w3*x3 + b1', '<='), value: parse('0') },
      { when: when('w1*x1 + w2*x2 + w3*x3 + b1', '>'), value },
    ];
    const lines = casesLatex('g', cases);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('g = 0 \\quad \\text{if } w_{1} x_{1} + w_{2} x_{2} + w_{3} x_{3} + b_{1} \\leq 0');
    expect(lines[1]).toMatch(/^g = \(w_\{7\} \\operatorname\{ReLU\}\(.* \\quad \\text\{if \} w_\{1\} x_\{1\} .* > 0$/);
    for (const l of lines) expect(displayHtml(l)).not.toContain('mtable');
  });
});
