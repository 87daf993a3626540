/**
 * mathjs side of the bench, run in a child process (child_process.fork from
 * sections/network.ts) so that the parent can kill it when one run exceeds the time limit.
 *
 * Protocol (IPC messages):
 *   parent → child  MathjsJob
 *   child → parent  {type:'ready'} after importing mathjs and one untimed warm-up, then one
 *                   {type:'run'} per timed run, then {type:'done'}; {type:'error'} on a throw.
 * One timed run = math.derivative(text, wrt) (with mathjs's default {simplify: true}) followed
 * by math.simplify(result), exactly as a user would call them on the same string.
 */

export interface MathjsJob {
  readonly text: string;
  readonly wrt: string;
  /** A small expression for the untimed warm-up (JIT), e.g. the n = 1 network. */
  readonly warmupText: string;
  /** Stop after this many timed runs … */
  readonly maxRuns: number;
  /** … or once the timed runs so far add up to this many ms (at least one run always happens). */
  readonly budgetMs: number;
  /** Values for every free name, to evaluate the result once (untimed) for the sanity check. */
  readonly point: Readonly<Record<string, number>>;
}

export type MathjsMessage =
  | { readonly type: 'ready'; readonly importMs: number; readonly warmupMs: number; readonly version: string }
  | {
      readonly type: 'run';
      readonly derivativeMs: number;
      readonly simplifyMs: number;
      readonly totalMs: number;
      readonly chars: number;
      /** The simplified result evaluated at `point` (first run only). */
      readonly value: number | null;
    }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

function send(m: MathjsMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('mathjs_child.ts must be started with child_process.fork'));
      return;
    }
    process.send(m, undefined, {}, (err) => (err ? reject(err) : resolve()));
  });
}

const ms = (t0: bigint, t1: bigint): number => Number(t1 - t0) / 1e6;

async function run(job: MathjsJob): Promise<void> {
  const t0 = process.hrtime.bigint();
  const math = await import('mathjs');
  const t1 = process.hrtime.bigint();
  math.simplify(math.derivative(job.warmupText, job.wrt));
  const t2 = process.hrtime.bigint();
  await send({ type: 'ready', importMs: ms(t0, t1), warmupMs: ms(t1, t2), version: math.version });

  let spent = 0;
  for (let i = 0; i < job.maxRuns && (i === 0 || spent < job.budgetMs); i++) {
    const a = process.hrtime.bigint();
    const d = math.derivative(job.text, job.wrt);
    const b = process.hrtime.bigint();
    const s = math.simplify(d);
    const c = process.hrtime.bigint();
    spent += ms(a, c);
    let value: number | null = null;
    if (i === 0) {
      const v: unknown = s.evaluate({ ...job.point });
      value = typeof v === 'number' ? v : null;
    }
    await send({ type: 'run', derivativeMs: ms(a, b), simplifyMs: ms(b, c), totalMs: ms(a, c), chars: s.toString().length, value });
  }
  await send({ type: 'done' });
}

process.once('message', (job: MathjsJob) => {
  run(job)
    .catch(async (e: unknown) => {
      await send({ type: 'error', message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    })
    .finally(() => process.disconnect());
});
