/**
 * Parent side of the mathjs measurements: forks bench/mathjs_child.ts for one expression and
 * kills it (by its pid, SIGKILL) when one timed run takes longer than the limit.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MathjsJob, MathjsMessage } from './mathjs_child.js';

type RunMessage = Extract<MathjsMessage, { type: 'run' }>;
type ReadyMessage = Extract<MathjsMessage, { type: 'ready' }>;

export type MathjsOutcome =
  | { readonly kind: 'ok'; readonly ready: ReadyMessage; readonly runs: readonly RunMessage[] }
  | { readonly kind: 'timeout'; readonly ready: ReadyMessage; readonly runs: readonly RunMessage[]; readonly limitMs: number }
  /** `ready` is set when mathjs had loaded and warmed up, i.e. the timed work itself threw. */
  | { readonly kind: 'error'; readonly message: string; readonly ready?: ReadyMessage };

const CHILD = fileURLToPath(new URL('./mathjs_child.ts', import.meta.url));

/**
 * @param runLimitMs a timed run that has not finished after this long is killed (→ 'timeout')
 * @param startLimitMs limit for importing mathjs plus the warm-up
 */
export function runMathjs(job: MathjsJob, runLimitMs: number, startLimitMs = 60_000): Promise<MathjsOutcome> {
  return new Promise((resolve) => {
    // The child inherits this process's execArgv, which holds tsx's loader when run by tsx.
    const child = fork(CHILD, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let ready: ReadyMessage | undefined;
    const runs: RunMessage[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const finish = (outcome: MathjsOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const arm = (ms: number, onExpire: () => void): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onExpire, ms);
    };

    arm(startLimitMs, () => finish({ kind: 'error', message: `mathjs did not load within ${startLimitMs / 1000} s` }));
    child.on('message', (m: MathjsMessage) => {
      switch (m.type) {
        case 'ready':
          ready = m;
          break;
        case 'run':
          runs.push(m);
          break;
        case 'done':
          if (ready) finish({ kind: 'ok', ready, runs });
          else finish({ kind: 'error', message: 'mathjs child finished without starting' });
          return;
        case 'error':
          finish(ready ? { kind: 'error', message: m.message, ready } : { kind: 'error', message: m.message });
          return;
      }
      const r = ready;
      if (r) arm(runLimitMs, () => finish({ kind: 'timeout', ready: r, runs: [...runs], limitMs: runLimitMs }));
    });
    child.on('error', (e) => finish({ kind: 'error', message: e.message }));
    child.on('exit', (code, signal) =>
      finish({ kind: 'error', message: `mathjs child exited early (${signal ?? `code ${code}`})` }),
    );
    child.send(job);
  });
}
