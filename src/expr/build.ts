/**
 * Constructors. Every Expr is made here, so every Expr is in the "as written" normal form:
 *  - sums and products are flattened (a + (b + c) is a + b + c);
 *  - a product keeps one numeric coefficient, first, drops a coefficient of 1 and is 0 when the
 *    coefficient is 0; factors with a negative numeric exponent (the denominator) go last;
 *  - numeric powers with rational results are folded (2^-1 is 1/2), e^u is exp(u), and integer
 *    powers of integer powers and negative integer powers of products are distributed.
 * Nothing else is rewritten: simplification is explicit (src/simplify).
 */
import type { Add, Call, Const, Deriv, Diff, Expr, Matrix, Mul, Num, Pow, Sym, Vector } from './types.js';
import { hashSeq, hashString } from './hash.js';
import {
  isInteger,
  isNegative,
  isOne,
  isZero,
  MINUS_ONE,
  ONE,
  rat,
  ratKey,
  ratPow,
  ZERO,
  type Rational,
} from '../rational.js';

const TAG = {
  num: hashString('num'),
  sym: hashString('sym'),
  const: hashString('const'),
  add: hashString('add'),
  mul: hashString('mul'),
  pow: hashString('pow'),
  call: hashString('call'),
  deriv: hashString('deriv'),
  vector: hashString('vector'),
  matrix: hashString('matrix'),
  diff: hashString('diff'),
} as const;

export function num(value: Rational | number | bigint, d?: number | bigint): Num {
  const q = typeof value === 'object' ? value : rat(value, d ?? 1);
  return { kind: 'num', value: q, hash: hashString(ratKey(q), TAG.num) };
}

export const ZERO_EXPR: Num = num(ZERO);
export const ONE_EXPR: Num = num(ONE);
export const MINUS_ONE_EXPR: Num = num(MINUS_ONE);

export function sym(name: string): Sym {
  return { kind: 'sym', name, hash: hashString(name, TAG.sym) };
}

export function constant(name: 'pi' | 'e'): Const {
  return { kind: 'const', name, hash: hashString(name, TAG.const) };
}

export function add(...terms: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  for (const t of terms) {
    if (t.kind === 'add') flat.push(...t.terms);
    else flat.push(t);
  }
  if (flat.length === 0) return ZERO_EXPR;
  if (flat.length === 1) return flat[0];
  return rawAdd(flat);
}

function rawAdd(terms: readonly Expr[]): Add {
  return { kind: 'add', terms, hash: hashSeq(TAG.add, terms.map((t) => t.hash)) };
}

export function isDenominatorFactor(f: Expr): boolean {
  return f.kind === 'pow' && f.exp.kind === 'num' && isNegative(f.exp.value);
}

export function mul(...factors: readonly Expr[]): Expr {
  let coef: Rational = ONE;
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  const visit = (f: Expr): void => {
    if (f.kind === 'mul') {
      for (const g of f.factors) visit(g);
    } else if (f.kind === 'num') {
      coef = coef.mul(f.value);
    } else if (isDenominatorFactor(f)) {
      bottom.push(f);
    } else {
      top.push(f);
    }
  };
  for (const f of factors) visit(f);
  if (isZero(coef)) return ZERO_EXPR;
  const rest = top.concat(bottom);
  if (rest.length === 0) return num(coef);
  if (isOne(coef) && rest.length === 1) return rest[0];
  return rawMul(isOne(coef) ? rest : [num(coef), ...rest]);
}

function rawMul(factors: readonly Expr[]): Mul {
  return { kind: 'mul', factors, hash: hashSeq(TAG.mul, factors.map((f) => f.hash)) };
}

export function neg(e: Expr): Expr {
  return mul(MINUS_ONE_EXPR, e);
}

export function sub(a: Expr, b: Expr): Expr {
  return add(a, neg(b));
}

export function pow(base: Expr, exp: Expr): Expr {
  if (base.kind === 'const' && base.name === 'e') return call('exp', [exp]);
  if (exp.kind === 'num') {
    const q = exp.value;
    if (base.kind === 'num' && !(isZero(base.value) && isNegative(q))) {
      const r = ratPow(base.value, q);
      if (r !== undefined) return num(r);
    }
    if (isInteger(q)) {
      // (a^m)^n = a^(mn) for integers m, n.
      if (base.kind === 'pow' && base.exp.kind === 'num' && isInteger(base.exp.value)) {
        return pow(base.base, num(base.exp.value.mul(q)));
      }
      // (a·b)^-n = a^-n · b^-n: keeps denominators as lists of factors.
      if (base.kind === 'mul' && isNegative(q)) return mul(...base.factors.map((f) => pow(f, exp)));
    }
  }
  return rawPow(base, exp);
}

function rawPow(base: Expr, exp: Expr): Pow {
  return { kind: 'pow', base, exp, hash: hashSeq(TAG.pow, [base.hash, exp.hash]) };
}

/** 1/e, keeping denominators as lists of factors (the parser's reading of `a / e`). */
export function inv(e: Expr): Expr {
  if (e.kind === 'num') return isZero(e.value) ? rawPow(e, MINUS_ONE_EXPR) : num(e.value.inverse());
  if (e.kind === 'pow' && e.exp.kind === 'num') return pow(e.base, num(e.exp.value.neg()));
  if (e.kind === 'mul') return mul(...e.factors.map(inv));
  return pow(e, MINUS_ONE_EXPR);
}

export function div(a: Expr, b: Expr): Expr {
  return mul(a, inv(b));
}

export function call(fn: string, args: readonly Expr[]): Call {
  return { kind: 'call', fn, args, hash: hashSeq(hashString(fn, TAG.call), args.map((a) => a.hash)) };
}

export function deriv(fn: string, orders: readonly number[], args: readonly Expr[]): Deriv {
  const h = hashSeq(hashString(fn, TAG.deriv), [...orders, ...args.map((a) => a.hash)]);
  return { kind: 'deriv', fn, orders, args, hash: h };
}

export function vector(items: readonly Expr[]): Vector {
  return { kind: 'vector', items, hash: hashSeq(TAG.vector, items.map((i) => i.hash)) };
}

export function matrix(rows: number, cols: number, entries: readonly Expr[]): Matrix {
  if (entries.length !== rows * cols) throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} entries`);
  return { kind: 'matrix', rows, cols, entries, hash: hashSeq(TAG.matrix, [rows, cols, ...entries.map((e) => e.hash)]) };
}

export function diff(expr: Expr, wrt: string): Diff {
  return { kind: 'diff', expr, wrt, hash: hashSeq(hashString(wrt, TAG.diff), [expr.hash]) };
}

export const int = (n: number): Num => num(n);
