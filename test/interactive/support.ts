/** Shared by the interactive sheet's tests: the bundle built from the current sources, sheets, the page's data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCheckerBundle } from '../../scripts/bundle-checker.mjs';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet, type Sheet } from '../../src/exercises/sheet.js';
import { packageRoot } from '../../src/render/assets.js';
import { decodeBlob } from '../../src/interactive/digest.js';
import type { PageData } from '../../src/interactive/types.js';

let bundled: Promise<unknown> | undefined;

/**
 * dist/interactive/checker.js from the sources as they are now (≈ 0.5 s), once per test worker,
 * so the pages under test never run a stale bundle. Written atomically: two workers may race.
 */
export function ensureBundle(): Promise<unknown> {
  return (bundled ??= writeCheckerBundle());
}

export const WORKSHEETS = ['lecture', 'backprop-practice'] as const;

export const specFile = (name: string): string => join(packageRoot(), 'worksheets', `${name}.yaml`);

export function sheetOf(name: string, seed?: number): Sheet {
  const file = specFile(name);
  return buildSheet(loadSpec(readFileSync(file, 'utf8'), file), { seed });
}

/** The fingerprints a page carries, decoded as its script decodes them. */
export function pageData(html: string): PageData {
  const m = /<script type="application\/octet-stream" id="gradsheet-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no data blob in the page');
  return JSON.parse(decodeBlob(m[1])) as PageData;
}
