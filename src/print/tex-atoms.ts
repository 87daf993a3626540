/**
 * TeX's atoms and the facts for setting them, with KaTeX's metrics: classes, styles, the spaces
 * between atoms, symbols, fonts, characters' and delimiters' sizes; and how a list of atoms (or an
 * array of lists) is set as one box, and where a line of it may break.
 */
import { glyphMetrics as glyph, type Metrics } from './katex-metrics.js';

/** TeX's classes of atoms, for the spaces between them. */
export type Cls = 'ord' | 'op' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'inner';

/** A laid-out piece: its width, height and depth in em of the display font; `space` for glue (no class). */
export interface Atom {
  cls: Cls | 'space';
  w: number;
  h: number;
  d: number;
  /** A line may break after it (\allowbreak). */
  breakAfter?: boolean;
  /** A large operator (\sum) whose scripts go above and below it in display style. */
  limits?: boolean;
}

/** Display, text, script, scriptscript. */
export type Style = 0 | 1 | 2 | 3;
/**
 * Sizes of the styles. pdflatex at 11 pt sets scripts at 8 pt and second-level scripts at 6 pt in
 * fonts drawn for those sizes, wider than 10 pt glyphs scaled down (KaTeX scales to 0.7 and 0.5):
 * measured by pdflatex, a script digit is 0.39 em of the text, not 0.35.
 */
export const SCALE: readonly number[] = [1, 1, 0.78, 0.6];
export const scriptOf = (s: Style): Style => (s < 2 ? 2 : 3);
export const numeratorOf = (s: Style): Style => (s === 0 ? 1 : s === 1 ? 2 : 3);

/** TeX's spaces between atoms in mu (1/18 em): 1 thin, 2 medium, 3 thick; negative: only in display and text style. */
const SPACING: Readonly<Record<Cls, Partial<Record<Cls, number>>>> = {
  ord: { op: 1, bin: -2, rel: -3, inner: -1 },
  op: { ord: 1, op: 1, rel: -3, inner: -1 },
  bin: { ord: -2, op: -2, open: -2, inner: -2 },
  rel: { ord: -3, op: -3, open: -3, inner: -3 },
  open: {},
  close: { op: 1, bin: -2, rel: -3, inner: -1 },
  punct: { ord: -1, op: -1, rel: -1, open: -1, close: -1, punct: -1, inner: -1 },
  inner: { ord: -1, op: 1, bin: -2, rel: -3, open: -1, punct: -1, inner: -1 },
};
const MU = [0, 3, 4, 5].map((n) => n / 18);

/** The gap between a matrix's columns: 2 × \arraycolsep (5 pt), 0.91 em at 11 pt and 1 em in KaTeX. */
const COLUMN_GAP = 1;
/** An array row's strut (0.7 and 0.3 of 13.6 pt at 11 pt), in em. */
const STRUT_H = 0.87;
const STRUT_D = 0.37;
/** The math axis, where fractions' bars and matrices' middles sit. */
export const AXIS = 0.25;
/** TeX's \scriptspace after a script, and \nulldelimiterspace on each side of a fraction. */
export const SCRIPT_SPACE = 0.05;
export const NULL_DELIMITER = 0.12;

