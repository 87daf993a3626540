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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot read it'}`);
  }
  return utf8Text(bytes, file);
}

/**
 * The bytes as UTF-8 text. Anything else (a spec saved as Latin-1) is refused at the line of its
 * first bad byte: decoded leniently, "Été" became "�t�" in every title of the build.
 */
export function utf8Text(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
    throw new InputError(`${file}:${line}: not UTF-8 text; save the file as UTF-8`);
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
