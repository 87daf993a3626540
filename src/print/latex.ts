/**
 * Expr → LaTeX in the lecture's notation: w_{1}, \hat{y}, \sigma'(\cdot), fractions as \frac,
 * factors side by side without \cdot (except before a digit), parentheses only where needed.
 */
import type { Expr } from '../expr/types.js';
import { assertNever } from '../expr/types.js';
import { isInteger, isNegative } from '../rational.js';
import { lookupDerivativeOp, lookupOp } from '../ops/registry.js';
import { baseLatex, nameLatex } from './names.js';
import { joinTerms, Prec, productParts, type Printed } from './parts.js';
import { mayNotFitALine } from './glyphs.js';

export function toLatex(e: Expr): string {
  return print(e).s;
}

/**
 * Parentheses that grow with their content when it is tall. KaTeX never breaks a line inside
 * \left(…\right), so a long body (a chain-rule factor of a deep network), or one that `fixed`
 * says must be free to break, gets parentheses of a fixed size, tall enough for a fraction,
 * between which it breaks after + like any sum.
 */
export function paren(s: string, fixed = false): string {
  if (!/\\frac|\\begin|\\sqrt|\\sum/.test(s)) return `(${s})`;
  if (!s.includes('\\begin') && (fixed || mayNotFitALine(s))) return `\\biggl(${s}\\biggr)`;
  return `\\left(${s}\\right)`;
}

function wrap(p: Printed, min: Prec, fixed = false): string {
  return p.prec < min ? paren(p.s, fixed) : p.s;
}

/**
 * Formulas set side by side (W⁽¹⁾ = …, b⁽¹⁾ = …): each kept whole, a line break allowed only
 * between them, so that a long list wraps after a comma rather than between "W⁽²⁾ =" and its
 * matrix. KaTeX and pdflatex both read \allowbreak.
 */
export function latexList(items: readonly string[], { gap = '\\quad', comma = true }: { gap?: string; comma?: boolean } = {}): string {
  if (items.length === 1) return items[0];
  return items.map((x) => `{${x}}`).join(`${comma ? ',' : ''} ${gap}\\allowbreak `);
}

