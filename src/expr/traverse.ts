import type { Expr } from './types.js';
import { assertNever } from './types.js';
import { add, call, deriv, diff, matrix, mul, pow, vector } from './build.js';
import { ExprMap } from './equal.js';

/** The direct children of a node, in order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return [];
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exp];
    case 'call':
    case 'deriv':
      return e.args;
    case 'vector':
      return e.items;
    case 'matrix':
      return e.entries;
    case 'diff':
      return [e.expr];
    default:
      return assertNever(e);
  }
}

/** The same node with new children (through the normalising constructors). */
export function withChildren(e: Expr, cs: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    case 'add':
      return add(...cs);
    case 'mul':
      return mul(...cs);
    case 'pow':
      return pow(cs[0], cs[1]);
    case 'call':
      return call(e.fn, cs);
    case 'deriv':
      return deriv(e.fn, e.orders, cs);
    case 'vector':
      return vector(cs);
    case 'matrix':
      return matrix(e.rows, e.cols, cs);
    case 'diff':
      return diff(cs[0], e.wrt);
    default:
      return assertNever(e);
  }
}

/** Bottom-up rewrite; `f` sees each node after its children were rewritten. */
export function mapBottomUp(e: Expr, f: (e: Expr) => Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (n: Expr): Expr => {
    const hit = memo.get(n);
    if (hit) return hit;
    const cs = children(n);
    let changed = false;
    const next = cs.map((c) => {
      const r = go(c);
      if (r !== c) changed = true;
      return r;
    });
    const out = f(changed ? withChildren(n, next) : n);
    memo.set(n, out);
    return out;
  };
  return go(e);
}

/** Number of nodes, counting shared subtrees each time they occur. */
/** Whether e holds a vector or a matrix anywhere (a scalar expression holds neither). */
export function hasVectorOrMatrix(e: Expr): boolean {
  return e.kind === 'vector' || e.kind === 'matrix' || children(e).some(hasVectorOrMatrix);
}

export function size(e: Expr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}

/** Free symbol names, in order of first occurrence. */
export function freeSymbols(e: Expr): string[] {
  const seen = new Set<string>();
  const visited = new Set<Expr>();
  const go = (n: Expr): void => {
    if (visited.has(n)) return;
    visited.add(n);
    if (n.kind === 'sym') seen.add(n.name);
    for (const c of children(n)) go(c);
  };
  go(e);
  return [...seen];
}

/** Names of called functions (known or abstract), with derivative nodes counted under their function. */
export function calledFunctions(e: Expr): string[] {
  const seen = new Set<string>();
  const go = (n: Expr): void => {
    if (n.kind === 'call' || n.kind === 'deriv') seen.add(n.fn);
    for (const c of children(n)) go(c);
  };
  go(e);
  return [...seen];
}

/** A predicate "does this subtree mention symbol `name`", memoised for one traversal session. */
export function dependenceTest(name: string): (e: Expr) => boolean {
  const memo = new Map<Expr, boolean>();
  const test = (e: Expr): boolean => {
    if (e.kind === 'sym') return e.name === name;
    if (e.kind === 'num' || e.kind === 'const') return false;
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    let r = false;
    for (const c of children(e)) {
      if (test(c)) {
        r = true;
        break;
      }
    }
    memo.set(e, r);
    return r;
  };
  return test;
}

export function dependsOn(e: Expr, name: string): boolean {
  return dependenceTest(name)(e);
}

/** Replace symbols by expressions (simultaneously). */
export function substitute(e: Expr, bindings: ReadonlyMap<string, Expr> | Record<string, Expr>): Expr {
  const map = bindings instanceof Map ? bindings : new Map(Object.entries(bindings));
  return mapBottomUp(e, (n) => (n.kind === 'sym' && map.has(n.name) ? (map.get(n.name) as Expr) : n));
}

/** Replace one node, found by identity (not structure), everywhere it occurs. */
export function replaceNode(e: Expr, target: Expr, by: Expr): Expr {
  if (e === target) return by;
  const cs = children(e);
  if (cs.length === 0) return e;
  let changed = false;
  const next = cs.map((c) => {
    const r = replaceNode(c, target, by);
    if (r !== c) changed = true;
    return r;
  });
  return changed ? withChildren(e, next) : e;
}

/** Replace whole subtrees (by structure) with other expressions. */
export function replaceSubtrees(e: Expr, pairs: readonly (readonly [Expr, Expr])[]): Expr {
  const table = new ExprMap<Expr>();
  for (const [from, to] of pairs) table.set(from, to);
  const go = (n: Expr): Expr => {
    const hit = table.get(n);
    if (hit) return hit;
    const cs = children(n);
    if (cs.length === 0) return n;
    let changed = false;
    const next = cs.map((c) => {
      const r = go(c);
      if (r !== c) changed = true;
      return r;
    });
    return changed ? withChildren(n, next) : n;
  };
  return go(e);
}
