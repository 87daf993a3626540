/** The command line as a whole: what a missing or unknown command gets. */
import { describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

const COMMANDS = 'diff, jacobian, chain, eval, network, train, build, verify, xor, check';

describe('gradsheet', () => {
  it('without a command is a usage error that lists the commands (before: exit 0 and no output)', async () => {
    expectInputError(await gradsheet(), `no command given; choose one of ${COMMANDS} (gradsheet --help)`);
  });

  it('help for an unknown command says so (before: exit 0 and no output)', async () => {
    expectInputError(await gradsheet('help', 'foo'), `help: unknown command 'foo'; the commands are ${COMMANDS}`);
  });

  it('help for a command still prints its help (exit 0)', async () => {
    const r = await gradsheet('help', 'diff');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gradsheet diff/);
  });

  it('an option given twice is a usage error, except the repeatable ones (before: the last one silently won)', async () => {
    expectInputError(await gradsheet('diff', 'x*y', '--wrt', 'x', '--wrt', 'y'), '--wrt: given more than once; list several in one, as --wrt a,b');
    expectInputError(await gradsheet('build', '--out', 'a', '--out', 'b', '--format', 'json'), '--out: given more than once');
    expectInputError(await gradsheet('network', '--layers', '2,2,1', '--no-bias', '--no-bias'), '--no-bias: given more than once');
    const r = await gradsheet('eval', 'x + y', '--let', 'x=1', '--let', 'y=2');
    expect([r.code, r.stdout]).toEqual([0, '3']);
  });

  it('an unknown command is a usage error in one line', async () => {
    const r = await gradsheet('differentiate', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradsheet: unknown command 'differentiate'/);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });
});
