/**
 * Matrix expression → LaTeX in the lecture's notation: \mathbf{W}^{(2)\top} \boldsymbol{\delta}^{(2)},
 * \hat{\mathbf{y}}, \odot, ^{\top}, \sigma'(\mathbf{z}^{(1)}), \nabla_{\mathbf{W}^{(1)}} f,
 * \frac{\partial f}{\partial \mathbf{z}^{(1)}}, \left(\mathbf{W}^{(2)} \mathbf{W}^{(1)}\right) \mathbf{x}.
 */
import type { Expr } from '../expr/types.js';
import type { MatExpr } from './types.js';
import { assertNever } from '../expr/types.js';
import { sym } from '../expr/build.js';
import { substitute } from '../expr/traverse.js';
import { functionNameLatex, paren, toLatex } from '../print/latex.js';
import { isInteger, isNegative, type Rational } from '../rational.js';
import { scalarName, symbolLatex } from './names.js';
import { isAtomic, Prec, type Printed } from './print-text.js';

export function matrixToLatex(e: MatExpr): string {
  return print(e).s;
}

const group = (s: string): string => `\\left(${s}\\right)`;
const wrap = (p: Printed, min: Prec): string => (p.prec < min ? group(p.s) : p.s);

export function coefficientLatex(q: Rational): string {
  const sign = isNegative(q) ? '-' : '';
  const a = q.abs();
  return isInteger(a) ? `${sign}${a.n}` : `${sign}\\frac{${a.n}}{${a.d}}`;
}

/**
 * A scalar Expr with its 1×1 symbols typeset as matrix symbols (\hat{\mathbf{y}}). The core
 * printer has no hook for names, so each symbol is swapped for a letters-only placeholder, which
 * it prints as \mathrm{placeholder}, and that string is then replaced.
 */
export function scalarLatex(expr: Expr, names: ReadonlyMap<string, string>): string {
  const placeholders = [...names.keys()].map((_, i) => `gsplaceholder${letters(i)}`);
  const bound = substitute(expr, new Map([...names.keys()].map((k, i) => [k, sym(placeholders[i])])));
  let s = toLatex(bound);
  [...names.values()].forEach((latex, i) => {
    s = s.split(`\\mathrm{${placeholders[i]}}`).join(latex);
  });
  return s;
}

/** 0 → A, 25 → Z, 26 → BA: a letters-only index (names with digits print as subscripts). */
function letters(i: number): string {
  let s = '';
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

function print(e: MatExpr): Printed {
  switch (e.kind) {
    case 'symbol':
      return { s: symbolLatex(e), prec: Prec.Atom };
    case 'zero':
      return { s: '\\mathbf{0}', prec: Prec.Atom };
    case 'identity':
      return { s: '\\mathbf{I}', prec: Prec.Atom };
    case 'product':
      return { s: e.factors.map((f) => wrap(print(f), Prec.Postfix)).join(' '), prec: Prec.Product };
    case 'sum': {
      const [first, ...rest] = e.terms;
      let s = print(first).s;
      for (const t of rest) s += t.kind === 'neg' ? ` - ${wrap(print(t.arg), Prec.Hadamard)}` : ` + ${wrap(print(t), Prec.Hadamard)}`;
      return { s, prec: Prec.Sum };
    }
    case 'neg':
      return { s: `-${wrap(print(e.arg), Prec.Product)}`, prec: Prec.Sum };
    case 'scale':
      return { s: `${coefficientLatex(e.coef)} ${wrap(print(e.arg), Prec.Postfix)}`, prec: Prec.Product };
    case 'transpose':
      if (e.arg.kind === 'symbol') return { s: symbolLatex(e.arg, '\\top'), prec: Prec.Postfix };
      return { s: `${wrap(print(e.arg), Prec.Atom)}^{\\top}`, prec: Prec.Postfix };
    case 'hadamard':
      return { s: e.factors.map((f) => wrap(print(f), Prec.Postfix)).join(' \\odot '), prec: Prec.Hadamard };
    case 'elementwise': {
      const marks = e.order <= 3 ? "'".repeat(e.order) : `^{(${e.order})}`;
      return { s: `${functionNameLatex(e.fn)}${marks}${paren(print(e.arg).s)}`, prec: Prec.Atom };
    }
    case 'diag':
      return { s: `\\operatorname{diag}${paren(print(e.arg).s)}`, prec: Prec.Atom };
    case 'norm2':
      return e.arg.rows === 1
        ? { s: `${wrap(print(e.arg), Prec.Atom)}^{2}`, prec: Prec.Postfix }
        : { s: `\\left\\lVert ${print(e.arg).s} \\right\\rVert^{2}`, prec: Prec.Atom };
    case 'group':
      return { s: group(print(e.arg).s), prec: Prec.Atom };
    case 'scalar': {
      const s = scalarLatex(e.expr, new Map(e.vars.map((v) => [scalarName(v), symbolLatex(v)])));
      return { s, prec: isAtomic(e.expr) ? Prec.Atom : Prec.Sum };
    }
    case 'jacobian':
      return { s: `\\frac{\\partial ${print(e.of).s}}{\\partial ${print(e.wrt).s}}`, prec: Prec.Atom };
    case 'gradient':
      return { s: `\\nabla_{${print(e.wrt).s}} ${wrap(print(e.of), Prec.Atom)}`, prec: Prec.Hadamard };
    case 'apply':
      return { s: `${e.name}${paren(print(e.arg).s)}`, prec: Prec.Atom };
    default:
      return assertNever(e);
  }
}
