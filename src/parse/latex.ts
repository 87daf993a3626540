/**
 * LaTeX → Expr: the subset students type for a derivative, read into the same trees as the text
 * syntax (./parse.ts). A hand-written recursive-descent parser over ./latex-lexer.ts tokens; it
 * only ever builds our own Expr nodes, and errors carry the column in the user's LaTeX.
 *
 * Grammar (precedence low → high):
 *   sum      := product (('+' | '-') product)*
 *   product  := unary (('*' | \cdot | \times | '/' | \div) unary | factor)*   juxtaposition multiplies
 *   unary    := ('-' | '+')* power
 *   power    := primary ('^' exponent | '^{\top}' | '^T')*                     one-token exponents: x^23 is x²·3
 *   primary  := number | name | call | '(' sum ')' | '[' sum ((',' | ';') sum)* ']' | '{' sum '}' | '|' sum '|'
 *             | \frac{a}{b} | \sqrt[n]{a} | \begin{bmatrix} a & b \\ c & d \end{bmatrix}
 *             | cases and conditions: \begin{cases} …, (z > 0), [z > 0], \mathbb{1}[z > 0] (./latex-cases.ts)
 *   all      := sum | sum \text{if} condition ((',' | ';' | \text{else}) …)*        cases inline (./latex-cases.ts),
 *               also inside parentheses
 *   name     := letters/digits | \hat{y} | \mathbf{x} | \alpha…, then _{1} / _1 / _{2,1}, ^{(1)}, primes
 * Names follow the text syntax: a run of letters and digits is one name (`w1x1`, `uw`; the answer
 * checker may split it against the exercise's variables), w_{1} and w_1 are w1, W^{(1)}_{2,1} is
 * W1_2_1, \hat{y}_2 is yhat2. A function name followed by `(` is a call, \sigma'(z) and
 * \sigma^{\prime}(z) are σ′, \ln x and \sin 2x apply to the factors that follow. A transpose
 * (^{\top}, ^\intercal, ^T, ^{\mathsf{T}}) is call('transpose', [x]), as in the text syntax.
 */
import type { Expr } from '../expr/types.js';
import { add, call, constant, inv, matrix, mul, neg, num, pow, sym, vector } from '../expr/build.js';
import { ParseError } from '../errors.js';
import { ratFromDecimal } from '../rational.js';
import { DEFAULT_LIMITS, type Limits } from './preprocess.js';
import {
  describeToken,
  FONT_COMMANDS,
  FRACTIONS,
  FUNCTION_COMMANDS,
  GREEK,
  GREEK_VARIANTS,
  MUL_COMMANDS,
  NOT_FACTOR,
  REFUSED,
  tokenize,
  transposeLength,
  type Token,
} from './latex-lexer.js';
import { braceName, readNamed, type LatexReader } from './latex-names.js';
import { readMatrixEnv } from './latex-matrix.js';
import { atCaseWord, comparedWith, readCasesInBraces, readIndicator, readInlineCases } from './latex-cases.js';
import { parse as parseText } from './parse.js';

export interface LatexParseOptions {
  /** Extra names to read as abstract functions when followed by `(` (σ, φ, ψ, f and g always are). */
  readonly functions?: readonly string[];
  /** Names of two or more letters to read as a variable times a parenthesis, as in the text syntax (ParseOptions). */
  readonly isVariable?: (name: string) => boolean;
  readonly limits?: Partial<Limits>;
  /** Filled with the 1-based column where each name (symbol or function) first appears. */
  readonly positions?: Map<string, number>;
}

/**
 * LaTeX rather than the text syntax: a backslash, `_{` or `^{` never occurs in the text syntax, and
 * neither does a brace at all (mathjs would read `{…}` as an object), so `{x}` is LaTeX grouping.
 */
export function looksLikeLatex(source: string): boolean {
  return /[\\{}]/.test(source);
}

/** Either syntax, detected by `looksLikeLatex`. */
export function parseMath(source: string, options: LatexParseOptions = {}): { expr: Expr; syntax: 'latex' | 'text' } {
  if (looksLikeLatex(source)) return { expr: parseLatex(source, options), syntax: 'latex' };
  return { expr: parseText(source, options), syntax: 'text' };
}

