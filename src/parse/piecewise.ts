/**
 * Cases and conditions, as a student writes ReLU's: `w5*x1*(z > 0)`, `z > 0 ? w5*x1 : 0`, or
 * \begin{cases} w_5 x_1 & z > 0 \\ 0 & \text{otherwise} \end{cases}. Each condition becomes the
 * lecture's step ReLU′ (0 for z ≤ 0, 1 for z > 0), which the checker already samples on both
 * sides of: a > b is ReLU′(a − b), a ≥ b is 1 − ReLU′(b − a), and so on. So the reading is exact
 * wherever a ≠ b, and the answer is compared as any other; "interpreted as" shows it in ReLU′.
 */
import type { Expr } from '../expr/types.js';
import { add, deriv, mul, neg, num } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { isZero as isZeroRational } from '../rational.js';

export type Relation = '>' | '>=' | '<' | '<=';

export interface Condition {
  readonly lhs: Expr;
  readonly relation: Relation;
  readonly rhs: Expr;
}

/** One row of cases: its value, and its condition (none: "otherwise"). */
export interface Piece {
  readonly value: Expr;
  readonly condition?: Condition;
}

const step = (z: Expr): Expr => deriv('relu', [1], [z]);
const ONE = num(1);

/** A condition as "d > 0" (strict) or "d ≥ 0". */
function normal(c: Condition): { d: Expr; strict: boolean } {
  const [d, strict] =
    c.relation === '>' || c.relation === '>='
      ? [minus(c.lhs, c.rhs), c.relation === '>']
      : [minus(c.rhs, c.lhs), c.relation === '<'];
  return { d, strict };
}

/** 1 where the condition holds, 0 where it does not: a ≥ b is not (b − a > 0). */
export function indicator(c: Condition): Expr {
  switch (c.relation) {
    case '>':
      return step(minus(c.lhs, c.rhs));
    case '<':
      return step(minus(c.rhs, c.lhs));
    case '>=':
      return add(ONE, neg(step(minus(c.rhs, c.lhs))));
    case '<=':
      return add(ONE, neg(step(minus(c.lhs, c.rhs))));
  }
}

/** Whether b holds exactly where a does not (z > 0 and z ≤ 0, written either way round). */
function complementary(a: Condition, b: Condition): boolean {
  const [x, y] = [normal(a), normal(b)];
  return x.strict !== y.strict && equal(x.d, neg(y.d));
}

/**
 * The value of cases: the first row whose condition holds, else the row with none. A last row
 * whose condition is the complement of the one before it (z > 0, then z ≤ 0) is read as
 * "otherwise", so two cases read as one step, not a product of two. Where no condition holds and
 * there is no "otherwise", the value is 0 (and an answer with such a gap is found wrong there).
 */
export function piecewise(pieces: readonly Piece[]): Expr {
  const rows = [...pieces];
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (rows.length >= 2 && last.condition && before.condition && complementary(before.condition, last.condition)) {
    rows[rows.length - 1] = { value: last.value };
  }
  let value: Expr = num(0);
  for (let i = rows.length - 1; i >= 0; i--) {
    const c = rows[i].condition;
    if (!c) {
      value = rows[i].value;
      continue;
    }
    const holds = indicator(c);
    // value_i where c holds, else what the rows below give: value_i·[c] + (1 − [c])·rest, or with
    // the complement written directly (z ≤ 0 for not z > 0) when there is a rest.
    const here = isZero(rows[i].value) ? num(0) : mul(rows[i].value, holds);
    value = isZero(value) ? here : plus(here, mul(indicator(complement(c)), value));
  }
  return value;
}

function complement(c: Condition): Condition {
  const flipped: Record<Relation, Relation> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>' };
  return { lhs: c.lhs, relation: flipped[c.relation], rhs: c.rhs };
}

const isZero = (e: Expr): boolean => e.kind === 'num' && isZeroRational(e.value);
/** a + b and a − b without a term 0 (z > 0 is ReLU′(z), not ReLU′(z − 0)). */
const plus = (a: Expr, b: Expr): Expr => (isZero(b) ? a : isZero(a) ? b : add(a, b));
const minus = (a: Expr, b: Expr): Expr => (isZero(b) ? a : isZero(a) ? neg(b) : add(a, neg(b)));
