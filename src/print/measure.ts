/**
 * How wide a formula is when set, in em of its font: the LaTeX that gradsheet writes (print/latex.ts
 * and the exercises' steps) laid out as TeX lays out inline math in \displaystyle (the key's lines in
 * both renderers), with the widths of KaTeX's fonts (Computer Modern's, so pdflatex's too, read from
 * KaTeX's own metrics table), TeX's spaces between atoms (TeXbook ch. 18: thin, medium and thick
 * spaces around operators and relations), scripts at the script size, fractions, \left…\right
 * delimiters sized to their contents, and matrices with their column gaps.
 *
 * And where a line may break: TeX and KaTeX break inline math only after a binary operator or a
 * relation at its top level (or at \allowbreak), never inside braces, \left…\right or a matrix.
 * What a line must hold is the widest piece between two such breaks: a bracketed matrix is one
 * piece, "W h + b =" another.
 *
 * Counting glyphs, every glyph weighs the same: a 4-term sum of subscripted variables counts 16,
 * like 16 letters, but its three operators with their spaces are 1.2 em each, and a row of such
 * entries that counted 56 glyphs ran 120 pt into the margin of the LaTeX key.
 */
import { glyphMetrics as glyph, type Metrics } from './katex-metrics.js';

/** TeX's classes of atoms, for the spaces between them. */
type Cls = 'ord' | 'op' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'inner';

