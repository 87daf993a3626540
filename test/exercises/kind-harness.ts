/**
 * What every exercise-kind test does: generate from (params, seed), verify, corrupt an answer,
 * and load a one-exercise spec to see the kind's params errors with file:line: field.
 */
import { expect } from 'vitest';
import type { Exercise, ExerciseKind } from '../../src/exercises/types.js';
import type { Expr } from '../../src/expr/types.js';
import { kindInfo } from '../../src/exercises/registry.js';
import { verifyExercise, type VerifyReport } from '../../src/exercises/verify.js';
import { createRng } from '../../src/numeric/rng.js';
import { toText } from '../../src/print/text.js';
import { add, int, matrix, vector } from '../../src/expr/build.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { keyToJson } from '../../src/exercises/serialize.js';
import { displayHtml, proseHtml } from '../../src/render/katex.js';

export function generate(kind: ExerciseKind, params: Record<string, unknown>, seed = 1, answers?: Record<string, string>): Exercise {
  return kindInfo(kind).generate(params, createRng(seed), { id: 'ex', number: 1, points: 2, answers });
}

export const verify = (ex: Exercise, seed = 7): VerifyReport => verifyExercise(ex, createRng(seed));

export function answerText(ex: Exercise, id: string): string {
  const a = ex.answers.find((x) => x.id === id);
  if (!a) throw new Error(`no answer ${id}`);
  return toText(a.value);
}

/** The answer with 1 added to its first entry: a slip a checker must catch. */
function bump(e: Expr): Expr {
  if (e.kind === 'matrix') return matrix(e.rows, e.cols, [add(e.entries[0], int(1)), ...e.entries.slice(1)]);
  if (e.kind === 'vector') return vector([add(e.items[0], int(1)), ...e.items.slice(1)]);
  return add(e, int(1));
}

export function corrupt(ex: Exercise, id: string): Exercise {
  return { ...ex, answers: ex.answers.map((a) => (a.id === id ? { ...a, value: bump(a.value) } : a)) };
}

/** Every answer verifies; the message lists the failures when not. */
export function expectVerified(ex: Exercise, seed = 7): void {
  const r = verify(ex, seed);
  expect(r.failures, JSON.stringify(r.failures)).toEqual([]);
  expect(r.ok).toBe(true);
}

/** The key as JSON text: what "identical" means for a generated exercise. */
export function fingerprint(ex: Exercise): string {
  return JSON.stringify(keyToJson({ title: 't', seed: 1, exercises: [ex], totalPoints: ex.points }));
}

/** A one-exercise spec with the params given as YAML lines (indented under `params:`). */
export function oneExerciseSpec(kind: ExerciseKind, paramsYaml: string): string {
  const params = paramsYaml.trim() === '' ? '' : `    params:\n${paramsYaml.trim().split('\n').map((l) => `      ${l.trim()}`).join('\n')}\n`;
  return `title: T\nseed: 3\nexercises:\n  - kind: ${kind}\n    id: q\n${params}`;
}

/** The error thrown when loading and building a one-exercise spec (undefined if none). */
export function specError(kind: ExerciseKind, paramsYaml: string): Error | undefined {
  try {
    buildSheet(loadSpec(oneExerciseSpec(kind, paramsYaml), 'bad.yaml'));
    return undefined;
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
}

/**
 * Every piece of LaTeX in the exercise typesets with KaTeX in strict mode, and none holds a
 * control character (a "\f" written for "\\f" in a template literal is a form feed: \frac → "rac").
 */
export function expectTypesets(ex: Exercise): void {
  const prose: string[] = [];
  const math: string[] = [];
  for (const b of [...ex.prompt, ...ex.figures]) {
    if (b.kind === 'text') prose.push(b.text);
    if (b.kind === 'math') math.push(b.latex);
    if (b.kind === 'figure') prose.push(b.caption);
  }
  for (const a of ex.answers) math.push(a.label, ...(a.notes ?? []));
  for (const s of ex.steps) {
    prose.push(s.becauseLatex);
    if (s.latex) math.push(s.latex);
  }
  for (const t of [...prose, ...math]) expect(t, JSON.stringify(t)).not.toMatch(/[\u0000-\u001f]/);
  // A formula in a step's reason is math, not Unicode in the prose: set as text it took its
  // glyphs from a fallback font in the HTML ("(Aᵀ)ᵀ = A", "∂(u²)/∂") and read "u ? v" in TeX.
  for (const s of ex.steps) {
    const words = s.becauseLatex.replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, ' ');
    expect(words, s.becauseLatex).not.toMatch(/[ᵀ⊙∂‖²⋯∘∇′·₀-₉⁽⁾]/u);
  }
  for (const t of prose) expect(() => proseHtml(t), t).not.toThrow();
  for (const t of math) expect(() => displayHtml(t), t).not.toThrow();
}
