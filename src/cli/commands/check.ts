/**
 * `gradsheet check --expected EXPR --answer EXPR [--wrt VAR[,VAR…]]`, or
 * `gradsheet check SPEC --exercise ID [--seed N] --answer EXPR`: is a hand derivation right, and
 * if not, what is the mistake?
 *   gradsheet check --expected "w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3" \
 *     --wrt w1 --answer "w_5 \sigma'(w_1 x_1 + w_2 x_2 + b_1)"
 *   → incorrect: Missing the inner derivative ∂z/∂w₁ = x₁ of z = w₁x₁ + w₂x₂ + b₁ …   (exit 1)
 * Exit 0 correct, 1 incorrect (or undecided: the checker could not decide honestly), 2 an answer
 * that cannot be read or bad flags: one line on stderr that says what and where
 * (`gradsheet: --answer: column 4: …`); with --format json, an unreadable answer's result (verdict
 * "invalid", with its column) goes to stdout instead.
 *
 * Where the expected answer comes from is one of two functions: `targetFromFlags`, or
 * `targetFromSpec`, which builds the sheet of SPEC for seed N (the seed printed on a sheet, a
 * variant's included) and takes exercise ID's answer (ID.ANSWER for exercises with several), with
 * the same test points as the interactive sheet (src/interactive/targets.ts).
 */
import { Command, Option } from 'commander';
import { checkPrepared, prepareCheck } from '../../check/check.js';
import type { Problem } from '../../check/input.js';
import type { CheckOptions, CheckResult } from '../../check/types.js';
import { InputError } from '../../errors.js';
import type { Expr } from '../../expr/types.js';
import { buildSheet } from '../../exercises/sheet.js';
import { findTarget, targetProblem } from '../../interactive/targets.js';
import { freeSymbols } from '../../expr/traverse.js';
import { parseMath } from '../../parse/latex.js';
import { normalizeName } from '../../parse/parse.js';
import { naturalSort } from '../../check/input.js';
import { loadSpec } from '../../spec/load.js';
import { formatOption, json, nameList, refuseNowhereDefined, variableList, type Format, type CommandIo, type Io } from '../io.js';
import { readText } from '../spec-files.js';

interface CheckFlags {
  exercise?: string;
  expected?: string;
  answer?: string;
  wrt?: string;
  seed?: string;
  functions?: string;
  define?: string[];
  timeBudget: string;
  format: Format;
}

/** A one-shot process starts cold (≈ 1 s to load, JIT not warm): a wider budget than the library's 50 ms. */
const CLI_TIME_BUDGET_MS = 2_000;

export function checkCommand(io: CommandIo): Command {
  return new Command('check')
    .description("check a student's answer: exit 0 correct, 1 incorrect (or undecided), 2 unreadable")
    .argument('[spec]', "a worksheet spec (YAML): check an answer to one of its exercises (with --exercise)")
    .option('--exercise <id>', 'with SPEC: the exercise (ID.ANSWER for one of several answers, e.g. all-partials.w3)')
    .option('--expected <expr>', 'the expected answer, or with --wrt the function to differentiate (text or LaTeX)')
    .option('--answer <expr>', "the student's answer, text or LaTeX (detected), e.g. \"w_5 \\sigma'(z) x_1\"")
    .option('--wrt <vars>', 'the expected answer is the derivative of --expected w.r.t. VAR (the Jacobian for several)')
    .option('--seed <n>', 'seed of the test points and of the random functions standing in for σ (default 1); with SPEC, the sheet’s seed')
    .option('--functions <names>', 'extra names read as abstract functions, comma-separated (σ, φ, ψ, f, g always are)')
    .option('--define <name=expr>', 'an abbreviation the answer may use, e.g. "z1=w1*x1 + w2*x2 + b1" (repeatable)', collect)
    .addOption(new Option('--time-budget <ms>', 'time for the optional work (diagnosis, partial credit); the verdict gives up, as "could not decide", only at 10× this').default(String(CLI_TIME_BUDGET_MS)))
    .addOption(formatOption())
    .action((spec: string | undefined, flags: CheckFlags) => {
      const { problem, answer, options } = spec !== undefined || flags.exercise !== undefined ? targetFromSpec(spec, flags) : problemFromFlags(flags);
      const result = checkPrepared(problem, answer, options);
      // An unreadable answer is bad input: in text and LaTeX, one line on stderr naming the flag
      // (`gradsheet: --answer: column 4: …`), exit 2; JSON keeps its verdict "invalid" on stdout.
      if (result.verdict === 'invalid' && flags.format !== 'json') throw new InputError(`--answer: ${result.feedback.split('\n')[0]}`);
      io.out(render(result, flags.format));
      io.setExitCode(exitCode(result));
    });
}