export const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', ell: 'ℓ',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Symbols by command: their character (in KaTeX_Main) and class. */
export const SYMBOLS: Readonly<Record<string, readonly [string, Cls]>> = {
  partial: ['∂', 'ord'], nabla: ['∇', 'ord'], infty: ['∞', 'ord'], top: ['⊤', 'ord'], prime: ['′', 'ord'], emptyset: ['∅', 'ord'],
  backslash: ['\\', 'ord'], vert: ['∣', 'ord'], '|': ['∥', 'ord'], Vert: ['∥', 'ord'], '{': ['{', 'open'], '}': ['}', 'close'],
  lbrace: ['{', 'open'], rbrace: ['}', 'close'], langle: ['⟨', 'open'], rangle: ['⟩', 'close'], lvert: ['∣', 'open'], rvert: ['∣', 'close'],
  lVert: ['∥', 'open'], rVert: ['∥', 'close'], lfloor: ['⌊', 'open'], rfloor: ['⌋', 'close'], lceil: ['⌈', 'open'], rceil: ['⌉', 'close'],
  cdot: ['⋅', 'bin'], times: ['×', 'bin'], circ: ['∘', 'bin'], pm: ['±', 'bin'], mp: ['∓', 'bin'], odot: ['⊙', 'bin'], otimes: ['⊗', 'bin'],
  oplus: ['⊕', 'bin'], ast: ['∗', 'bin'], div: ['÷', 'bin'], setminus: ['∖', 'bin'], cup: ['∪', 'bin'], cap: ['∩', 'bin'], wedge: ['∧', 'bin'], vee: ['∨', 'bin'],
  leq: ['≤', 'rel'], le: ['≤', 'rel'], geq: ['≥', 'rel'], ge: ['≥', 'rel'], neq: ['=', 'rel'], ne: ['=', 'rel'], approx: ['≈', 'rel'], equiv: ['≡', 'rel'],
  sim: ['∼', 'rel'], simeq: ['≃', 'rel'], to: ['→', 'rel'], rightarrow: ['→', 'rel'], leftarrow: ['←', 'rel'], gets: ['←', 'rel'],
  Rightarrow: ['⇒', 'rel'], Leftarrow: ['⇐', 'rel'], Leftrightarrow: ['⇔', 'rel'], mapsto: ['→', 'rel'], in: ['∈', 'rel'], notin: ['∈', 'rel'],
  subset: ['⊂', 'rel'], subseteq: ['⊆', 'rel'], ll: ['≪', 'rel'], gg: ['≫', 'rel'], propto: ['∝', 'rel'], mid: ['∣', 'rel'], colon: [':', 'punct'],
  implies: ['⟹', 'rel'], iff: ['⟺', 'rel'], ldots: ['…', 'inner'], dots: ['…', 'inner'], cdots: ['⋯', 'inner'], vdots: ['⋮', 'ord'], ddots: ['⋱', 'inner'],
  ldotp: ['.', 'punct'], cdotp: ['⋅', 'punct'], checkmark: ['✓', 'ord'], forall: ['∀', 'ord'], exists: ['∃', 'ord'], neg: ['¬', 'ord'],
  sum: ['∑', 'op'], prod: ['∏', 'op'], int: ['∫', 'op'], '#': ['#', 'ord'], '$': ['$', 'ord'], '%': ['%', 'ord'], '&': ['&', 'ord'], _: ['_', 'ord'],
};

/** Operators set as their names in roman (\tanh, \log), like \operatorname. */
export const NAMED_OPERATORS = new Set(['tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan', 'exp', 'log', 'ln', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'arg', 'dim', 'ker', 'deg', 'gcd', 'Pr', 'arctan', 'arcsin', 'arccos', 'sec', 'csc', 'cot', 'coth', 'argmax', 'argmin']);

/** Explicit spaces in em. */
export const SPACES: Readonly<Record<string, number>> = { ',': 3 / 18, thinspace: 3 / 18, ':': 4 / 18, '>': 4 / 18, medspace: 4 / 18, ';': 5 / 18, thickspace: 5 / 18, '!': -3 / 18, negthinspace: -3 / 18, quad: 1, qquad: 2, ' ': 0.333, enspace: 0.5 };

/** Delimiters by what follows \left, \bigl …: the character whose sizes are looked up. */
export const DELIMITERS: Readonly<Record<string, string>> = {
  '(': '(', ')': ')', '[': '[', ']': ']', '|': '∣', '/': '/', '\\{': '{', '\\}': '}', '\\lbrace': '{', '\\rbrace': '}', '\\langle': '⟨', '\\rangle': '⟩',
  '\\|': '∥', '\\vert': '∣', '\\Vert': '∥', '\\lvert': '∣', '\\rvert': '∣', '\\lVert': '∥', '\\rVert': '∥', '\\lfloor': '⌊', '\\rfloor': '⌋', '\\lceil': '⌈', '\\rceil': '⌉',
};
/** The extensible form's widest piece, for a delimiter taller than Size4's. */
const EXTENSIBLE: Readonly<Record<string, string>> = { '(': '⎛', ')': '⎞', '[': '⎡', ']': '⎤', '{': '⎧', '}': '⎫' };

