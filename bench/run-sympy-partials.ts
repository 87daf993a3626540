/**
 * Parent side of bench/sympy_partials.py: every partial of one expanded network with SymPy, in a
 * python3 child that is killed (by its pid, SIGKILL) when the diffs take longer than a limit, or
 * the printing and cse after them take longer than another. The child streams JSON lines, so
 * what finished before a kill is kept: a timeout still says how many partials were done.
 * A missing python3 or sympy comes back as { kind: 'unavailable' }.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SympyPartialsJob {
  readonly expr: string;
  readonly names: readonly string[];
  /** Names that are undefined functions (sympy.Function), e.g. ['sigma']. */
  readonly functions: readonly string[];
  readonly wrt: readonly string[];
  /** Also run sympy.cse on the list of partials. */
  readonly cse: boolean;
}

export interface SympyPartialsLimits {
  /** Importing sympy and parsing the expression (untimed work). */
  readonly startMs: number;
  /** The timed diffs, from 'ready' to 'diffed'. */
  readonly diffMs: number;
  /** Printing (chars) and cse after the diffs, from 'diffed' to 'done'. */
  readonly extrasMs: number;
}

export interface SympyPartialsReady {
  readonly sympy: string;
  readonly python: string;
  readonly parseMs: number;
}

/** What came back; every field present was measured in this run. */
export interface SympyPartialsResult {
  readonly ready: SympyPartialsReady;
  /** Partials finished so far, and the time since the diffs began when the last one finished. */
  readonly done: number;
  readonly doneMs: number;
  readonly diff?: { readonly ms: number; readonly count: number };
  readonly chars?: { readonly chars: number; readonly strMs: number };
  readonly cse?: { readonly chars: number; readonly defs: number; readonly ms: number };
  /** Set when the child was killed: which stage ran over which limit. */
  readonly killed?: { readonly stage: 'diff' | 'extras'; readonly limitMs: number };
}

export type SympyPartialsOutcome =
  | ({ readonly kind: 'ok' } & SympyPartialsResult)
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

const SCRIPT = fileURLToPath(new URL('./sympy_partials.py', import.meta.url));

/** python3, or $GRADSHEET_BENCH_PYTHON when set (as for bench/run-sympy.ts). */
const PYTHON = process.env.GRADSHEET_BENCH_PYTHON ?? 'python3';

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(o: Json, k: string): number {
  const v = o[k];
  if (typeof v !== 'number') throw new Error(`field ${k} is not a number`);
  return v;
}

export function runSympyPartials(job: SympyPartialsJob, limits: SympyPartialsLimits): Promise<SympyPartialsOutcome> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let ready: SympyPartialsReady | undefined;
    let done = 0;
    let doneMs = 0;
    let diff: SympyPartialsResult['diff'];
    let chars: SympyPartialsResult['chars'];
    let cse: SympyPartialsResult['cse'];
    let stderr = '';
    let buffer = '';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const finish = (o: SympyPartialsOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(o);
    };
    const result = (killed?: SympyPartialsResult['killed']): SympyPartialsOutcome => {
      if (!ready) return { kind: 'error', message: 'sympy_partials.py stopped before it was ready' };
      return { kind: 'ok', ready, done, doneMs, ...(diff ? { diff } : {}), ...(chars ? { chars } : {}), ...(cse ? { cse } : {}), ...(killed ? { killed } : {}) };
    };
    const arm = (ms: number, onExpire: () => void): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onExpire, ms);
    };

    arm(limits.startMs, () => finish({ kind: 'error', message: `SymPy did not import and parse within ${limits.startMs / 1000} s` }));

    const onLine = (line: string): void => {
      let m: unknown;
      try {
        m = JSON.parse(line);
      } catch {
        finish({ kind: 'error', message: `sympy_partials.py printed a line that is not JSON: ${line.slice(0, 120)}` });
        return;
      }
      if (!isObject(m)) return;
      try {
        switch (m.type) {
          case 'ready':
            ready = { sympy: String(m.sympy), python: String(m.python), parseMs: num(m, 'parse_ms') };
            arm(limits.diffMs, () => finish(result({ stage: 'diff', limitMs: limits.diffMs })));
            break;
          case 'progress':
            done = num(m, 'done');
            doneMs = num(m, 'ms');
            break;
          case 'diffed':
            diff = { ms: num(m, 'diff_ms'), count: num(m, 'count') };
            arm(limits.extrasMs, () => finish(result({ stage: 'extras', limitMs: limits.extrasMs })));
            break;
          case 'chars':
            chars = { chars: num(m, 'chars'), strMs: num(m, 'str_ms') };
            break;
          case 'cse':
            cse = { chars: num(m, 'cse_chars'), defs: num(m, 'cse_defs'), ms: num(m, 'cse_ms') };
            break;
          case 'done':
            finish(result());
            break;
          case 'error': {
            const message = String(m.message);
            finish(message.startsWith('cannot import sympy') ? { kind: 'unavailable', reason: message } : { kind: 'error', message });
            break;
          }
        }
      } catch (e) {
        finish({ kind: 'error', message: `unexpected output from sympy_partials.py: ${e instanceof Error ? e.message : String(e)}` });
      }
    };

    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      buffer += s;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onLine(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish(
        e.code === 'ENOENT'
          ? { kind: 'unavailable', reason: `${PYTHON} not found` }
          : { kind: 'error', message: `${PYTHON}: ${e.message}` },
      ),
    );
    child.on('close', (code) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      finish({ kind: 'error', message: `sympy_partials.py exited with code ${code} before it was done${last ? `: ${last}` : ''}` });
    });
    child.stdin.on('error', () => undefined); // python may exit before reading (e.g. no sympy)
    child.stdin.end(JSON.stringify(job));
  });
}
