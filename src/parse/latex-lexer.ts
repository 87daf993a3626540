/**
 * Tokens of the LaTeX subset students type (see ./latex.ts for the grammar). Every token keeps the
 * 0-based index in the user's text where it starts, so errors name the user's column.
 *  - Sizing and spacing commands vanish here: \left( is `(`, \bigr] is `]`, \, \; \quad are
 *    spaces; `\left.` is nothing.
 *  - Unicode a student pastes from the lecture is read as its LaTeX: σ as \sigma, · as \cdot,
 *    − as -, ′ as ', ŷ as \hat{y}, w₁ as w_{1}, x² as ^{2}, Wᵀ as ^{\top}.
 */
import { ParseError } from '../errors.js';

export type Token =
  | { readonly t: 'digit'; readonly v: string; readonly at: number; readonly space: boolean }
  | { readonly t: 'letter'; readonly v: string; readonly at: number; readonly space: boolean }
  /** A command without its backslash: `frac`, `sigma`, `\\` (a row break), `{` (from \{). */
  | { readonly t: 'cmd'; readonly v: string; readonly at: number; readonly space: boolean }
  /** One character of punctuation or operator: + - * / ^ _ ( ) [ ] { } & ' , | . = < > ! */
  | { readonly t: 'ch'; readonly v: string; readonly at: number; readonly space: boolean; readonly sized?: 'open' | 'close' }
  /** A Unicode subscript or superscript run: w₁₂ → sub "12", x² → sup "2", Wᵀ → sup "T". */
  | { readonly t: 'sub' | 'sup'; readonly v: string; readonly at: number; readonly space: boolean }
  | { readonly t: 'end'; readonly v: ''; readonly at: number; readonly space: boolean };

/** Commands that only size a delimiter: the delimiter that follows is an ordinary token. */
const SIZING = new Set([
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr', 'middle',
]);
/** Spacing commands: read as white space. */
const SPACING = new Set([',', ';', ':', '!', ' ', 'quad', 'qquad', 'thinspace', 'medspace', 'thickspace', 'enspace', 'displaystyle', 'textstyle', 'limits', 'nolimits']);

const GREEK_LETTERS: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau',
  υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta',
  Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega', '∂': 'partial', '∇': 'nabla',
  '∑': 'sum', '∞': 'infty', '⊤': 'top',
};
const UNICODE_CMDS: Record<string, string> = { '·': 'cdot', '⋅': 'cdot', '×': 'times', '∗': 'ast', '÷': 'div', '≤': 'leq', '≥': 'geq' };
const UNICODE_CHARS: Record<string, string> = {
  '−': '-', '–': '-', '′': "'", '’': "'", 'ʹ': "'", '（': '(', '）': ')', '\u00a0': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
};
const SUB_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUP_CHARS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', 'ᵀ': 'T',
};
const PUNCTUATION = "+-*/^_()[]{}&',|.=<>!:;";

