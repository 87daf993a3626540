/**
 * The symbolic first pass: two answers are equal when their canonical forms are the same tree.
 * Canonical = order the terms of every sum and the factors of every product by structural hash,
 * simplify (collect like terms and factors, fold constants), and order again. Never expands: expanding a product of sums is
 * exponential in a 2,000-character answer. Equal forms prove equality; different forms prove
 * nothing, and the numeric pass decides.
 * Products with matrices are left in their order (matrix products do not commute); expressions
 * with matrix products skip this pass altogether, because the simplifier's common-factor rule
 * treats factors as commuting.
 */
import type { Expr } from '../expr/types.js';
import { add, mul } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { mapBottomUp } from '../expr/traverse.js';
import { simplify } from '../simplify/simplify.js';
import { toText } from '../print/text.js';
import { hasTensor } from './shape.js';

/** Ties of the 32-bit hash (equal trees, or a rare collision) are broken by the printed text. */
function byStructure(a: Expr, b: Expr): number {
  if (a.hash !== b.hash) return a.hash - b.hash;
  if (a === b) return 0;
  const ta = text(a);
  const tb = text(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

const printed = new WeakMap<Expr, string>();
function text(e: Expr): string {
  let t = printed.get(e);
  if (t === undefined) printed.set(e, (t = toText(e)));
  return t;
}

function ordered(e: Expr): Expr {
  return mapBottomUp(e, (n) => {
    if (n.kind === 'add') return add(...[...n.terms].sort(byStructure));
    if (n.kind === 'mul' && !n.factors.some(hasTensor)) return mul(...[...n.factors].sort(byStructure));
    return n;
  });
}

export function canonical(e: Expr): Expr {
  // Ordering first lets simplify collect terms that differ only in order (b + a and a + b).
  return ordered(simplify(ordered(e)));
}

/** The entries of a bracketed list (vector or matrix) with plain-number entries, else undefined. */
function literalEntries(e: Expr): readonly Expr[] | undefined {
  const items = e.kind === 'vector' ? e.items : e.kind === 'matrix' ? e.entries : undefined;
  return items && !items.some(hasTensor) ? items : undefined;
}

/**
 * True when the two are provably equal by canonical forms (entry by entry for literal matrices).
 * `canonicalA` is a's canonical form when already known (the expected answer's is kept per exercise).
 */
export function symbolicallyEqual(a: Expr, b: Expr, canonicalA?: Expr): boolean {
  if (!hasTensor(a) && !hasTensor(b)) return equal(canonicalA ?? canonical(a), canonical(b));
  const ea = literalEntries(a);
  const eb = literalEntries(b);
  if (!ea || !eb || ea.length !== eb.length) return false;
  const rows = (e: Expr): number => (e.kind === 'matrix' ? e.rows : e.kind === 'vector' ? e.items.length : 1);
  if (rows(a) !== rows(b)) return false;
  return ea.every((x, i) => equal(canonical(x), canonical(eb[i])));
}
