/**
 * Writing a build's files so that an error never leaves a half-written one: everything is
 * rendered in memory first, every target is checked, then the files are written into a temporary
 * directory inside the output directory (same file system, so rename is atomic), and each is
 * renamed over its final name.
 *
 * rename() replaces whatever has the name, so a target is checked first: a directory, a symlink,
 * a device or a FIFO of that name is refused (rename would put a plain file in its place; for
 * /dev/full, it did), and so is a read-only file.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export interface NamedContent {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes). */
const MAX_NAME_BYTES = 255;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** An errno in words: "cannot be written to" for permissions, else the code. */
function failure(e: unknown, doing: string): string {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'cannot be written to' : `cannot be ${doing} (${code})`;
}

/**
 * `dir` and the directories above it that do not exist yet, nearest the root first, and the
 * nearest that does. A file in the way is an error naming it.
 */
function missingDirectories(dir: string, flag: string): { missing: string[]; existing: string | undefined } {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    const st = statOrUndefined(at);
    if (st?.isDirectory()) return { missing: missing.reverse(), existing: at };
    if (st) throw new InputError(`${flag} ${dir}: ${at === resolve(dir) ? '' : `${at} `}is a file, not a directory`);
    missing.push(at);
    if (dirname(at) === at) return { missing: missing.reverse(), existing: undefined };
  }
}

/**
 * Make `dir` and any missing parents, one level at a time. (Node's recursive mkdir never returns
 * under /proc: it retries the parent's EEXIST forever.)
 */
export function ensureDirectory(dir: string, flag: string): void {
  for (const d of missingDirectories(dir, flag).missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statOrUndefined(d)?.isDirectory()) continue;
      throw new InputError(`${flag} ${dir}: ${failure(e, 'created')}`);
    }
  }
}

/**
 * Fail fast, before a build that may take a minute: `dir` must be a directory or creatable in the
 * nearest directory above it. Creates nothing (a build that then fails writes nothing).
 */
export function checkOutputDirectory(dir: string, flag: string): void {
  if (dir.trim() === '') throw new InputError(`${flag}: empty; name a directory (. for this one)`);
  const { existing } = missingDirectories(dir, flag);
  if (existing === undefined) return;
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${dir}: cannot be written to`);
  }
}

/** Why `path` may not be replaced by a new file, or undefined if it may (absent, or a writable regular file). */
export function unwritableTarget(path: string): string | undefined {
  const st = statOrUndefined(path);
  if (!st) return undefined;
  if (st.isDirectory()) return 'is a directory';
  if (st.isSymbolicLink()) return 'is a symbolic link; write to its target instead';
  if (!st.isFile()) return 'is not a regular file (a device, FIFO or socket)';
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'is read-only';
  }
  return undefined;
}

/** Nothing is written unless every file can be: names unique and not too long, no target in the way. */
function checkTargets(dir: string, files: readonly NamedContent[], flag: string): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new InputError(`${flag} ${dir}: two outputs would both be named ${f.name}`);
    seen.add(f.name);
    if (Buffer.byteLength(f.name) > MAX_NAME_BYTES) {
      throw new InputError(`${flag} ${dir}: the file name ${f.name.slice(0, 40)}… is longer than ${MAX_NAME_BYTES} bytes; use a shorter spec file name or student id`);
    }
    const why = unwritableTarget(join(dir, f.name));
    if (why) throw new InputError(`${flag} ${dir}: ${f.name} ${why}`);
  }
}

/** Temporary directories of builds that were killed while writing (a name no build output has). */
const TEMPORARY = /^\.gradsheet-[A-Za-z0-9]{6}$/;

export function writeAtomically(dir: string, files: readonly NamedContent[], flag = '--out'): string[] {
  // Targets first: a name too long for the file system must not leave a new, empty --out behind.
  checkTargets(dir, files, flag);
  ensureDirectory(dir, flag);
  let tmp: string;
  try {
    // A build killed while writing leaves its temporary directory; the next one clears it.
    for (const entry of readdirSync(dir)) if (TEMPORARY.test(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
    tmp = mkdtempSync(join(dir, '.gradsheet-'));
  } catch (e) {
    throw new InputError(`${flag} ${dir}: ${failure(e, 'written')}`);
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

/** One file written atomically next to its target (a temporary name, then rename). */
export function writeFileAtomically(file: string, content: string, flag: string): void {
  const dir = dirname(file);
  if (!statOrUndefined(dir)?.isDirectory()) throw new InputError(`${flag} ${file}: cannot write (directory ${dir} does not exist)`);
  const why = unwritableTarget(file);
  if (why) throw new InputError(`${flag} ${file}: cannot write (it ${why})`);
  const tmp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${flag} ${file}: ${failure(e, 'written')}`);
  }
}
