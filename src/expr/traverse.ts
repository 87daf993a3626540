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

/**
 * The symbols a subtree mentions, kept beside the node for as long as it lives (nodes are
 * immutable, so the answer never changes). A node with one child that mentions anything shares
 * that child's set. Asking one node for each of many names then costs one walk in all, not one
 * per name: the 4,225 partials of a 64-64-1 network walked its ŷ 4,225 times (4.7 s of 7.6 s).
 */
const symbolSets = new WeakMap<Expr, ReadonlySet<string>>();
const NO_SYMBOLS: ReadonlySet<string> = new Set();

function symbolsOf(e: Expr): ReadonlySet<string> {
  if (e.kind === 'num' || e.kind === 'const') return NO_SYMBOLS;
  if (e.kind === 'sym') return new Set([e.name]);
  const known = symbolSets.get(e);
  if (known !== undefined) return known;
  let set: ReadonlySet<string> = NO_SYMBOLS;
  // Made only when two children's sets must be joined; until then `set` is a child's own.
  let merged: Set<string> | undefined;
  for (const c of children(e)) {
    if (c.kind === 'sym') {
      if (!set.has(c.name)) {
        merged ??= new Set(set);
        merged.add(c.name);
        set = merged;
      }
      continue;
    }
    const own = symbolsOf(c);
    if (own.size === 0 || own === set) continue;
    if (set.size === 0) {
      set = own;
      continue;
    }
    merged ??= new Set(set);
    for (const name of own) merged.add(name);
    set = merged;
  }
  symbolSets.set(e, set);
  return set;
}

/** A predicate "does this subtree mention symbol `name`". */
export function dependenceTest(name: string): (e: Expr) => boolean {
  return (e) => (e.kind === 'sym' ? e.name === name : symbolsOf(e).has(name));
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
