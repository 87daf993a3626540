/**
 * Cases and conditions in LaTeX: \begin{cases} w_5 x_1 & z > 0 \\ 0 & \text{otherwise} \end{cases},
 * and a comparison in brackets, [z > 0] or \mathbb{1}[z > 0], read through the parser's cursor
 * (LatexReader) as ./piecewise.ts reads them: as ReLU′. Errors name the column.
 */
import type { Expr } from '../expr/types.js';
import { describeToken, type Token } from './latex-lexer.js';
import { envName, type LatexReader } from './latex-names.js';
import { indicator, piecewise, type Condition, type Piece, type Relation } from './piecewise.js';

/** Relations between the two sides of a condition: \geq, ≥ (the lexer's \geq), >, >= … */
const RELATION_COMMANDS: Readonly<Record<string, Relation>> = { geq: '>=', ge: '>=', geqslant: '>=', leq: '<=', le: '<=', leqslant: '<=', gt: '>', lt: '<' };
/** Words a row's condition may start with (\text{if } z > 0), and the words of a row with none. */
const LEAD_WORDS = new Set(['if', 'for', 'when', 'where']);
const OTHERWISE = new Set(['otherwise', 'else', 'elsewhere']);

/**
 * \begin{cases} w_5 x_1 & z > 0 \\ 0 & \text{otherwise} \end{cases}: each row a value and a
 * condition (\text{if} … optional, a comma after the value or the condition too), or
 * "otherwise"; read as ./piecewise.ts reads cases.
 */
export function readCases(r: LatexReader, begin: Token, env: string): Expr {
  const unclosed = `\\begin{${env}} at column ${begin.at + 1} is not closed by \\end{${env}}`;
  const pieces = r.nested(begin, () => {
    const read: Piece[] = [];
    for (;;) {
      const t = r.peek();
      if (t.t === 'end') r.fail(t, unclosed);
      if (t.t === 'cmd' && t.v === 'end') return read;
      const value = r.sum();
      skipCh(r, ',');
      const amp = r.peek();
      if (!r.isCh(amp, '&')) r.fail(amp, `expected '&' and the condition of this case (as in w_5 x_1 & z > 0), not ${describeToken(amp)}`);
      r.next();
      if (read.length > 0 && !read[read.length - 1].condition) r.fail(t, "only the last case may be 'otherwise': the cases after it would never be used");
      const word = readWord(r);
      if (word !== undefined && OTHERWISE.has(word)) read.push({ value });
      else {
        if (word !== undefined && !LEAD_WORDS.has(word)) r.fail(amp, `expected a condition such as z > 0, or \\text{otherwise}, after '&'; not '${word}'`);
        read.push({ value, condition: readCondition(r) });
      }
      skipCh(r, ',');
      skipCh(r, '.');
      const sep = r.peek();
      if (sep.t === 'cmd' && sep.v === '\\') r.next();
      else if (sep.t === 'end') r.fail(sep, unclosed);
      else if (!(sep.t === 'cmd' && sep.v === 'end')) r.fail(sep, `expected '\\\\' or \\end{${env}} after the condition, not ${describeToken(sep)}`);
    }
  });
  const end = r.next();
  const closing = envName(r, end);
  if (closing !== env) r.fail(end, `\\begin{${env}} at column ${begin.at + 1} is closed by \\end{${closing}}`);
  if (pieces.length === 0) r.fail(begin, 'empty cases');
  return piecewise(pieces);
}

/** `a > b` (≥, <, ≤, \geq, \leq, >=, <=) after '&'. */
function readCondition(r: LatexReader): Condition {
  const first = r.peek();
  if (!r.startsFactor(first) && !r.isCh(first, '-') && !r.isCh(first, '+')) {
    return r.fail(first, `expected a comparison such as z > 0 or z \\leq 0 in the condition, not ${describeToken(first)}`);
  }
  const lhs = r.sum();
  const t = r.peek();
  const relation = readRelation(r);
  if (!relation) return r.fail(t, `expected a comparison such as z > 0 or z \\leq 0 in the condition, not ${describeToken(t)}`);
  return { lhs, relation, rhs: r.sum() };
}

/** The relation at the cursor (>, >=, \geq, ≥, <, …), consumed; undefined, and nothing consumed, if there is none. */
function readRelation(r: LatexReader): Relation | undefined {
  const t = r.peek();
  let relation: Relation | undefined;
  if (t.t === 'cmd') relation = RELATION_COMMANDS[t.v];
  else if (r.isCh(t, '>') || r.isCh(t, '<')) relation = t.v as '>' | '<';
  if (!relation) return undefined;
  r.next();
  if ((relation === '>' || relation === '<') && r.isCh(r.peek(), '=')) {
    r.next();
    relation = relation === '>' ? '>=' : '<=';
  }
  return relation;
}

