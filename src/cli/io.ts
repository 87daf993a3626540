/** Output helpers for commands: formats, JSON, and the one-line errors of the CLI contract. */
import { Option } from 'commander';
import { InputError } from '../errors.js';

export type Format = 'text' | 'latex' | 'json';

export const formatOption = (): Option =>
  new Option('--format <format>', 'output format').choices(['text', 'latex', 'json']).default('text');

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What a command gets: output, and a way to report a verdict (exit 1, or 2 for an answer that cannot be read) without throwing. */
export interface CommandIo extends Io {
  setExitCode(code: 0 | 1 | 2): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Split "a,b, c" into names; an empty item is an input error naming the flag. */
export function nameList(flag: string, value: string): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new InputError(`${flag} "${value}": empty name in the list`);
  for (const n of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(n)) throw new InputError(`${flag}: '${n}' is not a variable name (letters, digits and _)`);
  }
  return names;
}

/** Wrap a parse of a command-line argument so its error names the argument. */
export function inArgument<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${what}: ${e.message}`);
    throw e;
  }
}