/** A laid-out piece: its width, height and depth in em of the display font; `space` for glue (no class). */
interface Atom {
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
type Style = 0 | 1 | 2 | 3;
/**
 * Sizes of the styles. pdflatex at 11 pt sets scripts at 8 pt and second-level scripts at 6 pt in
 * fonts drawn for those sizes, wider than 10 pt glyphs scaled down (KaTeX scales to 0.7 and 0.5):
 * measured by pdflatex, a script digit is 0.39 em of the text, not 0.35.
 */
const SCALE: readonly number[] = [1, 1, 0.78, 0.6];
const scriptOf = (s: Style): Style => (s < 2 ? 2 : 3);
const numeratorOf = (s: Style): Style => (s === 0 ? 1 : s === 1 ? 2 : 3);

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
const AXIS = 0.25;
/** TeX's \scriptspace after a script, and \nulldelimiterspace on each side of a fraction. */
const SCRIPT_SPACE = 0.05;
const NULL_DELIMITER = 0.12;

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', ell: 'ℓ',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Symbols by command: their character (in KaTeX_Main) and class. */
const SYMBOLS: Readonly<Record<string, readonly [string, Cls]>> = {
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
const NAMED_OPERATORS = new Set(['tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan', 'exp', 'log', 'ln', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'arg', 'dim', 'ker', 'deg', 'gcd', 'Pr', 'arctan', 'arcsin', 'arccos', 'sec', 'csc', 'cot', 'coth', 'argmax', 'argmin']);

/** Explicit spaces in em. */
const SPACES: Readonly<Record<string, number>> = { ',': 3 / 18, thinspace: 3 / 18, ':': 4 / 18, '>': 4 / 18, medspace: 4 / 18, ';': 5 / 18, thickspace: 5 / 18, '!': -3 / 18, negthinspace: -3 / 18, quad: 1, qquad: 2, ' ': 0.333, enspace: 0.5 };

/** Delimiters by what follows \left, \bigl …: the character whose sizes are looked up. */
const DELIMITERS: Readonly<Record<string, string>> = {
  '(': '(', ')': ')', '[': '[', ']': ']', '|': '∣', '/': '/', '\\{': '{', '\\}': '}', '\\lbrace': '{', '\\rbrace': '}', '\\langle': '⟨', '\\rangle': '⟩',
  '\\|': '∥', '\\vert': '∣', '\\Vert': '∥', '\\lvert': '∣', '\\rvert': '∣', '\\lVert': '∥', '\\rVert': '∥', '\\lfloor': '⌊', '\\rfloor': '⌋', '\\lceil': '⌈', '\\rceil': '⌉',
};
/** The extensible form's widest piece, for a delimiter taller than Size4's. */
const EXTENSIBLE: Readonly<Record<string, string>> = { '(': '⎛', ')': '⎞', '[': '⎡', ']': '⎤', '{': '⎧', '}': '⎫' };

/** The width of a delimiter `c` at least `size` em tall in total (0 means its ordinary size), and its height and depth. */
function delimiter(c: string | undefined, size: number): Atom {
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
function delimiterSize(h: number, d: number): number {
  const extent = 2 * Math.max(h - AXIS, d + AXIS);
  return Math.max((extent * 901) / 1000, extent - 0.45);
}

/** A fixed size: \big, \Big, \bigg, \Bigg. */
const BIG: Readonly<Record<string, number>> = { big: 1.2, Big: 1.8, bigg: 2.4, Bigg: 3 };

type Font = 'math' | 'rm' | 'bf' | 'bi' | 'it' | 'bb' | 'cal';
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
function charMetrics(c: string, font: Font): Metrics {
  const fonts = /[A-Za-z\u0370-\u03ff]/.test(c) ? FONTS[font] : font === 'bf' ? ['Main-Bold', 'Main-Regular'] : ['Main-Regular', 'Math-Italic', 'AMS-Regular'];
  for (const f of fonts) {
    const m = glyph(f, c);
    if (m) return m;
  }
  return [0.25, 0.75, 0, 0, 0.6];
}

const CHAR_CLASS: Readonly<Record<string, Cls>> = {
  '+': 'bin', '-': 'bin', '*': 'bin', '=': 'rel', '<': 'rel', '>': 'rel', ':': 'rel', ',': 'punct', ';': 'punct',
  '(': 'open', '[': 'open', ')': 'close', ']': 'close', '!': 'close', '?': 'close',
};

/** A token after any spaces: a command (with its backslash; \operatorname*), an escaped character, or a character. */
const TOKEN = /\s*(\\[A-Za-z]+\*?|\\.|[^\s])/y;
const OPTIONAL_LENGTH = /\s*\[([^\]]*)\]/y;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  /** The next token and where it ends, without taking it (sticky regexes: a long formula is never copied). */
  private scan(): { token: string; end: number } | undefined {
    TOKEN.lastIndex = this.i;
    const m = TOKEN.exec(this.s);
    return m ? { token: m[1], end: TOKEN.lastIndex } : undefined;
  }

  /** The next token, or undefined at the end. */
  private peek(): string | undefined {
    return this.scan()?.token;
  }

  private next(): string | undefined {
    const t = this.scan();
    this.i = t ? t.end : this.s.length;
    return t?.token;
  }

  /** A braced argument's raw text, or the next token. */
  private rawArg(): string {
    const t = this.next();
    if (t !== '{') return t ?? '';
    const start = this.i;
    let depth = 1;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else {
        if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
        this.i++;
      }
    }
    const body = this.s.slice(start, this.i);
    this.i++;
    return body;
  }

  /** An argument laid out as a list (a group or one token). */
  private arg(style: Style, font: Font): Atom {
    return listBox(new Parser(this.rawArg()).list(style, font).atoms, style);
  }

  /** An optional [..] after \\ in an array: skipped, its length read when in em. */
  private optionalLength(): number {
    OPTIONAL_LENGTH.lastIndex = this.i;
    const m = OPTIONAL_LENGTH.exec(this.s);
    if (!m) return 0;
    this.i = OPTIONAL_LENGTH.lastIndex;
    const em = /^\s*(-?[\d.]+)\s*em\s*$/.exec(m[1]);
    return em ? Number(em[1]) : 0;
  }

