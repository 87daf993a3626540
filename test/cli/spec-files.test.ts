import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, utf8Text } from '../../src/cli/spec-files.js';
import { InputError } from '../../src/errors.js';
import { thrown } from '../support/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'gradsheet-spec-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, Buffer.from('\uFEFFtitle: Été\n', 'utf8'));
    expect(readText(file, 'SPEC').replace(/^\uFEFF/, '')).toBe('title: Été\n');
  });

  it('refuses text that is not UTF-8 at the line of its first bad byte (a Latin-1 "Été" became "�t�")', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from('exercises:\n  - kind: chain-rule\ntitle: "\xc9t\xe9"\n', 'latin1'));
    expect(thrown(() => readText(file, 'SPEC'), InputError).message).toBe(`${file}:3: not UTF-8 text; save the file as UTF-8`);
    expect(thrown(() => utf8Text(new Uint8Array([0x41, 0xff]), 'r.csv'), InputError).message).toBe('r.csv:1: not UTF-8 text; save the file as UTF-8');
  });

  it('names the argument when the file cannot be read', () => {
    expect(thrown(() => readText(join(dir, 'none.yaml'), 'SPEC'), InputError).message).toBe(`SPEC ${join(dir, 'none.yaml')}: no such file`);
    expect(thrown(() => readText(dir, '--roster'), InputError).message).toBe(`--roster ${dir}: is a directory, not a file`);
  });
});
