/** Transpose in the text syntax (W', W^T, Wᵀ → transpose(W)) and the derivative mark it must not break. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { equal } from '../../src/expr/equal.js';

const t = (s: string): string => toText(parse(s));

describe('transpose', () => {
  it.each([
    ["W'", 'transpose(W)'],
    ["W'*x", 'transpose(W)*x'],
    ["W'x", 'transpose(W)*x'],
    ['W^T', 'transpose(W)'],
    ['W^T x', 'transpose(W)*x'],
    ['Wᵀ', 'transpose(W)'],
    ['Wᵀ(x + b)', 'transpose(W)*(x + b)'],
    ["(W*x)'", 'transpose(W*x)'],
    ['x^T W x', 'transpose(x)*W*x'],
    ["W''", 'transpose(transpose(W))'],
    ['[1, 2; 3, 4]^T', 'transpose([1, 2; 3, 4])'],
    ['transpose(W)', 'transpose(W)'],
  ])('%s is %s', (source, expected) => {
    expect(t(source)).toBe(expected);
  });

  it("keeps f'(x) a derivative mark", () => {
    expect(parse("sigma'(z)").kind).toBe('deriv');
    expect(parse("W'(x)").kind).toBe('deriv');
    expect(t("w5*sigma'(z)*x1")).toBe("w5*sigma'(z)*x1");
  });

  it('leaves T an exponent of numbers and e', () => {
    expect(t('2^T')).toBe('2^T');
    expect(t('e^T')).toBe('exp(T)');
  });

  it('round-trips through the printer', () => {
    for (const s of ["W'*x + b", 'x^T W x', 'Wᵀ(x + b)']) expect(equal(parse(t(s)), parse(s)), s).toBe(true);
  });

  it('rejects transpose with the wrong number of arguments, or differentiated', () => {
    expect(() => parse('transpose(W, x)')).toThrow('transpose takes 1 argument, not 2');
    expect(() => parse("transpose'(x)")).toThrow('write the derivative of transpose out in full');
  });
});

describe('matrices of one row', () => {
  it('print as [[a, b]] and read back as 1×2, not as a list', () => {
    const m = parse('[[a, b]]');
    expect(m.kind === 'matrix' && [m.rows, m.cols]).toEqual([1, 2]);
    expect(toText(m)).toBe('[[a, b]]');
    expect(equal(parse(toText(m)), m)).toBe(true);
    expect(parse('[a, b]').kind).toBe('vector');
  });

  it('report rows of different lengths in words', () => {
    expect(() => parse('[1, 0; 2]')).toThrow('the rows of a matrix must be equally long: a row has 1 entry but the first has 2 entries');
  });
});
