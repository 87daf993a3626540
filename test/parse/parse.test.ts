/** Text → Expr: the lecture's notation in ASCII and in Unicode, and positioned errors. */
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { call, constant, deriv, matrix, mul, num, pow, sym, vector } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { symbolUnicode } from '../../src/check/notation.js';
import { ParseError } from '../../src/errors.js';

/** The ParseError `parse(source)` throws (fails the test if it throws nothing or something else). */
function parseError(source: string): ParseError {
  return thrown(() => parse(source), ParseError);
}

describe('Unicode and ASCII agree', () => {
  it.each([
    ["σ′(z)", "sigma'(z)"],
    ["σ'(z)", "sigma'(z)"],
    ['σ’(z)', "sigma'(z)"],
    ['σ″(z)', "sigma''(z)"],
    ['w₁', 'w1'],
    ['w_1', 'w1'],
    ['ŷ', 'yhat'],
    ['y\u0302', 'yhat'],
    ['y_hat', 'yhat'],
    ['a·b', 'a*b'],
    ['a⋅b', 'a*b'],
    ['a×b', 'a*b'],
    ['a − b', 'a - b'],
    ['a ÷ b', 'a / b'],
    ['x²', 'x^2'],
    ['x⁻¹', 'x^(-1)'],
    ['(ŷ − y)²', '(yhat - y)^2'],
    ['w₁x₁', 'w1*x1'],
    ['w₁x₁ + w₂x₂ + b₁', 'w1*x1 + w2*x2 + b1'],
    ['π·x₂', 'pi*x2'],
    ['ε', 'epsilon'],
    ["w₅·σ′(w₁x₁ + w₂x₂ + b₁)·x₁", "w5*sigma'(w1*x1 + w2*x2 + b1)*x1"],
    ['½', null],
    // Layer indices, as the lecture and our feedback write them (z⁽¹⁾₁ > 0), and in plain ASCII.
    ['z⁽¹⁾₁', 'z1_1'],
    ['W⁽¹⁾₂₁', 'W1_2_1'],
    ['W⁽²⁾(W⁽¹⁾x + b⁽¹⁾)', 'W2*(W1*x + b1)'],
    ['δ⁽²⁾₁x₁', 'delta2_1*x1'],
    ['z^(1)_1', 'z1_1'],
    ['W^(1)_21', 'W1_2_1'],
    ['W^(1)_(2, 1)', 'W1_2_1'],
    ['W^(1)_2_1', 'W1_2_1'],
    ['σ(z^(1)_1)·w₅', 'sigma(z1_1)*w5'],
    ['x⁽¹', null],
    ['⁽¹⁾', null],
  ])('%s = %s', (unicode, ascii) => {
    if (ascii === null) {
      expect(() => parse(unicode)).toThrow(ParseError);
      return;
    }
    const a = parse(unicode);
    const b = parse(ascii);
    expect(equal(a, b), `${toText(a)} vs ${toText(b)}`).toBe(true);
  });

  it('reads back every indexed name as the feedback prints it (W⁽¹⁾₂₁, z⁽³⁾₄, δ⁽²⁾₁₃)', () => {
    for (const base of ['W', 'z', 'h', 'b', 'delta']) {
      for (let layer = 1; layer <= 9; layer++) {
        for (let i = 1; i <= 9; i++) {
          for (const name of [`${base}${layer}_${i}`, `${base}${layer}_${i}_${10 - i}`]) {
            expect(toText(parse(symbolUnicode(name))), symbolUnicode(name)).toBe(name);
          }
        }
      }
    }
    // A bare x^(2) is still a power.
    expect(toText(parse('x^(2)'))).toBe('x^2');
  });

  it('reads the lecture’s ∂ŷ/∂w₁ exactly as the ASCII form', () => {
    const expected = mul(sym('w5'), deriv('sigma', [1], [parse('w1*x1 + w2*x2 + b1')]), sym('x1'));
    expect(equal(parse('w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁'), expected)).toBe(true);
  });
});

