import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { toText } from '../../src/print/text.js';
import { InputError } from '../../src/errors.js';
import { network } from '../../src/nn/network.js';
import { rat } from '../../src/rational.js';
import { elementwise, jacobian, matSymbol, product, sum, transpose, vectorSymbol, hadamard, diag } from '../../src/linalg/build.js';
import { expandMatrix } from '../../src/linalg/expand.js';
import { evaluateExactMatrix } from '../../src/linalg/exact.js';
import { symbolKey } from '../../src/linalg/names.js';

const lecture = new Map([
  ['W|1', [[sym('w1'), sym('w2')], [sym('w3'), sym('w4')]]],
  ['W|2', [[sym('w5'), sym('w6')]]],
  ['b|1', [[sym('b1')], [sym('b2')]]],
  ['b|2', [[sym('b3')]]],
  ['x|', [[sym('x1')], [sym('x2')]]],
]);
const W1 = matSymbol('W', 2, 2, 1);
const W2 = matSymbol('W', 1, 2, 2);
const b1 = vectorSymbol('b', 2, 1);
const b2 = vectorSymbol('b', 1, 2);
const x = vectorSymbol('x', 2);

describe('expanding into scalars', () => {
  it("gives the lecture's ŷ for W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾", () => {
    const g = sum(product(W2, elementwise('sigma', 0, sum(product(W1, x), b1))), b2);
    const [[e]] = expandMatrix(g, (s) => lecture.get(symbolKey(s)));
    expect(toText(e)).toBe('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');
    expect(toText(e)).toBe(toText(network({ layers: [2, 2, 1] }).outputExprs[0]));
  });

  it('expands transposes, Hadamard products, diag and σ′ entry by entry', () => {
    const z = sum(product(W1, x), b1);
    const m = expandMatrix(product(diag(elementwise('sigma', 1, z)), transpose(W2)), (s) => lecture.get(symbolKey(s)));
    expect(m.map((row) => row.map(toText))).toEqual([["sigma'(w1*x1 + w2*x2 + b1)*w5"], ["sigma'(w3*x1 + w4*x2 + b2)*w6"]]);
    const h = expandMatrix(hadamard(b1, elementwise('identity', 1, z)), (s) => lecture.get(symbolKey(s)));
    expect(h.map((row) => row.map(toText))).toEqual([['b1'], ['b2']]);
  });

  it('refuses unevaluated Jacobians and unknown symbols', () => {
    expect(() => expandMatrix(jacobian(b1, x), (s) => lecture.get(symbolKey(s)))).toThrowError(InputError);
    expect(() => expandMatrix(vectorSymbol('h', 2, 1), (s) => lecture.get(symbolKey(s)))).toThrowError('no entries for h⁽¹⁾');
  });

  it('evaluates linear expressions exactly', () => {
    const values = new Map([
      ['W|1', [[rat(1, 2), rat(1)], [rat(-1), rat(3)]]],
      ['x|', [[rat(2)], [rat(1, 3)]]],
      ['b|1', [[rat(-1, 6)], [rat(0)]]],
    ]);
    const v = evaluateExactMatrix(sum(product(W1, x), b1), (s) => values.get(symbolKey(s)));
    expect(v.map((row) => row.map((q) => q.toFraction()))).toEqual([['7/6'], ['-1']]);
    expect(() => evaluateExactMatrix(elementwise('sigma', 0, x), (s) => values.get(symbolKey(s)))).toThrowError(InputError);
  });
});
