/** Reading the files `build` and `verify` are given, with one-line errors that name them. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { bundledLectureSpec } from '../render/assets.js';

/** The bundled lecture worksheet, for `build` and `verify` without a SPEC. */
export function defaultSpec(): string {
  const file = bundledLectureSpec();
  if (!isFile(file)) throw new InputError(`no SPEC given and the bundled lecture worksheet is missing (${file}); pass a spec file`);
  return file;
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `what` names the argument in the message: `SPEC lecture.yml: no such file`. */
export function readText(file: string, what: string): string {
  if (isDirectory(file)) throw new InputError(`${what} ${file}: is a directory, not a file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot read it'}`);
  }
}

/** Every *.yaml and *.yml directly in a directory, sorted by name. */
export function specsIn(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f))
    .filter(isFile);
  if (files.length === 0) throw new InputError(`${dir}: no *.yaml or *.yml worksheet specs in this directory`);
  return files;
}
