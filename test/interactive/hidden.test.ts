/**
 * No answer in the page: for every answer of every exercise of the bundled worksheets, its text
 * (toText), LaTeX (toLatex) and the Unicode of the feedback (unicode) appear neither in the
 * interactive HTML nor in its data blob decoded. Answers that are a single short number ("1")
 * cannot be searched for in a page; for those, and for every answer that is all numbers, the test
 * checks that the page stores no value of theirs at all, only a hash.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { freeSymbols } from '../../src/expr/traverse.js';
import { toLatex } from '../../src/print/latex.js';
import { toText } from '../../src/print/text.js';
import { unicode } from '../../src/check/notation.js';
import { renderInteractive } from '../../src/interactive/render.js';
import { renderJson } from '../../src/render/json.js';
import { isUnchecked } from '../../src/interactive/types.js';
import { checkTargets, targetProblem } from '../../src/interactive/targets.js';
import { sessionFor } from '../../src/check/session.js';
import { candidates, pieceMessage } from '../../src/check/analysis.js';
import { ensureBundle, pageData, sheetOf, WORKSHEETS } from './support.js';

beforeAll(ensureBundle);

/** Shorter needles ("1", "[0; 1]" has 6) would be found in any page: digits, brackets. */
const MIN_NEEDLE = 6;

describe.each(WORKSHEETS)('the interactive %s sheet', (name) => {
  const sheet = sheetOf(name);
  let html: string;
  let blob: string;

  beforeAll(() => {
    html = renderInteractive(sheet);
    blob = JSON.stringify(pageData(html));
  });

  const answers = sheet.exercises.flatMap((ex) => ex.answers.map((a) => [`${ex.id}.${a.id}`, a] as const));

  it.each(answers)('holds no form of %s', (key, a) => {
    const needles = [toText(a.value), toLatex(a.value), unicode(a.value)].filter((s) => s.length >= MIN_NEEDLE);
    for (const n of needles) {
      expect(html.includes(n), `${key}: ${n} in the HTML`).toBe(false);
      expect(blob.includes(n), `${key}: ${n} in the decoded data`).toBe(false);
    }
    const print = pageData(html).answers[key];
    if (freeSymbols(a.value).length === 0 && print && !isUnchecked(print)) {
      expect(print.varying.every((v) => v === null), `${key}: an all-numbers answer is stored only as a hash`).toBe(true);
    }
  });

  it('while the JSON key, searched the same way, has them all (the search works)', () => {
    const key = renderJson(sheet);
    for (const [, a] of answers) if (toText(a.value).length >= MIN_NEEDLE) expect(key).toContain(JSON.stringify(toText(a.value)).slice(1, -1));
  });

  it('and no diagnosis that names a part of an answer is readable, in the HTML or the decoded data', () => {
    for (const t of checkTargets(sheet).filter((x) => x.unchecked === undefined)) {
      const problem = targetProblem(t);
      const session = sessionFor(problem, t.options);
      const messages = [...session.traceVariants(), ...session.structuralVariants()].map((v) => v.message());
      for (const c of candidates(problem)) messages.push(pieceMessage('missing-term', unicode(c)).message);
      for (const m of messages) {
        expect(html.includes(m), `${t.key}: ${m}`).toBe(false);
        expect(blob.includes(m), `${t.key}: ${m}`).toBe(false);
      }
    }
  });
});
