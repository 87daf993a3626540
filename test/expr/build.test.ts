/** The constructors keep the "as written" normal form, and nothing more. */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/types.js';
import { add, call, constant, deriv, div, inv, matrix, mul, neg, num, pow, sub, sym, vector } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { toText } from '../../src/print/text.js';

const x = sym('x');
const y = sym('y');
const z = sym('z');

/** Kind and children's kinds, for asserting shapes without printing. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'add':
      return `add(${e.terms.map(shape).join(', ')})`;
    case 'mul':
      return `mul(${e.factors.map(shape).join(', ')})`;
    case 'pow':
      return `pow(${shape(e.base)}, ${shape(e.exp)})`;
    case 'num':
      return e.value.d === 1n ? `${e.value.s * e.value.n}` : `${e.value.s * e.value.n}/${e.value.d}`;
    case 'sym':
      return e.name;
    default:
      return e.kind;
  }
}

describe('sums', () => {
  it('flatten, keep the order written, and keep zeros', () => {
    expect(shape(add(x, add(y, num(1))))).toBe('add(x, y, 1)');
    expect(shape(add(add(x, y), z))).toBe('add(x, y, z)');
    expect(shape(add(x, num(0)))).toBe('add(x, 0)');
  });

  it('of no terms is 0, of one term is the term', () => {
    expect(shape(add())).toBe('0');
    expect(add(x)).toBe(x);
  });

  it('write a − b as a + (−1)·b', () => {
    expect(shape(sub(x, y))).toBe('add(x, mul(-1, y))');
    expect(shape(sub(x, x))).toBe('add(x, mul(-1, x))');
  });
});

describe('products', () => {
  it('keep one numeric coefficient, first', () => {
    expect(shape(mul(num(2), x, num(3)))).toBe('mul(6, x)');
    expect(shape(mul(x, num(3, 4)))).toBe('mul(3/4, x)');
  });

  it('drop a coefficient 1 and vanish with a coefficient 0', () => {
    expect(mul(num(1), x)).toBe(x);
    expect(shape(mul(num(0), x, y))).toBe('0');
  });

  it('flatten and put the denominator last', () => {
    expect(shape(mul(x, pow(y, num(-1)), z))).toBe('mul(x, z, pow(y, -1))');
    expect(shape(mul(mul(x, y), z))).toBe('mul(x, y, z)');
  });

  it('make −(−x) into x', () => {
    expect(neg(neg(x))).toBe(x);
  });

  it('keep repeated factors as written (collecting is the simplifier’s job)', () => {
    expect(shape(mul(x, x))).toBe('mul(x, x)');
  });
});

describe('powers', () => {
  it('fold rational results', () => {
    expect(shape(pow(num(2), num(-1)))).toBe('1/2');
    expect(shape(pow(num(4), num(1, 2)))).toBe('2');
    expect(shape(pow(num(9, 4), num(-1, 2)))).toBe('2/3');
    expect(shape(pow(num(2), num(1, 2)))).toBe('pow(2, 1/2)');
  });

  it('leave 1/0 unevaluated', () => {
    expect(shape(pow(num(0), num(-1)))).toBe('pow(0, -1)');
    expect(shape(inv(num(0)))).toBe('pow(0, -1)');
  });

  it('turn e^u into exp(u)', () => {
    expect(equal(pow(constant('e'), x), call('exp', [x]))).toBe(true);
  });

  it('combine integer powers of integer powers only', () => {
    expect(shape(pow(pow(x, num(2)), num(3)))).toBe('pow(x, 6)');
    expect(shape(pow(pow(x, num(1, 2)), num(2)))).toBe('pow(pow(x, 1/2), 2)');
  });

  it('distribute negative integer powers over products, and only those', () => {
    expect(shape(pow(mul(x, y), num(-2)))).toBe('mul(pow(x, -2), pow(y, -2))');
    expect(shape(pow(mul(x, y), num(2)))).toBe('pow(mul(x, y), 2)');
  });

  it('keep x^1 as written', () => {
    expect(shape(pow(x, num(1)))).toBe('pow(x, 1)');
  });
});

describe('quotients', () => {
  it('are products with the inverse', () => {
    expect(equal(div(x, y), mul(x, pow(y, num(-1))))).toBe(true);
    expect(shape(div(x, mul(num(2), y)))).toBe('mul(1/2, x, pow(y, -1))');
    expect(shape(inv(num(3, 4)))).toBe('4/3');
  });
});

describe('other nodes', () => {
  it('keep calls, derivatives, vectors and matrices as given', () => {
    expect(toText(call('sigma', [add(x, y)]))).toBe('sigma(x + y)');
    expect(toText(deriv('f', [0, 2], [x, y]))).toBe('D[2,2](f)(x, y)');
    expect(toText(vector([x, y]))).toBe('[x, y]');
    expect(toText(matrix(2, 2, [x, y, z, x]))).toBe('[x, y; z, x]');
  });

  it('reject a matrix with the wrong number of entries', () => {
    expect(() => matrix(2, 2, [x, y, z])).toThrow(RangeError);
  });

  it('are frozen in shape: a constructor never mutates its arguments', () => {
    const terms = [x, y];
    const s = add(...terms);
    add(s, z);
    expect(s.kind === 'add' && s.terms.length).toBe(2);
  });
});
