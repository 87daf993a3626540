/**
 * Cases written in words, in the text syntax, as a student types ReLU's at midnight:
 *   w5*x1 if z > 0 else 0              (Python's conditional; chains: a if c else b if d else e)
 *   w5*x1 if z > 0, 0 otherwise        (and `; ` between the cases, `otherwise 0`, `, else 0`)
 *   0 if z <= 0, w5*x1 if z > 0        (every case with its condition)
 *   w5*x1 when z > 0, else 0          (and `for z > 0`)
 * In the preprocessed text (./preprocess.ts), such cases become a call `$cases(value, condition,
 * …, default)`: a name no input can spell (`$` is refused in input), which the converter reads as
 * cases (./text-cases.ts, readCases). Each character keeps the column it came from, so an error
 * inside a case points into the student's own text.
 *
 * Cases may stand alone, or inside parentheses: `w5*(x1 if z > 0 else 0)`. Inside the brackets of
 * a matrix or a call's parentheses, where commas separate entries and arguments, only the `else`
 * form is read: `[x1 if z > 0 else 0, 1]`.
 */
import { ParseError } from '../errors.js';
import { userColumn, type Mapped } from './preprocess.js';

/** The function the rewritten cases call. */
export const CASES_FN = '$cases';

const WORDS = /(?<![A-Za-z0-9_$])(?:if|when|for|else|otherwise)(?![A-Za-z0-9_$])/;
const CONDITION_WORDS = new Set(['if', 'when', 'for']);
const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** A piece of the output: text, and for each of its characters the user's index it came from. */
interface Out {
  text: string;
  origin: number[];
}

/** A word of cases (if, when, for, else, otherwise), where it starts and ends. */
interface Word {
  readonly kind: 'word';
  readonly word: string;
  readonly at: number;
  readonly end: number;
}
/** A token at a region's own depth: a word of cases, a separator, or a bracketed group. */
type Token =
  | Word
  | { readonly kind: 'sep'; readonly at: number }
  | { readonly kind: 'group'; readonly at: number; readonly end: number };

/** `m` with its cases in words rewritten as `$cases(…)` calls; `m` itself when it has none. */
export function proseCases(m: Mapped): Mapped {
  if (!WORDS.test(m.text)) return m;
  const out: Out = { text: '', origin: [] };
  region(m, 0, m.text.length, 'cases', out);
  return { text: out.text, origin: out.origin, source: m.source };
}

/**
 * Emit m.text[lo, hi): as cases if its own tokens hold a condition word, else as written, with
 * each bracketed group in it read in turn. `entry`: the region is one entry of a matrix or one
 * argument of a call, where , and ; separate entries, not cases.
 */
function region(m: Mapped, lo: number, hi: number, mode: 'cases' | 'entry', out: Out): void {
  const tokens = tokenize(m, lo, hi);
  if (tokens.some((t) => t.kind === 'word' && CONDITION_WORDS.has(t.word)) && emitCases(m, lo, hi, tokens, mode, out)) return;
  emitPlain(m, lo, hi, tokens, out);
}

function tokenize(m: Mapped, lo: number, hi: number): Token[] {
  const tokens: Token[] = [];
  const word = new RegExp(WORDS.source, 'y');
  for (let i = lo; i < hi; i++) {
    const c = m.text[i];
    if (OPEN[c] !== undefined) {
      const end = closing(m.text, i, hi);
      tokens.push({ kind: 'group', at: i, end });
      i = end - 1;
    } else if (c === ',' || c === ';') tokens.push({ kind: 'sep', at: i });
    else if (/[a-z]/.test(c) && (i === 0 || !/[A-Za-z0-9_$]/.test(m.text[i - 1]))) {
      word.lastIndex = i;
      const w = word.exec(m.text);
      if (w && i + w[0].length <= hi) {
        tokens.push({ kind: 'word', word: w[0], at: i, end: i + w[0].length });
        i += w[0].length - 1;
      }
    }
  }
  return tokens;
}

/** Whether a group's bracket is closed in the text (closing() gives an unclosed one the rest of its region). */
const closed = (m: Mapped, t: Token & { kind: 'group' }): boolean => m.text[t.end - 1] === OPEN[m.text[t.at]];

