/**
 * Piecewise forms of partials that contain relu′, as the lecture writes them:
 *   ∂ŷ/∂w1 = { 0      if w1x1 + w2x2 + b1 ≤ 0
 *            { w5x1   if w1x1 + w2x2 + b1 > 0
 * Each relu′(u) is replaced by the values of its operator entry's `pieces` (0 for u ≤ 0, 1 for
 * u > 0), one sign of u per branch. With several relu′ factors (deeper nets) the branches are
 * enumerated one condition at a time: a factor of the whole expression is split first (its
 * "≤ 0" branch is 0 at once), a condition is split only where the expression still contains it,
 * and two branches with the same value merge. With more than MAX_CONDITIONS distinct relu′
 * arguments the piecewise form is omitted: a table of 16 sign patterns teaches nothing the closed
 * form does not (and enumerating it cost 30 ms per partial on a 5-5-5-5 net).
 */
import type { Expr } from '../expr/types.js';
import type { Condition } from '../ops/types.js';
import { equal } from '../expr/equal.js';
import { children, replaceSubtrees } from '../expr/traverse.js';
import { simplify } from '../simplify/simplify.js';
import { lookupDerivativeOp } from '../ops/registry.js';

export type { Condition } from '../ops/types.js';

/** One case: `value` holds when every condition in `when` holds. */
export interface Case {
  readonly when: readonly Condition[];
  readonly value: Expr;
}

/** At most this many distinct relu′ arguments, so at most 2³ = 8 cases. */
export const MAX_CONDITIONS = 3;

/** The piecewise form of `e`, or undefined when it has no piecewise factor or too many. */
export function piecewiseCases(e: Expr, maxConditions = MAX_CONDITIONS): readonly Case[] | undefined {
  const points = splitPoints(e).length;
  if (points === 0 || points > maxConditions) return undefined;
  const out: Case[] = [];
  enumerate(e, [], out);
  return out.length > 1 ? out : undefined;
}

interface SplitPoint {
  /** The node to replace (relu′(u)). */
  readonly node: Expr;
  readonly pieces: readonly { readonly when: Condition; readonly value: Expr }[];
}

/** Distinct piecewise derivative nodes, leftmost first (the order they print in). */
function splitPoints(e: Expr): SplitPoint[] {
  const found: SplitPoint[] = [];
  const seen = new Set<Expr>();
  const go = (n: Expr): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'deriv') {
      const pieces = lookupDerivativeOp(n.fn, n.orders)?.pieces;
      if (pieces && !found.some((f) => equal(f.node, n))) found.push({ node: n, pieces: pieces(n.args) });
    }
    for (const c of children(n)) go(c);
  };
  go(e);
  return found;
}

function enumerate(e: Expr, when: readonly Condition[], out: Case[]): void {
  const points = splitPoints(e);
  if (points.length === 0) {
    out.push({ when, value: e });
    return;
  }
  const branch = (p: SplitPoint): Expr[] => p.pieces.map((piece) => simplify(replaceSubtrees(e, [[p.node, piece.value]])));
  // Prefer a factor of the whole expression: one of its branches is 0 and ends there.
  let chosen = points[0];
  let values = branch(chosen);
  for (const p of points) {
    const v = branch(p);
    if (v.some(isZeroExpr)) {
      chosen = p;
      values = v;
      break;
    }
  }
  // Both branches alike: the condition does not matter here.
  if (values.every((v) => equal(v, values[0]))) {
    enumerate(values[0], when, out);
    return;
  }
  chosen.pieces.forEach((piece, i) => enumerate(values[i], [...when, piece.when], out));
}

function isZeroExpr(e: Expr): boolean {
  return e.kind === 'num' && e.value.n === 0n;
}
