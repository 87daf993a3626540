/**
 * Text → mathjs-ready text, with a map back to the user's columns. mathjs reads `'` as a
 * transpose and knows no Unicode mathematics, so this pass:
 *  - turns σ, π, ŷ, w₁, ·, −, ′, ² … into ASCII (`sigma`, `pi`, `yhat`, `w1`, `*`, `-`, `'`, `^2`);
 *  - rewrites derivative marks `f'(x)`, `f''(x)` and Maple's `D[1,2](f)(x, y)` into identifiers
 *    `f$P1(`, `f$P2(`, `f$D1_2(` (a `$` never reaches this point from the user); any other `'`,
 *    and `ᵀ` always, is left to mathjs as a transpose (`W'x`, `Wᵀ(x + b)`);
 *  - enforces the length and nesting limits before mathjs's recursive parser could overflow.
 */
import { ParseError } from '../errors.js';

export interface Mapped {
  /** The rewritten text. */
  readonly text: string;
  /** For each index of `text`, the 0-based index in the user's text it came from. */
  readonly origin: readonly number[];
  /** The user's text. */
  readonly source: string;
}

export interface Limits {
  readonly maxLength: number;
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxLength: 100_000, maxDepth: 100 };

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta',
  θ: 'theta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho',
  σ: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi',
  Ψ: 'Psi', Ω: 'Omega',
};

const SYMBOLS: Record<string, string> = {
  '·': '*', '⋅': '*', '×': '*', '∗': '*', '−': '-', '–': '-', '÷': '/', '′': "'", '’': "'",
  'ʹ': "'", '″': "''", '‴': "'''", '≥': '>=', '≤': '<=', '\t': ' ', '\n': ' ', '\r': ' ', ' ': ' ', '（': '(', '）': ')',
};

const SUB_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUP_CHARS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-',
};

const isIdentChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** Describe a character for an error message. */
export function describeChar(c: string): string {
  if (c === "'") return '"\'"';
  const code = c.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(4, '0').toUpperCase();
  if (code < 32) return `character U+${hex}`;
  // A zero-width or other invisible character (pasted from a document) shows as nothing between quotes.
  if (c !== ' ' && /^[\p{Cc}\p{Cf}\p{Z}]$/u.test(c)) return `invisible character U+${hex}`;
  return `'${c}'`;
}

/**
 * The name suffix of a layer-indexed symbol's subscript: `1` → `_1` (z⁽¹⁾₁ is z1_1), two digits or
 * two numbers with a comma are a row and a column (W⁽¹⁾₂₁ and W^{(1)}_{2,1} are W1_2_1, as the
 * printers write them), any other number one index (z⁽¹⁾₁₂ is z1_12).
 */
export function layerIndexSuffix(index: string): string {
  const parts = index.includes(',') ? index.split(',').map((p) => p.trim()) : /^\d\d$/.test(index) ? [...index] : [index];
  return parts.map((p) => `_${p}`).join('');
}

/** `z^(1)_1`, `W^(1)_21`, `W^(1)_(2,1)`, `W^(1)_2_1`: a layer index in the text syntax, as the lecture's W⁽¹⁾₂₁. */
const LAYER_TEXT = /^([A-Za-z]+)\^\(\s*(\d+)\s*\)_(?:\(\s*(\d+\s*,\s*\d+)\s*\)|(\d+(?:_\d+)?))/;

