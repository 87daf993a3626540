// bin/load-cli.mjs: the built CLI is compiled with its V8 code cache only when the cache was made
// from the very bytes of the bundle; otherwise from source, with the same results.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

interface Cli {
  run(argv: readonly string[], io: { out(text: string): void; err(text: string): void }): Promise<number>;
}
interface Loaded {
  cli: Cli;
  cache: 'used' | 'absent' | 'stale' | 'rejected';
}
interface LoadCli {
  BUNDLE: string;
  CODE_CACHE: string;
  loadCli(options?: { bundle?: string; codeCache?: string; useCache?: boolean }): Loaded;
}

let loader: LoadCli;
let dir: string;

beforeAll(async () => {
  loader = (await import(pathToFileURL(join(ROOT, 'bin', 'load-cli.mjs')).href)) as LoadCli;
  dir = mkdtempSync(join(tmpdir(), 'gradsheet-load-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function evaluate(cli: Cli, expr: string): Promise<[number, string]> {
  let out = '';
  const code = await cli.run(['eval', expr], { out: (t) => (out += t), err: (t) => (out += t) });
  return [code, out.trim()];
}

describe('loadCli', () => {
  it('uses the cache that npm run build wrote for the built bundle', async () => {
    const { cli, cache } = loader.loadCli();
    expect(cache).toBe('used');
    expect(await evaluate(cli, '1/3 + 1/6')).toEqual([0, '1/2']);
  });

  it('compiles from source when there is no cache', async () => {
    const bundle = join(dir, 'no-cache.cjs');
    copyFileSync(loader.BUNDLE, bundle);
    const { cli, cache } = loader.loadCli({ bundle, codeCache: join(dir, 'none.v8cache') });
    expect(cache).toBe('absent');
    expect(await evaluate(cli, '1/3 + 1/6')).toEqual([0, '1/2']);
  });

  it('compiles from source when the cache cannot be read (here a directory in its place)', async () => {
    const bundle = join(dir, 'unreadable.cjs');
    copyFileSync(loader.BUNDLE, bundle);
    const codeCache = join(dir, 'unreadable.v8cache');
    mkdirSync(codeCache);
    const { cli, cache } = loader.loadCli({ bundle, codeCache });
    expect(cache).toBe('absent');
    expect(await evaluate(cli, '1/3 + 1/6')).toEqual([0, '1/2']);
  });

  it('refuses a cache made from other bytes of the same length, which V8 alone would take', async () => {
    // One digit of the version changed: the same length, another program.
    const source = readFileSync(loader.BUNDLE, 'utf8');
    const edited = source.replace('var VERSION = "0.1.0"', 'var VERSION = "0.1.9"');
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    const bundle = join(dir, 'edited.cjs');
    writeFileSync(bundle, edited);
    const { cli, cache } = loader.loadCli({ bundle, codeCache: loader.CODE_CACHE });
    expect(cache).toBe('stale');
    let out = '';
    expect(await cli.run(['--version'], { out: (t) => (out += t), err: () => {} })).toBe(0);
    expect(out.trim()).toBe('0.1.9');
  });

  it('runs from source when the cache is damaged', async () => {
    const bundle = join(dir, 'damaged.cjs');
    copyFileSync(loader.BUNDLE, bundle);
    const codeCache = join(dir, 'damaged.v8cache');
    const bytes = readFileSync(loader.CODE_CACHE);
    // The digest kept, the bytecode after it cut short: V8 checks its own checksum.
    writeFileSync(codeCache, bytes.subarray(0, 32 + Math.floor((bytes.length - 32) / 2)));
    const { cli, cache } = loader.loadCli({ bundle, codeCache });
    expect(cache).toBe('rejected');
    expect(await evaluate(cli, '[1, 2; 3, 4] * [1; 1]')).toEqual([0, expect.stringContaining('3') as unknown as string]);
  });
});
