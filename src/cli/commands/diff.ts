/** `gradsheet diff EXPR --wrt VAR[,VAR…] [--steps]`: derivatives with their steps. */
import { Command } from 'commander';
import { parse } from '../../parse/parse.js';
import { normalizeName } from '../../parse/parse.js';
import { derive, differentiate, type Step } from '../../calculus/differentiate.js';
import { toText } from '../../print/text.js';
import { alignedLatex, toLatex } from '../../print/latex.js';
import { nameLatex } from '../../print/names.js';
import { freeSymbols } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { InputError } from '../../errors.js';
import { formatOption, inArgument, json, refuseNowhereDefined, variableList, type Format, type Io } from '../io.js';

interface DiffOptions {
  wrt?: string;
  steps?: boolean;
  format: Format;
}

export function diffCommand(io: Io): Command {
  return new Command('diff')
    .description('differentiate an expression, with the steps that lead there')
    .argument('<expr>', 'the expression, e.g. "w5*sigma(w1*x1 + w2*x2 + b1) + b3"')
    .option('--wrt <vars>', 'the variable(s) to differentiate with respect to, comma-separated')
    .option('--steps', 'show each rule applied, as in the lecture')
    .addOption(formatOption())
    .action((source: string, opts: DiffOptions) => {
      const expr = inArgument('EXPR', () => parse(source));
      refuseNowhereDefined('EXPR: ', expr, 'so it has no derivative');
      const wrt = chooseVariables(expr, opts.wrt);
      io.out(wrt.length === 1 ? single(expr, wrt[0], opts) : several(expr, wrt, opts.format));
    });
}

function chooseVariables(expr: Expr, flag: string | undefined): string[] {
  if (flag !== undefined) return variableList('--wrt', flag).map(normalizeName);
  const vars = freeSymbols(expr);
  if (vars.length === 1) return vars;
  if (vars.length === 0) throw new InputError('--wrt is required: the expression has no variables');
  throw new InputError(`--wrt is required: the expression has the variables ${vars.join(', ')}`);
}

function single(expr: Expr, wrt: string, opts: DiffOptions): string {
  const withSteps = opts.steps || opts.format === 'json';
  const d = withSteps ? derive(expr, wrt) : undefined;
  const value = d ? d.value : differentiate(expr, wrt);
  switch (opts.format) {
    case 'json':
      return json({
        expr: toText(expr),
        wrt,
        derivative: toText(value),
        latex: toLatex(value),
        steps: (d?.steps ?? []).map((s) => ({ rule: s.rule, because: s.because, latex: s.latex })),
      });
    case 'latex':
      return opts.steps && d ? latexDerivation(expr, wrt, d.steps) : toLatex(value);
    case 'text':
      return opts.steps && d ? textDerivation(expr, wrt, d.steps, value) : toText(value);
  }
}

function textDerivation(expr: Expr, wrt: string, steps: readonly Step[], value: Expr): string {
  const lines = [`∂/∂${wrt}[${toText(expr)}]`];
  steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.because}`, `   = ${toText(s.expr)}`);
  });
  lines.push(toText(value));
  return lines.join('\n');
}

function latexDerivation(expr: Expr, wrt: string, steps: readonly Step[]): string {
  const head = `\\frac{\\partial}{\\partial ${nameLatex(wrt)}}\\left[${toLatex(expr)}\\right]`;
  const rows = steps.map((s, i) => `${i === 0 ? head + ' ' : ''}&= ${s.latex} && \\text{(${s.rule})}`);
  return alignedLatex(rows, true);
}

function several(expr: Expr, wrt: readonly string[], format: Format): string {
  const partials = wrt.map((w) => ({ wrt: w, value: differentiate(expr, w) }));
  switch (format) {
    case 'json':
      return json({
        expr: toText(expr),
        partials: partials.map((p) => ({ wrt: p.wrt, derivative: toText(p.value), latex: toLatex(p.value) })),
      });
    case 'latex':
      return partials.map((p) => `\\frac{\\partial}{\\partial ${nameLatex(p.wrt)}} = ${toLatex(p.value)}`).join('\n');
    case 'text':
      return partials.map((p) => `∂/∂${p.wrt} = ${toText(p.value)}`).join('\n');
  }
}