interface Target {
  readonly problem: Problem;
  readonly answer: string;
  readonly options: CheckOptions;
}

function problemFromFlags(flags: CheckFlags): Target {
  const { expected, answer, options } = targetFromFlags(flags);
  const problem = prepareCheck(expected, options, { expected: '--expected', definition: (name) => `--define ${name}` });
  refuseExpectedNowhereDefined(problem);
  return { problem, answer, options };
}

/**
 * The expected side is the user's: with no value anywhere (1/(x − x), or with --wrt a function
 * such as log(−x² − 1)), no answer can be checked against it, and that is bad input (exit 2), not
 * an answer that is wrong or undecided. A student's answer with no value is only wrong (exit 1).
 */
function refuseExpectedNowhereDefined(problem: Problem): void {
  const sides: [Expr, string][] = problem.fn ? [[problem.fn, ''], [problem.expected, `its derivative w.r.t. ${problem.wrt.join(', ')}: `]] : [[problem.expected, '']];
  for (const [e, what] of sides) refuseNowhereDefined(`--expected: ${what}`, e, 'so no answer can be checked against it');
}

/** The worksheet form: the exercise's answer on the sheet of SPEC for the seed, as the interactive sheet checks it. */
function targetFromSpec(spec: string | undefined, flags: CheckFlags): Target {
  if (spec === undefined) throw new InputError('--exercise needs a SPEC: gradsheet check SPEC --exercise ID --seed N --answer EXPR');
  for (const [flag, value] of [['--expected', flags.expected], ['--wrt', flags.wrt], ['--functions', flags.functions]] as const) {
    if (value !== undefined) throw new InputError(`${flag} cannot be used with a SPEC: the exercise gives the expected answer`);
  }
  if (flags.exercise === undefined) throw new InputError('--exercise ID is required with a SPEC (ID.ANSWER for one of several answers)');
  if (flags.answer === undefined) throw new InputError("--answer EXPR is required: the student's answer");
  const loaded = loadSpec(readText(spec, 'SPEC'), spec);
  const seed = flags.seed === undefined ? undefined : integer('--seed', flags.seed, 0, 2 ** 32 - 1);
  const target = findTarget(buildSheet(loaded, { seed }), flags.exercise);
  const options: CheckOptions = { ...target.options, timeBudgetMs: integer('--time-budget', flags.timeBudget, 1, 600_000) };
  const definitions = definitionsOf(flags.define);
  const plain = targetProblem(target);
  if (Object.keys(definitions).length === 0) return { problem: plain, answer: flags.answer, options };
  refuseRedefinitions(plain, definitions, flags.exercise);
  return { problem: targetProblem({ ...target, options: { ...target.options, definitions } }), answer: flags.answer, options };
}

/**
 * A student's abbreviations for an exercise of a sheet (--define z1=w1*x1 + w2*x2 + b1) are new
 * names written in the exercise's own variables and functions. Redefining one of its names
 * (--define w1=0) would change the question, and a name it does not have would be a variable the
 * expected answer does not depend on.
 */
