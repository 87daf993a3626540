import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { toLatex } from '../../src/print/latex.js';
import { checkVariables, deriveJacobian, gradient, isRealValued, jacobian, outputsOf } from '../../src/calculus/jacobian.js';
import { rowsOf } from '../../src/calculus/matrix-ops.js';
import { compile } from '../../src/numeric/evaluate.js';
import { centralDifference, relativeError } from '../../src/numeric/finite-difference.js';

const LECTURE = '[2*x1 + x2, pi*x2, -x1/x2]';

describe('the lecture\'s Jacobian (slide "Jacobian matrices")', () => {
  const J = jacobian(parse(LECTURE), ['x1', 'x2']);

  it('is [2 1; 0 π; −1/x₂ x₁/x₂²]: rows are outputs, columns inputs', () => {
    expect([J.rows, J.cols]).toEqual([3, 2]);
    expect(rowsOf(J).map((r) => r.map(toText))).toEqual([
      ['2', '1'],
      ['0', 'pi'],
      ['-1/x2', 'x1/x2^2'],
    ]);
    expect(toLatex(J)).toBe('\\begin{bmatrix} 2 & 1 \\\\ 0 & \\pi \\\\[0.4em] -\\frac{1}{x_{2}} & \\frac{x_{1}}{x_{2}^{2}} \\end{bmatrix}');
  });

  it('matches central differences entry by entry', () => {
    const outputs = outputsOf(parse(LECTURE));
    const at = [0.7, 1.3];
    outputs.forEach((f, i) => {
      ['x1', 'x2'].forEach((v, j) => {
        const fn = compile(f, ['x1', 'x2']);
        const numeric = centralDifference((t) => fn(at.map((x, k) => (k === j ? t : x))), at[j]);
        const symbolic = compile(J.entries[i * 2 + j], ['x1', 'x2'])(at);
        expect(relativeError(numeric, symbolic), `∂f${i + 1}/∂${v}`).toBeLessThan(1e-8);
      });
    });
  });

  it('orders the columns as the variables are given', () => {
    expect(toText(jacobian(parse(LECTURE), ['x2', 'x1']))).toBe('[1, 2; pi, 0; x1/x2^2, -1/x2]');
  });

  it('reads a column [f1; f2] like a list [f1, f2]', () => {
    expect(toText(jacobian(parse('[2*x1 + x2; pi*x2; -x1/x2]'), ['x1', 'x2']))).toBe(toText(J));
  });
});

describe('Jacobian versus gradient', () => {
  const f = parse('x1 - 2*x2 + x3/4');
  const vars = ['x1', 'x2', 'x3'];

  it('a real-valued function has a 1×m Jacobian, the transpose of its m×1 gradient', () => {
    expect(isRealValued(f)).toBe(true);
    expect(toText(jacobian(f, vars))).toBe('[[1, -2, 1/4]]');
    expect(toText(gradient(f, vars))).toBe('[1; -2; 1/4]');
    expect(toText(jacobian(parse('[x1 - 2*x2 + x3/4]'), vars))).toBe('[[1, -2, 1/4]]');
  });

  it('has no gradient for several outputs', () => {
    expect(() => gradient(parse(LECTURE), ['x1', 'x2'])).toThrow(/3 outputs; use its Jacobian/);
  });
});

describe('steps', () => {
  it('derives each entry, with the same values as jacobian()', () => {
    const d = deriveJacobian(parse('[w5*sigma(w1*x1 + b1), x1^2]'), ['w1', 'x1']);
    expect(toText(d.matrix)).toBe(toText(jacobian(parse('[w5*sigma(w1*x1 + b1), x1^2]'), ['w1', 'x1'])));
    expect(d.derivations[0][0].steps.map((s) => s.rule)).toEqual(['constant-multiple', 'chain', 'linear']);
    expect(d.derivations[1][0].steps).toEqual([]); // x1^2 does not depend on w1
  });
});

describe('bad input', () => {
  it('rejects a matrix that is not a list of outputs', () => {
    expect(() => jacobian(parse('[x1, x2; x2, x1]'), ['x1'])).toThrow('the function is a 2×2 matrix; a Jacobian needs a list of outputs');
  });

  it('rejects no variables and repeated variables', () => {
    expect(() => jacobian(parse('x1'), [])).toThrow('at least one variable');
    expect(() => checkVariables(['x1', 'x1'], '--vars')).toThrow('--vars: x1 appears twice');
  });
});
