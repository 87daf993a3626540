/**
 * Matrix expression → Unicode text for terminals and JSON, in the lecture's notation:
 * `(W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾)`, `δ⁽¹⁾xᵀ`, `½‖ŷ − y‖²`. Products are written side by side; the
 * operands of ⊙ are parenthesised unless atomic, as in the lecture's δ formula. (The scalar text
 * text syntax of the parser is ASCII and round-trips through the parser; there is no parser for matrix
 * expressions, so this form is for reading only.)
 */
import type { MatExpr } from './types.js';
import { assertNever } from '../expr/types.js';
import type { Expr } from '../expr/types.js';
import { sym } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { toText } from '../print/text.js';
import type { Printed as PrintedWith } from '../print/parts.js';
import { isInteger, isNegative, type Rational } from '../rational.js';
import { scalarName, superscriptDigits, symbolText } from './names.js';
import { functionLabel } from '../calculus/labels.js';

/** Binding strength of a printed matrix form (shared with print-latex.ts). */
export const enum Prec {
  Sum = 1,
  Hadamard = 2,
  Product = 3,
  Postfix = 4,
  Atom = 5,
}

/** A printed matrix form and how strongly it binds. */
export type Printed = PrintedWith<Prec>;

export function matrixToText(e: MatExpr): string {
  return print(e).s;
}

const wrap = (p: Printed, min: Prec): string => (p.prec < min ? `(${p.s})` : p.s);

/** σ′ for order 1, σ″ for 2, σ⁽⁴⁾ beyond 3. */
export function derivativeMarks(order: number): string {
  return ['', '′', '″', '‴'][order] ?? `⁽${superscriptDigits(order)}⁾`;
}

export function coefficientText(q: Rational): string {
  const sign = isNegative(q) ? '−' : '';
  const a = q.abs();
  if (a.equals(0.5)) return `${sign}½`;
  return isInteger(a) ? `${sign}${a.n}` : `${sign}(${a.n}/${a.d})`;
}

/**
 * A scalar Expr in the same Unicode style: its 1×1 symbols by their matrix names (ŷ, z⁽²⁾),
 * `·` for `*`, `−` for a minus and `′` for a derivative mark.
 */
export function scalarText(expr: Expr, names: ReadonlyMap<string, string>): string {
  const bound = substitute(expr, new Map([...names].map(([k, v]) => [k, sym(v)])));
  return toText(bound)
    .replace(/\*/g, '·')
    .replace(/(^|[\s(])-/g, '$1−')
    .replace(/'/g, '′');
}

/** A scalar that needs no parentheses next to other factors: a name, a call, a whole number. */
export function isAtomic(e: Expr): boolean {
  if (e.kind === 'num') return isInteger(e.value) && !isNegative(e.value);
  return e.kind === 'sym' || e.kind === 'const' || e.kind === 'call' || e.kind === 'deriv';
}

function print(e: MatExpr): Printed {
  switch (e.kind) {
    case 'symbol':
      return { s: symbolText(e), prec: Prec.Atom };
    case 'zero':
      return { s: '0', prec: Prec.Atom };
    case 'identity':
      return { s: 'I', prec: Prec.Atom };
    case 'product':
      return { s: e.factors.map((f) => wrap(print(f), Prec.Postfix)).join(''), prec: Prec.Product };
    case 'sum': {
      const [first, ...rest] = e.terms;
      let s = print(first).s;
      for (const t of rest) s += t.kind === 'neg' ? ` − ${wrap(print(t.arg), Prec.Hadamard)}` : ` + ${wrap(print(t), Prec.Hadamard)}`;
      return { s, prec: Prec.Sum };
    }
    case 'neg':
      return { s: `−${wrap(print(e.arg), Prec.Product)}`, prec: Prec.Sum };
    case 'scale':
      return { s: coefficientText(e.coef) + wrap(print(e.arg), Prec.Postfix), prec: Prec.Product };
    case 'transpose':
      return { s: `${wrap(print(e.arg), Prec.Atom)}ᵀ`, prec: Prec.Postfix };
    case 'hadamard':
      return { s: e.factors.map((f) => wrap(print(f), Prec.Postfix)).join(' ⊙ '), prec: Prec.Hadamard };
    case 'elementwise':
      return { s: `${functionLabel(e.fn)}${derivativeMarks(e.order)}(${print(e.arg).s})`, prec: Prec.Atom };
    case 'diag':
      return { s: `diag(${print(e.arg).s})`, prec: Prec.Atom };
    case 'norm2':
      return e.arg.rows === 1 ? { s: `${wrap(print(e.arg), Prec.Atom)}²`, prec: Prec.Postfix } : { s: `‖${print(e.arg).s}‖²`, prec: Prec.Atom };
    case 'group':
      return { s: `(${print(e.arg).s})`, prec: Prec.Atom };
    case 'scalar': {
      const s = scalarText(e.expr, new Map(e.vars.map((v) => [scalarName(v), symbolText(v)])));
      return { s, prec: isAtomic(e.expr) ? Prec.Atom : Prec.Sum };
    }
    case 'jacobian':
      return { s: `∂${wrap(print(e.of), Prec.Atom)}/∂${wrap(print(e.wrt), Prec.Atom)}`, prec: Prec.Hadamard };
    case 'gradient':
      return { s: `∇_{${print(e.wrt).s}} ${wrap(print(e.of), Prec.Atom)}`, prec: Prec.Hadamard };
    case 'apply':
      return { s: `${e.name}(${print(e.arg).s})`, prec: Prec.Atom };
    default:
      return assertNever(e);
  }
}