export function parseLatex(source: string, options: LatexParseOptions = {}): Expr {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (source.length > limits.maxLength) {
    const n = (x: number): string => x.toLocaleString('en-US');
    throw new ParseError(limits.maxLength + 1, `input is ${n(source.length)} characters long; the limit is ${n(limits.maxLength)}`);
  }
  if (source.trim() === '') throw new ParseError(1, 'empty expression; expected a formula such as w_5 \\sigma(z)');
  return new LatexParser(tokenize(source), options.functions ?? [], options.isVariable, limits.maxDepth, options.positions ?? new Map()).parseAll();
}

class LatexParser implements LatexReader {
  i = 0;
  private depth = 0;
  private absDepth = 0;

  constructor(
    readonly toks: readonly Token[],
    readonly functions: readonly string[],
    readonly isVariable: ((name: string) => boolean) | undefined,
    private readonly maxDepth: number,
    private readonly positions: Map<string, number>,
  ) {}

  note(name: string, at: Token): void {
    if (!this.positions.has(name)) this.positions.set(name, at.at + 1);
  }

  peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  fail(t: Token, reason: string): never {
    throw new ParseError(t.at + 1, reason);
  }

  isCh(t: Token, v: string): boolean {
    return t.t === 'ch' && t.v === v;
  }

  expectCh(v: string, open: Token): void {
    const t = this.peek();
    if (this.isCh(t, v)) {
      this.next();
      return;
    }
    const what = t.t === 'end' ? 'the input ended' : `found ${describeToken(t)}`;
    this.fail(t, `expected '${v}' to close ${describeToken(open)} at column ${open.at + 1}; ${what}`);
  }

  parseAll(): Expr {
    if (atCaseWord(this)) this.fail(this.peek(), 'expected a value before the word of cases, as in w_5 x_1 \\text{ if } z > 0 \\text{ else } 0');
    const value = this.sum();
    // w_5 x_1 \text{ if } z > 0 \text{ else } 0: cases written inline (./latex-cases.ts).
    const e = atCaseWord(this) ? readInlineCases(this, value) : value;
    const t = this.peek();
    if (t.t !== 'end') this.fail(t, this.unexpected(t));
    return e;
  }

  private unexpected(t: Token): string {
    if (t.t === 'end') return 'unexpected end of input; expected a value';
    if (this.isCh(t, '=')) return "unexpected '='; write only the expression (an answer, not an equation)";
    if (this.isCh(t, '&')) return "'&' separates the entries of a matrix: use it inside \\begin{bmatrix} … \\end{bmatrix}";
    if (this.isCh(t, ')') || this.isCh(t, ']') || this.isCh(t, '}')) return `unexpected ${describeToken(t)}: nothing is open here`;
    if (this.isCh(t, "'")) return "a prime marks a derivative of a function, as in \\sigma'(z); for a transpose write ^{\\top}";
    if (t.t === 'cmd' && t.v === '\\') return "a row break '\\\\' outside a matrix";
    if (t.t === 'cmd' && t.v === 'end') return '\\end without a matching \\begin';
    if (t.t === 'cmd' && REFUSED[t.v]) return REFUSED[t.v];
    if (t.t === 'cmd' && NOT_FACTOR.has(t.v)) return `expected a value, not ${describeToken(t)}`;
    return `unexpected ${describeToken(t)}`;
  }

  // ---- sums and products ------------------------------------------------------------------

  sum(): Expr {
    const terms = [this.product()];
    for (;;) {
      const t = this.peek();
      if (this.isCh(t, '+')) {
        this.next();
        terms.push(this.product());
      } else if (this.isCh(t, '-')) {
        this.next();
        terms.push(neg(this.product()));
      } else return add(...terms);
    }
  }

  private product(): Expr {
    const factors = [this.unary()];
    for (;;) {
      const t = this.peek();
      if ((t.t === 'cmd' && MUL_COMMANDS.has(t.v)) || this.isCh(t, '*')) {
        this.next();
        factors.push(this.unary());
      } else if ((t.t === 'cmd' && t.v === 'div') || this.isCh(t, '/')) {
        this.next();
        factors.push(inv(this.unary()));
      } else if (this.startsFactor(t)) {
        factors.push(this.power());
      } else return mul(...factors);
    }
  }

  private unary(): Expr {
    let negative = false;
    for (let t = this.peek(); this.isCh(t, '-') || this.isCh(t, '+'); t = this.peek()) {
      if (t.v === '-') negative = !negative;
      this.next();
    }
    const e = this.power();
    return negative ? neg(e) : e;
  }

