/**
 * Malformed input of any kind gives a positioned ParseError, and through the CLI exit 2 with one
 * line on stderr, no stack trace, within a second.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../src/parse/parse.js';
import { ParseError } from '../../src/errors.js';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const MALFORMED: readonly (readonly [string, string])[] = [
  ['an unclosed call', 'sigma('],
  ['two operators in a row', 'x +* y'],
  ['an unopened parenthesis', 'w1)'],
  ['the empty string', ''],
  ['10,000 nested parentheses', `${'('.repeat(10_000)}x${')'.repeat(10_000)}`],
  ['a 1 MB string', 'x+'.repeat(500_000)],
  ['a 2,000-level power tower', `${'x^'.repeat(2000)}x`],
  ['50,000 minus signs', `${'-'.repeat(50_000)}x`],
];

interface Captured {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
  readonly ms: number;
}

async function runCaptured(argv: readonly string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  const start = performance.now();
  const code = await run(argv, io);
  return { code, out, err, ms: performance.now() - start };
}

/** Lines of everything written to stderr (a write may itself hold several lines). */
const lines = (writes: readonly string[]): string[] => writes.join('\n').split('\n').filter((l) => l !== '');

const STACK_FRAME = /^\s+at\s|\.ts:\d+|\.js:\d+/m;

describe.each(MALFORMED)('%s', (_, input) => {
  it('raises a ParseError with a column', () => {
    const e = thrown(() => parse(input), ParseError);
    expect(e).toBeInstanceOf(ParseError);
    expect(Number.isInteger(e.column) && e.column >= 1).toBe(true);
    expect(e.message).toMatch(/^column \d+: \S/);
  });

  it('through `gradsheet diff`: exit 2, one line on stderr, no stack trace, under 1 s', async () => {
    // An expression starting with '-' follows `--`, as on any command line (else it is an option).
    const argv = input.startsWith('-') ? ['diff', '--wrt', 'x', '--', input] : ['diff', input, '--wrt', 'x'];
    const r = await runCaptured(argv);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    const errLines = lines(r.err);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^gradsheet: /);
    expect(errLines[0]).toMatch(/column \d+: /);
    expect(errLines[0]).not.toMatch(STACK_FRAME);
    expect(errLines[0]).not.toContain('internal error');
    expect(r.ms).toBeLessThan(1000);
  });
});

describe('the built CLI as a subprocess (node bin/gradsheet)', () => {
  beforeAll(() => {
    // bin/gradsheet runs dist/; build it when it is missing (the build takes ≈ 10 s).
    if (!existsSync(join(ROOT, 'dist', 'cli', 'gradsheet.cjs'))) {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
    }
  });

  it.each([
    ['sigma(', 'column 7'],
    [`${'('.repeat(10_000)}x${')'.repeat(10_000)}`, 'nested deeper than 100 levels'],
  ])('%j: exit 2 and a one-line message', (input, where) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gradsheet'), 'diff', input, '--wrt', 'x'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const errLines = r.stderr.split('\n').filter((l) => l !== '');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^gradsheet: /);
    expect(errLines[0]).toContain(where);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints a derivative and exits 0 on good input', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gradsheet'), 'diff', 'v*sigma(u*w+z)', '--wrt', 'w'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("v*sigma'(u*w + z)*u\n");
    expect(r.stderr).toBe('');
  });
});
