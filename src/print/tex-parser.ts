/**
 * The LaTeX that gradsheet writes read as TeX reads it, into atoms with their sizes (./tex-atoms.ts):
 * groups, scripts, fractions, \left…\right, text, accents and environments.
 */
import { glyphMetrics as glyph } from './katex-metrics.js';
import {
  arrayBox, AXIS, BIG, CHAR_CLASS, charMetrics, delimiter, DELIMITERS, delimiterSize, GREEK, listBox, NAMED_OPERATORS, NULL_DELIMITER,
  numeratorOf, SCALE, SCRIPT_SPACE, scriptOf, SPACES, STYLE_SWITCH, SYMBOLS, textBox, type Atom, type Cls, type Font, type Style,
} from './tex-atoms.js';

/** A token after any spaces: a command (with its backslash; \operatorname*), an escaped character, or a character. */
const TOKEN = /\s*(\\[A-Za-z]+\*?|\\.|[^\s])/y;
const OPTIONAL_LENGTH = /\s*\[([^\]]*)\]/y;

/** Reads `s` into atoms: list() from where it stands to the end of the text or what closes the list. */
export class Parser {
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
    return arrayBox(name, rows, extras, style, cellStyle);
  }
}
