/**
 * Writing a build's files so that an error never leaves a half-written one: everything is
 * rendered in memory first, written into a temporary directory inside the output directory (same
 * file system, so rename is atomic), then each file is renamed over its final name.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { OutputFile } from './worksheet.js';

export function writeAtomically(dir: string, files: readonly OutputFile[]): string[] {
  let tmp: string;
  try {
    mkdirSync(dir, { recursive: true });
    tmp = mkdtempSync(join(dir, '.gradsheet-'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file, not a directory' : code === 'EACCES' || code === 'EROFS' ? 'cannot be written to' : `cannot be created (${code ?? 'error'})`;
    throw new InputError(`--out ${dir}: ${why}`);
  }
  try {
    for (const f of files) writeFileSync(join(tmp, f.name), f.content);
    return files.map((f) => {
      const target = join(dir, f.name);
      renameSync(join(tmp, f.name), target);
      return target;
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
