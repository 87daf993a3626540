/**
 * Prose with inline math: "Chain rule: $\sigma'(z)$ times …". Split into text and math segments
 * once, here, so the HTML and the LaTeX renderers agree on what is math. `\$` is a literal dollar
 * sign; `$$…$$` is display math (instructors write it in a spec's instructions).
 */

import { latexText } from '../print/latex-text.js';

export type ProseSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'math'; readonly latex: string; readonly display: boolean };

/** An unbalanced `$` in prose. */
export class ProseError extends Error {
  override readonly name = 'ProseError';
}

export function splitProse(source: string): ProseSegment[] {
  const out: ProseSegment[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && source[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    const display = source[i + 1] === '$';
    const open = display ? 2 : 1;
    const close = findClose(source, i + open, display);
    if (close < 0) throw new ProseError(`unbalanced ${display ? '$$' : '$'} at character ${i + 1} of "${excerpt(source, i)}"`);
    const latex = source.slice(i + open, close).trim();
    if (latex === '') throw new ProseError(`empty math at character ${i + 1} of "${excerpt(source, i)}"`);
    if (text) out.push({ kind: 'text', text });
    text = '';
    out.push({ kind: 'math', latex, display });
    i = close + open;
  }
  if (text) out.push({ kind: 'text', text });
  return out;
}

/** The index of the closing delimiter, skipping `\$` inside the math. */
function findClose(s: string, from: number, display: boolean): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '$' && (!display || s[j + 1] === '$')) return j;
  }
  return -1;
}

function excerpt(s: string, at: number): string {
  const start = Math.max(0, at - 20);
  return (start > 0 ? '…' : '') + s.slice(start, at + 30) + (at + 30 < s.length ? '…' : '');
}

/**
 * Prose as plain text, math in Unicode ("The partial $\\partial\\hat{y}/\\partial b_{2}$" →
 * "The partial ∂ŷ/∂b₂"), for what cannot typeset: a page's footer, the terminal. Prose that does
 * not split (an unbalanced $) is returned as it is.
 */
export function plainProse(source: string): string {
  try {
    return splitProse(source)
      .map((s) => (s.kind === 'text' ? s.text : latexText(s.latex)))
      .join('');
  } catch {
    return source;
  }
}