/** Just past the bracket that closes the one at `at` (or `hi`, unclosed: mathjs will say so). */
function closing(text: string, at: number, hi: number): number {
  let depth = 0;
  for (let i = at; i < hi; i++) {
    if (OPEN[text[i]] !== undefined) depth++;
    else if (text[i] === ')' || text[i] === ']' || text[i] === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return hi;
}

/** The region as written, each bracketed group's inside read as a region of its own. */
function emitPlain(m: Mapped, lo: number, hi: number, tokens: readonly Token[], out: Out): void {
  let at = lo;
  for (const t of tokens) {
    if (t.kind !== 'group') continue;
    copy(m, at, t.at + 1, out);
    const close = closed(m, t) ? t.end - 1 : t.end;
    // A call's parentheses and a matrix's brackets hold entries separated by commas.
    const call = m.text[t.at] === '(' && /[A-Za-z0-9_$']/.test(m.text[t.at - 1] ?? '');
    const mode = m.text[t.at] === '(' && !call ? 'cases' : 'entry';
    for (const [a, b] of mode === 'entry' ? entries(m, t.at + 1, close) : [[t.at + 1, close]]) {
      region(m, a, b, mode, out);
      if (b < close) copy(m, b, b + 1, out);
    }
    at = close;
  }
  copy(m, at, hi, out);
}

/** The ranges between the commas and semicolons at the region's own depth. */
function entries(m: Mapped, lo: number, hi: number): [number, number][] {
  const out: [number, number][] = [];
  let at = lo;
  for (const t of tokenize(m, lo, hi)) {
    if (t.kind !== 'sep') continue;
    out.push([at, t.at]);
    at = t.at + 1;
  }
  out.push([at, hi]);
  return out;
}

/** One case: its value's range, and its condition's (none: the default). */
interface Clause {
  readonly value: [number, number];
  readonly condition?: [number, number];
  /** Where its condition word (or `otherwise`) is, for messages and the output's origins. */
  readonly word: number;
}

/**
 * The region as `$cases(v1, c1, …, default)`, if its tokens are cases; false if they are not
 * (an `else` with no `if` before it, a condition word inside a value…): the converter then
 * reports the stray word.
 */
function emitCases(m: Mapped, lo: number, hi: number, tokens: readonly Token[], mode: 'cases' | 'entry', out: Out): boolean {
  // An unclosed bracket: left as written, for the parser to say where it opens.
  if (tokens.some((t) => t.kind === 'group' && !closed(m, t))) return false;
  // Split into clauses at `else`, and at , and ; where they separate cases (", else" is one break).
  const spans: { lo: number; hi: number; words: Word[]; after: number }[] = [{ lo, hi, words: [], after: lo }];
  for (const t of tokens) {
    const cur = spans[spans.length - 1];
    if (t.kind === 'sep' && mode === 'cases') {
      cur.hi = t.at;
      spans.push({ lo: t.at + 1, hi, words: [], after: t.at });
    } else if (t.kind === 'word' && t.word === 'else') {
      if (m.text.slice(cur.lo, t.at).trim() === '' && spans.length > 1) cur.lo = t.end;
      else {
        cur.hi = t.at;
        spans.push({ lo: t.end, hi, words: [], after: t.at });
      }
    } else if (t.kind === 'word') cur.words.push(t);
  }
  const clauses: Clause[] = [];
  for (const [i, s] of spans.entries()) {
    const last = i === spans.length - 1;
    const [w, extra] = s.words;
    if (extra) return false;
    if (w && CONDITION_WORDS.has(w.word)) {
      const value: [number, number] = [s.lo, w.at];
      const condition: [number, number] = [w.end, s.hi];
      if (blank(m, value)) throw new ParseError(userColumn(m, w.at + 1), `expected a value before '${w.word}', as in w5*x1 if z > 0 else 0`);
      if (blank(m, condition)) throw new ParseError(userColumn(m, w.at + 1), `expected a condition after '${w.word}', such as z > 0`);
      clauses.push({ value, condition, word: w.at });
    } else if (last) {
      // The default: `0`, `0 otherwise`, `otherwise 0`.
      const value: [number, number] = !w ? [s.lo, s.hi] : blank(m, [s.lo, w.at]) ? [w.end, s.hi] : [s.lo, w.at];
      if (w && !blank(m, [s.lo, w.at]) && !blank(m, [w.end, s.hi])) return false;
      if (blank(m, value)) throw new ParseError(userColumn(m, (w?.at ?? s.after) + 1), 'expected the value of the last case, as in w5*x1 if z > 0 else 0');
      clauses.push({ value, word: w?.at ?? s.lo });
    } else return false;
  }
  if (!clauses.some((c) => c.condition)) return false;
  const word = clauses[0].word;
  emit(`${CASES_FN}(`, word, m, out);
  clauses.forEach((c, i) => {
    if (i > 0) emit(', ', c.word, m, out);
    region(m, c.value[0], c.value[1], 'cases', out);
    if (c.condition) {
      emit(', ', c.word, m, out);
      region(m, c.condition[0], c.condition[1], 'cases', out);
    }
  });
  emit(')', word, m, out);
  return true;
}

const blank = (m: Mapped, [a, b]: [number, number]): boolean => m.text.slice(a, b).trim() === '';

function copy(m: Mapped, a: number, b: number, out: Out): void {
  out.text += m.text.slice(a, b);
  for (let i = a; i < b; i++) out.origin.push(m.origin[i]);
}

/** Text of our own, placed (for messages) where the character at `at` of the rewritten text came from. */
function emit(text: string, at: number, m: Mapped, out: Out): void {
  out.text += text;
  const origin = m.origin[Math.min(at, m.origin.length - 1)] ?? 0;
  for (let i = 0; i < text.length; i++) out.origin.push(origin);
}
