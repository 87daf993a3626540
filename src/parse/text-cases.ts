/**
 * Cases and conditions in the text syntax, read from mathjs's tree as ./piecewise.ts reads them
 * (as ReLU′): a comparison `z > 0` is 1 where it holds and 0 elsewhere, a chain `0 < x <= 1`
 * where each of its comparisons holds, a choice `z > 0 ? a : b` is a where it holds, else b, and
 * cases in words (`a if z > 0 else b`, rewritten by ./prose-cases.ts) the first value whose
 * condition holds.
 */
import type { Expr } from '../expr/types.js';
import { mul } from '../expr/build.js';
import type { MNode } from './parse.js';
import { indicator, piecewise, type Condition, type Piece, type Relation } from './piecewise.js';
import { CASES_FN } from './prose-cases.js';

/** What these readers need of the converter (./parse.ts): a subtree read, and an error at a token. */
export interface NodeReader {
  expr(n: MNode): Expr;
  fail(token: string, reason: string): never;
}

/** mathjs's comparison operators, as conditions of cases. */
const RELATIONS: Readonly<Record<string, Relation>> = { larger: '>', largerEq: '>=', smaller: '<', smallerEq: '<=' };

/** A comparison (z > 0) or a chain of them (0 < x <= 1). */
export const isComparison = (n: MNode): boolean => n.type === 'RelationalNode' || (n.type === 'OperatorNode' && RELATIONS[String(n.fn)] !== undefined);

/** `a > b` (and ≥, <, ≤) as a condition; the comparison must be one of those four. */
export function readCondition(c: NodeReader, n: MNode): Condition {
  const relation = n.type === 'OperatorNode' ? RELATIONS[String(n.fn)] : undefined;
  if (!relation || n.args?.length !== 2) {
    return c.fail('?', 'a condition is one comparison such as z > 0 (or >=, <, <=), as in (z > 0 ? w5*x1 : 0)');
  }
  return { lhs: c.expr(n.args[0]), relation, rhs: c.expr(n.args[1]) };
}

/** `0 < x < 1`: each comparison holds, the product of their indicators. */
export function readChain(c: NodeReader, n: MNode & { readonly conditionals?: readonly string[]; readonly params?: readonly MNode[] }): Expr {
  const ops = n.conditionals ?? [];
  const params = n.params ?? [];
  const relations = ops.map((op) => RELATIONS[op]);
  if (relations.some((r) => r === undefined) || params.length !== ops.length + 1) return c.fail(ops.length ? '=' : '<', 'only <, <=, > and >= compare values, as in (0 < x)');
  const sides = params.map((p) => c.expr(p));
  return mul(...relations.map((relation, i) => indicator({ lhs: sides[i], relation: relation as Relation, rhs: sides[i + 1] })));
}

/**
 * Cases written in words (`w5*x1 if z > 0 else 0`), which ./prose-cases.ts rewrites as
 * `$cases(value, condition, …, default)`: each value where its condition holds, the first that
 * holds; the default (if any) where none does.
 */
export function readCases(c: NodeReader, n: MNode): Expr {
  const args = n.args ?? [];
  const pieces: Piece[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const value = c.expr(args[i]);
    if (i + 1 === args.length) {
      pieces.push({ value });
      continue;
    }
    // The message points at the first word of the cases, where the rewritten call stands.
    const condition = unwrap(args[i + 1]);
    if (condition.type === 'RelationalNode') return c.fail(CASES_FN, "a case's condition is one comparison such as z > 0 (or >=, <, <=), not a chain");
    if (!isComparison(condition)) return c.fail(CASES_FN, "a case's condition is one comparison such as z > 0 (or >=, <, <=), as in w5*x1 if z > 0 else 0");
    pieces.push({ value, condition: readCondition(c, condition) });
  }
  return piecewise(pieces);
}

/** A condition without the parentheses around it: `(z > 0) ? a : b`, `a if (z > 0) else b`. */
const unwrap = (n: MNode): MNode => (n.type === 'ParenthesisNode' && n.content ? unwrap(n.content) : n);

/** `z > 0 ? a : b`: a where the condition holds, b elsewhere. */
export function readChoice(c: NodeReader, n: MNode & { readonly condition?: MNode; readonly trueExpr?: MNode; readonly falseExpr?: MNode }): Expr {
  if (!n.condition || !n.trueExpr || !n.falseExpr) return c.fail('?', 'write cases as (z > 0 ? w5*x1 : 0)');
  const condition = unwrap(n.condition);
  return piecewise([{ value: c.expr(n.trueExpr), condition: readCondition(c, condition) }, { value: c.expr(n.falseExpr) }]);
}