describe('the text syntax', () => {
  it('reads implicit multiplication', () => {
    expect(toText(parse('2x'))).toBe('2*x');
    expect(toText(parse('u v'))).toBe('u*v');
    expect(toText(parse('w1 x1'))).toBe('w1*x1');
  });

  it('reads σ, φ, ψ, f and g as abstract functions, and other names before ( as products', () => {
    for (const name of ['sigma', 'phi', 'psi', 'f', 'g']) expect(equal(parse(`${name}(z)`), call(name, [sym('z')]))).toBe(true);
    expect(toText(parse('x1(w5 + 1)'))).toBe('x1*(w5 + 1)');
  });

  it('reads known operators and their aliases', () => {
    expect(equal(parse('ReLU(z)'), call('relu', [sym('z')]))).toBe(true);
    expect(equal(parse('ln(z)'), call('log', [sym('z')]))).toBe(true);
    expect(equal(parse('max(0, z)'), call('relu', [sym('z')]))).toBe(true);
    expect(equal(parse('max(z, 0)'), call('relu', [sym('z')]))).toBe(true);
  });

  it('reads derivative marks and Maple’s D[i](f)', () => {
    expect(equal(parse("sigma'(z)"), deriv('sigma', [1], [sym('z')]))).toBe(true);
    expect(equal(parse("relu'(z)"), deriv('relu', [1], [sym('z')]))).toBe(true);
    expect(equal(parse('D[2](f)(x, y)'), deriv('f', [0, 1], [sym('x'), sym('y')]))).toBe(true);
    expect(equal(parse('D[1,1](f)(x, y)'), deriv('f', [2, 0], [sym('x'), sym('y')]))).toBe(true);
  });

  it('reads numbers exactly', () => {
    expect(equal(parse('0.75'), num(3, 4))).toBe(true);
    expect(equal(parse('3/4'), num(3, 4))).toBe(true);
    expect(equal(parse('1e-3'), num(1, 1000))).toBe(true);
    expect(equal(parse('2^-1'), num(1, 2))).toBe(true);
  });

  it('reads constants, and e^u as exp(u)', () => {
    expect(equal(parse('pi'), constant('pi'))).toBe(true);
    expect(equal(parse('e^x'), call('exp', [sym('x')]))).toBe(true);
  });

  it('reads quotients as products with the denominator last', () => {
    expect(equal(parse('a/b'), mul(sym('a'), pow(sym('b'), num(-1))))).toBe(true);
    expect(toText(parse('a/b/c'))).toBe('a/(b*c)');
  });

  it('reads vectors, matrices and columns', () => {
    expect(equal(parse('[a, b]'), vector([sym('a'), sym('b')]))).toBe(true);
    expect(equal(parse('[a, b; c, d]'), matrix(2, 2, ['a', 'b', 'c', 'd'].map(sym)))).toBe(true);
    expect(equal(parse('[a; b]'), matrix(2, 1, [sym('a'), sym('b')]))).toBe(true);
  });

  it('reads a long sum and a long product as flat nodes, quickly', () => {
    // 30,000 terms (≈ 90,000 characters, within the 100,000 limit). Converting mathjs's left-deep
    // tree by recursion used to overflow the stack at about 2,000 terms.
    const terms = 30_000;
    const start = performance.now();
    const sum = parse(Array.from({ length: terms }, (_, i) => `x${i % 10}`).join('+'));
    const product = parse(Array.from({ length: 20_000 }, () => 'x').join('*'));
    // mathjs's own parse of ≈ 90 KB takes ≈ 1 s of this; the bound catches quadratic conversion.
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(sum.kind === 'add' && sum.terms.length).toBe(terms);
    expect(product.kind === 'pow' || product.kind === 'mul').toBe(true);
    expect(toText(parse('a - b + c - d'))).toBe('a - b + c - d');
    expect(toText(parse('a*b/c*d/k'))).toBe('a*b*d/(c*k)');
  });
});

