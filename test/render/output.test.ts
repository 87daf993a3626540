import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputDirectory, writeAtomically } from '../../src/render/output.js';
import { InputError } from '../../src/errors.js';
import { thrown } from '../support/thrown.js';

const root = mkdtempSync(join(tmpdir(), 'gradsheet-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('writes every file into a new directory and leaves no temporary directory behind', () => {
    const dir = join(root, 'new', 'out');
    const written = writeAtomically(dir, [{ name: 'a.html', content: 'A' }, { name: 'a.pdf', content: new Uint8Array([1, 2]) }]);
    expect(written).toEqual([join(dir, 'a.html'), join(dir, 'a.pdf')]);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.pdf']);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('A');
  });

  it('refuses a file name too long for the file system before it creates the directory', () => {
    // The directory used to be made first: the build failed with exit 2 and left it, empty.
    const dir = join(root, 'fresh', 'sub');
    const message = thrown(() => writeAtomically(dir, [{ name: `${'x'.repeat(256)}.html`, content: '' }]), InputError).message;
    expect(message).toMatch(/is longer than 255 bytes; use a shorter spec file name or student id$/);
    expect(existsSync(join(root, 'fresh'))).toBe(false);
  });

  it('writes nothing when one target is in the way', () => {
    const dir = join(root, 'busy');
    mkdirSync(join(dir, 'b.html'), { recursive: true });
    writeFileSync(join(dir, 'keep.txt'), 'old');
    const message = thrown(() => writeAtomically(dir, [{ name: 'a.html', content: 'A' }, { name: 'b.html', content: 'B' }]), InputError).message;
    expect(message).toBe(`--out ${dir}: b.html is a directory`);
    expect(readdirSync(dir).sort()).toEqual(['b.html', 'keep.txt']);
    expect(thrown(() => writeAtomically(dir, [{ name: 'c.html', content: '' }, { name: 'c.html', content: '' }]), InputError).message).toBe(`--out ${dir}: two outputs would both be named c.html`);
  });
});

describe('checkOutputDirectory', () => {
  it('refuses an empty --out in words (it said "cannot be written (ENOENT)")', () => {
    expect(thrown(() => checkOutputDirectory('', '--out'), InputError).message).toBe('--out: empty; name a directory (. for this one)');
  });

  it('creates nothing', () => {
    checkOutputDirectory(join(root, 'later', 'out'), '--out');
    expect(existsSync(join(root, 'later'))).toBe(false);
  });
});