  /** Whether a token can begin a factor of an implicit product. */
  startsFactor(t: Token): boolean {
    switch (t.t) {
      case 'digit':
      case 'letter':
        return true;
      case 'cmd':
        return !NOT_FACTOR.has(t.v) && !(t === this.peek() && atCaseWord(this));
      case 'ch':
        if (t.v === '(' || t.v === '[' || t.v === '{') return true;
        if (t.v === '|') return this.absDepth === 0 || t.sized === 'open';
        return t.v === '.' && this.decimalPoint();
      default:
        return false;
    }
  }

  // ---- powers and transposes --------------------------------------------------------------

  power(): Expr {
    let base = this.primary();
    let powered = false;
    for (;;) {
      const t = this.peek();
      const tr = transposeLength(this.toks, this.i);
      if (tr > 0 && !(base.kind === 'num' || base.kind === 'const')) {
        this.i += tr;
        base = call('transpose', [base]);
        continue;
      }
      if (this.isCh(t, '^') || t.t === 'sup') {
        if (powered) this.fail(t, 'double superscript: group the exponent, as in x^{ab}');
        base = pow(base, this.exponent());
        powered = true;
        continue;
      }
      if (this.isCh(t, "'")) this.fail(t, this.unexpected(t));
      if (this.isCh(t, '_') || t.t === 'sub') this.fail(t, 'a subscript belongs to a name, as in w_{1}');
      return base;
    }
  }

  /** The exponent after '^' (or a Unicode superscript): a group or one token, as in LaTeX. */
  exponent(): Expr {
    const t = this.next();
    if (t.t === 'sup') {
      if (!/^-?\d+$/.test(t.v)) this.fail(t, `unexpected superscript '${t.v}'`);
      return num(ratFromDecimal(t.v));
    }
    const e = this.peek();
    if (this.isCh(e, '{')) return this.primary();
    if (this.isCh(e, '-')) {
      this.next();
      return neg(this.scriptAtom(e));
    }
    return this.scriptAtom(t);
  }

  /** One token as a script or \frac argument: a digit, a letter, or one command such as \pi. */
  private scriptAtom(owner: Token): Expr {
    const t = this.peek();
    if (t.t === 'digit') {
      this.next();
      return num(ratFromDecimal(t.v));
    }
    if (t.t === 'letter') {
      this.next();
      return this.symbol(t.v, t);
    }
    if (t.t === 'cmd' && !NOT_FACTOR.has(t.v)) return this.primary();
    if (this.isCh(t, '{') || this.isCh(t, '(')) return this.primary();
    return this.fail(t, `expected an argument after ${describeToken(owner)}, not ${describeToken(t)}`);
  }

  // ---- atoms ------------------------------------------------------------------------------

  private primary(): Expr {
    const t = this.peek();
    return this.nested(t, () => this.atom(t));
  }