/**
 * `lhs` compared with what follows, if a relation follows: (z > 0) and [z > 0] are 1 where they
 * hold and 0 elsewhere (the Iverson bracket), as in the text syntax.
 */
export function comparedWith(r: LatexReader, lhs: Expr): Expr | undefined {
  const relation = readRelation(r);
  return relation ? indicator({ lhs, relation, rhs: r.sum() }) : undefined;
}

/** A word written in \text{…} (or \mathrm, or bare letters that spell it), consumed; undefined if none is next. */
function readWord(r: LatexReader): string | undefined {
  const text = textWord(r);
  if (text) {
    for (let n = 0; n < text.tokens; n++) r.next();
    return text.word;
  }
  for (const w of [...OTHERWISE, ...LEAD_WORDS]) {
    const letters = [...w].every((c, k) => r.peek(k).t === 'letter' && r.peek(k).v === c && (k === 0 || !r.peek(k).space));
    if (letters && r.peek(w.length).t !== 'letter') {
      for (let n = 0; n < w.length; n++) r.next();
      return w;
    }
  }
  return undefined;
}

/** The word in the \text{…} at the cursor (its letters, lowercased), and how many tokens it takes; nothing consumed. */
function textWord(r: LatexReader): { word: string; tokens: number } | undefined {
  const t = r.peek();
  if (!(t.t === 'cmd' && TEXT_COMMANDS.has(t.v) && r.isCh(r.peek(1), '{'))) return undefined;
  let word = '';
  let k = 2;
  // Letters, and the punctuation of prose (\text{else.}, \text{if,}).
  for (let u = r.peek(k); u.t === 'letter' || r.isCh(u, '.') || r.isCh(u, ','); u = r.peek(++k)) if (u.t === 'letter') word += u.v;
  return r.isCh(r.peek(k), '}') ? { word: word.toLowerCase(), tokens: k + 1 } : undefined;
}

/**
 * Whether \text{if}, \text{ otherwise } or another word of cases is at the cursor: a product
 * stops there (w_5 x_1 \text{ if } z > 0 is not w₅x₁·if·z), and readInlineCases takes over.
 */
export function atCaseWord(r: LatexReader): boolean {
  const w = textWord(r)?.word;
  return w !== undefined && (LEAD_WORDS.has(w) || OTHERWISE.has(w) || JOINED.has(w));
}

/** Words that join conditions, which cases do not read: said so, not read as a variable. */
const JOINED = new Set(['and', 'or']);

/**
 * Cases written inline, as in prose: `value` (already read), then \text{ if } z > 0, and more
 * cases after a comma, a semicolon or \text{else}: w_5 x_1 \text{ if } z > 0 \text{ else } 0,
 * w_5 x_1 \text{ if } z > 0,\; 0 \text{ otherwise}, 0 \text{ if } z \leq 0,\ w_5 x_1 \text{ if } z > 0.
 * The parser calls it at a word of cases after a whole expression or inside parentheses
 * (atCaseWord): w_5 (x_1 \text{ if } z > 0 \text{ else } 0).
 */
export function readInlineCases(r: LatexReader, first: Expr): Expr {
  const pieces: Piece[] = [];
  let value = first;
  for (;;) {
    const at = r.peek();
    const word = readWord(r);
    if (word !== undefined && OTHERWISE.has(word)) {
      // `0 \text{ otherwise}`: the default, last.
      if (pieces.length === 0) r.fail(at, `expected a case with its condition before '${word}', as in w_5 x_1 \\text{ if } z > 0 \\text{ else } 0`);
      pieces.push({ value });
      break;
    }
    if (word === undefined || !LEAD_WORDS.has(word)) return r.fail(at, `expected \\text{if} and a condition such as z > 0 after a case's value, not ${describeToken(at)}`);
    pieces.push({ value, condition: readCondition(r) });
    const joined = textWord(r)?.word;
    if (joined !== undefined && JOINED.has(joined)) r.fail(r.peek(), `a case's condition is one comparison such as z > 0; conditions joined by '${joined}' are not read`);
    skipCh(r, ',');
    skipCh(r, ';');
    if (atEnd(r)) break;
    // `\text{else}` or `\text{otherwise}` before the next value: the default, unless a condition follows it (a chain).
    const next = textWord(r)?.word;
    const otherwise = next !== undefined && OTHERWISE.has(next);
    if (otherwise) readWord(r);
    value = r.sum();
    if (atCaseWord(r)) continue;
    if (!otherwise) return r.fail(r.peek(), `expected \\text{if} and this case's condition, or \\text{otherwise}, not ${describeToken(r.peek())}`);
    pieces.push({ value });
    break;
  }
  skipCh(r, '.');
  return piecewise(pieces);
}

