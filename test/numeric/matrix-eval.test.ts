import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { evaluateValue, exact, isExactValue, matrixValue, type Value } from '../../src/numeric/matrix-eval.js';
import { floatText, scalarLatex, valueLatex, valueText } from '../../src/numeric/value-format.js';
import { float } from '../../src/numeric/matrix-eval.js';
import { rat } from '../../src/rational.js';

/** Bind names to values given in the text syntax (evaluated in order, like --let). */
function env(bindings: Record<string, string>): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of Object.entries(bindings)) out.set(k, evaluateValue(parse(v), out));
  return out;
}

const ev = (source: string, bindings: Record<string, string> = {}): Value => evaluateValue(parse(source), env(bindings));
const text = (source: string, bindings: Record<string, string> = {}): string => valueText(ev(source, bindings));

/** The lecture's exercise "bias terms": x = [1 0 −2]ᵀ through W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾. */
const LECTURE = { W1: '[1,0,1;-1,2,3]', b1: '[-1;2]', W2: '[1,-1;-1,1]', b2: '[0;1]', x: '[1;0;-2]' };

describe("the lecture's forward pass with biases", () => {
  it('is exactly [0; 1] with relu', () => {
    const v = ev('W2*relu(W1*x + b1) + b2', LECTURE);
    expect(valueText(v)).toBe('[0; 1]');
    expect(isExactValue(v)).toBe(true);
  });

  it('shows its intermediate values exactly: z = [−2; −5], relu(z) = [0; 0]', () => {
    expect(text('W1*x + b1', LECTURE)).toBe('[-2; -5]');
    expect(text('relu(W1*x + b1)', LECTURE)).toBe('[0; 0]');
  });

  it('falls back to floats with sigmoid, entry by entry', () => {
    const v = ev('W2*sigmoid(W1*x + b1) + b2', LECTURE);
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    expect(isExactValue(v)).toBe(false);
    expect(v.kind === 'matrix' && v.entries.map((e) => e.value.valueOf())).toEqual([s(-2) - s(-5), 1 - s(-2) + s(-5)]);
    expect(valueText(v, { digits: 6 })).toBe('[0.11251; 0.88749]');
  });
});

describe('exactness', () => {
  it('is exact for rational inputs and rational-valued functions', () => {
    expect(text('3/4*(x1 + 1)', { x1: '1/3' })).toBe('1');
    expect(text('sigmoid(0) + relu(-1/2) + tanh(0)')).toBe('1/2');
    expect(text('sqrt(9/4)')).toBe('3/2');
    expect(text("relu'(z)", { z: '[0; 1/2; -1]' })).toBe('[0; 1; 0]');
  });

  it('keeps 0·(irrational) exact, so zero weights do not spoil a row', () => {
    const v = ev('[[0, 1]]*[pi; 2]');
    expect(valueText(v)).toBe('[[2]]');
    expect(isExactValue(v)).toBe(true);
  });

  it("writes derivatives of known functions out entry by entry: sigmoid'(z) = s(1 − s)", () => {
    const v = ev("sigmoid'(z)", { z: '[0; 1]' });
    const s = 1 / (1 + Math.exp(-1));
    expect(v.kind === 'matrix' && v.entries.map((e) => e.value.valueOf())).toEqual([0.25, s * (1 - s)]);
  });
});

describe('matrix algebra', () => {
  it('multiplies in the order written', () => {
    const b = { A: '[1, 2; 3, 4]', B: '[0, 1; 1, 0]' };
    expect(text('A*B', b)).toBe('[2, 1; 4, 3]');
    expect(text('B*A', b)).toBe('[3, 4; 1, 2]');
  });

  it('moves only scalars when normalising a product: numbers first, scalar denominators last', () => {
    const b = { A: '[1, 2; 3, 4]', B: '[0, 1; 1, 0]', c: '3' };
    expect(text('2*A*B/c', b)).toBe('[4/3, 2/3; 8/3, 2]');
    expect(text('A/c*B', b)).toBe('[2/3, 1/3; 4/3, 1]');
    expect(text('-A*B', b)).toBe('[-2, -1; -4, -3]');
  });

  it('agrees with a direct product for random integer matrices (A·B, never B·A)', () => {
    const mat = (r: number, c: number) => fc.array(fc.integer({ min: -5, max: 5 }), { minLength: r * c, maxLength: r * c });
    fc.assert(
      fc.property(mat(2, 3), mat(3, 2), (a, b) => {
        const literal = (xs: number[], cols: number) => `[${Array.from({ length: xs.length / cols }, (_, i) => xs.slice(i * cols, (i + 1) * cols).join(',')).join(';')}]`;
        const v = ev('A*B', { A: literal(a, 3), B: literal(b, 2) });
        const expected = [0, 1].flatMap((i) => [0, 1].map((j) => a[i * 3] * b[j] + a[i * 3 + 1] * b[2 + j] + a[i * 3 + 2] * b[4 + j]));
        expect(v.kind === 'matrix' && [v.rows, v.cols, ...v.entries.map((e) => Number(e.value.valueOf()))]).toEqual([2, 2, ...expected]);
        const w = ev('B*A', { A: literal(a, 3), B: literal(b, 2) });
        expect(w.kind === 'matrix' && [w.rows, w.cols]).toEqual([3, 3]);
      }),
      { numRuns: 50, seed: 1 },
    );
  });

  it('scales by numbers and applies activations entry by entry', () => {
    expect(text('2*x', { x: '[1; -1]' })).toBe('[2; -2]');
    expect(text('x*2', { x: '[1; -1]' })).toBe('[2; -2]');
    expect(text('relu(x)', { x: '[1, -1; -2, 3]' })).toBe('[1, 0; 0, 3]');
  });

  it("transposes W', W^T, Wᵀ and transpose(W) alike", () => {
    const b = { W: '[1, 2, 3; 4, 5, 6]' };
    for (const s of ["W'", 'W^T', 'Wᵀ', 'transpose(W)']) expect(text(s, b), s).toBe('[1, 4; 2, 5; 3, 6]');
    expect(text("x'*A*x", { A: '[2, 1; 1, 3]', x: '[1; 2]' })).toBe('[[18]]');
    expect(text('Wᵀ(x + b)', { W: '[1,2;3,4;5,6]', x: '[1;2;3]', b: '[0;0;1]' })).toBe('[27; 34]');
  });

  it('treats a 1×1 matrix as a number where a matrix cannot be: ½(W⁽²⁾h − y)²', () => {
    expect(text('1/2*(W2*h - y)^2', { W2: '[[1, 2]]', h: '[1/2; 1/3]', y: '1' })).toBe('1/72');
    expect(text('(W2*h)*x', { W2: '[[1, 2]]', h: '[1; 1]', x: '[1; 2]' })).toBe('[3; 6]');
  });
});

