/**
 * Cases written in words in the text syntax (src/parse/prose-cases.ts): read as the same cases
 * written with `? :`, wherever they stand, with errors at the student's own columns.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { parseLatex } from '../../src/parse/latex.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { toText } from '../../src/print/text.js';
import { equal } from '../../src/expr/equal.js';

const at = (text: string, x: number): number => evaluate(parse(text), { vars: { x } });
/** Values away from the boundaries at −1 and 0, where a < and a ≤ differ. */
const away = fc.double({ min: -3, max: 3, noNaN: true }).filter((x) => Math.abs(x) > 1e-6 && Math.abs(x + 1) > 1e-6);

describe('cases in words', () => {
  it('read as the cases they say, in each way of writing them, the first case that holds winning', () => {
    const js = (x: number): number => (x > 0 ? 2 * x : x < -1 ? -3 : 5);
    const ways = [
      '2*x if x > 0 else -3 if x < -1 else 5',
      '2x if x > 0, -3 if x < -1, 5 otherwise',
      '2x if x > 0; -3 if x < -1; otherwise 5',
      '2x when x > 0, -3 for x < -1, else 5',
    ];
    fc.assert(
      fc.property(away, (x) => {
        for (const text of ways) expect(at(text, x), text).toBeCloseTo(js(x), 12);
      }),
    );
  });

  it('ReLU’s two cases read as one step, as they do written with ? : or \\begin{cases}', () => {
    const step = parse('z > 0 ? w5*x1 : 0');
    for (const text of ['w5*x1 if z > 0 else 0', 'w5 x1 if z > 0, 0 otherwise', 'w₅x₁ if z > 0; 0 otherwise', 'w5*x1 if z > 0, else 0', 'w5*x1 when z > 0, otherwise 0']) {
      expect(equal(parse(text), step), text).toBe(true);
    }
    expect(toText(parse('0 if z <= 0, w5*x1 if z > 0'))).toBe(toText(parseLatex('\\begin{cases} 0 & z \\leq 0 \\\\ w_5 x_1 & z > 0 \\end{cases}')));
  });

  it('stand inside parentheses, a matrix’s entries and a call’s arguments, where commas keep their meaning', () => {
    expect(toText(parse('w5*(x1 if z > 0 else 0) + b3'))).toBe("w5*x1*relu'(z) + b3");
    expect(toText(parse('[x1 if z > 0 else 0, 1; 2, 3]'))).toBe("[x1*relu'(z), 1; 2, 3]");
    expect(toText(parse('max(0, x1 if z > 0 else 1)'))).toBe(toText(parse('max(0, z > 0 ? x1 : 1)')));
    // Cases inside a case.
    expect(equal(parse('(a if y > 0 else b) if x > 0 else c'), parse('x > 0 ? (y > 0 ? a : b) : c'))).toBe(true);
  });

  it('leave alone names that only contain the words, and text without cases', () => {
    for (const text of ['iff + elsewhere*x', 'w_if * x', 'sigma(x)*ifx']) expect(equal(parse(text), parse(text.replace(/if|else/g, (w) => w.toUpperCase())))).toBe(false);
    expect(toText(parse('iff + elsewhere*x'))).toBe('iff + elsewhere*x');
  });

  it('errors name what is missing at the student’s column, and errors inside a case point into it', () => {
    expect(() => parse('x if')).toThrow(/^column 3: expected a condition after 'if', such as z > 0$/);
    expect(() => parse('if z > 0')).toThrow(/^column 1: expected a value before 'if'/);
    expect(() => parse('x if z > 0 else')).toThrow(/^column 12: expected the value of the last case/);
    expect(() => parse('x if z == 0 else 1')).toThrow(/a case's condition is one comparison such as z > 0/);
    expect(() => parse('x if 0 < z < 1 else 0')).toThrow(/^column 3: a case's condition is one comparison such as z > 0 \(or >=, <, <=\), not a chain$/);
    // An unclosed parenthesis is left for the parser, as it is without cases; an error inside a case is at its column.
    expect(() => parse('w5*x1 if z > 0 else (1')).toThrow(/^column 23: expected '\)'$/);
    expect(() => parse('w5*x1 if z > 0 else 1 +* 2')).toThrow(/^column 24: expected a value, not '\*'$/);
    expect(() => parse('w5*x1 +* 2 if z > 0 else 0')).toThrow(/^column 8: expected a value, not '\*'$/);
  });
});

describe('cases written inline in LaTeX', () => {
  const atLatex = (text: string, x: number): number => evaluate(parseLatex(text), { vars: { x } });

  it('read as the cases they say, as the text syntax and \\begin{cases} read them', () => {
    const js = (x: number): number => (x > 0 ? 2 * x : x < -1 ? -3 : 5);
    const ways = [
      '2x \\text{ if } x > 0 \\text{ else } -3 \\text{ if } x < -1 \\text{ else } 5',
      '2x \\quad \\text{if } x > 0,\\; -3 \\quad \\text{if } x < -1,\\; 5 \\quad \\text{otherwise}',
      '2x \\text{ when } x > 0; -3 \\text{ for } x < -1; \\text{otherwise } 5.',
    ];
    fc.assert(
      fc.property(away, (x) => {
        for (const text of ways) expect(atLatex(text, x), text).toBeCloseTo(js(x), 12);
      }),
    );
    const step = parse('w5*x1 if z > 0 else 0');
    for (const text of ['w_5 x_1 \\text{ if } z > 0 \\text{ else } 0', 'w_5 x_1 \\text{ if } z > 0, \\; 0 \\text{ otherwise}', 'w_5 x_1 \\text{ if } z > 0']) {
      expect(equal(parseLatex(text), step), text).toBe(true);
    }
    expect(toText(parseLatex('0 \\text{ if } z \\leq 0,\\ w_5 x_1 \\text{ if } z > 0.'))).toBe(toText(parse('0 if z <= 0, w5*x1 if z > 0')));
    // Inside parentheses too, as in the text syntax.
    expect(toText(parseLatex('w_5 \\left(x_1 \\text{ if } z > 0 \\text{ else } 0\\right) + b_3'))).toBe(toText(parse('w5*(x1 if z > 0 else 0) + b3')));
    expect(toText(parseLatex('w_5 (x_1 \\text{ if } z > 0, 0 \\text{ otherwise})'))).toBe("w5*x1*relu'(z)");
    // A full stop ends the cases; a decimal point starts a value.
    expect(equal(parseLatex('x \\text{ if } z > 0, .5 \\text{ otherwise}.'), parse('x if z > 0 else 0.5'))).toBe(true);
  });

  it('say what is missing, and do not read a word that joins conditions as a variable', () => {
    expect(() => parseLatex('\\text{if } z > 0')).toThrow(/^column 1: expected a value before the word of cases/);
    expect(() => parseLatex('w_5 x_1 \\text{ if }')).toThrow(/^column 20: expected a comparison such as z > 0/);
    expect(() => parseLatex('w_5 x_1 \\text{ otherwise}')).toThrow(/^column 9: expected a case with its condition before 'otherwise'/);
    expect(() => parseLatex('w_5 x_1 \\text{ if } z > 0 \\text{ and } z < 1')).toThrow(/^column 27: a case's condition is one comparison such as z > 0; conditions joined by 'and' are not read$/);
    expect(() => parseLatex('w_5 x_1 \\text{ if } z > 0, x_1')).toThrow(/^column 31: expected \\text\{if\} and this case's condition, or \\text\{otherwise\}, not the end of the input$/);
    // Text in a formula that is no word of cases is still a name.
    expect(toText(parseLatex('f_{\\text{MSE}} + \\text{ifx}'))).toBe('f_MSE + ifx');
  });
});