/** LaTeX of a function's name: abstract σ, f; known operators by their \operatorname. */
export function functionNameLatex(fn: string): string {
  const op = lookupOp(fn);
  if (!op) return baseLatex(fn);
  const bare = op.tex(['\u0000'], (s) => s);
  const cut = bare.indexOf('\u0000');
  return cut > 0 ? bare.slice(0, cut).replace(/\{$/, '') : `\\operatorname{${fn}}`;
}

/** ∂top/∂bottom as a fraction: \frac{\partial \hat{y}}{\partial w_{1}}. */
export function partialLatex(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${nameLatex(wrt)}}`;
}

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'num': {
      const q = e.value;
      const sign = isNegative(q) ? '-' : '';
      if (isInteger(q)) return { s: sign + q.n.toString(), prec: sign ? Prec.Sum : Prec.Atom };
      return { s: `${sign}\\frac{${q.n}}{${q.d}}`, prec: sign ? Prec.Sum : Prec.Product };
    }
    case 'sym':
      return { s: nameLatex(e.name), prec: Prec.Atom };
    case 'const':
      return { s: e.name === 'pi' ? '\\pi' : 'e', prec: Prec.Atom };
    case 'add':
      return { s: joinTerms(e.terms, (t) => print(t).s, (t) => wrap(print(t), Prec.Product), '-'), prec: Prec.Sum };
    case 'mul':
      return printProduct(e.factors);
    case 'pow': {
      if (e.exp.kind === 'num' && isNegative(e.exp.value)) return printProduct([e]);
      if (e.exp.kind === 'num' && e.exp.value.equals(0.5)) return { s: `\\sqrt{${toLatex(e.base)}}`, prec: Prec.Atom };
      // A root or an exponential as a base reads better in parentheses: (√x)³, not √x³.
      const tall = e.base.kind === 'call' && ['sqrt', 'cbrt', 'nthRoot', 'exp'].includes(e.base.fn);
      const base = tall ? paren(toLatex(e.base)) : wrap(print(e.base), Prec.Atom);
      return { s: `${superscriptable(base)}^{${toLatex(e.exp)}}`, prec: Prec.Power };
    }
    case 'call': {
      if (e.fn === 'transpose' && e.args.length === 1) return { s: `${superscriptable(wrap(print(e.args[0]), Prec.Atom))}^{\\top}`, prec: Prec.Power };
      const args = e.args.map(toLatex);
      const op = lookupOp(e.fn);
      if (op) return { s: op.tex(args, paren), prec: e.fn === 'exp' ? Prec.Power : Prec.Atom };
      return { s: `${baseLatex(e.fn)}${paren(args.join(', '))}`, prec: Prec.Atom };
    }
    case 'deriv': {
      const args = e.args.map(toLatex);
      const special = lookupDerivativeOp(e.fn, e.orders);
      if (special) return { s: special.tex(args, paren), prec: Prec.Atom };
      const name = functionNameLatex(e.fn);
      if (e.args.length === 1) {
        const k = e.orders[0];
        const marks = k <= 3 ? "'".repeat(k) : `^{(${k})}`;
        return { s: `${name}${marks}${paren(args[0])}`, prec: Prec.Atom };
      }
      const ops = e.orders
        .map((k, i) => (k === 0 ? '' : k === 1 ? `\\partial_{${i + 1}}` : `\\partial_{${i + 1}}^{${k}}`))
        .filter(Boolean)
        .join(' ');
      return { s: `${ops} ${name}${paren(args.join(', '))}`, prec: Prec.Atom };
    }
    case 'vector':
      return { s: bmatrixLatex(e.items.map((item) => [toLatex(item)])), prec: Prec.Atom };
    case 'matrix': {
      const rows: string[][] = [];
      for (let r = 0; r < e.rows; r++) rows.push(e.entries.slice(r * e.cols, (r + 1) * e.cols).map(toLatex));
      return { s: bmatrixLatex(rows), prec: Prec.Atom };
    }
    case 'diff':
      return { s: derivativeOfLatex(e.wrt, e.expr), prec: Prec.Atom };
    default:
      return assertNever(e);
  }
}

/**
 * A base that already carries a superscript (W^{(1)}, an indexed W^{(1)}_{2,1}, a prime σ′) takes
 * another only inside braces: TeX rejects W^{(1)}^{2} as a double superscript.
 */
function superscriptable(base: string): string {
  if (/^\\left\(.*\\right\)$/.test(base) || /^\(.*\)$/.test(base)) return base;
  return /[\^']/.test(base) ? `{${base}}` : base;
}

const FRACTION = /\\[dt]?frac\{/;

/**
 * A bmatrix of entries already in LaTeX. KaTeX and TeX stack a matrix's rows a fixed distance
 * apart, so fractions in neighbouring rows touch (∂f/∂w₁ sat on ∂f/∂w₃): a row next to a row with
 * a fraction gets 0.4em more. Entries stay in text style: a \dfrac in a matrix cell is taller than
 * KaTeX measures it, and a column of them overprinted (each denominator on the next numerator).
 */
export function bmatrixLatex(rows: readonly (readonly string[])[]): string {
  // A 1×1 matrix is its entry in brackets; one that may not fit a line gets brackets of a fixed
  // size, which TeX and KaTeX break inside after + (a matrix they never break: ∇_{b⁽²⁾}f of a
  // 3-2-1 ReLU network ran 17.6 pt into the margin of the LaTeX key).
  if (rows.length === 1 && rows[0].length === 1 && mayNotFitALine(rows[0][0])) {
    const size = FRACTION.test(rows[0][0]) ? 'Big' : 'big';
    return `\\${size}l[${rows[0][0]}\\${size}r]`;
  }
  const fraction = rows.map((r) => r.some((entry) => FRACTION.test(entry)));
  const body = rows.map((r, i) => (i === 0 ? '' : fraction[i - 1] || fraction[i] ? ' \\\\[0.4em] ' : ' \\\\ ') + r.join(' & ')).join('');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

/**
 * Equations one a line, aligned at &: an `aligned` block. As in a matrix, a line next to a line
 * with a fraction gets more room (0.3em): display fractions on consecutive lines all but touched
 * (the 10 of w₁ ← 1 − ⅒·1 = 9/10 on the 19 of the next line). `multiline` puts each line on a line
 * of its own in the source, for LaTeX that a person reads.
 */
export function alignedLatex(lines: readonly string[], multiline = false): string {
  const fraction = lines.map((line) => FRACTION.test(line));
  const nl = multiline ? '\n' : ' ';
  const body = lines.map((line, i) => (i === 0 ? '' : `${fraction[i - 1] || fraction[i] ? ' \\\\[0.3em]' : ' \\\\'}${nl}`) + line).join('');
  return `\\begin{aligned}${nl}${body}${nl}\\end{aligned}`;
}

/** Join factors side by side; \cdot only where the next factor starts with a digit. */
function juxtapose(parts: readonly string[]): string {
  let s = '';
  for (const p of parts) {
    if (s === '') s = p;
    else s += /^[0-9.]/.test(p) ? ` \\cdot ${p}` : ` ${p}`;
  }
  return s;
}

function printProduct(factors: readonly Expr[]): Printed {
  const p = productParts(factors);
  const sign = p.negative ? '-' : '';
  const factor = (f: Expr): string => wrap(print(f), Prec.Power);
  if (p.bottom.length === 0) {
    const coef = p.coefDen !== 1n ? `\\frac{${p.coefNum}}{${p.coefDen}}` : p.coefNum !== 1n ? `${p.coefNum}` : '';
    let body = p.top.map(factor);
    // Factors side by side never break between them: a factor in \left(…\right) makes one piece of
    // the whole product, which may not fit its line though the factor alone would. Its parentheses
    // are then of a fixed size, and the product breaks inside them after + (a sigmoid's product
    // rule, sigmoid(z) (1 + x₁(1 − sigmoid(z)) ∂z/∂x₁), ran 56 pt into the LaTeX margin).
    if (body.length > 1 && body.some((b) => b.startsWith('\\left(')) && mayNotFitALine(juxtapose(coef ? [coef, ...body] : body))) {
      body = p.top.map((f) => wrap(print(f), Prec.Power, true));
    }
    if (body.length === 0) return { s: sign + (coef || '1'), prec: Prec.Sum };
    return { s: sign + juxtapose(coef ? [coef, ...body] : body), prec: Prec.Product };
  }
  const numer = [...(p.coefNum !== 1n ? [`${p.coefNum}`] : []), ...p.top.map(factor)];
  // In a \frac the braces already group: a lone sum needs no parentheses there.
  const inFrac = (fs: readonly Expr[], extra: readonly string[]): string[] =>
    fs.length + extra.length === 1 && fs.length === 1 ? [toLatex(fs[0])] : [...extra, ...fs.map(factor)];
  const top = p.coefNum === 1n ? inFrac(p.top, []) : numer;
  const bottom = inFrac(p.bottom, p.coefDen !== 1n ? [`${p.coefDen}`] : []);
  return { s: `${sign}\\frac{${top.length ? juxtapose(top) : '1'}}{${juxtapose(bottom)}}`, prec: Prec.Product };
}

/**
 * ∂/∂w [f]. KaTeX never breaks a line inside \left[…\right], so a body too long for one line
 * (a deep network's ŷ) gets brackets of a fixed size instead, between which it breaks after + like
 * any sum: \biggl[ around fractions, \bigl[ otherwise.
 */
export function derivativeOfLatex(wrt: string, body: Expr): string {
  const d = `\\frac{\\partial}{\\partial ${nameLatex(wrt)}}`;
  const inner = toLatex(body);
  if (!mayNotFitALine(inner)) return `${d}\\left[${inner}\\right]`;
  const size = inner.includes('\\frac') ? 'bigg' : 'big';
  return `${d}\\${size}l[${inner}\\${size}r]`;
}
