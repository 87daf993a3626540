/**
 * Partial credit for a chain-rule product: the answer's factors are matched one to one, by value at
 * the test points, to the expected answer's factors. "w₅ ✓, σ(z) ✗, x₁ ✓, missing σ′(z)" tells a
 * student which link of the chain is wrong even when the product as a whole is.
 */
import type { Expr } from '../expr/types.js';
import { add, sym } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { mapBottomUp } from '../expr/traverse.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { unicode } from './notation.js';
import { hasTensor } from './shape.js';
import type { Evaluation } from './evaluation.js';
import type { FactorNote, FactorReport } from './types.js';

const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);
const note = (e: Expr): FactorNote => ({ text: toText(e), latex: toLatex(e), unicode: unicode(e) });

/**
 * The report, when both answers are products of at least two factors (numbers aside); `expand`
 * writes an answer factor's abbreviations out before it is evaluated, and `shorten` writes an
 * expected factor in the abbreviations the answer uses (ŷ − y rather than ŷ written out − y).
 */
export function factorReport(expected: Expr, answer: Expr, ev: Evaluation, expand: (e: Expr) => Expr, shorten: (e: Expr) => Expr = (e) => e): FactorReport | undefined {
  if (hasTensor(expected) || hasTensor(answer)) return undefined;
  const want = factorsOf(expected);
  const got = factorsOf(answer);
  const symbolic = (fs: readonly Expr[]): number => fs.filter((f) => f.kind !== 'num').length;
  if (symbolic(want) < 2 || symbolic(got) < 2) return undefined;
  const wantValues = want.map((f) => ev.values(f)?.at);
  const used = new Array<boolean>(want.length).fill(false);
  const right: FactorNote[] = [];
  const wrong: FactorNote[] = [];
  for (const f of got) {
    const v = ev.values(expand(f))?.at;
    const k = v === undefined ? -1 : wantValues.findIndex((w, i) => !used[i] && w !== undefined && ev.agree(w, v));
    if (k >= 0) {
      used[k] = true;
      right.push(note(f));
    } else wrong.push(note(f));
  }
  const missing = want.filter((_, i) => !used[i]).map((f) => note(shorten(f)));
  return { right, wrong, missing };
}

/**
 * `e` with `value` written as the symbol `name` wherever it occurs whole or, for a sum, as part
 * of a larger sum: with ŷ = w₅σ(z₁) + w₆σ(z₂) + b₃, w₅σ(z₁) + w₆σ(z₂) + b₃ − y becomes ŷ − y.
 */
export function abbreviate(e: Expr, name: string, value: Expr): Expr {
  const short = sym(name);
  return mapBottomUp(e, (n) => {
    if (equal(n, value)) return short;
    if (n.kind !== 'add' || value.kind !== 'add' || value.terms.length >= n.terms.length) return n;
    const rest = [...n.terms];
    for (const t of value.terms) {
      const i = rest.findIndex((r) => equal(r, t));
      if (i < 0) return n;
      rest.splice(i, 1);
    }
    return add(short, ...rest);
  });
}
