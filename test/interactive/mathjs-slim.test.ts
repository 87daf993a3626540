/**
 * The page's mathjs (scripts/mathjs-slim.mjs: the parser alone, from mathjs's factories) must read
 * every input exactly as the full build src/mathjs.ts uses: the same node tree, or the same error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import slim from '../../scripts/mathjs-slim.mjs';
import { mathjs, Fraction } from '../../src/mathjs.js';
import { toText } from '../../src/print/text.js';
import { preprocess } from '../../src/parse/preprocess.js';
import { expressionArb } from '../support/expressions.js';

function outcome(parse: (s: string) => unknown, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (e) {
    return `error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

const TRICKY = [
  "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
  '0x1F + 0b101 + 0o17 + 0x1Fi8 + 0xFFi8',
  '1e999 + 1e-999 + .5 + 5. + 1.5e+3',
  'NaN + Infinity',
  "W' * x + A'",
  '[1, 2; 3, 4] * [x; y]',
  '[[1, -1]]',
  'x = 2',
  'f(x) = x^2',
  '"str" + \'s\'',
  '{a: 1}',
  'a ? b : c',
  '1:3',
  'a[1, 2]',
  'a.b',
  'x!',
  'x == y',
  '5 cm to inch',
  '2x y + 3 (x+1)(x-1)',
  '-(-(-x))^-2^3',
  'x +',
  '(x',
  'x)',
  '[1, 2; 3]',
  'sin(',
  '1/0 % 3 mod 2',
  'a & b | c xor d',
  '',
];

describe('the page’s mathjs parser', () => {
  it('gives the full build’s tree or error on hand-picked inputs', () => {
    for (const text of TRICKY) expect(outcome((s) => slim.parse(s), text), text).toBe(outcome((s) => mathjs.parse(s), text));
  });

  it('gives the full build’s tree on 300 random expressions as the parser feeds them to mathjs', () => {
    fc.assert(
      fc.property(expressionArb, (e) => {
        const text = preprocess(toText(e)).text;
        expect(outcome((s) => slim.parse(s), text)).toBe(outcome((s) => mathjs.parse(s), text));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('has the same exact fractions', () => {
    expect(new slim.Fraction(6, 8).toFraction()).toBe(new Fraction(6, 8).toFraction());
  });
});
