/**
 * Cases and conditions (src/parse/piecewise.ts): read as ReLU′, with the value of the first row
 * whose condition holds, in text and LaTeX, and the same reading either way round.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { parseLatex } from '../../src/parse/latex.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { toText } from '../../src/print/text.js';

const at = (text: string, x: number, latex = false): number => evaluate(latex ? parseLatex(text) : parse(text), { vars: { x } });
/** Values away from the boundaries at −1 and 0, where a < and a ≤ differ. */
const away = fc.double({ min: -3, max: 3, noNaN: true }).filter((x) => Math.abs(x) > 1e-6 && Math.abs(x + 1) > 1e-6);

describe('conditions and cases', () => {
  it('a condition is 1 where it holds and 0 elsewhere, for each of >, >=, <, <= and ≥, ≤', () => {
    fc.assert(
      fc.property(away, (x) => {
        expect(at('(x > 0)', x)).toBe(x > 0 ? 1 : 0);
        expect(at('(x >= 0)', x)).toBe(x >= 0 ? 1 : 0);
        expect(at('(x < 0)', x)).toBe(x < 0 ? 1 : 0);
        expect(at('(x <= 0)', x)).toBe(x <= 0 ? 1 : 0);
        expect(at('(x ≥ -1)', x)).toBe(x >= -1 ? 1 : 0);
        expect(at('(0 ≤ x)', x)).toBe(x >= 0 ? 1 : 0);
        // A chain holds where each of its comparisons does.
        expect(at('(-1 < x <= 0)', x)).toBe(x > -1 && x <= 0 ? 1 : 0);
      }),
    );
  });

  it('cases take the first row whose condition holds, else the row with none, in text and LaTeX', () => {
    const js = (x: number): number => (x > 0 ? 2 * x : x < -1 ? -3 : 5);
    fc.assert(
      fc.property(away, (x) => {
        expect(at('x > 0 ? 2*x : (x < -1 ? -3 : 5)', x)).toBeCloseTo(js(x), 12);
        expect(at('\\begin{cases} 2x & x > 0 \\\\ -3, & \\text{if } x < -1 \\\\ 5 & \\text{otherwise} \\end{cases}', x, true)).toBeCloseTo(js(x), 12);
        expect(at('\\begin{cases} 2x & x > 0 \\\\ -3 & x < -1 \\\\ 5 & \\text{else} \\end{cases}', x, true)).toBeCloseTo(js(x), 12);
      }),
    );
  });

  it('in LaTeX, a comparison in brackets or parentheses is the Iverson bracket; prose in \\text may end in a full stop', () => {
    fc.assert(
      fc.property(away, (x) => {
        // + 0: a product with a 0 indicator may be −0.
        expect(at('2 \\cdot [x > 0]', x, true) + 0).toBe(x > 0 ? 2 : 0);
        expect(at('3 (x \\leq -1)', x, true) + 0).toBe(x <= -1 ? 3 : 0);
        expect(at('x \\mathbb{1}[x < -1]', x, true) + 0).toBe(x < -1 ? x : 0);
        expect(at('\\begin{cases} x &\\quad x \\geq 0, \\\\ 0 &\\quad \\text{else.} \\end{cases}', x, true) + 0).toBe(x >= 0 ? x : 0);
      }),
    );
  });

  it('cases written as an array in braces read as cases; an array of numbers in parentheses is still a matrix', () => {
    const asArray = '\\left\\{ \\begin{array}{ll} w x & z > 0 \\\\ 0 & \\text{otherwise} \\end{array} \\right.';
    expect(toText(parseLatex(asArray))).toBe("w*x*relu'(z)");
    expect(toText(parseLatex('\\left\\{ \\begin{array}{cc} 2x, & \\text{if } x < 0 \\\\ x, & \\text{if } x \\geq 0 \\end{array} \\right.'))).toBe(
      toText(parseLatex('\\begin{cases} 2x & x < 0 \\\\ x & \\text{otherwise} \\end{cases}')),
    );
    expect(toText(parseLatex('\\left( \\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array} \\right)'))).toBe('[1, 2; 3, 4]');
  });

  it('two cases whose conditions are complements read as one step, either way round', () => {
    expect(toText(parseLatex('\\begin{cases} w x & z > 0 \\\\ 0 & z \\leq 0 \\end{cases}'))).toBe("w*x*relu'(z)");
    expect(toText(parseLatex('\\begin{cases} 0 & z \\leq 0 \\\\ w x & z > 0 \\end{cases}'))).toBe("relu'(z)*w*x");
    expect(toText(parse('z > 0 ? w*x : 0'))).toBe("w*x*relu'(z)");
    expect(toText(parse('w*x*(0 < z)'))).toBe("w*x*relu'(z)");
    // In brackets too, after a * or not (mathjs would read x [z > 0] as indexing): not a vector of one entry.
    expect(toText(parse('w*x*[z > 0]'))).toBe("w*x*relu'(z)");
    expect(toText(parse('w x [z > 0]'))).toBe("w*x*relu'(z)");
    expect(() => parse('x[2]')).toThrow(/indexing such as x\[1\] is not supported/);
  });

  it('a row with no condition but not last, and conditions that are no comparison, are errors', () => {
    expect(() => parse('x == 0 ? 1 : 2')).toThrow(/a condition is one comparison such as z > 0/);
    expect(() => parse('x == y == z')).toThrow(/column 3: only <, <=, > and >= compare values/);
    expect(() => parseLatex('\\begin{cases} 1 & \\text{when} \\end{cases}')).toThrow(/column 31: expected a comparison such as z > 0 or z \\leq 0 in the condition, not '\\end'/);
    expect(() => parseLatex('\\begin{cases} 1 & \\text{otherwise} \\\\ 2 & x > 0 \\end{cases}')).toThrow(/column 39: only the last case may be 'otherwise'/);
  });
});