  /**
   * Atoms up to the end, a closing brace, & or \\ (in an array), \right or \end. Returns the atoms
   * and what stopped the list.
   */
  list(style: Style, font: Font = 'math'): { atoms: Atom[]; stop?: string } {
    const atoms: Atom[] = [];
    const sc = (): number => SCALE[style];
    const push = (a: Atom): void => {
      atoms.push(a);
    };
    const char = (c: string, cls: Cls): void => {
      const m = charMetrics(c, font);
      push({ cls, w: (m[4] + (font === 'math' && /[A-Za-z\u0370-\u03ff]/.test(c) ? m[2] : 0)) * sc(), h: m[1] * sc(), d: m[0] * sc() });
    };
    for (;;) {
      const t = this.peek();
      if (t === undefined || t === '}' || t === '&' || t === '\\\\' || t === '\\right' || t === '\\end') {
        if (t === '}') this.next();
        return { atoms, stop: t };
      }
      this.next();
      if (t === '{') {
        const inner = this.listUntilBrace(style, font);
        push({ ...listBox(inner, style), cls: 'ord' });
      } else if (t === '^' || t === '_' || t === "'") {
        this.script(atoms, t, style, font);
      } else if (/^[A-Za-z]$/.test(t)) {
        char(t, 'ord');
      } else if (t.length === 1 && t !== '\\') {
        if (t === '~') push({ cls: 'space', w: 0.333 * sc(), h: 0, d: 0 });
        else char(t === '-' ? '−' : t === '*' ? '∗' : t, CHAR_CLASS[t] ?? 'ord');
      } else {
        this.command(t.slice(1), atoms, style, font);
      }
      // \displaystyle and friends change the style of the rest of the list.
      const switched = STYLE_SWITCH[t.slice(1)];
      if (switched !== undefined) style = switched;
    }
  }

  private listUntilBrace(style: Style, font: Font): Atom[] {
    const { atoms, stop } = this.list(style, font);
    // A stray & or \\ inside braces (none in our LaTeX): skip it and go on.
    if (stop !== undefined && stop !== '}') {
      this.next();
      return [...atoms, ...this.listUntilBrace(style, font)];
    }
    return atoms;
  }

  private script(atoms: Atom[], t: string, style: Style, font: Font): void {
    let sup: Atom | undefined;
    let sub: Atom | undefined;
    const ss = scriptOf(style);
    const read = (kind: string): void => {
      if (kind === "'") {
        const m = charMetrics('′', 'rm');
        const prime: Atom = { cls: 'ord', w: m[4] * SCALE[ss], h: m[1] * SCALE[ss], d: 0 };
        sup = sup ? { ...sup, w: sup.w + prime.w } : prime;
      } else if (kind === '^') sup = this.arg(ss, font);
      else sub = this.arg(ss, font);
    };
    read(t);
    // Scripts that follow at once belong to the same nucleus: x_{1}^{2}, σ''.
    for (let more = this.peek(); more === '^' || more === '_' || more === "'"; more = this.peek()) {
      this.next();
      read(more);
    }
    const base = atoms.pop() ?? { cls: 'ord' as const, w: 0, h: 0, d: 0 };
    const sc = SCALE[style];
    const w = Math.max(sup?.w ?? 0, sub?.w ?? 0);
    atoms.push({
      cls: base.cls === 'space' ? 'ord' : base.cls,
      w: base.limits ? Math.max(base.w, w) : base.w + w + SCRIPT_SPACE * sc,
      h: Math.max(base.h, sup ? 0.41 * sc + sup.h : 0),
      d: Math.max(base.d, sub ? 0.25 * sc + sub.d : 0),
    });
  }

