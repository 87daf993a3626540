/**
 * `gradsheet build … --format interactive`: one page per sheet (per variant with --variants),
 * byte-identical for the same spec and seed, and different for another seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeScratch, scratch } from '../fixtures/cli.js';
import { renderInteractive } from '../../src/interactive/render.js';
import { ensureBundle, pageData, sheetOf, specFile } from './support.js';

beforeAll(ensureBundle);
afterAll(removeScratch);

describe('the interactive page', () => {
  it('is the same bytes from two builds of the same spec and seed, in two processes’ worth of state', async () => {
    const [a, b] = [scratch(), scratch()];
    for (const out of [a, b]) {
      const r = await cli('build', specFile('lecture'), '--out', out, '--format', 'interactive');
      expect(r.code, r.err).toBe(0);
    }
    expect(readdirSync(a)).toEqual(['lecture-interactive.html']);
    expect(readFileSync(join(a, 'lecture-interactive.html')).equals(readFileSync(join(b, 'lecture-interactive.html')))).toBe(true);
    // …and the same as rendered in this process directly, after other sheets (caches must not leak).
    renderInteractive(sheetOf('backprop-practice'));
    expect(renderInteractive(sheetOf('lecture'))).toBe(readFileSync(join(a, 'lecture-interactive.html'), 'utf8'));
  });

  it('is one file per variant, each with its own seed and fingerprints', async () => {
    const out = scratch();
    const r = await cli('build', specFile('backprop-practice'), '--out', out, '--format', 'html,interactive', '--variants', '2');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'backprop-practice-01-interactive.html',
      'backprop-practice-01-key.html',
      'backprop-practice-01.html',
      'backprop-practice-02-interactive.html',
      'backprop-practice-02-key.html',
      'backprop-practice-02.html',
    ]);
    const pages = ['01', '02'].map((id) => readFileSync(join(out, `backprop-practice-${id}-interactive.html`), 'utf8'));
    expect(pages[0]).toMatch(/Seed \d+ <span class="u">·<\/span> Variant 01/);
    const salts = pages.map((p) => Object.values(pageData(p).answers).map((a) => ('salt' in a ? a.salt : '')));
    expect(salts[0]).not.toEqual(salts[1]);
  });

  it('changes with the seed', () => {
    expect(renderInteractive(sheetOf('lecture', 1))).not.toBe(renderInteractive(sheetOf('lecture', 2)));
  });
});
