/**
 * Number literals are exact rationals read from their decimal text, never doubles: 1e23 is 10²³
 * (as a double it was 99999999999999991611392, so 1e23 - 10^23 was -8388608), 1e-400 is not 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { num } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/types.js';
import { parse } from '../../src/parse/parse.js';
import { parseLatex } from '../../src/parse/latex.js';
import { standIns, standInIndex } from '../../src/parse/literals.js';
import { preprocess } from '../../src/parse/preprocess.js';
import { simplify } from '../../src/simplify/simplify.js';
import { toText } from '../../src/print/text.js';
import { rat } from '../../src/rational.js';
import { ParseError } from '../../src/errors.js';

const ten = (k: number): bigint => 10n ** BigInt(k);

/** The exact number an expression simplifies to. */
function value(source: string): string {
  const e: Expr = simplify(parse(source));
  expect(e.kind, `${source} → ${toText(e)}`).toBe('num');
  return toText(e);
}

describe('number literals', () => {
  it('are read exactly, however many digits', () => {
    expect(equal(parse('123456789012345678901234567890'), num(123456789012345678901234567890n))).toBe(true);
    expect(equal(parse('0.1234567890123456789'), num(rat(1234567890123456789n, ten(19))))).toBe(true);
    expect(equal(parse(`0.${'0'.repeat(5000)}1`), num(rat(1n, ten(5001))))).toBe(true);
  });

  it('in scientific notation are exact powers of ten', () => {
    expect(value('1e23 - 10^23')).toBe('0');
    expect(value('1e308*10')).toBe(ten(309).toString());
    expect(equal(parse('1e-400'), num(rat(1n, ten(400))))).toBe(true);
    expect(equal(parse('2.5E+3'), num(2500))).toBe(true);
    expect(equal(parse('1.5e-7'), num(rat(3n, 2n * ten(7))))).toBe(true);
    // Both ways alike, up to the bound.
    expect(equal(parse('1e1000'), num(ten(1000)))).toBe(true);
    expect(equal(parse('1e-1000'), num(rat(1n, ten(1000))))).toBe(true);
    expect(equal(parse('1e999'), num(ten(999)))).toBe(true);
  });

  it('refuse an exponent beyond ±1000 with a column, both ways alike', () => {
    for (const [source, column, exponent] of [
      ['1e1001', 1, '1001'],
      ['1e-1001', 1, '-1001'],
      ['x + 2*1e999999999', 7, '999999999'],
      ['w*(1 - 0.5E-123456789012345)', 8, '-12345678901…'],
    ] as const) {
      const e = thrown(() => parse(source), ParseError);
      expect(e.column, source).toBe(column);
      expect(e.reason).toBe(`the exponent ${exponent} is out of range: numbers are read exactly, with exponents from -1000 to 1000`);
    }
  });

  it('keep every reading mathjs gave them: juxtaposition, a name after, a dot before, 50%', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['2x', '2*x'],
      ['2.5x', '5/2*x'],
      ['x.5', '1/2*x'],
      ['2.x', '2*x'],
      ['.5', '1/2'],
      ['1/2x', 'x/2'],
      ['2e5e5', '200000*e5'],
      ['2ex', '2*ex'],
      ['3 (x + 1)', '3*(x + 1)'],
      ['x^2.5', 'x^(5/2)'],
      ['x²', 'x^2'],
      ['50%', '1/2'],
      ['0x1F + 0b101 + 0o17', '31 + 5 + 15'],
      ["'12'", '12'],
      ['[1, 2.5; 1e3, -4]', '[1, 5/2; 1000, -4]'],
      ['w1*x1 + 1e2*b1', 'w1*x1 + 100*b1'],
    ];
    for (const [source, text] of cases) expect(equal(parse(source), parse(text)), source).toBe(true);
    expect(equal(parse('0x123456789abcdef0123456789'), num(0x123456789abcdef0123456789n))).toBe(true);
  });

  it('name the literal, not its stand-in, in mathjs’s errors', () => {
    const e = thrown(() => parse('2 3'), ParseError);
    expect([e.column, e.reason]).toEqual([3, 'unexpected part "3"']);
    expect(thrown(() => parse('[2 5]'), ParseError).reason).toContain("not '5'");
    expect(thrown(() => parse('1.2.3'), ParseError).message).toBe('column 4: unexpected part ".3"');
    expect(thrown(() => parse('2e-x'), ParseError).message).toBe('column 1: digit expected, got "x"');
    expect(thrown(() => parse('0b12'), ParseError).message).toBe("column 1: cannot read the number '0b12'");
  });

  it('are read exactly in LaTeX too', () => {
    expect(equal(parseLatex('\\frac{123456789012345678901234567890}{10^{30}}'), parse('123456789012345678901234567890/10^30'))).toBe(true);
    expect(equal(parseLatex(`0.${'0'.repeat(5000)}1`), num(rat(1n, ten(5001))))).toBe(true);
    expect(equal(parseLatex('\\log_{123456789012345678901234567890} x'), parse('log(x, 123456789012345678901234567890)'))).toBe(true);
  });

  it('stand in for each literal with a number token that decodes to its index', () => {
    const read = standIns(preprocess("2x + x.5 - 1e23*'7' + w1"));
    expect(read.literals.map((l) => l.text)).toEqual(['2', '.5', '1e23']);
    expect(read.text).toBe(".05 x + x.15 - .25*'7' + w1");
    fc.assert(fc.property(fc.nat({ max: 1e9 }), (k) => standInIndex(Number(`.${k}5`)) === k));
    // The numbers mathjs makes up itself (a range's start, the 100 of 50%) are no stand-ins.
    expect([1, 100].map(standInIndex)).toEqual([undefined, undefined]);
  });
});
