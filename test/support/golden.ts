/** Golden files: compare with test/golden/NAME, or rewrite it when UPDATE_GOLDEN=1. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const dir = fileURLToPath(new URL('../golden/', import.meta.url));

export function expectGolden(name: string, actual: string): void {
  const file = dir + name;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}; run UPDATE_GOLDEN=1 npx vitest run on its test to create it`);
  // toBe on whole files gives a line diff on failure; look at the picture before updating.
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
