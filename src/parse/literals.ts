/**
 * Number literals of the text syntax, read exactly. mathjs reads a literal as a double (1e23 as
 * 99999999999999991611392, 1e-400 as 0, 1e999 as Infinity), so before mathjs runs, each literal
 * is replaced by a stand-in number token that names its place in a table, and the converter
 * (./parse.ts) reads the literal's own text as a rational.
 *
 * The stand-in for literal k is `.k5` (.05, .15, …, .105, …): a number token as the literal was, so
 * mathjs builds the same tree (2x, x.5, 1/2x, [1 2] parse as before); never an integer, so it is
 * not confused with the 1 and 100 mathjs makes up itself (a range's start, 50% as 50/100); and it
 * starts with '.', so it cannot join a name before it (x.5 is x·0.5, not a name x05).
 *
 * The scan follows mathjs's tokenizer (mathjs/lib/esm/expression/parse.js, getToken): names
 * [A-Za-z_$][A-Za-z0-9_$]* (the text is ASCII here), numbers 12, 1.5, .5, 2., 1e-7, 0x1F, and
 * strings '…' where a value is expected. A malformed exponent (2e-x) is left for mathjs to report.
 */
import { ParseError } from '../errors.js';
import { MAX_DECIMAL_EXPONENT, rat, ratFromDecimal, type Rational } from '../rational.js';
import type { Mapped } from './preprocess.js';

export interface Literal {
  /** As written: `1e23`, `0.5`, `0x1F`. */
  readonly text: string;
  /** Index of its first character in the preprocessed text. */
  readonly pre: number;
  /** Index of its stand-in in the text mathjs reads. */
  readonly at: number;
}

/** The text mathjs reads (columns still map to the user's), and the literals it stands in for. */
export interface StandIns extends Mapped {
  readonly literals: readonly Literal[];
  /** For each index of `text`, the index in the preprocessed text it came from. */
  readonly pre: readonly number[];
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);
/** mathjs's isDecimalMark: a '.' that does not start the operators .* ./ .^ */
const isDecimalMark = (c: string | undefined, next: string | undefined): boolean =>
  c === '.' && next !== '/' && next !== '*' && next !== '^';
/** mathjs's named operators: a value is expected after them, as after '+'. */
const NAMED_OPERATORS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

/** Replace every number literal of preprocessed text by its stand-in. */
export function standIns(m: Mapped): StandIns {
  const { text: s } = m;
  let text = '';
  const origin: number[] = [];
  const pre: number[] = [];
  const literals: Literal[] = [];
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      text += s[k];
      origin.push(m.origin[k]);
      pre.push(k);
    }
  };
  // Whether the last token ends a value: then ' is a transpose, else it opens a string.
  let afterValue = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (isNameChar(s[j])) j++;
      afterValue = !NAMED_OPERATORS.has(s.slice(i, j));
      copy(i, j);
      i = j;
      continue;
    }
    if (c === "'" && !afterValue) {
      // A string (mathjs reads '12' as the text 12): its digits are not literals.
      const close = s.indexOf("'", i + 1);
      const j = close < 0 ? s.length : close + 1;
      copy(i, j);
      afterValue = true;
      i = j;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(s[i + 1]))) {
      const j = literalEnd(s, i);
      if (j === undefined) {
        // mathjs stops here with its own message ("Digit expected"): the rest is left as it is.
        copy(i, s.length);
        break;
      }
      const k = literals.length;
      literals.push({ text: s.slice(i, j), pre: i, at: text.length });
      const standIn = `.${k}5`;
      for (const ch of standIn) {
        text += ch;
        origin.push(m.origin[i]);
        pre.push(i);
      }
      // 2e5e5 is 2e5 times the name e5: the stand-in .05 must not take that e as its exponent.
      if (isNameChar(s[j]) || s[j] === '.') {
        text += ' ';
        origin.push(m.origin[j]);
        pre.push(j);
      }
      afterValue = true;
      i = j;
      continue;
    }
    if (c !== ' ') afterValue = c === ')' || c === ']' || c === '}' || c === '!' || c === "'";
    copy(i, i + 1);
    i++;
  }
  return { text, origin, source: m.source, literals, pre };
}

/** The end of the number token at i, as mathjs's tokenizer reads it; undefined where it throws. */
function literalEnd(s: string, i: number): number | undefined {
  let j = i;
  if (s[j] === '0' && (s[j + 1] === 'b' || s[j + 1] === 'o' || s[j + 1] === 'x')) {
    // 0b101, 0o17, 0x1F (mathjs takes any letters and digits here, and one radix point).
    j += 2;
    while (isNameChar(s[j])) j++;
    if (s[j] === '.') {
      j++;
      while (isNameChar(s[j])) j++;
    }
    return j;
  }
  if (s[j] === '.') j++;
  else {
    while (isDigit(s[j])) j++;
    if (isDecimalMark(s[j], s[j + 1])) j++;
  }
  while (isDigit(s[j])) j++;
  if (s[j] === 'e' || s[j] === 'E') {
    if (isDigit(s[j + 1]) || s[j + 1] === '-' || s[j + 1] === '+') {
      let k = j + 1;
      if (s[k] === '-' || s[k] === '+') k++;
      if (!isDigit(s[k])) return undefined;
      while (isDigit(s[k])) k++;
      if (isDecimalMark(s[k], s[k + 1])) return undefined;
      return k;
    }
    if (isDecimalMark(s[j + 1], s[j + 2])) return undefined;
  }
  return j;
}

/** The literal a number in mathjs's tree stands in for (.k5 → k), if it is a stand-in. */
export function standInIndex(v: number): number | undefined {
  const m = /^0\.(\d+)5$/.exec(String(v));
  return m ? Number(m[1]) : undefined;
}

const RADIX: Record<string, { readonly base: bigint; readonly digits: RegExp }> = {
  b: { base: 2n, digits: /^[01]*$/ },
  o: { base: 8n, digits: /^[0-7]*$/ },
  x: { base: 16n, digits: /^[0-9a-fA-F]*$/ },
};

/**
 * The exact value of a literal's text (decimal, or 0b/0o/0x), or a ParseError at `column`. Exponents
 * beyond ±MAX_DECIMAL_EXPONENT are refused, both ways alike: 1e1001 and 1e-1001.
 */
export function literalValue(text: string, column: number): Rational {
  const radix = /^0([box])([^.]*)(?:\.(.*))?$/.exec(text);
  if (radix) {
    const { base, digits } = RADIX[radix[1]];
    const [, prefix, whole, frac = ''] = radix;
    if (!digits.test(whole + frac) || whole + frac === '') throw new ParseError(column, `cannot read the number '${text}'`);
    return rat(BigInt(`0${prefix}${whole}${frac}`), base ** BigInt(frac.length));
  }
  const e = /[eE]([+-]?\d+)$/.exec(text);
  if (e && !(Math.abs(Number(e[1])) <= MAX_DECIMAL_EXPONENT)) {
    const shown = e[1].length > 12 ? `${e[1].slice(0, 12)}…` : e[1];
    throw new ParseError(
      column,
      `the exponent ${shown} is out of range: numbers are read exactly, with exponents from -${MAX_DECIMAL_EXPONENT} to ${MAX_DECIMAL_EXPONENT}`,
    );
  }
  return ratFromDecimal(text);
}
