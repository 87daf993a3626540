/**
 * How matrix symbols are written, in the lecture's notation: \mathbf{W}^{(1)}, \mathbf{x},
 * \hat{\mathbf{y}}, \boldsymbol{\delta}^{(2)}; in text W⁽¹⁾, x, ŷ, δ⁽²⁾. The scalar cost f (and
 * a map g) are not bold: they are functions, not arrays.
 */
import type { MatSymbol } from './types.js';

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ',
  mu: 'μ', sigma: 'σ', phi: 'φ', psi: 'ψ', omega: 'ω',
};

/** Names that denote scalar-valued functions (a cost f, a map g), printed in italic, not bold. */
const PLAIN = new Set(['f', 'g', 'J', 'L']);

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export const superscriptDigits = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

export function symbolText(s: MatSymbol): string {
  const base = s.name === 'yhat' ? 'ŷ' : (GREEK[s.name] ?? s.name);
  return s.layer === undefined ? base : `${base}⁽${superscriptDigits(s.layer)}⁾`;
}

/** LaTeX of the symbol without its layer: \mathbf{W}, \hat{\mathbf{y}}, \boldsymbol{\delta}. */
export function symbolBaseLatex(name: string): string {
  if (name === 'yhat') return '\\hat{\\mathbf{y}}';
  if (PLAIN.has(name)) return name;
  if (GREEK[name]) return `\\boldsymbol{\\${name}}`;
  return `\\mathbf{${name}}`;
}

/** LaTeX of the symbol, with `extra` (such as \top) appended inside its superscript. */
export function symbolLatex(s: MatSymbol, extra = ''): string {
  const base = symbolBaseLatex(s.name);
  const sup = [s.layer === undefined ? '' : `(${s.layer})`, extra].filter(Boolean).join('');
  return sup ? `${base}^{${sup}}` : base;
}

const TEXT_SUBSCRIPT: Record<string, string> = { i: 'ᵢ', j: 'ⱼ', k: 'ₖ' };

/**
 * An entry, as the lecture writes scalars (not bold): W⁽¹⁾ᵢⱼ and W^{(1)}_{ij}, δ⁽²⁾ᵢ and
 * \delta^{(2)}_{i}. `index` is made of the letters i, j, k.
 */
export function entryMath(s: MatSymbol, index: string): { readonly text: string; readonly latex: string } {
  const text = symbolText(s) + [...index].map((c) => TEXT_SUBSCRIPT[c] ?? c).join('');
  const base = s.name === 'yhat' ? '\\hat{y}' : GREEK[s.name] ? `\\${s.name}` : s.name;
  const layer = s.layer === undefined ? '' : `^{(${s.layer})}`;
  return { text, latex: `${base}${layer}_{${index}}` };
}

/** A key that is equal for equal symbols: `W|1`, `x|`. */
export const symbolKey = (s: MatSymbol): string => `${s.name}|${s.layer ?? ''}`;

/**
 * The name a 1×1 symbol has inside a scalar Expr. The `$` keeps it apart from every name the
 * parser or a network can produce (the core uses `$` for its placeholders too).
 */
export const scalarName = (s: MatSymbol): string => `$${s.name}${s.layer ?? ''}`;
