/**
 * The gradsheet command line. Commands live one per file in ./commands and are listed here.
 * Exit codes: 0 success, 1 a negative verdict, 2 bad input or usage (one line on stderr).
 */
import { Command, CommanderError } from 'commander';
import { InputError, isInputError } from '../errors.js';
import { processIo, type CommandIo, type Io } from './io.js';
import { diffCommand } from './commands/diff.js';
import { jacobianCommand } from './commands/jacobian.js';
import { chainCommand } from './commands/chain.js';
import { evalCommand } from './commands/eval.js';
import { networkCommand } from './commands/network.js';
import { trainCommand } from './commands/train.js';
import { buildCommand } from './commands/build.js';
import { verifyCommand } from './commands/verify.js';
import { xorCommand } from './commands/xor.js';
import { checkCommand } from './commands/check.js';

export const VERSION = '0.1.0';

/** Options that may be given several times (each adds one). */
const REPEATABLE = new Set(['--let', '--define']);
/** Options that take a comma-separated list. */
const LISTS = new Set(['--wrt', '--vars', '--outer-vars', '--format', '--layers', '--functions']);

export function program(io: CommandIo): Command {
  const root = new Command('gradsheet')
    .description('The calculus of neural networks, with its steps: partials, Jacobians, the chain rule, worksheets and answer keys.')
    .version(VERSION)
    .showSuggestionAfterError(true);
  for (const make of [diffCommand, jacobianCommand, chainCommand, evalCommand, networkCommand, trainCommand, buildCommand, verifyCommand, xorCommand, checkCommand]) root.addCommand(make(io));
  return root;
}

/** Run the CLI with the given arguments (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let verdict: 0 | 1 | 2 = 0;
  const root = program({ out: io.out, err: io.err, setExitCode: (code) => (verdict = code) });
  let usageError = '';
  const configure = (c: Command): void => {
    c.exitOverride();
    c.configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => {
        usageError += s;
      },
      outputError: (s) => {
        usageError = s;
      },
    });
    for (const opt of c.options) {
      if (opt.long === undefined || REPEATABLE.has(opt.long) || opt.long === '--help' || opt.long === '--version') continue;
      const flag = opt.long;
      let seen = 0;
      // Commander keeps the last of a repeated option and says nothing: `--wrt x --wrt y` gave ∂/∂y only.
      c.on(`option:${opt.name()}`, () => {
        if (++seen > 1) throw new InputError(`${flag}: given more than once${LISTS.has(flag) ? `; list several in one, as ${flag} a,b` : ''}`);
      });
    }
    for (const sub of c.commands) configure(sub);
  };
  configure(root);
  const names = root.commands.map((c) => c.name());
  if (argv.length === 0) {
    io.err(`gradsheet: no command given; choose one of ${names.join(', ')} (gradsheet --help)`);
    return 2;
  }
  if (argv[0] === 'help' && argv[1] !== undefined && !names.includes(argv[1])) {
    io.err(`gradsheet: help: unknown command '${argv[1]}'; the commands are ${names.join(', ')}`);
    return 2;
  }
  try {
    await root.parseAsync([...argv], { from: 'user' });
    return verdict;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const line = (usageError || e.message).trim().split('\n')[0].replace(/^error: /, '');
      io.err(`gradsheet: ${line}`);
      return 2;
    }
    if (isInputError(e)) {
      io.err(`gradsheet: ${e.message.split('\n')[0]}`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`gradsheet: internal error: ${message.split('\n')[0]} (please report this with the command you ran)`);
    return 3;
  }
}
