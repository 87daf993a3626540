/**
 * Expressions in the lecture's Unicode notation, for feedback sentences: w₅σ′(w₁x₁ + w₂x₂ + b₁)x₁,
 * ½(ŷ − y)², [w₁ w₂; w₃ w₄]ᵀ, W⁽¹⁾₂₁. Factors are written side by side as in the lecture, with a
 * middle dot only where juxtaposition would read wrongly (before a digit or a word such as
 * sigmoid).
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import { isInteger, isNegative } from '../rational.js';
import { nameUnicode } from '../print/names.js';
import { joinTerms, Prec, productParts, type Printed } from '../print/parts.js';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const superscript = (n: string): string => [...n].map((c) => (c === '-' ? '⁻' : SUP[Number(c)])).join('');
const subscript = (n: string): string => [...n].map((c) => SUB[Number(c)]).join('');

/** A symbol's name: w1 → w₁, yhat → ŷ, sigma → σ, W1_2_1 → W⁽¹⁾₂₁. */
export function symbolUnicode(name: string): string {
  const indexed = /^([A-Za-z]+)(\d+)_(\d+)(?:_(\d+))?$/.exec(name);
  if (indexed) {
    const [, base, layer, i, j] = indexed;
    return `${nameUnicode(base)}⁽${superscript(layer)}⁾${subscript(i)}${j ? subscript(j) : ''}`;
  }
  return nameUnicode(name);
}

/** Function names as the lecture and the answer key write them (ReLU(z), ReLU′(z)), where ours differ. */
const LECTURE_FUNCTIONS: Readonly<Record<string, string>> = { relu: 'ReLU' };

/** A function's name: sigma → σ, relu → ReLU. */
export function functionUnicode(fn: string): string {
  return LECTURE_FUNCTIONS[fn] ?? nameUnicode(fn);
}

/**
 * The name of a placeholder in a feedback sentence (z in "∂z/∂w of z = …"), the first of the
 * candidates that is not a variable of the exercise: the lecture's chain-rule exercise, v·σ(uw + z),
 * has a variable z, and "of z = uw + z" reads as an equation.
 */
export function placeholderName(taken: ReadonlySet<string>, candidates: readonly string[] = ['z', 'a', 't', 's']): string {
  return candidates.find((c) => !taken.has(c)) ?? candidates[0];
}

export function unicode(e: Expr): string {
  return print(e).s;
}

function wrap(p: Printed, min: Prec): string {
  return p.prec < min ? `(${p.s})` : p.s;
}

function numberText(n: bigint, d: bigint): string {
  if (d === 1n) return n.toString();
  if (n === 1n && d === 2n) return '½';
  return `${n}/${d}`;
}

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'num': {
      const q = e.value;
      const s = (isNegative(q) ? '−' : '') + numberText(q.n, q.d);
      return { s, prec: isNegative(q) || !isInteger(q) ? Prec.Sum : Prec.Atom };
    }
    case 'sym':
      return { s: symbolUnicode(e.name), prec: Prec.Atom };
    case 'const':
      return { s: e.name === 'pi' ? 'π' : 'e', prec: Prec.Atom };
    case 'add':
      // A fraction after + or − needs no brackets: x₁ − 8/5, not x₁ − (8/5).
      return { s: joinTerms(e.terms, (t) => print(t).s, (t) => (t.kind === 'num' ? print(t).s : wrap(print(t), Prec.Product)), '−'), prec: Prec.Sum };
    case 'mul':
      return product(e.factors);
    case 'pow': {
      if (e.exp.kind === 'num' && isNegative(e.exp.value)) return product([e]);
      const base = wrap(print(e.base), Prec.Atom);
      if (e.exp.kind === 'num' && isInteger(e.exp.value)) return { s: base + superscript(e.exp.value.n.toString()), prec: Prec.Power };
      return { s: `${base}^${wrap(print(e.exp), Prec.Atom)}`, prec: Prec.Power };
    }
    case 'call': {
      if (e.fn === 'transpose' && e.args.length === 1) return { s: wrap(print(e.args[0]), Prec.Atom) + 'ᵀ', prec: Prec.Power };
      return { s: `${functionUnicode(e.fn)}(${e.args.map(unicode).join(', ')})`, prec: Prec.Atom };
    }
    case 'deriv': {
      const args = e.args.map(unicode).join(', ');
      if (e.args.length === 1) {
        const k = e.orders[0];
        const marks = k === 1 ? '′' : k === 2 ? '″' : k === 3 ? '‴' : `⁽${superscript(String(k))}⁾`;
        return { s: `${functionUnicode(e.fn)}${marks}(${args})`, prec: Prec.Atom };
      }
      const ds = e.orders.map((k, i) => (k === 0 ? '' : `∂${subscript(String(i + 1))}`.repeat(k))).join('');
      return { s: `${ds}${functionUnicode(e.fn)}(${args})`, prec: Prec.Atom };
    }
    case 'vector':
      return { s: `[${e.items.map(unicode).join('; ')}]`, prec: Prec.Atom };
    case 'matrix': {
      const rows: string[] = [];
      for (let r = 0; r < e.rows; r++) rows.push(e.entries.slice(r * e.cols, (r + 1) * e.cols).map(unicode).join(' '));
      return { s: `[${rows.join('; ')}]`, prec: Prec.Atom };
    }
    case 'diff':
      return { s: `∂/∂${symbolUnicode(e.wrt)}[${unicode(e.expr)}]`, prec: Prec.Atom };
    default:
      return assertNever(e);
  }
}

/** Side by side, with · before a digit or a word (sigmoid, relu, exp) so that nothing runs together. */
function juxtapose(parts: readonly string[]): string {
  let s = '';
  for (const p of parts) {
    if (s === '') s = p;
    else s += /^[0-9½]/.test(p) || /^[A-Za-z]{2}/.test(p) || /[A-Za-z]{2}\)?$/.test(s) ? '·' + p : p;
  }
  return s;
}

function product(factors: readonly Expr[]): Printed {
  const p = productParts(factors);
  const sign = p.negative ? '−' : '';
  const factor = (f: Expr): string => wrap(print(f), Prec.Power);
  const coef = p.coefNum === 1n && p.coefDen === 1n ? '' : numberText(p.coefNum, p.coefDen);
  if (p.bottom.length === 0) {
    const body = p.top.map(factor);
    if (body.length === 0) return { s: sign + (coef || '1'), prec: Prec.Sum };
    // (3/4)x, not 3/4x; ½ and whole numbers need no parentheses.
    const lead = coef.includes('/') ? `(${coef})` : coef;
    return { s: sign + juxtapose(lead ? [lead, ...body] : body), prec: sign ? Prec.Sum : Prec.Product };
  }
  const top = [...(p.coefNum !== 1n ? [p.coefNum.toString()] : []), ...p.top.map(factor)];
  const bottomParts = [...(p.coefDen !== 1n ? [p.coefDen.toString()] : []), ...p.bottom.map(factor)];
  const bottom = bottomParts.length === 1 ? bottomParts[0] : `(${juxtapose(bottomParts)})`;
  return { s: `${sign}${top.length ? juxtapose(top) : '1'}/${bottom}`, prec: sign ? Prec.Sum : Prec.Product };
}
