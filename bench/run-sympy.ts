/**
 * Parent side of the SymPy measurements: one python3 process runs bench/sympy_bench.py for all
 * cases (the JSON job on stdin, the JSON result on stdout). A missing python3 or sympy is not an
 * error of the bench: it comes back as { kind: 'unavailable' } and the rows say "skipped".
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SympyJob {
  readonly wrt: string;
  readonly warmups: number;
  readonly runs: number;
  readonly cases: readonly {
    readonly n: number;
    readonly expr: string;
    readonly names: readonly string[];
    readonly point: Readonly<Record<string, number>>;
  }[];
  /** Return str(diff) for this case too (for the report). */
  readonly textForN?: number;
}

export interface SympyCase {
  readonly n: number;
  readonly diffMs: readonly number[];
  readonly diffChars: number;
  readonly cseChars: number;
  readonly cseDefs: number;
  readonly cseMs: number;
  readonly value: number | null;
  readonly diffText: string | null;
}

export type SympyOutcome =
  | { readonly kind: 'ok'; readonly sympy: string; readonly python: string; readonly cases: readonly SympyCase[] }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

const SCRIPT = fileURLToPath(new URL('./sympy_bench.py', import.meta.url));

/** python3, or $GRADSHEET_BENCH_PYTHON when set. */
const PYTHON = process.env.GRADSHEET_BENCH_PYTHON ?? 'python3';

export function runSympy(job: SympyJob, limitMs = 600_000): Promise<SympyOutcome> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (o: SympyOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(o);
    };
    const timer = setTimeout(() => finish({ kind: 'error', message: `SymPy did not finish within ${limitMs / 1000} s` }), limitMs);
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish(
        e.code === 'ENOENT'
          ? { kind: 'unavailable', reason: `${PYTHON} not found` }
          : { kind: 'error', message: `${PYTHON}: ${e.message}` },
      ),
    );
    child.on('close', (code) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(stdout);
      } catch {
        finish({ kind: 'error', message: `sympy_bench.py exited with code ${code}: ${lastLine(stderr) || 'no output'}` });
        return;
      }
      finish(interpret(parsed, code));
    });
    child.stdin.on('error', () => undefined); // python may exit before reading (e.g. no sympy)
    child.stdin.end(JSON.stringify({ ...job, text_for_n: job.textForN ?? null }));
  });
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop() ?? '';
}

// ---- the JSON from python, checked field by field (no `any`) --------------------------------

type Json = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(o: Json, k: string): number {
  const v = o[k];
  if (typeof v !== 'number') throw new Error(`field ${k} is not a number`);
  return v;
}

function interpret(v: unknown, code: number | null): SympyOutcome {
  if (!isObject(v)) return { kind: 'error', message: 'sympy_bench.py printed something other than an object' };
  if (typeof v.error === 'string') return code === 3 ? { kind: 'unavailable', reason: v.error } : { kind: 'error', message: v.error };
  try {
    const cases = v.cases;
    if (!Array.isArray(cases)) throw new Error('no cases');
    return {
      kind: 'ok',
      sympy: String(v.sympy),
      python: String(v.python),
      cases: cases.map((c: unknown): SympyCase => {
        if (!isObject(c)) throw new Error('a case is not an object');
        const ms = c.diff_ms;
        if (!Array.isArray(ms) || !ms.every((x): x is number => typeof x === 'number')) throw new Error('diff_ms');
        return {
          n: num(c, 'n'),
          diffMs: ms,
          diffChars: num(c, 'diff_chars'),
          cseChars: num(c, 'cse_chars'),
          cseDefs: num(c, 'cse_defs'),
          cseMs: num(c, 'cse_ms'),
          value: typeof c.value === 'number' ? c.value : null,
          diffText: typeof c.diff_text === 'string' ? c.diff_text : null,
        };
      }),
    };
  } catch (e) {
    return { kind: 'error', message: `unexpected output from sympy_bench.py: ${e instanceof Error ? e.message : String(e)}` };
  }
}