export function describeToken(k: Token): string {
  switch (k.t) {
    case 'end':
      return 'the end of the input';
    case 'cmd':
      return k.v === '\\' ? "'\\\\'" : `'\\${k.v}'`;
    case 'sub':
      return 'a subscript';
    case 'sup':
      return 'a superscript';
    case 'ch':
      return k.v === "'" ? 'a prime "\'"' : `'${k.v}'`;
    default:
      return `'${k.v}'`;
  }
}

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let space = false;
  let sizeNext: 'open' | 'close' | undefined;
  const push = (k: Token): void => {
    out.push(k);
    space = false;
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    const at = i;
    if (c === ' ' || UNICODE_CHARS[c] === ' ' || c === '~') {
      space = true;
      i++;
      continue;
    }
    if (c === '\\') {
      const m = /^\\([A-Za-z]+|[^A-Za-z])/.exec(source.slice(i, i + 40));
      if (!m) throw new ParseError(at + 1, 'a backslash at the end of the input');
      const name = m[1];
      i += m[0].length;
      if (SPACING.has(name)) {
        space = true;
        continue;
      }
      if (SIZING.has(name)) {
        sizeNext = name === 'left' || name.endsWith('l') ? 'open' : name === 'right' || name.endsWith('r') ? 'close' : undefined;
        // \left. and \right. are invisible delimiters.
        while (source[i] === ' ') i++;
        if (source[i] === '.') {
          i++;
          sizeNext = undefined;
        }
        continue;
      }
      if (name === '{' || name === '}' || name === '|' || name === 'lvert' || name === 'rvert' || name === 'vert') {
        // \{ \} group like parentheses; \lvert … \rvert is an absolute value.
        const v = name === '{' ? '(' : name === '}' ? ')' : '|';
        const sized = name === 'lvert' ? 'open' : name === 'rvert' ? 'close' : sizeNext;
        push({ t: 'ch', v, at, space, sized });
        sizeNext = undefined;
        continue;
      }
      if (name === 'lbrack' || name === 'rbrack') {
        push({ t: 'ch', v: name === 'lbrack' ? '[' : ']', at, space });
        continue;
      }
      push({ t: 'cmd', v: name, at, space });
      sizeNext = undefined;
      continue;
    }
    if (/[0-9]/.test(c)) {
      push({ t: 'digit', v: c, at, space });
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      push({ t: 'letter', v: c, at, space });
      i++;
      continue;
    }
    if (c === 'ŷ' || (c === 'y' && source[i + 1] === '\u0302')) {
      push({ t: 'cmd', v: 'hat', at, space });
      push({ t: 'letter', v: 'y', at, space: false });
      i += c === 'ŷ' ? 1 : 2;
      continue;
    }
    if (SUB_DIGITS.includes(c) || SUP_CHARS[c] !== undefined) {
      const sub = SUB_DIGITS.includes(c);
      let v = '';
      while (i < source.length && (sub ? SUB_DIGITS.includes(source[i]) : SUP_CHARS[source[i]] !== undefined)) {
        v += sub ? String(SUB_DIGITS.indexOf(source[i])) : SUP_CHARS[source[i]];
        i++;
      }
      push({ t: sub ? 'sub' : 'sup', v, at, space });
      continue;
    }
    const greek = GREEK_LETTERS[c];
    const cmd = UNICODE_CMDS[c];
    if (greek !== undefined || cmd !== undefined) {
      push({ t: 'cmd', v: greek ?? cmd, at, space });
      i++;
      continue;
    }
    const ch = UNICODE_CHARS[c] ?? c;
    if (c === '″' || c === '‴') {
      for (let k = 0; k < (c === '″' ? 2 : 3); k++) push({ t: 'ch', v: "'", at, space });
      i++;
      continue;
    }
    if (PUNCTUATION.includes(ch)) {
      push({ t: 'ch', v: ch, at, space, sized: ch === '|' ? sizeNext : undefined });
      sizeNext = undefined;
      i++;
      continue;
    }
    // The whole character, not half of a surrogate pair (an emoji is two UTF-16 units).
    const code = source.codePointAt(i) ?? 0;
    const what = code < 32 ? `character U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${String.fromCodePoint(code)}'`;
    throw new ParseError(at + 1, `unexpected ${what}`);
  }
  out.push({ t: 'end', v: '', at: source.length, space });
  return out;
}

// ---- command tables shared by the parser ----------------------------------------------------

/** Function names as students write them → the operator table's names. */
export const ALIASES: Record<string, string> = {
  ln: 'log', ReLU: 'relu', Relu: 'relu', ReLu: 'relu', RELU: 'relu', id: 'identity', logistic: 'sigmoid', sgn: 'sign',
  arcsin: 'asin', arccos: 'acos', arctan: 'atan', arcsinh: 'asinh', arccosh: 'acosh', arctanh: 'atanh',
  arsinh: 'asinh', arcosh: 'acosh', artanh: 'atanh', Sigmoid: 'sigmoid',
};
/** Commands that name a known function: \exp, \ln, \sin, …. */
export const FUNCTION_COMMANDS = new Set([
  'exp', 'ln', 'log', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'coth', 'arcsin',
  'arccos', 'arctan', 'max', 'min', 'sgn',
]);
export const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu',
  'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta',
  'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);
