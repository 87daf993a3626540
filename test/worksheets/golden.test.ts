/**
 * Whole worksheets as golden files: the bundled specs rendered to LaTeX (sheet and key) and the
 * lecture to JSON, compared byte for byte with test/golden/. Any change to a prompt, an answer, a
 * worked step or the notation shows up here as a line diff; read it (and compile the .tex) before
 * rewriting the files with UPDATE_GOLDEN=1 npx vitest run test/worksheets/golden.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { buildWorksheet } from '../../src/render/worksheet.js';
import { expectGolden } from '../support/golden.js';

const DIR = join(import.meta.dirname, '..', '..', 'worksheets');

function files(name: string): Map<string, string> {
  const file = join(DIR, `${name}.yaml`);
  const built = buildWorksheet(loadSpec(readFileSync(file, 'utf8'), file), { name, formats: ['tex', 'json'] });
  return new Map(built.files.map((f) => [f.name, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8')]));
}

describe('whole worksheets against golden files', () => {
  const lecture = files('lecture');
  const practice = files('backprop-practice');

  it.each(['lecture.tex', 'lecture-key.tex', 'lecture.json'])('the lecture: %s', (name) => {
    expectGolden(name, lecture.get(name) ?? '');
  });

  it.each(['backprop-practice.tex', 'backprop-practice-key.tex'])('the practice set at its own seed: %s', (name) => {
    expectGolden(name, practice.get(name) ?? '');
  });
});
