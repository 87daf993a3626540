/**
 * The bundled specs: both load, the lecture sheet gives the lecture's answers, and every exercise
 * of both verifies for many seeds — what `gradsheet verify worksheets/ --seeds 50` does (the
 * lecture sheet with fewer seeds here, to stay within the time budget: see SEEDS).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { verifySheet } from '../../src/exercises/verify.js';
import { toText } from '../../src/print/text.js';
import { toLatex } from '../../src/print/latex.js';
import { freeSymbols } from '../../src/expr/traverse.js';
import type { Sheet } from '../../src/exercises/sheet.js';

const DIR = join(import.meta.dirname, '..', '..', 'worksheets');
const load = (name: string) => loadSpec(readFileSync(join(DIR, name), 'utf8'), name);

/**
 * Seeds per spec. The practice set runs the full 50 of `verify --seeds 50` (about 3 s). The
 * lecture sheet runs 25: its numbers are fixed, so a seed only moves the verification points,
 * and 50 seeds took 13 s of the ~20 s budget on the development machine
 * (`gradsheet verify worksheets/ --seeds 50` runs all 50 for both, about 20 s).
 */
const SEEDS: Readonly<Record<string, number>> = { 'lecture.yaml': 25, 'backprop-practice.yaml': 50 };

function answer(sheet: Sheet, exerciseId: string, answerId: string): string {
  const ex = sheet.exercises.find((e) => e.id === exerciseId);
  const a = ex?.answers.find((x) => x.id === answerId);
  if (!a) throw new Error(`no answer ${exerciseId}.${answerId}`);
  return toText(a.value);
}

describe('bundled worksheets', () => {
  it('worksheets/ holds the lecture sheet and the practice set', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()).toEqual(['backprop-practice.yaml', 'lecture.yaml']);
  });

  it("the lecture sheet has the lecture's exercises, in the lecture's order, with its answers", () => {
    const spec = load('lecture.yaml');
    expect(spec.exercises.map((e) => e.kind)).toEqual([
      'forward-pass', 'xor-design', 'linear-collapse', 'chain-rule', 'network-expansion', 'partial', 'partial',
      'all-partials', 'mse-partials', 'gradient-step', 'matrix-gradients', 'jacobian', 'jacobian-chain', 'jacobian-vs-gradient',
    ]);
    const sheet = buildSheet(spec);
    expect(answer(sheet, 'bias-terms', 'yhat')).toBe('[0; 1]');
    expect(answer(sheet, 'xor', 'W1')).toBe('[2, 2; 1, 1]');
    expect(answer(sheet, 'xor', 'b1')).toBe('[-1; -1]');
    expect(answer(sheet, 'non-linearity', 'W')).toBe('[[w5*w1 + w6*w3, w5*w2 + w6*w4]]');
    expect(answer(sheet, 'non-linearity', 'b')).toBe('[[w5*b1 + w6*b2 + b3]]');
    expect(answer(sheet, 'expansion', 'yhat')).toBe('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');
    expect(answer(sheet, 'dyhat-dw1', 'a')).toBe("w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
    expect(answer(sheet, 'dyhat-db2', 'a')).toBe("w6*sigma'(w3*x1 + w4*x2 + b2)");
    expect(answer(sheet, 'jacobian', 'J')).toBe('[2, 1; 0, pi; -1/x2, x1/x2^2]');
    expect(answer(sheet, 'jacobian-chain', 'J')).toBe('[[3/4, 0]]');
    expect(answer(sheet, 'jacobian-chain', 'fg')).toBe('3/4*(x1 + 1)');
    expect(answer(sheet, 'jacobian-chain', 'dfdg')).toBe('[[1, -2, 1/4]]');
    expect(answer(sheet, 'jacobian-chain', 'dgdx')).toBe('[1, 2; 0, 1; -1, 0]');
    expect(answer(sheet, 'jacobian-vs-gradient', 'grad')).toBe('[1; -2; 1/4]');
    expect(answer(sheet, 'jacobian-vs-gradient', 'J')).toBe('[[1, -2, 1/4]]');
  });

  it('the practice set is random: two variants differ in every exercise', () => {
    const spec = load('backprop-practice.yaml');
    const a = buildSheet(spec, { variant: { id: '01' } });
    const b = buildSheet(spec, { variant: { id: '02' } });
    const text = (s: Sheet, i: number) => s.exercises[i].answers.map((x) => toText(x.value)).join('|');
    const same = a.exercises.filter((_, i) => text(a, i) === text(b, i)).map((e) => e.id);
    expect(same).toEqual([]);
  });

  /**
   * A prompt never prints another exercise's answer: the lecture's ∂ŷ/∂w₁ slide writes out the
   * expanded ŷ, which exercise 5 asks for, so on this sheet exercises 6 and 7 refer back to it.
   * Numeric answers are left out (a forward pass's output may equal a given bias), and so are
   * formulas of a few characters (x₁, a single name), which prompts use as names.
   */
  for (const name of Object.keys(SEEDS)) {
    it(`${name}: no prompt holds the LaTeX of an answer on the sheet`, () => {
      const sheet = buildSheet(load(name));
      const prompts = sheet.exercises.map((e) => ({ id: e.id, latex: e.prompt.map((b) => (b.kind === 'math' ? b.latex : b.kind === 'text' ? b.text : '')).join('\n') }));
      const leaks: string[] = [];
      for (const ex of sheet.exercises) {
        for (const a of ex.answers) {
          const tex = toLatex(a.value);
          if (tex.length < 12 || freeSymbols(a.value).length === 0) continue;
          for (const p of prompts) if (p.latex.includes(tex)) leaks.push(`${ex.id}.${a.id} in the prompt of ${p.id}`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }

  it('the lecture sheet: exercises 6 and 7 start from the ŷ of exercise 5 instead of printing it', () => {
    const sheet = buildSheet(load('lecture.yaml'));
    for (const id of ['dyhat-dw1', 'dyhat-db2']) {
      const prose = sheet.exercises.find((e) => e.id === id)?.prompt.flatMap((b) => (b.kind === 'text' ? [b.text] : [])) ?? [];
      expect(prose).toContain('Starting from your expression for $\\hat{y}$ in Exercise 5, find:');
    }
  });

  for (const [name, seeds] of Object.entries(SEEDS)) {
    it(`${name}: every exercise verifies for ${seeds} seeds`, () => {
      const spec = load(name);
      const failures: string[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        for (const r of verifySheet(buildSheet(spec, { seed }))) {
          if (!r.ok) failures.push(`seed ${seed} ${r.exerciseId}: ${r.failures.map((f) => `${f.answerId}: ${f.message}`).join('; ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
