/**
 * Where a long formula may break. KaTeX and TeX both break inline math after a + or − anywhere at
 * its top level, parentheses or not; braces make a group one unit.
 */
import { glyphCount } from './glyphs.js';

/** Glyphs up to which a parenthesized group is kept on one line: σ(w₁x₁ + w₂x₂ + b₁) shows 11. */
const SHORT_GROUP = 16;

/**
 * The formula with each short parenthesized group that holds no other, such as the σ(w₁x₁ + w₂x₂
 * + b₁) of a network's partial or the (ŷ − y) of its cost, braced: KaTeX breaks a line after a
 * + anywhere at the top level of a formula, parentheses or not, and a long partial was split
 * inside σ( … ) where a careful typesetter breaks between its terms. Braced, the group is one
 * unit; the + between groups still break. Sized delimiters (\left(, \biggl() are left alone.
 */
export function keepShortGroups(latex: string): string {
  let out = '';
  let i = 0;
  while (i < latex.length) {
    const c = latex[i];
    if (c === '\\') {
      // A command, or an escaped character: copied whole, so \left( and \{ are never taken as groups.
      const m = /^\\(?:[A-Za-z]+|.)/.exec(latex.slice(i));
      const command = m ? m[0] : c;
      out += command;
      i += command.length;
      continue;
    }
    if (c === '(') {
      const end = closingParen(latex, i);
      if (end !== undefined) {
        const body = latex.slice(i + 1, end);
        if (/[+\-]|\\pm/.test(body) && glyphCount(body) <= SHORT_GROUP) {
          out += `{(${body})}`;
          i = end + 1;
          continue;
        }
      }
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * The index of the ) that closes the ( at `open`, at the same brace depth with no ( between
 * (parentheses inside braces, as in W^{(1)}, do not count); undefined if there is none.
 */
function closingParen(latex: string, open: number): number | undefined {
  let depth = 0;
  for (let j = open + 1; j < latex.length; j++) {
    const c = latex[j];
    if (c === '\\') {
      const next = latex[j + 1];
      // \left, \right, \bigl …, escaped braces or parentheses, a row break: not a plain group.
      if ('(){}\\'.includes(next) || /^\\(?:left|right|[bB]igg?[lr]?)\b/.test(latex.slice(j))) return undefined;
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth < 0) return undefined;
    } else if (depth === 0 && c === '(') return undefined;
    else if (depth === 0 && c === ')') return j;
    else if (c === '&') return undefined;
  }
  return undefined;
}