describe('positioned errors', () => {
  it.each([
    ['sigma(', 7, "'(' at column 6 is not closed"],
    ['x +* y', 4, "expected a value, not '*'"],
    ['w1)', 3, "unexpected ')'"],
    ['', 1, 'empty expression'],
    ['   ', 1, 'empty expression'],
    ['(x', 3, "expected ')'"],
    ['x + ', 5, 'expected a value'],
    ['x = 1', 3, "unexpected '='"],
    ['x; y', 2, "unexpected ';'"],
    ['a + b[1]', 6, 'write x1'],
    ['sin(x) + foo(x, y)', 10, "'foo' is not a function"],
    ['sin(x, y)', 1, 'sin takes 1 argument, not 2'],
    ['x + sigma()', 5, 'sigma() needs an argument'],
    ["f'(x, y)", 1, 'D[1](f)'],
    ['D[3](f)(x, y)', 1, 'indices run from 1 to 2'],
    ['max(x, y)', 1, 'max is supported only as max(0, z)'],
    ['x == y', 3, "'==' is not supported"],
    ['x $ y', 3, "unexpected '$'"],
    ['x ∈ y', 3, "unexpected '∈'"],
    ['x + NaN', 5, "'NaN' is not allowed"],
    ['x + Infinity', 5, 'infinite numbers are not allowed'],
    // Literals are exact, so 1e999 is 10^999 now; exponents beyond ±1000 are refused alike.
    ['x + 1e1001', 5, 'the exponent 1001 is out of range'],
    ['x + 1e-1001', 5, 'the exponent -1001 is out of range'],
    ['[]', 1, 'empty brackets'],
    ['[[1], [2, 3]]', 1, 'row 2 has 2 entries but row 1 has 1'],
    // A MATLAB-style row ([2 1]) and an unclosed matrix, in words rather than mathjs's "End of matrix ] expected".
    ['[2 1; 0 π]', 4, "expected ',' between the entries of a row, ';' between rows, or ']', as in [a, b; c, d], not '1'"],
    ['[1, 2', 6, "'[' at column 1 is not closed"],
    // Before: 0/0 read as 0, and diff "1/0" printed 0.
    ['0/0', 2, 'division by zero'],
    // Pasted from a document: between quotes it showed as nothing at all.
    ['x\u200b+ 1', 2, 'unexpected invisible character U+200B'],
    ['x*w/0', 4, 'division by zero'],
  ])('%j: column %i, %s', (source, column, reason) => {
    const e = parseError(source);
    expect(e.column).toBe(column);
    expect(e.reason).toContain(reason);
    expect(e.message).toBe(`column ${column}: ${e.reason}`);
  });

  it('counts columns in the user’s characters, not the rewritten text', () => {
    // σ becomes "sigma" and ₁ becomes "1" before mathjs sees the text; the column is still the user's.
    expect(parseError('σ(w₁ +* x₁)').column).toBe(7);
    expect(parseError('ŷ − y)').column).toBe(6);
  });

  it('limits nesting of brackets and of operators', () => {
    expect(parseError(`${'('.repeat(101)}x${')'.repeat(101)}`).reason).toContain('nested deeper than 100 levels');
    expect(equal(parse(`${'('.repeat(100)}x${')'.repeat(100)}`), sym('x'))).toBe(true);
    expect(parseError(`${'x^'.repeat(2000)}x`).reason).toContain('nested too deeply');
    expect(parseError(`${'-'.repeat(5000)}x`).reason).toContain('nested too deeply');
    expect(parseError(`${'-'.repeat(50_000)}x`).reason).toContain('nested too deeply');
  });

  it('limits the length', () => {
    const e = parseError('x'.repeat(100_001));
    expect(e.column).toBe(100_001);
    expect(e.reason).toContain('the limit is 100,000');
  });
});
