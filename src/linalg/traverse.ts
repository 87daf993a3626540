/** Structure of matrix expressions: children, rebuilding, equality, dependence, names. */
import type { MatExpr, MatSymbol } from './types.js';
import { assertNever } from '../expr/types.js';
import { equal as scalarEqual } from '../expr/equal.js';
import {
  apply,
  diag,
  elementwise,
  gradient,
  group,
  hadamard,
  jacobian,
  neg,
  product,
  scale,
  squaredNorm,
  sum,
  transpose,
} from './build.js';

export function matChildren(e: MatExpr): readonly MatExpr[] {
  switch (e.kind) {
    case 'symbol':
    case 'zero':
    case 'identity':
    case 'scalar':
      return [];
    case 'product':
    case 'hadamard':
      return e.factors;
    case 'sum':
      return e.terms;
    case 'neg':
    case 'scale':
    case 'transpose':
    case 'elementwise':
    case 'diag':
    case 'norm2':
    case 'group':
    case 'apply':
      return [e.arg];
    case 'jacobian':
    case 'gradient':
      return [e.of, e.wrt];
    default:
      return assertNever(e);
  }
}

/** The same node with new children, through the shape-checking constructors. */
export function matWithChildren(e: MatExpr, cs: readonly MatExpr[]): MatExpr {
  switch (e.kind) {
    case 'symbol':
    case 'zero':
    case 'identity':
    case 'scalar':
      return e;
    case 'product':
      return product(...cs);
    case 'hadamard':
      return hadamard(...cs);
    case 'sum':
      return sum(...cs);
    case 'neg':
      return neg(cs[0]);
    case 'scale':
      return scale(e.coef, cs[0]);
    case 'transpose':
      return transpose(cs[0]);
    case 'elementwise':
      return elementwise(e.fn, e.order, cs[0]);
    case 'diag':
      return diag(cs[0]);
    case 'norm2':
      return squaredNorm(cs[0]);
    case 'group':
      return group(cs[0]);
    case 'apply':
      return apply(e.name, cs[0], e.rows, e.cols);
    case 'jacobian':
      return jacobian(cs[0], cs[1]);
    case 'gradient':
      return gradient(cs[0], cs[1]);
    default:
      return assertNever(e);
  }
}

export const sameSymbol = (a: MatSymbol, b: MatSymbol): boolean =>
  a.name === b.name && a.layer === b.layer && a.rows === b.rows && a.cols === b.cols;

/** Structural equality. */
export function matEqual(a: MatExpr, b: MatExpr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.rows !== b.rows || a.cols !== b.cols) return false;
  switch (a.kind) {
    case 'symbol':
      return sameSymbol(a, b as typeof a);
    case 'zero':
    case 'identity':
      return true;
    case 'scalar': {
      const c = b as typeof a;
      return scalarEqual(a.expr, c.expr);
    }
    case 'scale':
      return a.coef.equals((b as typeof a).coef) && matEqual(a.arg, (b as typeof a).arg);
    case 'elementwise': {
      const c = b as typeof a;
      return a.fn === c.fn && a.order === c.order && matEqual(a.arg, c.arg);
    }
    case 'apply':
      return a.name === (b as typeof a).name && matEqual(a.arg, (b as typeof a).arg);
    default: {
      const xs = matChildren(a);
      const ys = matChildren(b);
      return xs.length === ys.length && xs.every((x, i) => matEqual(x, ys[i]));
    }
  }
}

/** Whether `e` mentions the symbol `s` (a scalar node through its vars). */
export function mentions(e: MatExpr, s: MatSymbol): boolean {
  if (e.kind === 'symbol') return sameSymbol(e, s);
  if (e.kind === 'scalar') return e.vars.some((v) => sameSymbol(v, s));
  return matChildren(e).some((c) => mentions(c, s));
}

/** All symbols mentioned, in order of first occurrence. */
export function matSymbols(e: MatExpr): MatSymbol[] {
  const out: MatSymbol[] = [];
  const go = (n: MatExpr): void => {
    const found = n.kind === 'symbol' ? [n] : n.kind === 'scalar' ? n.vars : [];
    for (const s of found) if (!out.some((o) => sameSymbol(o, s))) out.push(s);
    for (const c of matChildren(n)) go(c);
  };
  go(e);
  return out;
}

/** `e` with the node `target` (by identity) replaced by `by`. */
export function replaceNode(e: MatExpr, target: MatExpr, by: MatExpr): MatExpr {
  if (e === target) return by;
  const cs = matChildren(e);
  if (cs.length === 0) return e;
  let changed = false;
  const next = cs.map((c) => {
    const r = replaceNode(c, target, by);
    if (r !== c) changed = true;
    return r;
  });
  return changed ? matWithChildren(e, next) : e;
}
