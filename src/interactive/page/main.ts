/**
 * The interactive sheet's script (bundled by scripts/bundle-checker.mjs into
 * dist/interactive/checker.js and inlined into every page). It reads the page's data blob, then
 * for each answer box: a live preview of how the input is read ("interpreted as …", or the
 * positioned error), and on Check or Enter the verdict with its feedback. Everything runs here:
 * the page makes no request, and holds no answer (see src/interactive/types.ts).
 * Imports nothing from node: (the bundle is built for the browser and would fail).
 */
import { decodeBlob } from '../digest.js';
import { isUnchecked, type AnswerPrint, type PageData } from '../types.js';
import { PreparedAnswer } from '../prepared.js';
import { checkAgainst } from '../verdict.js';
import { readAnswer } from '../../check/input.js';
import { toLatex } from '../../print/latex.js';
import { InputError, ParseError } from '../../errors.js';
import { showError, showInterpreted, showResult } from './view.js';

/** The optional work of a check (diagnosis, partial credit) stops after 250 ms, the verdict after 2.5 s. */
const TIME_BUDGET_MS = 250;
/** The preview follows typing after a pause this long (a parse is ≈ 1 ms; the pause saves flicker). */
const PREVIEW_DELAY_MS = 120;

function start(): void {
  const data = readData();
  const boxes = Array.from(document.querySelectorAll<HTMLElement>('.check[data-key]'));
  if (!data) {
    for (const box of boxes) showError(part(box, '.preview'), 'This page’s checking data could not be read; the file may be damaged.');
    return;
  }
  const prepared = new Map<string, PreparedAnswer>();
  const prepare = (key: string, print: AnswerPrint): PreparedAnswer => {
    let p = prepared.get(key);
    if (!p) prepared.set(key, (p = new PreparedAnswer(print)));
    return p;
  };
  for (const box of boxes) {
    const key = box.dataset.key ?? '';
    const print = data.answers[key];
    if (!print || isUnchecked(print)) continue;
    wire(box, () => prepare(key, print));
  }
  // The first check in a fresh page is slow while the JIT warms up (15–150 ms, docs/checking.md):
  // check a throwaway answer once the page is idle.
  const first = Object.entries(data.answers).find(([, p]) => !isUnchecked(p));
  if (first && !isUnchecked(first[1])) {
    const [key, print] = first;
    setTimeout(() => checkAgainst(prepare(key, print), '0', { timeBudgetMs: 1_000 }), 300);
  }
}

function readData(): PageData | undefined {
  try {
    const text = document.getElementById('gradsheet-data')?.textContent ?? '';
    const data = JSON.parse(decodeBlob(text.trim())) as PageData;
    return data.version === 1 ? data : undefined;
  } catch {
    return undefined;
  }
}

function part(box: HTMLElement, selector: string): HTMLElement {
  const el = box.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`answer box ${box.dataset.key ?? '?'} has no ${selector}`);
  return el;
}

function wire(box: HTMLElement, prepared: () => PreparedAnswer): void {
  const input = box.querySelector<HTMLInputElement>('input');
  const button = box.querySelector<HTMLButtonElement>('button');
  const preview = part(box, '.preview');
  const verdict = part(box, '.verdict');
  if (!input || !button) return;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const renderPreview = (): void => {
    const text = input.value;
    if (text.trim() === '') {
      preview.replaceChildren();
      return;
    }
    try {
      const read = readAnswer(text, prepared().context, {});
      showInterpreted(preview, toLatex(read.shown), read.notes);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      showError(preview, e.message, text, e instanceof ParseError ? e.column : undefined);
    }
  };
  const check = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    renderPreview();
    if (input.value.trim() === '') {
      verdict.hidden = true;
      return;
    }
    const result = checkAgainst(prepared(), input.value, { timeBudgetMs: TIME_BUDGET_MS });
    showResult(verdict, result, input.value);
    // An unreadable answer's message and caret are the verdict now: shown once, not also above it.
    if (result.verdict === 'invalid') preview.replaceChildren();
  };

  input.addEventListener('input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(renderPreview, PREVIEW_DELAY_MS);
    // A verdict belongs to the answer it was given for.
    verdict.classList.add('stale');
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      check();
    }
  });
  button.addEventListener('click', check);
  input.disabled = false;
  button.disabled = false;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
