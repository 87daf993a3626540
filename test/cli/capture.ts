/** Run the CLI in-process with a capturing Io: the exit code and what went to stdout and stderr. */
import { expect } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function gradsheet(...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Exit 2, nothing on stdout, exactly one line on stderr: "gradsheet: <message>". */
export function expectInputError(r: Captured, message: string): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`gradsheet: ${message}`);
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}
