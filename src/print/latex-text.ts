/**
 * LaTeX math → Unicode text, for places that cannot typeset: a printed page's footer (a CSS
 * margin box holds a string) and the terminal. It covers what specs and our printers write:
 * Greek, ∂ ∇ · × ᵀ, \hat{y}, \frac{a}{b}, font commands, sub- and superscripts. An unknown
 * command is written as its name. Not a parser: it never fails.
 */
import { GREEK_UNICODE } from './names.js';

const SYMBOLS: Record<string, string> = {
  ...GREEK_UNICODE,
  partial: '∂', nabla: '∇', cdot: '·', times: '×', top: 'ᵀ', intercal: 'ᵀ', prime: '′', odot: '⊙', circ: '∘',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', to: '→', rightarrow: '→', leftarrow: '←',
  mapsto: '↦', in: '∈', sum: 'Σ', infty: '∞', pm: '±', ldots: '…', cdots: '⋯', dots: '…', mid: '|', lvert: '|', rvert: '|',
  ',': ' ', ';': ' ', ':': ' ', '!': '', quad: ' ', qquad: '  ', '{': '{', '}': '}', '$': '$', '%': '%', '&': '&', '#': '#', _: '_',
};

/** Commands whose argument is shown as it is: fonts, text, sizes. */
const TRANSPARENT = new Set(['text', 'textrm', 'textit', 'textbf', 'mathrm', 'mathit', 'mathbf', 'boldsymbol', 'bm', 'mathsf', 'mathcal', 'mathbb', 'operatorname', 'displaystyle', 'textstyle', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr']);

const SUB: Record<string, string> = Object.fromEntries([...'0123456789+-=()aehijklmnoprstuvx'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'[i]]));
const SUP: Record<string, string> = {
  ...Object.fromEntries([...'0123456789+-=()n'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ'[i]])),
  T: 'ᵀ', 'ᵀ': 'ᵀ', '′': '′', "'": '′', i: 'ⁱ',
};
const HATS: Record<string, string> = { y: 'ŷ', x: 'x̂', w: 'ŵ' };

export function latexText(latex: string): string {
  let i = 0;
  const s = latex;
  /** Inside \text{…} spaces are words' spaces; in math they mean nothing. */
  let inText = false;
  /** One group {…} or one token, as text. */
  const argument = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] === '{') {
      i++;
      const inner = sequence('}');
      i++;
      return inner;
    }
    return token();
  };
  const token = (): string => {
    const c = s[i];
    if (c === undefined) return '';
    if (c === '{') return argument();
    if (c !== '\\') {
      i++;
      if (c === ' ' || c === '\n' || c === '\t') return inText ? ' ' : '';
      if (c === '}') return '';
      if (c === '~') return ' ';
      if (c === "'") return '′';
      if (c === '_' || c === '^') return script(c === '_' ? SUB : SUP, c);
      return c;
    }
    const name = /^[A-Za-z]+/.exec(s.slice(i + 1))?.[0] ?? s[i + 1] ?? '';
    i += 1 + name.length;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const top = argument();
      const bottom = argument();
      const wrap = (t: string): string => (/^[\p{L}\p{N}∂′ᵀ₀-₉⁰-⁹̂]+$/u.test(t) ? t : `(${t})`);
      return `${wrap(top)}/${wrap(bottom)}`;
    }
    if (name === 'hat' || name === 'widehat') {
      const a = argument();
      return HATS[a] ?? `${a}\u0302`;
    }
    if (name === 'sqrt') return `√(${argument()})`;
    if (TRANSPARENT.has(name)) {
      if (name === 'left' || name === 'right' || /^(big|Big)/.test(name) || name.endsWith('style')) return '';
      const outer = inText;
      inText = name.startsWith('text');
      const body = argument();
      inText = outer;
      return body;
    }
    return SYMBOLS[name] ?? name;
  };
  const script = (table: Record<string, string>, mark: string): string => {
    const body = argument();
    const chars = [...body];
    return chars.length > 0 && chars.every((ch) => table[ch] !== undefined) ? chars.map((ch) => table[ch]).join('') : `${mark}${chars.length === 1 ? body : `(${body})`}`;
  };
  const sequence = (end?: string): string => {
    let out = '';
    while (i < s.length && s[i] !== end) out += token();
    return out;
  };
  return sequence()
    .replace(/\s+/g, ' ')
    .trim();
}