/** The end of inline cases: the input's, a full stop (not a decimal point: `, .5 \text{ otherwise}`), or the bracket around them. */
const atEnd = (r: LatexReader): boolean => {
  const t = r.peek();
  return t.t === 'end' || (r.isCh(t, '.') && r.peek(1).t !== 'digit') || r.isCh(t, ')') || r.isCh(t, ']') || r.isCh(t, '}');
};

const TEXT_COMMANDS = new Set(['text', 'textrm', 'mathrm', 'textit', 'mbox', 'operatorname']);

function skipCh(r: LatexReader, ch: string): void {
  if (r.isCh(r.peek(), ch)) r.next();
}

/**
 * Whether the cursor is at \begin{array} (or matrix …) holding cases: a relation or a word of
 * cases (\text{otherwise}) among its tokens. Students write cases as
 * \left\{ \begin{array}{ll} w_5 x_1 & z > 0 \\ 0 & \text{otherwise} \end{array} \right.: a
 * matrix has no relation in it.
 */
function atCasesArray(r: LatexReader): boolean {
  const begin = r.peek();
  if (!(begin.t === 'cmd' && begin.v === 'begin')) return false;
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = r.peek(k);
    if (t.t === 'end') return false;
    if (t.t === 'cmd' && t.v === 'begin') depth++;
    if (t.t === 'cmd' && t.v === 'end' && --depth === 0) return false;
    if (depth === 1 && (r.isCh(t, '>') || r.isCh(t, '<') || (t.t === 'cmd' && RELATION_COMMANDS[t.v] !== undefined))) return true;
    if (depth === 1 && t.t === 'cmd' && TEXT_COMMANDS.has(t.v) && r.isCh(r.peek(k + 1), '{')) {
      let word = '';
      for (let j = k + 2; r.peek(j).t === 'letter'; j++) word += r.peek(j).v;
      if (OTHERWISE.has(word.toLowerCase()) || LEAD_WORDS.has(word.toLowerCase())) return true;
    }
  }
}

/** An array's column specification, {ll} in \begin{array}{ll}, skipped. */
export function skipColumnSpec(r: LatexReader): void {
  if (!r.isCh(r.peek(), '{')) return;
  while (!r.isCh(r.peek(), '}') && r.peek().t !== 'end') r.next();
  r.next();
}

/**
 * Cases written as an array in braces, \left\{ \begin{array}{ll} … \end{array} \right. (`open`
 * is the brace, just read): the cases, with the closing delimiter if any (\right. closes
 * nothing); undefined, and nothing read, when no such array follows.
 */
export function readCasesInBraces(r: LatexReader, open: Token, close: string): Expr | undefined {
  if (!(open.t === 'ch' && open.sized === 'open' && atCasesArray(r))) return undefined;
  const begin = r.next();
  const env = envName(r, begin);
  if (env === 'array') skipColumnSpec(r);
  const cases = readCases(r, begin, env);
  if (r.isCh(r.peek(), close)) r.next();
  return cases;
}

/**
 * 𝟙[z > 0], written \mathbb{1}[z > 0] (or \mathds{1}, \mathbb{I}, with parentheses): 1 where
 * the condition in the bracket holds, 0 elsewhere. `t` is the command at the cursor; undefined,
 * and nothing read, when it is not such an indicator.
 */
export function readIndicator(r: LatexReader, t: Token): Expr | undefined {
  const command = t.t === 'cmd' && (t.v === 'mathbb' || t.v === 'mathds') ? t.v : undefined;
  if (!command || !r.isCh(r.peek(1), '{') || !['1', 'I'].includes(r.peek(2).v) || !r.isCh(r.peek(3), '}')) return undefined;
  const open = r.peek(4);
  if (!r.isCh(open, '[') && !r.isCh(open, '(')) return undefined;
  for (let n = 0; n <= 4; n++) r.next();
  const holds = comparedWith(r, r.sum()) ?? r.fail(r.peek(), `\\${command}{1} takes a condition, as in \\mathbb{1}[z > 0]`);
  r.expectCh(r.isCh(open, '[') ? ']' : ')', open);
  return holds;
}

