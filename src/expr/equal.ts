import type { Expr } from './types.js';
import { assertNever } from './types.js';

/** Structural equality, with the hash as a fast reject. */
export function equal(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num':
      return a.value.equals((b as typeof a).value);
    case 'sym':
    case 'const':
      return a.name === (b as typeof a).name;
    case 'add':
      return equalLists(a.terms, (b as typeof a).terms);
    case 'mul':
      return equalLists(a.factors, (b as typeof a).factors);
    case 'pow':
      return equal(a.base, (b as typeof a).base) && equal(a.exp, (b as typeof a).exp);
    case 'call':
      return a.fn === (b as typeof a).fn && equalLists(a.args, (b as typeof a).args);
    case 'deriv': {
      const c = b as typeof a;
      return a.fn === c.fn && a.orders.length === c.orders.length && a.orders.every((o, i) => o === c.orders[i]) && equalLists(a.args, c.args);
    }
    case 'vector':
      return equalLists(a.items, (b as typeof a).items);
    case 'matrix': {
      const c = b as typeof a;
      return a.rows === c.rows && a.cols === c.cols && equalLists(a.entries, c.entries);
    }
    case 'diff':
      return a.wrt === (b as typeof a).wrt && equal(a.expr, (b as typeof a).expr);
    default:
      return assertNever(a);
  }
}

export function equalLists(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
  return true;
}

/** A map keyed by structure (hash buckets resolved with `equal`). */
export class ExprMap<V> {
  private readonly buckets = new Map<number, [Expr, V][]>();

  get(k: Expr): V | undefined {
    const b = this.buckets.get(k.hash);
    if (b) for (const [e, v] of b) if (equal(e, k)) return v;
    return undefined;
  }

  set(k: Expr, v: V): void {
    const b = this.buckets.get(k.hash);
    if (!b) {
      this.buckets.set(k.hash, [[k, v]]);
      return;
    }
    for (const entry of b) {
      if (equal(entry[0], k)) {
        entry[1] = v;
        return;
      }
    }
    b.push([k, v]);
  }
}
