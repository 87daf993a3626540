/**
 * Expr → text in the parser's syntax, with explicit `*` and derivative marks `f'(x)`. The output
 * round-trips: parse(toText(e)) is structurally equal to e (a property test checks it).
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import { isInteger, isNegative, ratText } from '../rational.js';
import { joinTerms, Prec, productParts, type Printed } from './parts.js';

export function toText(e: Expr): string {
  return print(e).s;
}

function wrap(p: Printed, min: Prec): string {
  return p.prec < min ? `(${p.s})` : p.s;
}

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'num': {
      const q = e.value;
      if (isInteger(q) && !isNegative(q)) return { s: ratText(q), prec: Prec.Atom };
      // 3/4 binds like a product: a term `x + 3/4` needs no parentheses, a base `(3/4)^x` does.
      // A negative number still needs them after an operator: `x^(-2)`.
      return { s: ratText(q), prec: isNegative(q) ? Prec.Sum : Prec.Product };
    }
    case 'sym':
      return { s: e.name, prec: Prec.Atom };
    case 'const':
      return { s: e.name, prec: Prec.Atom };
    case 'add':
      return { s: joinTerms(e.terms, (t) => print(t).s, (t) => wrap(print(t), Prec.Product), '-'), prec: Prec.Sum };
    case 'mul':
      return printProduct(e.factors);
    case 'pow': {
      if (e.exp.kind === 'num' && isNegative(e.exp.value)) return printProduct([e]);
      const base = print(e.base);
      const exp = print(e.exp);
      return { s: `${wrap(base, Prec.Atom)}^${wrap(exp, Prec.Atom)}`, prec: Prec.Power };
    }
    case 'call':
      return { s: `${e.fn}(${e.args.map(toText).join(', ')})`, prec: Prec.Atom };
    case 'deriv': {
      const args = e.args.map(toText).join(', ');
      if (e.args.length === 1) return { s: `${e.fn}${"'".repeat(e.orders[0])}(${args})`, prec: Prec.Atom };
      const indices = e.orders.flatMap((k, i) => Array<number>(k).fill(i + 1));
      return { s: `D[${indices.join(',')}](${e.fn})(${args})`, prec: Prec.Atom };
    }
    case 'vector':
      return { s: `[${e.items.map(toText).join(', ')}]`, prec: Prec.Atom };
    case 'matrix': {
      const rows: string[] = [];
      for (let r = 0; r < e.rows; r++) rows.push(e.entries.slice(r * e.cols, (r + 1) * e.cols).map(toText).join(', '));
      // One row needs its own brackets: `[a, b]` reads back as a vector, `[[a, b]]` as 1×2.
      if (e.rows === 1) return { s: `[[${rows[0]}]]`, prec: Prec.Atom };
      return { s: `[${rows.join('; ')}]`, prec: Prec.Atom };
    }
    case 'diff':
      return { s: `∂/∂${e.wrt}[${toText(e.expr)}]`, prec: Prec.Atom };
    default:
      return assertNever(e);
  }
}

function printProduct(factors: readonly Expr[]): Printed {
  const p = productParts(factors);
  const sign = p.negative ? '-' : '';
  const factor = (f: Expr): string => wrap(print(f), Prec.Power);
  if (p.bottom.length === 0) {
    const coef = p.coefDen !== 1n ? `${p.coefNum}/${p.coefDen}` : p.coefNum !== 1n ? `${p.coefNum}` : '';
    const body = p.top.map(factor);
    if (body.length === 0) return { s: sign + (coef || '1'), prec: Prec.Sum };
    return { s: sign + (coef ? coef + '*' : '') + body.join('*'), prec: Prec.Product };
  }
  const numer = [...(p.coefNum !== 1n ? [`${p.coefNum}`] : []), ...p.top.map(factor)];
  const denomFactors = [...(p.coefDen !== 1n ? [`${p.coefDen}`] : []), ...p.bottom.map(factor)];
  const denom = denomFactors.length === 1 ? denomFactors[0] : `(${denomFactors.join('*')})`;
  return { s: `${sign}${numer.length ? numer.join('*') : '1'}/${denom}`, prec: Prec.Product };
}
