/** Traversal, substitution and the dependence test the differentiator relies on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, call, mul, num, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import {
  calledFunctions,
  children,
  dependsOn,
  freeSymbols,
  mapBottomUp,
  replaceSubtrees,
  size,
  substitute,
} from '../../src/expr/traverse.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/text.js';
import { expressionArb, VARS } from '../support/expressions.js';

const YHAT = parse('w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3');

describe('traversal', () => {
  it('lists free symbols in order of first appearance, without constants', () => {
    expect(freeSymbols(YHAT)).toEqual(['w5', 'w1', 'x1', 'w2', 'x2', 'b1', 'w6', 'w3', 'w4', 'b2', 'b3']);
    expect(freeSymbols(parse('pi*x + e'))).toEqual(['x']);
  });

  it('lists called functions, derivatives under their function', () => {
    expect(calledFunctions(parse("sigma(x) + relu'(y) + D[1](f)(x, y)"))).toEqual(['sigma', 'relu', 'f']);
  });

  it('counts nodes', () => {
    expect(size(sym('x'))).toBe(1);
    expect(size(parse('x + 2*y'))).toBe(5);
    expect(children(parse('x^2'))).toHaveLength(2);
  });

  it('tests dependence', () => {
    expect(dependsOn(YHAT, 'w1')).toBe(true);
    expect(dependsOn(YHAT, 'y')).toBe(false);
    expect(dependsOn(parse("sigma'(w1*x1)"), 'x1')).toBe(true);
  });

  it('agrees with the free symbols for every name, whichever is asked first', () => {
    fc.assert(
      fc.property(expressionArb, fc.shuffledSubarray([...VARS, 'zz']), (e, names) => {
        const free = new Set(freeSymbols(e));
        for (const name of names) expect(dependsOn(e, name)).toBe(free.has(name));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps each subtree's answer apart when subtrees are shared", () => {
    // One node under two parents, and a parent whose single child mentions symbols (its set is shared).
    const z = add(mul(sym('w1'), sym('x1')), sym('b1'));
    const h = call('sigma', [z]);
    const both = add(mul(sym('w5'), h), mul(sym('w6'), h));
    expect(['w1', 'x1', 'b1', 'w5', 'w6'].map((n) => dependsOn(both, n))).toEqual([true, true, true, true, true]);
    expect(['w5', 'w6', 'w1'].map((n) => dependsOn(h, n))).toEqual([false, false, true]);
    expect(['w5', 'b1'].map((n) => dependsOn(z, n))).toEqual([false, true]);
    expect(dependsOn(add(h, sym('b1')), 'b3')).toBe(false);
  });
});

describe('rewriting', () => {
  it('substitutes simultaneously', () => {
    expect(toText(substitute(parse('x + y'), { x: sym('y'), y: sym('x') }))).toBe('y + x');
    expect(toText(substitute(parse('w1*x1 + b1'), new Map([['x1', num(2)]])))).toBe('2*w1 + b1');
  });

  it('re-normalises through the constructors', () => {
    // b = 0 makes the product b·c the number 0; the sum keeps it (removing it is simplify's job).
    expect(toText(substitute(parse('a + b*c'), { b: num(0) }))).toBe('a + 0');
  });

  it('maps bottom-up, each node after its children', () => {
    const seen: string[] = [];
    mapBottomUp(parse('sigma(x + y)'), (n) => {
      seen.push(toText(n));
      return n;
    });
    expect(seen).toEqual(['x', 'y', 'x + y', 'sigma(x + y)']);
  });

  it('replaces whole subtrees by structure', () => {
    const z1 = parse('w1*x1 + w2*x2 + b1');
    const replaced = replaceSubtrees(YHAT, [[z1, sym('z1')]]);
    expect(toText(replaced)).toBe('w5*sigma(z1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');
    expect(equal(replaceSubtrees(YHAT, []), YHAT)).toBe(true);
  });
});