function refuseRedefinitions(problem: Problem, definitions: Readonly<Record<string, string>>, exercise: string): void {
  const own = [...problem.variables].filter((v) => !problem.readings.has(v));
  const defined = new Set(Object.keys(definitions).map(normalizeName));
  const functions = [...problem.functionNames, ...problem.signature.keys()];
  for (const [raw, text] of Object.entries(definitions)) {
    const name = normalizeName(raw);
    if (problem.variables.has(name) || problem.signature.has(name)) {
      throw new InputError(`--define ${raw}: ${name} is already a name in exercise ${exercise}; an abbreviation needs a new name, such as z1`);
    }
    let value: Expr;
    try {
      value = parseMath(text, { functions }).expr;
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`--define ${raw}: ${e.message}`);
      throw e;
    }
    const unknown = freeSymbols(value).find((v) => !problem.variables.has(v) && !defined.has(v));
    if (unknown !== undefined) {
      throw new InputError(`--define ${raw}: unknown variable ${unknown}; exercise ${exercise} uses the variables ${naturalSort(own).join(', ')}`);
    }
  }
}

/** --define NAME=EXPR, each; NAME as written (z₁, z_{1} and z1 are one name to the checker). */
function definitionsOf(defines: readonly string[] | undefined): Record<string, string> {
  const definitions: Record<string, string> = {};
  for (const d of defines ?? []) {
    const eq = d.indexOf('=');
    if (eq <= 0) throw new InputError(`--define ${d}: expected NAME=EXPR, e.g. --define "z1=w1*x1 + w2*x2 + b1"`);
    definitions[d.slice(0, eq).trim()] = d.slice(eq + 1);
  }
  return definitions;
}

function targetFromFlags(flags: CheckFlags): { expected: string; answer: string; options: CheckOptions } {
  if (flags.expected === undefined) throw new InputError('--expected EXPR is required: the expected answer (or, with --wrt, the function)');
  if (flags.answer === undefined) throw new InputError("--answer EXPR is required: the student's answer");
  const definitions = definitionsOf(flags.define);
  const options: CheckOptions = {
    ...(flags.wrt !== undefined ? { wrt: variableList('--wrt', flags.wrt) } : {}),
    ...(flags.seed !== undefined ? { seed: integer('--seed', flags.seed, 0, 2 ** 32 - 1) } : {}),
    ...(flags.functions !== undefined ? { functions: nameList('--functions', flags.functions) } : {}),
    definitions,
    timeBudgetMs: integer('--time-budget', flags.timeBudget, 1, 600_000),
  };
  return { expected: withArgument('--expected', flags.expected), answer: flags.answer, options };
}

function withArgument(flag: string, value: string): string {
  if (value.trim() === '') throw new InputError(`${flag}: empty expression`);
  return value;
}

function integer(flag: string, value: string, lo: number, hi: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < lo || n > hi) throw new InputError(`${flag} ${value}: expected a whole number from ${lo} to ${hi}`);
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function exitCode(r: CheckResult): 0 | 1 | 2 {
  return r.verdict === 'correct' ? 0 : r.verdict === 'invalid' ? 2 : 1;
}

function render(r: CheckResult, format: Format): string {
  switch (format) {
    case 'json': {
      // The contract's fields first: verdict, interpreted, feedback, counterexample.
      const { verdict, interpreted, interpretedText, feedback, counterexample, ...rest } = r;
      return json({ verdict, interpreted, interpretedText, feedback, ...(counterexample ? { counterexample } : {}), ...rest });
    }
    case 'latex':
      return [r.interpreted, `% ${r.verdict}: ${r.feedback}`].filter(Boolean).join('\n');
    case 'text': {
      const lines: string[] = [];
      if (r.interpretedText) lines.push(`interpreted as: ${r.interpretedText}`);
      lines.push(r.verdict === 'correct' ? r.feedback : `${r.verdict}: ${r.feedback}`);
      if (r.factors && (r.factors.wrong.length > 0 || r.factors.missing.length > 0)) {
        const list = (xs: readonly { unicode: string }[]): string => xs.map((x) => x.unicode).join(', ') || 'none';
        lines.push(`factors right: ${list(r.factors.right)}; wrong: ${list(r.factors.wrong)}; missing: ${list(r.factors.missing)}`);
      }
      return lines.join('\n');
    }
  }
}
