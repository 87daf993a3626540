/**
 * `gradsheet chain --outer F --outer-vars u1,u2,u3 --inner "[g1, …]" --vars x1,x2`: ∂(f∘g)/∂x by
 * substitution and by the product of Jacobians ∂f/∂g · ∂g/∂x, whether they agree, and how the
 * wrong order ∂g/∂x · ∂f/∂g fails.
 */
import { Command } from 'commander';
import { parse } from '../../parse/parse.js';
import { chainRule, type ChainResult } from '../../calculus/chain.js';
import { shapeText } from '../../calculus/matrix-ops.js';
import { toText } from '../../print/text.js';
import { equal } from '../../expr/equal.js';
import type { Expr, Matrix } from '../../expr/types.js';
import { alignedLatex, toLatex } from '../../print/latex.js';
import { InputError } from '../../errors.js';
import { outputsOf } from '../../calculus/jacobian.js';
import { vector } from '../../expr/build.js';
import { substitute } from '../../expr/traverse.js';
import { formatOption, inArgument, json, refuseNowhereDefined, type Format, type Io } from '../io.js';
import { matrixJson, variablesOption } from './jacobian.js';

interface ChainOptions {
  outer?: string;
  outerVars?: string;
  inner?: string;
  vars?: string;
  format: Format;
}

export function chainCommand(io: Io): Command {
  return new Command('chain')
    .description('the chain rule ∂(f∘g)/∂x = ∂f/∂g · ∂g/∂x, checked against substituting g into f')
    .option('--outer <f>', 'f in the outer variables: one expression or a list of outputs')
    .option('--outer-vars <vars>', 'the variables u1,u2,… of f that g fills in')
    .option('--inner <g>', 'g: a list of outputs, one per outer variable, e.g. "[x1 + 2*x2, x2, -x1 + 3]"')
    .option('--vars <vars>', 'the inputs x1,x2,… of g')
    .addOption(formatOption())
    .action((opts: ChainOptions) => {
      if (opts.outer === undefined) throw new InputError('--outer is required: f, e.g. --outer "u1 - 2*u2 + u3/4"');
      if (opts.inner === undefined) throw new InputError('--inner is required: g, e.g. --inner "[x1 + 2*x2, x2, -x1 + 3]"');
      const outerSource = opts.outer;
      const innerSource = opts.inner;
      const outer = inArgument('--outer', () => parse(outerSource));
      const inner = inArgument('--inner', () => parse(innerSource));
      const outerVars = variablesOption('--outer-vars', opts.outerVars, outer);
      const vars = variablesOption('--vars', opts.vars, inner);
      const result = chainRule({ outer, outerVars, inner, vars });
      refuseChainNowhereDefined(result);
      io.out(render(result, opts.format));
    });
}

/**
 * f, g and f(g(x)) are the user's: one with no value anywhere (1/(x − x), or sqrt(u) of −1 − x²)
 * leaves nothing to compare the two methods at, and is bad input (exit 2), not an agreement.
 * After chainRule, whose own errors (sizes, variables) come first.
 */
function refuseChainNowhereDefined(r: ChainResult): void {
  const { outer, outerVars, inner } = r.problem;
  const gs = outputsOf(inner, 'g');
  const bindings = new Map(outerVars.map((u, i) => [u, gs[i]]));
  const composed = outputsOf(outer, 'f').map((o) => substitute(o, bindings));
  const sides: [string, Expr][] = [
    ['--outer: ', outer],
    ['--inner: ', inner],
    ['--outer and --inner: in f(g(x)), ', composed.length === 1 ? composed[0] : vector(composed)],
  ];
  for (const [what, e] of sides) refuseNowhereDefined(what, e, 'so the chain rule cannot be checked numerically');
}

