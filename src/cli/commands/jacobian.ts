/** `gradsheet jacobian "[f1, f2, …]" --vars x1,x2 [--steps] [--gradient]`: ∂f/∂x, rows = outputs. */
import { Command } from 'commander';
import { normalizeName, parse } from '../../parse/parse.js';
import { checkVariables, deriveJacobian, gradient, jacobian, outputsOf } from '../../calculus/jacobian.js';
import { rowsOf, shapeText } from '../../calculus/matrix-ops.js';
import type { Step } from '../../calculus/differentiate.js';
import { toText } from '../../print/text.js';
import { alignedLatex, toLatex } from '../../print/latex.js';
import { nameLatex } from '../../print/names.js';
import { freeSymbols } from '../../expr/traverse.js';
import type { Expr, Matrix } from '../../expr/types.js';
import { InputError } from '../../errors.js';
import { formatOption, inArgument, json, refuseNowhereDefined, variableList, type Format, type Io } from '../io.js';

interface JacobianOptions {
  vars?: string;
  steps?: boolean;
  gradient?: boolean;
  format: Format;
}

/** A matrix in JSON, the same way in every command: shape, entries as text, LaTeX, one-line text. */
export function matrixJson(m: Matrix): { rows: number; cols: number; entries: string[][]; latex: string; text: string } {
  return { rows: m.rows, cols: m.cols, entries: rowsOf(m).map((r) => r.map(toText)), latex: toLatex(m), text: toText(m) };
}

/** --vars, required: the columns' order is the user's to choose. */
export function variablesOption(flag: string, value: string | undefined, ...exprs: readonly Expr[]): string[] {
  if (value !== undefined) {
    const vars = variableList(flag, value).map(normalizeName);
    checkVariables(vars, flag);
    return vars;
  }
  const found = [...new Set(exprs.flatMap((e) => freeSymbols(e)))];
  const hint = found.length ? ` (the expression has ${found.join(', ')})` : '';
  throw new InputError(`${flag} is required: name the inputs in column order, e.g. ${flag} ${found.join(',') || 'x1,x2'}${hint}`);
}

export function jacobianCommand(io: Io): Command {
  return new Command('jacobian')
    .description('the Jacobian matrix ∂f/∂x: rows are the outputs of f, columns the inputs (for a real-valued f, 1×m: the transpose of the gradient)')
    .argument('<f>', 'the outputs, e.g. "[2*x1 + x2, pi*x2, -x1/x2]", or one expression')
    .option('--vars <vars>', 'the inputs x1,x2,… in column order')
    .option('--steps', 'derive each entry step by step')
    .option('--gradient', 'for a real-valued f, print the gradient (a column) instead')
    .addOption(formatOption())
    .action((source: string, opts: JacobianOptions) => {
      const f = inArgument('F', () => parse(source));
      refuseNowhereDefined('F: ', f, 'so it has no Jacobian');
      const vars = variablesOption('--vars', opts.vars, f);
      const outputs = outputsOf(f, 'F');
      const realValued = outputs.length === 1;
      if (opts.gradient && !realValued) {
        throw new InputError(`--gradient: f has ${outputs.length} outputs; a gradient is for a real-valued function`);
      }
      io.out(opts.gradient ? gradientOutput(f, vars, opts.format) : jacobianOutput(f, vars, opts, realValued));
    });
}

function gradientOutput(f: Expr, vars: readonly string[], format: Format): string {
  const g = gradient(f, vars);
  switch (format) {
    case 'json':
      return json({ ...matrixJson(g), vars, note: noteText(vars.length) });
    case 'latex':
      return toLatex(g);
    case 'text':
      return toText(g);
  }
}

function noteText(m: number): string {
  return `f is real-valued, so its Jacobian (1×${m}) is the transpose of its gradient (${m}×1)`;
}

function jacobianOutput(f: Expr, vars: readonly string[], opts: JacobianOptions, realValued: boolean): string {
  const d = opts.steps ? deriveJacobian(f, vars) : undefined;
  const J = d ? d.matrix : jacobian(f, vars);
  const outputs = outputsOf(f, 'F');
  const label = (i: number): string => (outputs.length === 1 ? 'f' : `f${i + 1}`);
  switch (opts.format) {
    case 'json':
      return json({
        ...matrixJson(J),
        vars,
        outputs: outputs.map(toText),
        ...(realValued ? { gradient: matrixJson(gradient(f, vars)), note: noteText(vars.length) } : {}),
        ...(d
          ? {
              steps: d.derivations.flatMap((row, i) =>
                row.map((e, j) => ({
                  row: i + 1,
                  col: j + 1,
                  of: toText(outputs[i]),
                  wrt: vars[j],
                  derivative: toText(e.value),
                  steps: e.steps.map((s) => ({ rule: s.rule, because: s.because, latex: s.latex })),
                })),
              ),
            }
          : {}),
      });
    case 'latex': {
      if (!d) return toLatex(J);
      const blocks = d.derivations.flatMap((row, i) => row.map((e, j) => latexSteps(label(i), vars[j], outputs[i], e.steps)));
      return [...blocks, toLatex(J)].join('\n');
    }
    case 'text': {
      const lines: string[] = [];
      if (d) {
        d.derivations.forEach((row, i) =>
          row.forEach((e, j) => {
            lines.push(`∂${label(i)}/∂${vars[j]} = ∂/∂${vars[j]}[${toText(outputs[i])}]`);
            e.steps.forEach((s, k) => lines.push(`  ${k + 1}. ${s.because}`, `     = ${toText(s.expr)}`));
            lines.push(`  = ${toText(e.value)}`);
          }),
        );
        lines.push(`∂f/∂x (${shapeText(J)}) =`);
      }
      lines.push(toText(J));
      if (realValued) lines.push(`(${noteText(vars.length)}: ${toText(gradient(f, vars))})`);
      return lines.join('\n');
    }
  }
}

function latexSteps(of: string, wrt: string, expr: Expr, steps: readonly Step[]): string {
  const head = `\\frac{\\partial ${nameLatex(of)}}{\\partial ${nameLatex(wrt)}} = \\frac{\\partial}{\\partial ${nameLatex(wrt)}}\\left[${toLatex(expr)}\\right]`;
  if (steps.length === 0) return head;
  const rows = steps.map((s, i) => `${i === 0 ? head + ' ' : ''}&= ${s.latex} && \\text{(${s.rule})}`);
  return alignedLatex(rows, true);
}