  private command(name: string, atoms: Atom[], style: Style, font: Font): void {
    const sc = SCALE[style];
    const push = (a: Atom): void => {
      atoms.push(a);
    };
    const sym = (c: string, cls: Cls, f: Font = 'rm'): void => {
      const m = charMetrics(c, f);
      push({ cls, w: (m[4] + (f === 'math' ? m[2] : 0)) * sc, h: m[1] * sc, d: m[0] * sc });
    };
    if (name in SPACES) return push({ cls: 'space', w: SPACES[name] * sc, h: 0, d: 0 });
    if (name === 'allowbreak') {
      const last = atoms.at(-1);
      if (last) last.breakAfter = true;
      return;
    }
    if (name in STYLE_SWITCH || ['nobreak', 'limits', 'nolimits', 'nonumber', 'relax', 'middle'].includes(name)) return;
    if (name in GREEK) {
      const c = GREEK[name];
      return sym(c, 'ord', c === c.toLowerCase() && font !== 'rm' && font !== 'bf' ? (font === 'bi' ? 'bi' : 'math') : font === 'bf' ? 'bf' : 'rm');
    }
    if (name in SYMBOLS) {
      const [c, cls] = SYMBOLS[name];
      if (cls === 'op' && (c === '∑' || c === '∏' || c === '∫')) {
        const m = glyph(style === 0 ? 'Size2-Regular' : 'Size1-Regular', c) ?? charMetrics(c, 'rm');
        return push({ cls: 'op', w: m[4] * sc, h: m[1] * sc, d: m[0] * sc, limits: style === 0 && c !== '∫' });
      }
      if (cls === 'inner' && c !== '⋱') return push({ cls: 'inner', w: 3 * 0.278 * sc + 2 * (1 / 6) * sc, h: 0.44 * sc, d: 0 });
      return sym(c, cls);
    }
    if (NAMED_OPERATORS.has(name)) return push({ ...textBox(name, 'rm', sc), h: 0.7 * sc, d: 0.2 * sc, cls: 'op' });
    switch (name) {
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'binom': {
        const inner: Style = name === 'dfrac' ? 1 : name === 'tfrac' ? 2 : numeratorOf(style);
        const fracStyle: Style = name === 'dfrac' ? 0 : name === 'tfrac' ? 1 : style;
        const num = this.arg(inner, font);
        const den = this.arg(inner, font);
        const fsc = SCALE[fracStyle];
        const display = fracStyle === 0;
        // amsmath's \\frac braces its \\over: an ordinary atom, as in KaTeX.
        return push({
          cls: 'ord',
          w: Math.max(num.w, den.w) + 2 * NULL_DELIMITER * fsc,
          h: Math.max((display ? 0.677 : 0.394) * fsc + num.h, AXIS * fsc + 0.1 * fsc + num.h + num.d),
          d: Math.max((display ? 0.686 : 0.345) * fsc + den.d, -AXIS * fsc + 0.1 * fsc + den.h + den.d),
        });
      }
      case 'sqrt': {
        const body = this.arg(style, font);
        return push({ cls: 'ord', w: body.w + 0.833 * sc + 0.05, h: body.h + 0.15 * sc, d: body.d });
      }
      case 'left': {
        const open = this.delimiterArg();
        const { atoms: inner } = this.list(style, font);
        this.next(); // \right
        const close = this.delimiterArg();
        const box = listBox(inner, style);
        const size = delimiterSize(box.h, box.d);
        const l = delimiter(open, size);
        const r = delimiter(close, size);
        return push({ cls: 'inner', w: (l.w + r.w) * sc + box.w, h: Math.max(box.h, l.h * sc), d: Math.max(box.d, l.d * sc) });
      }
      case 'right':
        return;
      case 'text':
      case 'textrm':
      case 'textnormal':
      case 'mbox':
      case 'textup':
      case 'textit':
      case 'textbf':
      case 'emph': {
        const body = this.rawArg();
        const f: Font = name === 'textbf' ? 'bf' : name === 'textit' || name === 'emph' ? 'it' : 'rm';
        return push({ ...textBox(body, f, sc), cls: 'ord' });
      }
      case 'mathrm':
      case 'mathbf':
      case 'boldsymbol':
      case 'mathit':
      case 'mathbb':
      case 'mathcal':
      case 'operatorname':
      case 'operatorname*': {
        const fonts: Readonly<Record<string, Font>> = { mathbf: 'bf', boldsymbol: 'bi', mathit: 'it', mathbb: 'bb', mathcal: 'cal' };
        const body = this.arg(style, fonts[name] ?? 'rm');
        return push({ ...body, cls: name.startsWith('operatorname') ? 'op' : 'ord' });
      }
      case 'hat':
      case 'widehat':
      case 'tilde':
      case 'widetilde':
      case 'bar':
      case 'overline':
      case 'underline':
      case 'vec':
      case 'dot':
      case 'ddot':
      case 'check':
      case 'breve':
      case 'acute':
      case 'grave': {
        const body = this.arg(style, font);
        return push({ ...body, cls: 'ord', h: body.h + 0.25 * sc });
      }
      case 'phantom':
      case 'hphantom':
        return push({ ...this.arg(style, font), cls: 'ord' });
      case 'begin':
        return push(this.environment(this.rawArg(), style, font));
      case 'hspace':
      case 'hspace*': {
        const em = /^\s*(-?[\d.]+)\s*(em|pt|mm)/.exec(this.rawArg());
        const w = em ? Number(em[1]) * (em[2] === 'em' ? 1 : em[2] === 'pt' ? 1 / 11 : 2.845 / 11) : 0;
        return push({ cls: 'space', w, h: 0, d: 0 });
      }
    }
    const big = /^(big|Big|bigg|Bigg)([lrm]?)$/.exec(name);
    if (big) {
      const c = this.delimiterArg();
      const a = delimiter(c, BIG[big[1]]);
      return push({ cls: big[2] === 'l' ? 'open' : big[2] === 'r' ? 'close' : big[2] === 'm' ? 'rel' : 'ord', w: a.w * sc, h: a.h * sc, d: a.d * sc });
    }
    // A command we do not know (none of gradsheet's LaTeX): an ordinary symbol of average width.
    push({ cls: 'ord', w: 0.75 * sc, h: 0.7 * sc, d: 0.2 * sc });
  }