export const GREEK_VARIANTS: Record<string, string> = { varepsilon: 'epsilon', vartheta: 'theta', varphi: 'phi', varsigma: 'sigma', varrho: 'rho', varpi: 'pi' };
export const FONT_COMMANDS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathit', 'mathrm', 'mathsf', 'mathnormal', 'text', 'textrm', 'textit', 'textbf', 'textsf', 'operatorname']);
export const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
export const MATRIX_ENVS = new Set(['bmatrix', 'pmatrix', 'matrix', 'Bmatrix', 'smallmatrix', 'array']);
export const MUL_COMMANDS = new Set(['cdot', 'times', 'ast']);
/** Commands that cannot start a factor (so `a \cdot b` is not `a · (\cdot b)`). */
export const NOT_FACTOR = new Set(['cdot', 'times', 'ast', 'div', '\\', 'end', 'top', 'intercal', 'prime', 'right', 'le', 'leq', 'ge', 'geq', 'neq', 'approx', 'equiv', 'to', 'rightarrow', 'mapsto', 'pm', 'mp']);
export const REFUSED: Record<string, string> = {
  partial: "∂ is not part of an answer: write the derivative itself, such as w_5 \\sigma'(z) x_1",
  nabla: '∇ is not part of an answer: write the gradient out as a vector',
  sum: 'write the sum out term by term (Σ cannot be checked)',
  prod: 'write the product out factor by factor (Π cannot be checked)',
  int: 'integrals are not supported',
  infty: '∞ is not a value',
  cdots: "write every term out; '…' cannot be checked",
  ldots: "write every term out; '…' cannot be checked",
  dots: "write every term out; '…' cannot be checked",
  vdots: "write every entry out; '⋮' cannot be checked",
  ddots: "write every entry out; '⋱' cannot be checked",
  pm: '± is not supported: write one answer',
  mp: '∓ is not supported: write one answer',
  mathbb: "write a value, not a set such as ℝ (an indicator is written \\mathbb{1}[z > 0], or [z > 0])",
  lim: 'limits are not supported',
};

// ---- lookahead over tokens (pure: they only say how many tokens a construct spans) ------------

const isCh = (t: Token, v: string): boolean => t.t === 'ch' && t.v === v;
const at = (toks: readonly Token[], i: number): Token => toks[Math.min(i, toks.length - 1)];

/** Tokens of a transpose mark at i (^{\top}, ^\top, ^T, ^{T}, ^{\mathsf{T}}, ᵀ), or 0. */
export function transposeLength(toks: readonly Token[], i: number): number {
  const t = at(toks, i);
  if (t.t === 'sup') return t.v === 'T' ? 1 : 0;
  if (!isCh(t, '^')) return 0;
  const mark = (k: number): number => {
    const a = at(toks, i + k);
    if ((a.t === 'cmd' && (a.v === 'top' || a.v === 'intercal')) || (a.t === 'letter' && a.v === 'T')) return 1;
    const font = a.t === 'cmd' && FONT_COMMANDS.has(a.v);
    if (font && isCh(at(toks, i + k + 1), '{') && at(toks, i + k + 2).v === 'T' && isCh(at(toks, i + k + 3), '}')) return 4;
    return 0;
  };
  const bare = mark(1);
  if (bare > 0) return 1 + bare;
  if (isCh(at(toks, i + 1), '{')) {
    const inner = mark(2);
    if (inner > 0 && isCh(at(toks, i + 2 + inner), '}')) return 3 + inner;
  }
  return 0;
}

/** ^{\prime}, ^\prime, ^{\prime\prime}, ^{''} at i: [tokens spanned, number of primes], or [0, 0]. */
export function primeScript(toks: readonly Token[], i: number): [number, number] {
  const a = at(toks, i + 1);
  if (!isCh(at(toks, i), '^')) return [0, 0];
  if (a.t === 'cmd' && a.v === 'prime') return [2, 1];
  if (!isCh(a, '{')) return [0, 0];
  let k = 2;
  let n = 0;
  for (let t = at(toks, i + k); (t.t === 'cmd' && t.v === 'prime') || isCh(t, "'"); t = at(toks, i + ++k)) n++;
  if (n === 0 || !isCh(at(toks, i + k), '}')) return [0, 0];
  return [k + 1, n];
}

/** ^{(1)} at i: [tokens spanned, the digits] (a layer index, or a derivative order on a function). */
export function layerScript(toks: readonly Token[], i: number): [number, string] {
  if (!isCh(at(toks, i), '^') || !isCh(at(toks, i + 1), '{') || !isCh(at(toks, i + 2), '(')) return [0, ''];
  let k = 3;
  let digits = '';
  for (let t = at(toks, i + k); t.t === 'digit'; t = at(toks, i + ++k)) digits += t.v;
  if (digits === '' || !isCh(at(toks, i + k), ')') || !isCh(at(toks, i + k + 1), '}')) return [0, ''];
  return [k + 2, digits];
}
