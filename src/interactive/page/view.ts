/**
 * Drawing into an answer box: the preview ("interpreted as" with KaTeX, or the error with a caret
 * under its column) and the verdict with its feedback, factors and counterexample. Text that
 * comes from the student or the checker is set as text (textContent), never as HTML; only KaTeX's
 * output, whose input is our own printer's LaTeX, is inserted as HTML.
 */
import katex from 'katex';
import type { Counterexample } from '../../check/types.js';
import type { PageResult } from '../verdict.js';

/** Characters of the input shown on each side of an error's column. */
const CONTEXT = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function math(latex: string): HTMLElement {
  const span = el('span', 'math');
  try {
    span.innerHTML = katex.renderToString(latex, { output: 'html', throwOnError: true });
  } catch {
    span.textContent = latex;
  }
  return span;
}

export function showInterpreted(preview: HTMLElement, latex: string, notes: readonly string[]): void {
  const line = el('p', 'interpreted');
  line.append(el('span', 'lead', 'interpreted as'), ' ', math(latex));
  if (notes.length > 0) line.append(el('span', 'note', ` (${notes.join('; ')})`));
  preview.replaceChildren(line);
}

/** The message, and when its column is known, the input around it with a caret beneath. */
export function showError(preview: HTMLElement, message: string, source?: string, column?: number): void {
  const box = el('div', 'input-error');
  box.append(el('p', 'message', message));
  if (source !== undefined && column !== undefined) {
    const at = Math.max(0, Math.min(column - 1, source.length));
    const from = Math.max(0, at - CONTEXT);
    const to = Math.min(source.length, at + CONTEXT);
    const shown = (from > 0 ? '…' : '') + source.slice(from, to) + (to < source.length ? '…' : '');
    const caret = ' '.repeat(at - from + (from > 0 ? 1 : 0)) + '^';
    box.append(el('pre', 'caret', `${shown}\n${caret}`));
  }
  preview.replaceChildren(box);
}

const LABELS: Record<PageResult['verdict'], string> = {
  correct: 'Correct',
  incorrect: 'Not yet',
  invalid: 'Cannot read this',
  undecided: 'Could not decide',
};

export function showResult(box: HTMLElement, r: PageResult, source: string): void {
  box.hidden = false;
  box.className = `verdict ${r.verdict}`;
  const head = el('p', 'head');
  head.append(el('span', 'badge', LABELS[r.verdict]), ' ', el('span', 'feedback', r.verdict === 'correct' ? r.feedback.replace(/^Correct\.\s*/, '') : r.feedback));
  const parts: HTMLElement[] = [head];
  if (r.verdict === 'invalid' && r.error?.column !== undefined) {
    const holder = el('div', '');
    showError(holder, r.error.message, source, r.error.column);
    const caret = holder.querySelector('pre');
    if (caret) parts.push(caret);
  }
  if (r.factors) parts.push(factorLine(r.factors));
  const functions = r.counterexample && !r.diagnosis ? functionsAt(r.counterexample) : undefined;
  if (functions) parts.push(functions);
  box.replaceChildren(...parts);
}

function factorLine(f: NonNullable<PageResult['factors']>): HTMLElement {
  const p = el('p', 'factors');
  p.append(el('span', 'lead', 'factors'), ' ');
  const list = (label: string, cls: string, notes: readonly { latex: string }[]): void => {
    if (notes.length === 0) return;
    const span = el('span', `factor-list ${cls}`);
    span.append(`${label}: `);
    notes.forEach((n, i) => {
      if (i > 0) span.append(', ');
      span.append(math(n.latex));
    });
    p.append(span, ' ');
  };
  list('right', 'right', f.right);
  list('wrong', 'wrong', f.wrong);
  if (f.missing > 0) p.append(el('span', 'factor-list missing', `${f.missing} factor${f.missing === 1 ? '' : 's'} of the right answer missing`));
  return p;
}

/**
 * The feedback already gives the point and both values in words; what it leaves out is what σ (or
 * f) was at that point, which is what a student needs to recompute it by hand.
 */
function functionsAt(c: Counterexample): HTMLElement | undefined {
  const descriptions = Object.values(c.functions ?? {});
  if (descriptions.length === 0) return undefined;
  const details = el('details', 'counterexample');
  details.append(el('summary', '', descriptions.length === 1 ? 'The function used at this point' : 'The functions used at this point'));
  for (const d of descriptions) details.append(el('p', 'function', d));
  return details;
}