export function preprocess(source: string, limits: Limits = DEFAULT_LIMITS): Mapped {
  if (source.length > limits.maxLength) {
    throw new ParseError(
      limits.maxLength + 1,
      `input is ${source.length.toLocaleString('en-US')} characters long; the limit is ${limits.maxLength.toLocaleString('en-US')}`,
    );
  }
  if (source.trim() === '') throw new ParseError(1, 'empty expression; expected a formula such as w5*sigma(z)');

  // Pass 1: characters.
  let out = '';
  const origin: number[] = [];
  const emit = (s: string, at: number): void => {
    out += s;
    for (let k = 0; k < s.length; k++) origin.push(at);
  };
  const chars = [...source];
  const starts: number[] = [];
  for (let i = 0, at = 0; i < chars.length; at += chars[i].length, i++) starts.push(at);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const at = starts[i];
    const next = chars[i + 1];
    if (c === '$' || c === '#' || c === '"' || c === '`' || c === '\\') {
      throw new ParseError(at + 1, `unexpected ${describeChar(c)}`);
    }
    if (c === 'ŷ' || (c === 'y' && next === '\u0302')) {
      if (isIdentChar(out[out.length - 1])) emit(' ', at);
      emit('yhat', at);
      // ŷw₅ is ŷ·w₅, as σx is σ·x (it used to read as one name, yhatw5).
      if (isLetter(chars[c === 'y' ? i + 2 : i + 1])) emit(' ', at);
      if (c === 'y') i++;
      continue;
    }
    if (c === '\u0302') throw new ParseError(at + 1, 'a combining hat is only understood on y (ŷ)');
    const greek = GREEK[c];
    if (greek !== undefined) {
      if (isIdentChar(out[out.length - 1])) emit(' ', at);
      emit(greek, at);
      if (isLetter(next)) emit(' ', at);
      continue;
    }
    const sub = SUB_DIGITS.indexOf(c);
    if (sub >= 0) {
      emit(String(sub), at);
      // w₁x₁ is w1·x1: a subscript ends its name.
      if (isLetter(next)) emit(' ', at);
      continue;
    }
    if (c === '⁽') {
      // A layer index, as the lecture and our feedback write it: z⁽¹⁾₁, W⁽¹⁾₂₁, b⁽²⁾, δ⁽²⁾₁.
      let j = i + 1;
      let layer = '';
      while (j < chars.length && /[0-9]/.test(SUP_CHARS[chars[j]] ?? '')) layer += SUP_CHARS[chars[j++]];
      if (!isLetter(out[out.length - 1]) || layer === '' || chars[j] !== '⁾') {
        throw new ParseError(at + 1, `'⁽' starts a layer index after a name, as in z⁽¹⁾₁ or W⁽¹⁾₂₁`);
      }
      j++;
      let index = '';
      while (j < chars.length && SUB_DIGITS.includes(chars[j])) index += String(SUB_DIGITS.indexOf(chars[j++]));
      emit(layer + (index === '' ? '' : layerIndexSuffix(index)), at);
      // W⁽¹⁾₂₁x₁ is W⁽¹⁾₂₁·x₁, as w₁x₁ is w₁·x₁.
      if (isLetter(chars[j])) emit(' ', at);
      i = j - 1;
      continue;
    }
    if (SUP_CHARS[c] !== undefined) {
      let j = i;
      let exp = '';
      while (j < chars.length && SUP_CHARS[chars[j]] !== undefined) exp += SUP_CHARS[chars[j++]];
      emit(`^(${exp})`, at);
      i = j - 1;
      continue;
    }
    if (c === 'ᵀ') {
      emit("'", at);
      continue;
    }
    const sym = SYMBOLS[c];
    if (sym !== undefined) {
      emit(sym, at);
      continue;
    }
    if (c.codePointAt(0)! > 126) throw new ParseError(at + 1, `unexpected ${describeChar(c)}`);
    emit(c, at);
  }

  // Pass 2: derivative marks, which need the ASCII text.
  let text = '';
  const map: number[] = [];
  const put = (s: string, at: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) map.push(at);
  };
  const maple = /^D\s*\[\s*(\d+(?:\s*,\s*\d+)*)\s*\]\s*\(\s*([A-Za-z][A-Za-z0-9_]*)\s*\)\s*\(/;
  const primed = /^([A-Za-z][A-Za-z0-9_]*)('+)\s*\(/;
  for (let i = 0; i < out.length; ) {
    const prev = out[i - 1];
    const rest = out.slice(i, i + 200);
    if (!isIdentChar(prev)) {
      const layered = LAYER_TEXT.exec(rest);
      if (layered) {
        // z^(1)_1 is z⁽¹⁾₁ (a power followed by a subscript means nothing else); a bare x^(2) stays a power.
        const [, base, layer, pair, index] = layered;
        const name = base + layer + (pair !== undefined ? layerIndexSuffix(pair) : index.includes('_') ? `_${index}` : layerIndexSuffix(index));
        for (let k = 0; k < name.length; k++) put(name[k], origin[i + Math.min(k, layered[0].length - 1)]);
        i += layered[0].length;
        continue;
      }
      const m = maple.exec(rest);
      if (m) {
        const indices = m[1].split(',').map((s) => s.trim());
        put(`${m[2]}$D${indices.join('_')}(`, origin[i]);
        i += m[0].length;
        continue;
      }
      const p = primed.exec(rest);
      // Wᵀ(x + b) is a transpose times a parenthesis, never a derivative mark.
      const transposed = p !== null && [...p[2]].some((_, k) => source[origin[i + p[1].length + k]] === 'ᵀ');
      if (p && !transposed) {
        put(`${p[1]}$P${p[2].length}(`, origin[i]);
        i += p[0].length;
        continue;
      }
    }
    put(out[i], origin[i]);
    i++;
  }

  checkNesting(text, map, limits.maxDepth);
  return { text, origin: map, source };
}

function checkNesting(text: string, map: readonly number[], maxDepth: number): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') {
      depth++;
      if (depth > maxDepth) throw new ParseError(map[i] + 1, `nested deeper than ${maxDepth} levels`);
    } else if (c === ')' || c === ']') {
      depth--;
    }
  }
}

/** The user's 1-based column for a 1-based column of the rewritten text. */
export function userColumn(m: Mapped, textColumn: number): number {
  const i = textColumn - 1;
  if (i < 0) return 1;
  if (i >= m.origin.length) return m.source.length + 1;
  return m.origin[i] + 1;
}
