/** Output helpers for commands: formats, JSON, and the one-line errors of the CLI contract. */
import { Option } from 'commander';
import { InputError } from '../errors.js';
import type { Expr } from '../expr/types.js';
import { parse } from '../parse/parse.js';
import { isAbstractFunctionName, lookupOp } from '../ops/registry.js';
import { nowhereDefinedReason } from '../numeric/defined.js';

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

/**
 * An expression of the user's with no value anywhere (x/(x − x), log(−x² − 1)) is bad input
 * (exit 2): nothing can be checked, and the rules would still print a derivative (1/0, or 0 once
 * x − x is simplified away). The message is `${label}${why}, ${so}`.
 */
export function refuseNowhereDefined(label: string, e: Expr, so: string): void {
  const reason = nowhereDefinedReason(e);
  if (reason !== undefined) throw new InputError(`${label}${reason}, ${so}`);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Split "a,b, c" into names; an empty item is an input error naming the flag. */
export function nameList(flag: string, value: string): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new InputError(`${flag} "${value}": empty name in the list`);
  for (const n of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(n)) throw new InputError(`${flag}: '${n}' is not a name (letters, digits and _)`);
  }
  return names;
}

/**
 * Split "a,b, c" into variable names, each written as in an expression (w₁ = w_1 = w1, α = alpha,
 * ŷ = yhat); an empty item, a constant (pi, e) or a function's name is an input error naming the flag.
 */
export function variableList(flag: string, value: string): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new InputError(`${flag} "${value}": empty name in the list`);
  return names.map((n) => variableName(flag, n));
}

/** One word: no digit first, no space, operator or bracket (which parse would read as a product: 1x, u v). */
const WORD = /^[^\d\s+\-*/^()[\]{},;.!'"\\][^\s+\-*/^()[\]{},;.!'"\\]*$/u;

function variableName(flag: string, written: string): string {
  let e: Expr | undefined;
  try {
    e = WORD.test(written) ? parse(written) : undefined;
  } catch {
    e = undefined;
  }
  if (e?.kind === 'const') throw new InputError(`${flag}: '${written}' is the constant ${e.name === 'pi' ? 'π' : 'e = 2.718…'}, not a variable`);
  if (e?.kind !== 'sym' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(e.name)) throw new InputError(`${flag}: '${written}' is not a variable name (letters, digits and _)`);
  if (lookupOp(e.name) || isAbstractFunctionName(e.name)) throw new InputError(`${flag}: '${written}' is the name of a function, not a variable`);
  return e.name;
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