  nested<T>(t: Token, f: () => T): T {
    if (++this.depth > this.maxDepth) this.fail(t, `nested deeper than ${this.maxDepth} levels`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private atom(t: Token): Expr {
    switch (t.t) {
      case 'digit':
        return this.number();
      case 'letter':
        return this.word();
      case 'cmd':
        return this.command(t);
      case 'ch':
        switch (t.v) {
          case '.':
            if (this.decimalPoint()) return this.number();
            break;
          case '(':
            return this.group(')');
          case '{':
            return this.group('}');
          case '[':
            return this.bracket();
          case '|': {
            this.next();
            this.absDepth++;
            const e = this.sum();
            this.absDepth--;
            this.expectCh('|', t);
            return call('abs', [e]);
          }
        }
        return this.fail(t, this.unexpected(t));
      default:
        return this.fail(t, this.unexpected(t));
    }
  }

  /** A '.' at the cursor that starts a number such as .5 (a digit right after it). */
  private decimalPoint(): boolean {
    const d = this.peek(1);
    return d.t === 'digit' && !d.space;
  }

  private number(): Expr {
    let text = '';
    let first = true;
    for (let t = this.peek(); ; t = this.peek()) {
      if (!first && t.space) break;
      if (t.t === 'digit') text += t.v;
      else if (this.isCh(t, '.') && !text.includes('.') && this.peek(1).t === 'digit' && !this.peek(1).space) text += '.';
      else break;
      this.next();
      first = false;
    }
    return num(ratFromDecimal(text));
  }

  private group(close: string): Expr {
    const o = this.next();
    const cases = readCasesInBraces(this, o, close);
    if (cases) return cases;
    const first = this.sum();
    const e = atCaseWord(this) ? readInlineCases(this, first) : (comparedWith(this, first) ?? first);
    if (this.isCh(this.peek(), ',')) {
      this.fail(this.peek(), 'a list in parentheses: write a vector as [a, b] or \\begin{bmatrix} a \\\\ b \\end{bmatrix}');
    }
    this.expectCh(close, o);
    return e;
  }

  /**
   * [a] groups; [a, b] is a vector (a column), and [a, b; c, d] a matrix, rows between ';', as in
   * the text syntax (a student types [2, 1; 0, \pi] with one LaTeX name in it).
   */
  private bracket(): Expr {
    const o = this.next();
    const first = this.sum();
    const compared = comparedWith(this, first);
    if (compared) {
      this.expectCh(']', o);
      return compared;
    }
    const rows: Expr[][] = [[first]];
    const starts: Token[] = [o];
    for (;;) {
      const sep = this.peek();
      if (this.isCh(sep, ',')) {
        this.next();
        rows[rows.length - 1].push(this.sum());
      } else if (this.isCh(sep, ';')) {
        this.next();
        starts.push(this.peek());
        rows.push([this.sum()]);
      } else break;
    }
    this.expectCh(']', o);
    if (rows.length === 1) return rows[0].length === 1 ? rows[0][0] : vector(rows[0]);
    const cols = rows[0].length;
    const bad = rows.findIndex((r) => r.length !== cols);
    if (bad >= 0) this.fail(starts[bad], `row ${bad + 1} has ${rows[bad].length} ${rows[bad].length === 1 ? 'entry' : 'entries'} but row 1 has ${cols}`);
    return matrix(rows.length, cols, rows.flat());
  }

  private word(): Expr {
    const start = this.peek();
    let name = '';
    for (let t = this.peek(); ; t = this.peek()) {
      if (name !== '' && t.space) break;
      if (t.t === 'letter' || (t.t === 'digit' && name !== '')) name += t.v;
      else break;
      this.next();
    }
    return readNamed(this, name, start, false);
  }

  private command(t: Token): Expr {
    const v = t.v;
    if (FRACTIONS.has(v)) {
      this.next();
      const top = this.scriptAtom(t);
      const bottom = this.scriptAtom(t);
      return mul(top, inv(bottom));
    }
    if (v === 'sqrt') return this.sqrt(t);
    if (v === 'hat' || v === 'widehat') {
      this.next();
      return readNamed(this, braceName(this, t) + 'hat', t, false);
    }
    if (FONT_COMMANDS.has(v)) {
      this.next();
      return readNamed(this, braceName(this, t), t, v === 'operatorname');
    }
    if (GREEK.has(v) || GREEK_VARIANTS[v]) {
      this.next();
      return readNamed(this, GREEK_VARIANTS[v] ?? v, t, false);
    }
    if (FUNCTION_COMMANDS.has(v)) {
      this.next();
      return readNamed(this, v, t, true);
    }
    if (v === 'begin') return readMatrixEnv(this, t);
    const indicator = readIndicator(this, t);
    if (indicator) return indicator;
    return this.fail(t, REFUSED[v] ?? (NOT_FACTOR.has(v) || v === '\\' ? this.unexpected(t) : `unknown command \\${v}`));
  }

  private sqrt(t: Token): Expr {
    this.next();
    let index: Expr | undefined;
    if (this.isCh(this.peek(), '[')) {
      const o = this.next();
      index = this.sum();
      this.expectCh(']', o);
    }
    const radicand = this.scriptAtom(t);
    if (index === undefined || (index.kind === 'num' && index.value.equals(2))) return call('sqrt', [radicand]);
    if (index.kind === 'num' && index.value.equals(3)) return call('cbrt', [radicand]);
    return call('nthRoot', [radicand, index]);
  }

  symbol(name: string, at: Token): Expr {
    this.note(name, at);
    if (name === 'pi') return constant('pi');
    if (name === 'e') return constant('e');
    return sym(name);
  }
}