  /** The delimiter after \left, \right, \bigl …: its character, or undefined for the null delimiter ".". */
  private delimiterArg(): string | undefined {
    const t = this.next() ?? '.';
    if (t === '.') return undefined;
    return DELIMITERS[t] ?? t;
  }

  /** An environment up to its \end{…}: a matrix, cases, aligned, gathered or array. */
  private environment(name: string, style: Style, font: Font): Atom {
    if (name === 'array') this.rawArg();
    const cellStyle: Style = name === 'aligned' || name === 'gathered' || name === 'split' ? 0 : style === 0 ? 1 : style;
    const rows: Atom[][] = [];
    const extras: number[] = [];
    let row: Atom[] = [];
    for (;;) {
      const { atoms, stop } = this.list(cellStyle, font);
      row.push(listBox(atoms, cellStyle));
      if (stop === '&') {
        this.next();
        continue;
      }
      rows.push(row);
      row = [];
      if (stop === '\\\\') {
        this.next();
        extras.push(this.optionalLength());
        continue;
      }
      // \end{name}, or the end of the text.
      this.next();
      if (stop === '\\end') this.rawArg();
      break;
    }
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
}

const STYLE_SWITCH: Readonly<Record<string, Style>> = { displaystyle: 0, textstyle: 1, scriptstyle: 2, scriptscriptstyle: 3 };

/** Text in a text font (\text{…}): its letters' widths, a space a third of an em. */
function textBox(body: string, font: Font, sc: number): Omit<Atom, 'cls'> {
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
function layout(atoms: Atom[], style: Style): { atoms: Atom[]; gaps: number[]; breaks: boolean[] } {
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
function listBox(atoms: Atom[], style: Style): Atom {
  const { atoms: out, gaps } = layout(atoms, style);
  return {
    cls: 'ord',
    w: out.reduce((n, a, k) => n + a.w + gaps[k], 0),
    h: Math.max(0, ...out.map((a) => a.h)),
    d: Math.max(0, ...out.map((a) => a.d)),
  };
}

/** The width in em of `latex` set as inline math in \displaystyle, on one line. */
export function formulaWidth(latex: string): number {
  return listBox(new Parser(latex).list(0).atoms, 0).w;
}

/**
 * The widths in em of the pieces of `latex` (set as inline math in \displaystyle) between the
 * places a line may break: each must fit on a line of its own. The space after a break is left
 * out (TeX drops it at the start of a line).
 */
export function pieceWidths(latex: string): number[] {
  const { atoms } = new Parser(latex).list(0);
  const { atoms: out, gaps, breaks } = layout(atoms, 0);
  const pieces: number[] = [];
  let w = 0;
  for (let k = 0; k < out.length; k++) {
    w += out[k].w + gaps[k];
    if (breaks[k] && k < out.length - 1) {
      pieces.push(w);
      w = 0;
      // The space after the break goes with it.
      if (k + 1 < out.length) w -= gaps[k + 1];
    }
  }
  pieces.push(w);
  return pieces;
}