describe('errors say what and where, in one line', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['W1*x', { W1: '[1,0,1;-1,2,3]', x: '[1;0]' }, 'W1*x: 2×3 times 2×1 (3 columns but 2 rows)'],
    ['W1*x + b', { W1: '[1,0,1;-1,2,3]', x: '[1;0;2]', b: '[1;2;3]' }, 'W1*x + b: 2×1 plus 3×1; a sum needs equal shapes'],
    ['x + 1', { x: '[1; 2]' }, 'x + 1: 2×1 plus a number; a sum needs equal shapes'],
    ['W2*h', { W2: '[1, 2]', h: '[1; 1]' }, "W2*h: 2×1 times 2×1 (1 column but 2 rows); [a, b] is a column: write a row as [[a, b]] or transpose with '"],
    ['W^2', { W: '[1, 0; 2, 1]' }, 'W^2: powers of a 2×2 matrix are not supported; write a product such as W*W'],
    ['x/W', { x: '1', W: '[1, 0; 2, 1]' }, '1/W: dividing by a 2×2 matrix (an inverse) is not supported'],
    ['2^W', { W: '[1; 2]' }, '2^W: the exponent is a 2×1 matrix; it must be a number'],
    ['sigma(z)', { z: '1' }, 'sigma(z): sigma is an abstract function with no values; use sigmoid, relu, tanh or identity'],
    ['1/x', { x: '0' }, '1/x: division by zero'],
    ['log(x)', { x: '0' }, 'log(x): no finite real value'],
    // Beyond exact arithmetic's limit the float underflowed, and (1/3)^5000 printed 0.
    ['x^5000', { x: '1/3' }, 'x^5000: too small to compute (below 4.9e-324, and too large to keep exact)'],
    ['x^5000', { x: '2' }, 'x^5000: too large to compute (beyond 1.8e+308, and too large to keep exact)'],
    ['[x, 1]', { x: '[1; 2]' }, '[x, 1]: entry 1 is a 2×1 matrix; entries must be numbers'],
    ['log(x, 2)', { x: '[1; 2]' }, 'log(x, 2): log of several arguments takes numbers, not a 2×1 matrix'],
    ['y', {}, 'no value for y'],
  ];
  it.each(cases)('%s', (source, bindings, message) => {
    expect(() => ev(source, bindings)).toThrow(message);
    try {
      ev(source, bindings);
    } catch (e) {
      expect(e instanceof Error && e.message).toBe(message);
    }
  });
});

describe('printing values', () => {
  it('prints floats with the requested significant digits, or all of them', () => {
    expect(floatText(0.11251007109783269, 6)).toBe('0.11251');
    expect(floatText(0.11251007109783269)).toBe('0.11251007109783269');
    expect(floatText(1234567.8, 6)).toBe('1234570');
    expect(floatText(-0, 6)).toBe('0');
    expect(floatText(1.23456789e-7, 6)).toBe('1.23457e-7');
  });

  it('prints matrices in the parser syntax, a single row as [[…]]', () => {
    expect(valueText(matrixValue(1, 2, [exact(rat(3, 4)), exact(rat(0))]))).toBe('[[3/4, 0]]');
    expect(valueText(matrixValue(2, 1, [exact(rat(-1, 2)), float(0.5)]))).toBe('[-1/2; 0.5]');
    expect(valueText(exact(rat(-7, 3)))).toBe('-7/3');
  });

  it('prints LaTeX: fractions for exact entries, ×10^k for small floats', () => {
    expect(valueLatex(matrixValue(2, 1, [exact(rat(3, 4)), float(Math.PI)]), { digits: 6 })).toBe('\\begin{bmatrix} \\frac{3}{4} \\\\[0.4em] 3.14159 \\end{bmatrix}');
    expect(scalarLatex(float(1.23456789e-7), { digits: 3 })).toBe('1.23 \\times 10^{-7}');
  });
});
