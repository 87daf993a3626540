/** Small tree edits the mistake generators share. */
import type { Expr } from '../expr/types.js';
import { children, withChildren } from '../expr/traverse.js';

/** Every node, parents before children, each distinct object once. */
export function nodes(e: Expr): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    for (const c of children(n)) go(c);
  };
  go(e);
  return out;
}

/**
 * The "top-level" sums and products of an answer: the answer itself, the terms of a sum, the
 * entries of a vector or matrix, recursively. These are where a chain-rule factor or a path term
 * is dropped; products inside function arguments are left alone.
 */
export function topLevel(e: Expr): Expr[] {
  const out: Expr[] = [];
  const go = (n: Expr): void => {
    out.push(n);
    if (n.kind === 'add') n.terms.forEach(go);
    else if (n.kind === 'vector') n.items.forEach(go);
    else if (n.kind === 'matrix') n.entries.forEach(go);
  };
  go(e);
  return out;
}

/** The outputs' target symbol (y, y1, y2, …) in a factor such as (ŷ − y). */
export function targetIn(e: Expr): string | undefined {
  if (e.kind !== 'add') return undefined;
  for (const t of e.terms) {
    if (t.kind === 'mul' && t.factors.length === 2 && t.factors[0].kind === 'num' && t.factors[0].value.equals(-1)) {
      const s = t.factors[1];
      if (s.kind === 'sym' && /^y\d*$/.test(s.name)) return s.name;
    }
  }
  return undefined;
}
