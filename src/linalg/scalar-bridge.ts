/**
 * The bridge between 1×1 matrix expressions and scalar Exprs. A 1×1 quantity (the cost of one
 * output, ∂f/∂ŷ for binary cross-entropy) is a number, so the core differentiator and simplifier
 * can work on it; the result comes back as a matrix expression when it is a plain sum of symbols.
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import type { MatExpr, MatSymbol } from './types.js';
import { add, call, deriv, mul, neg as scalarNeg, num, ONE_EXPR, pow, sym, ZERO_EXPR } from '../expr/build.js';
import { freeSymbols } from '../expr/traverse.js';
import { isNegative } from '../rational.js';
import { neg, scalar, sum } from './build.js';
import { scalarName } from './names.js';
import { sameSymbol } from './traverse.js';

export interface ScalarForm {
  readonly expr: Expr;
  readonly vars: readonly MatSymbol[];
}

/** The scalar Expr of a 1×1 expression all of whose parts are 1×1; undefined otherwise. */
export function toScalar(m: MatExpr): ScalarForm | undefined {
  const vars: MatSymbol[] = [];
  const note = (s: MatSymbol): void => {
    if (!vars.some((v) => sameSymbol(v, s))) vars.push(s);
  };
  const go = (e: MatExpr): Expr | undefined => {
    if (e.rows !== 1 || e.cols !== 1) return undefined;
    const all = (es: readonly MatExpr[]): Expr[] | undefined => {
      const out: Expr[] = [];
      for (const x of es) {
        const r = go(x);
        if (r === undefined) return undefined;
        out.push(r);
      }
      return out;
    };
    switch (e.kind) {
      case 'symbol':
        note(e);
        return sym(scalarName(e));
      case 'scalar':
        e.vars.forEach(note);
        return e.expr;
      case 'zero':
        return ZERO_EXPR;
      case 'identity':
        return ONE_EXPR;
      case 'product':
      case 'hadamard': {
        const fs = all(e.factors);
        return fs && mul(...fs);
      }
      case 'sum': {
        const ts = all(e.terms);
        return ts && add(...ts);
      }
      case 'neg': {
        const a = go(e.arg);
        return a && scalarNeg(a);
      }
      case 'scale': {
        const a = go(e.arg);
        return a && mul(num(e.coef), a);
      }
      case 'transpose':
      case 'diag':
      case 'group':
        return go(e.arg);
      case 'norm2': {
        const a = go(e.arg);
        return a && pow(a, num(2));
      }
      case 'elementwise': {
        const a = go(e.arg);
        if (a === undefined) return undefined;
        if (e.fn === 'identity') return e.order === 0 ? a : e.order === 1 ? ONE_EXPR : ZERO_EXPR;
        return e.order === 0 ? call(e.fn, [a]) : deriv(e.fn, [e.order], [a]);
      }
      case 'jacobian':
      case 'gradient':
      case 'apply':
        return undefined;
      default:
        return assertNever(e);
    }
  };
  const expr = go(m);
  return expr === undefined ? undefined : { expr, vars };
}

/**
 * A scalar Expr over `vars` as a matrix expression: a sum of the symbols (and whole numbers),
 * such as ŷ − y, becomes a matrix sum, so it prints like the vector case; anything else stays a
 * scalar node.
 */
export function fromScalar(expr: Expr, vars: readonly MatSymbol[]): MatExpr {
  const used = new Set(freeSymbols(expr));
  const live = vars.filter((v) => used.has(scalarName(v)));
  const byName = new Map(live.map((v) => [scalarName(v), v]));
  const lift = (e: Expr): MatExpr | undefined => {
    if (e.kind === 'sym') return byName.get(e.name);
    if (e.kind === 'num') return isNegative(e.value) ? neg(scalar(scalarNeg(e))) : scalar(e);
    if (e.kind === 'mul' && e.factors.length === 2 && e.factors[0].kind === 'num' && e.factors[0].value.equals(-1)) {
      const a = lift(e.factors[1]);
      return a && neg(a);
    }
    if (e.kind === 'add') {
      const ts: MatExpr[] = [];
      for (const t of e.terms) {
        const m = lift(t);
        if (m === undefined) return undefined;
        ts.push(m);
      }
      return sum(...ts);
    }
    return undefined;
  };
  return lift(expr) ?? scalar(expr, live);
}
