import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { SpecError } from '../../src/spec/source.js';
import { latexSize, MAX_EXERCISE_LATEX, pagesOf } from '../../src/exercises/size.js';

describe('how much a key typesets', () => {
  it("the bundled worksheets' exercises are far below the limit", () => {
    for (const name of ['lecture', 'backprop-practice']) {
      const file = join('worksheets', `${name}.yaml`);
      const sheet = buildSheet(loadSpec(readFileSync(file, 'utf8'), file));
      for (const ex of sheet.exercises) {
        expect(latexSize(ex), `${name} ${ex.id}`).toBeGreaterThan(100);
        expect(latexSize(ex), `${name} ${ex.id}`).toBeLessThan(MAX_EXERCISE_LATEX / 10);
      }
    }
  });

  it('counts the answers, their cases and the worked steps', () => {
    const spec = (params: string): ReturnType<typeof loadSpec> => loadSpec(`title: T\nseed: 1\nexercises:\n  - { kind: partial, params: ${params} }\n`, 'p.yaml');
    const [withCases] = buildSheet(spec('{ layers: [2, 2, 1], activation: relu, wrt: w1 }')).exercises;
    const [plain] = buildSheet(spec('{ layers: [2, 2, 1], activation: sigma, wrt: w1 }')).exercises;
    expect(withCases.answers[0].cases?.length).toBeGreaterThan(0);
    expect(latexSize(withCases)).toBeGreaterThan(latexSize(plain));
  });

  it('gives the printed length in pages, about 6,000 characters of formulas a page', () => {
    expect(pagesOf(1_138_468)).toBe('about 190 pages');
    expect(pagesOf(200)).toBe('about 1 page');
  });
});

describe('an exercise too long to print is a spec error', () => {
  it('names the file, the line and the layers, with the size in pages', () => {
    // ∇_{W⁽¹⁾}f of a 4-4-4-4 sigmoid network written out: 1.1 million characters of LaTeX, a
    // 100 MB key that Chromium crashed on.
    const text = 'title: Too deep\nseed: 11\nexercises:\n  - kind: chain-rule\n  - kind: matrix-gradients\n    params:\n      layers: [4, 4, 4, 4]\n      activation: sigmoid\n';
    const error = thrown(() => buildSheet(loadSpec(text, 'deep.yaml')), SpecError);
    expect(error.message).toMatch(
      /^deep\.yaml:7: exercises\[1\]\.params\.layers: the answer key would set [\d,]+ characters of formulas for this exercise, about \d+ pages; an exercise may have at most 200,000 \(about 33 pages\): choose fewer or narrower layers \(exercise ex2, matrix-gradients\)$/,
    );
  });

  it('suggests shorter steps where the kind has them', () => {
    const text = 'title: All of them\nseed: 1\nexercises:\n  - kind: mse-partials\n    params: { layers: [4, 4, 4, 4], activation: sigmoid, count: 3, steps: full }\n';
    const error = thrown(() => buildSheet(loadSpec(text, 'mse.yaml')), SpecError);
    expect(error.message).toMatch(/^mse\.yaml:5: exercises\[0\]\.params\.layers: .*: choose fewer or narrower layers, or steps: short \(exercise ex1, mse-partials\)$/);
  });
});

describe('a sheet too long to print is a spec error', () => {
  it('names the exercises list and says to split the sheet', () => {
    // Each of these is 168,000 characters, within the limit for one exercise; five are 840,000.
    const entry = '  - { kind: all-partials, params: { layers: [4, 4, 4], activation: sigmoid, steps: full } }\n';
    const text = `title: Everything\nseed: 11\nexercises:\n${entry.repeat(5)}`;
    const error = thrown(() => buildSheet(loadSpec(text, 'all.yaml')), SpecError);
    expect(error.message).toMatch(
      /^all\.yaml:\d+: exercises: the answer key would set [\d,]+ characters of formulas, about 1\d\d pages; one key holds at most 800,000 \(about 133 pages\): split the exercises over two worksheets$/,
    );
  }, 60_000);
});