function render(r: ChainResult, format: Format): string {
  switch (format) {
    case 'json':
      return json({
        outer_jacobian: matrixJson(r.outerJacobian),
        inner_jacobian: matrixJson(r.innerJacobian),
        outer_jacobian_at_inner: matrixJson(r.outerAtInner),
        product: matrixJson(r.product),
        substituted: {
          composition: toText(r.composition),
          composition_latex: toLatex(r.composition),
          jacobian: matrixJson(r.substitutedJacobian),
        },
        agree: r.agreement.agree,
        check: { symbolic: r.agreement.symbolic, numeric: r.agreement.numeric ?? null, points: r.agreement.points },
        wrong_order: {
          fails: r.wrongOrder.kind !== 'same-value',
          why: r.wrongOrder.kind,
          reason: r.wrongOrder.reason,
          ...(r.wrongOrder.kind === 'undefined' ? {} : { value: matrixJson(r.wrongOrder.value) }),
        },
      });
    case 'latex':
      return latex(r);
    case 'text':
      return text(r);
  }
}

function agreementText(r: ChainResult): string {
  const a = r.agreement;
  const numeric = a.numeric === undefined ? 'no valid numeric test points' : `${a.numeric ? 'equal' : 'NOT equal'} at ${a.points} seeded points`;
  return `${a.agree ? 'yes' : 'NO'} (symbolically ${a.symbolic ? 'equal' : 'not shown equal'}; numerically ${numeric})`;
}

function text(r: ChainResult): string {
  const { outerVars, vars } = r.problem;
  const shaped = (m: Matrix): string => `${toText(m)}   (${shapeText(m)})`;
  const n = r.product.rows;
  const lines = [
    `f: ℝ${sup(outerVars.length)} → ℝ${sup(n)}, g: ℝ${sup(vars.length)} → ℝ${sup(outerVars.length)}`,
    'Method 1, substitute g into f and differentiate:',
    `  f(g(x)) = ${toText(r.composition)}`,
    `  ∂(f∘g)/∂x = ${shaped(r.substitutedJacobian)}`,
    'Method 2, the chain rule ∂(f∘g)/∂x = ∂f/∂g · ∂g/∂x:',
  ];
  if (!equal(r.outerJacobian, r.outerAtInner)) {
    lines.push(`  ∂f/∂u = ${shaped(r.outerJacobian)}; at ${outerVars.join(', ')} = g(x):`);
  }
  lines.push(
    `  ∂f/∂g = ${shaped(r.outerAtInner)}`,
    `  ∂g/∂x = ${shaped(r.innerJacobian)}`,
    `  ∂f/∂g · ∂g/∂x = ${shaped(r.product)}`,
    `Agree: ${agreementText(r)}`,
    `Wrong order: ${r.wrongOrder.reason}`,
  );
  if (r.wrongOrder.kind !== 'undefined') lines.push(`  ∂g/∂x · ∂f/∂g = ${shaped(r.wrongOrder.value)}`);
  return lines.join('\n');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function sup(k: number): string {
  return k === 1 ? '' : [...String(k)].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

function latex(r: ChainResult): string {
  const rows = [
    `\\frac{\\partial f}{\\partial \\mathbf{g}} &= ${toLatex(r.outerAtInner)} && ${shapeText(r.outerAtInner).replace('×', '\\times ')}`,
    `\\frac{\\partial \\mathbf{g}}{\\partial \\mathbf{x}} &= ${toLatex(r.innerJacobian)} && ${shapeText(r.innerJacobian).replace('×', '\\times ')}`,
    `\\frac{\\partial (f \\circ \\mathbf{g})}{\\partial \\mathbf{x}} &= ${toLatex(r.outerAtInner)} ${toLatex(r.innerJacobian)} = ${toLatex(r.product)}`,
    `f \\circ \\mathbf{g} &= ${toLatex(r.composition)} \\Rightarrow \\frac{\\partial (f \\circ \\mathbf{g})}{\\partial \\mathbf{x}} = ${toLatex(r.substitutedJacobian)}`,
  ];
  return alignedLatex(rows, true);
}
