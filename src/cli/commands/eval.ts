/**
 * `gradsheet eval EXPR --let NAME=VALUE …`: the value of an expression of numbers and matrices,
 * exact (rationals) unless something irrational appears. The lecture's forward pass:
 *   gradsheet eval "W2*relu(W1*x + b1) + b2" --let "W1=[1,0,1;-1,2,3]" --let "b1=[-1;2]" \
 *     --let "W2=[1,-1;-1,1]" --let "b2=[0;1]" --let "x=[1;0;-2]"        → [0; 1]
 */
import { Command } from 'commander';
import { parse } from '../../parse/parse.js';
import { evaluateValue, isExactValue, type Value } from '../../numeric/matrix-eval.js';
import { valueEntries, valueLatex, valueText } from '../../numeric/value-format.js';
import { freeSymbols } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { InputError, ParseError } from '../../errors.js';
import { formatOption, inArgument, json, type Format, type Io } from '../io.js';

interface EvalOptions {
  let?: string[];
  format: Format;
}

/** Floats in text and LaTeX: 6 significant digits, enough to read and to compare by eye. */
const TEXT_DIGITS = 6;

export function evalCommand(io: Io): Command {
  return new Command('eval')
    .description('evaluate an expression of numbers, vectors and matrices; exact rationals unless something irrational appears')
    .argument('<expr>', 'the expression, e.g. "W2*relu(W1*x + b1) + b2"')
    .option('--let <binding>', 'NAME=VALUE, e.g. "W1=[1,0,1;-1,2,3]" or "x=[1;0;-2]" (repeatable; later values may use earlier names)', collect)
    .addOption(formatOption())
    .action((source: string, opts: EvalOptions) => {
      const expr = inArgument('EXPR', () => parse(source));
      const env = bindings(opts.let ?? []);
      const missing = freeSymbols(expr).filter((s) => !env.has(s));
      if (missing.length) {
        throw new InputError(`EXPR: no value for ${missing.join(', ')}; give ${missing.length === 1 ? 'it' : 'them'} with --let ${missing[0]}=…`);
      }
      const value = inArgument('EXPR', () => evaluateValue(expr, env));
      io.out(render(value, opts.format));
    });
}

/** Repeated --let flags accumulate (no default, so --help shows none). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parse and evaluate the --let bindings in order; every error names its --let. */
function bindings(lets: readonly string[]): Map<string, Value> {
  const env = new Map<string, Value>();
  for (const binding of lets) {
    const what = `--let ${binding}`;
    const eq = binding.indexOf('=');
    if (eq < 0) throw new InputError(`${what}: expected NAME=VALUE, e.g. --let "x=[1;0;-2]"`);
    const name = bindingName(what, binding.slice(0, eq));
    if (env.has(name)) throw new InputError(`${what}: ${name} is already given by an earlier --let`);
    const valueText = binding.slice(eq + 1);
    const offset = eq + 1;
    let expr: Expr;
    try {
      expr = parse(valueText);
    } catch (e) {
      // Columns count from the start of NAME=VALUE, as the user typed it.
      if (e instanceof ParseError) throw new InputError(`${what}: column ${e.column + offset}: ${e.reason}`);
      throw e;
    }
    const unknown = freeSymbols(expr).filter((s) => !env.has(s));
    if (unknown.length) throw new InputError(`${what}: no value for ${unknown.join(', ')} (give ${unknown.length === 1 ? 'it' : 'them'} in an earlier --let)`);
    env.set(name, inArgument(what, () => evaluateValue(expr, env)));
  }
  return env;
}

/** The NAME of NAME=VALUE, read as the parser reads names (w₁ is w1, ŷ is yhat). */
function bindingName(what: string, text: string): string {
  if (text.trim() === '') throw new InputError(`${what}: a name is missing before '='`);
  let e: Expr;
  try {
    e = parse(text);
  } catch {
    throw new InputError(`${what}: '${text.trim()}' is not a name`);
  }
  if (e.kind === 'const') throw new InputError(`${what}: ${e.name} is a constant and cannot be given a value`);
  if (e.kind !== 'sym') throw new InputError(`${what}: '${text.trim()}' is not a name`);
  return e.name;
}

function render(v: Value, format: Format): string {
  switch (format) {
    case 'json':
      // Full precision in JSON: a consumer compares numbers, a reader sees the text output.
      return json({
        value: valueText(v),
        latex: valueLatex(v, { digits: TEXT_DIGITS }),
        exact: isExactValue(v),
        ...(v.kind === 'matrix' ? { rows: v.rows, cols: v.cols, entries: valueEntries(v) } : {}),
      });
    case 'latex':
      return valueLatex(v, { digits: TEXT_DIGITS });
    case 'text':
      return valueText(v, { digits: TEXT_DIGITS });
  }
}