/** The width of a delimiter `c` at least `size` em tall in total (0 means its ordinary size), and its height and depth. */
export function delimiter(c: string | undefined, size: number): Atom {
  if (c === undefined) return { cls: 'ord', w: NULL_DELIMITER, h: 0, d: 0 };
  const main = glyph('Main-Regular', c);
  const sizes: [number, Metrics | undefined][] = [
    [main ? main[0] + main[1] : 1, main],
    [1.2, glyph('Size1-Regular', c)],
    [1.8, glyph('Size2-Regular', c)],
    [2.4, glyph('Size3-Regular', c)],
    [3, glyph('Size4-Regular', c)],
  ];
  for (const [total, m] of sizes) {
    if (m && total >= size - 1e-9) return { cls: 'ord', w: m[4], h: Math.max(m[1], size / 2 + AXIS), d: Math.max(m[0], size / 2 - AXIS) };
  }
  const piece = glyph('Size4-Regular', EXTENSIBLE[c] ?? c) ?? glyph('Size4-Regular', c) ?? main;
  return { cls: 'ord', w: piece ? piece[4] : 0.9, h: size / 2 + AXIS, d: size / 2 - AXIS };
}

/** The size TeX gives \left…\right around contents of this height and depth (\delimiterfactor 901, \delimitershortfall 5 pt). */
export function delimiterSize(h: number, d: number): number {
  const extent = 2 * Math.max(h - AXIS, d + AXIS);
  return Math.max((extent * 901) / 1000, extent - 0.45);
}

/** A fixed size: \big, \Big, \bigg, \Bigg. */
export const BIG: Readonly<Record<string, number>> = { big: 1.2, Big: 1.8, bigg: 2.4, Bigg: 3 };

export type Font = 'math' | 'rm' | 'bf' | 'bi' | 'it' | 'bb' | 'cal';
const FONTS: Readonly<Record<Font, readonly string[]>> = {
  math: ['Math-Italic', 'Main-Regular'],
  rm: ['Main-Regular'],
  bf: ['Main-Bold'],
  bi: ['Math-BoldItalic', 'Main-Bold'],
  it: ['Main-Italic'],
  bb: ['AMS-Regular'],
  cal: ['Caligraphic-Regular'],
};

/** A character's metrics in a font, or in Main-Regular, or a guess for one neither has. */
export function charMetrics(c: string, font: Font): Metrics {
  const fonts = /[A-Za-z\u0370-\u03ff]/.test(c) ? FONTS[font] : font === 'bf' ? ['Main-Bold', 'Main-Regular'] : ['Main-Regular', 'Math-Italic', 'AMS-Regular'];
  for (const f of fonts) {
    const m = glyph(f, c);
    if (m) return m;
  }
  return [0.25, 0.75, 0, 0, 0.6];
}

export const CHAR_CLASS: Readonly<Record<string, Cls>> = {
  '+': 'bin', '-': 'bin', '*': 'bin', '=': 'rel', '<': 'rel', '>': 'rel', ':': 'rel', ',': 'punct', ';': 'punct',
  '(': 'open', '[': 'open', ')': 'close', ']': 'close', '!': 'close', '?': 'close',
};

export const STYLE_SWITCH: Readonly<Record<string, Style>> = { displaystyle: 0, textstyle: 1, scriptstyle: 2, scriptscriptstyle: 3 };

/** Text in a text font (\text{…}): its letters' widths, a space a third of an em. */
export function textBox(body: string, font: Font, sc: number): Omit<Atom, 'cls'> {
  let w = 0;
  // $…$ inside \text is math again; braces and commands are structure.
  const plain = body.replace(/\$([^$]*)\$/g, (_, m: string) => m).replace(/\\[A-Za-z]+\s*|[{}\\]/g, '');
  for (const c of plain) w += c === ' ' ? 0.333 : charMetrics(c, font === 'math' ? 'rm' : font)[4];
  return { w: w * sc, h: 0.75 * sc, d: 0.25 * sc };
}

/** Binary operators that TeX reads as ordinary (rule 5 and 6: a sign at the start, after an operator or an opening). */
function classify(atoms: Atom[]): Atom[] {
  let prev: Cls | undefined;
  const out = atoms.map((a) => ({ ...a }));
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    if (a.cls === 'space') continue;
    if (a.cls === 'bin' && (prev === undefined || ['bin', 'op', 'rel', 'open', 'punct'].includes(prev))) a.cls = 'ord';
    if (['rel', 'close', 'punct'].includes(a.cls) && prev === 'bin') {
      for (let j = k - 1; j >= 0; j--) {
        if (out[j].cls === 'space') continue;
        out[j].cls = 'ord';
        break;
      }
    }
    prev = a.cls as Cls;
  }
  // A binary operator at the end is ordinary too.
  for (let j = out.length - 1; j >= 0; j--) {
    if (out[j].cls === 'space') continue;
    if (out[j].cls === 'bin') out[j].cls = 'ord';
    break;
  }
  return out;
}

/** The space TeX puts between two atoms in a style, in em. */
function between(left: Cls, right: Cls, style: Style): number {
  const n = SPACING[left][right] ?? 0;
  if (n < 0 && style >= 2) return 0;
  return MU[Math.abs(n)] * SCALE[style];
}

/**
 * The atoms of a list with the spaces between them, and where a line may break: after a binary
 * operator or a relation (not before another relation or punctuation), or at \allowbreak.
 */
export function layout(atoms: Atom[], style: Style): { atoms: Atom[]; gaps: number[]; breaks: boolean[] } {
  const out = classify(atoms);
  const gaps: number[] = out.map(() => 0);
  const breaks: boolean[] = out.map((a) => a.breakAfter === true);
  let prev = -1;
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    if (a.cls === 'space') continue;
    if (prev >= 0) {
      gaps[k] = between(out[prev].cls as Cls, a.cls, style);
      const p = out[prev].cls;
      if (p === 'bin' || (p === 'rel' && a.cls !== 'rel' && a.cls !== 'punct')) breaks[k - 1] = true;
    }
    prev = k;
  }
  return { atoms: out, gaps, breaks };
}

/** A list set as one box. */
export function listBox(atoms: Atom[], style: Style): Atom {
  const { atoms: out, gaps } = layout(atoms, style);
  return {
    cls: 'ord',
    w: out.reduce((n, a, k) => n + a.w + gaps[k], 0),
    h: Math.max(0, ...out.map((a) => a.h)),
    d: Math.max(0, ...out.map((a) => a.d)),
  };
}

/**
 * An environment's box from its cells' boxes (`extras`: the space asked for after each row, \\[…em]):
 * a matrix with its column gaps and fences, cases, aligned, gathered or array.
 */
export function arrayBox(name: string, rows: Atom[][], extras: number[], style: Style, cellStyle: Style): Atom {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, j) => Math.max(0, ...rows.map((r) => r[j]?.w ?? 0)));
  const csc = SCALE[cellStyle];
  const rowHeights = rows.map((r, i) => Math.max(STRUT_H * csc, ...r.map((c) => c.h)) + Math.max(STRUT_D * csc, ...r.map((c) => c.d)) + (extras[i] ?? 0));
  const total = rowHeights.reduce((a, b) => a + b, 0);
  const box = { h: total / 2 + AXIS, d: total / 2 - AXIS };
  const sc = SCALE[style];
  let w: number;
  let open: string | undefined;
  let close: string | undefined;
  if (name === 'cases') {
    w = widths.reduce((a, b) => a + b, 0) + (cols - 1) * 1 * sc;
    open = '{';
  } else if (name === 'aligned' || name === 'split') {
    // Pairs of columns, right- and left-aligned, with 2 em between pairs (amsmath's \alignsep).
    w = widths.reduce((a, b) => a + b, 0) + Math.max(0, Math.ceil(cols / 2) - 1) * 2;
  } else if (name === 'gathered') {
    w = Math.max(...widths);
  } else {
    w = widths.reduce((a, b) => a + b, 0) + (cols - 1) * COLUMN_GAP * sc + (name === 'array' ? COLUMN_GAP * sc : 0);
    const fences: Readonly<Record<string, [string, string]>> = { bmatrix: ['[', ']'], pmatrix: ['(', ')'], vmatrix: ['∣', '∣'], Vmatrix: ['∥', '∥'], Bmatrix: ['{', '}'] };
    [open, close] = fences[name] ?? [undefined, undefined];
  }
  if (open === undefined && close === undefined) return { cls: 'ord', w, ...box };
  const size = delimiterSize(box.h, box.d);
  const l = open === undefined ? { w: 0 } : delimiter(open, size);
  // \left\{ … \right. : the null delimiter takes its space.
  const r = delimiter(close, size);
  return { cls: 'inner', w: w + (l.w + r.w) * sc, ...box };
}
