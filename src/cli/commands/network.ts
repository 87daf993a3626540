/**
 * `gradsheet network --layers 2,2,1 [--activation …] [--output-activation …] [--loss none|mse|bce]
 *   [--naming lecture|indexed] [--wrt all|w1,b2,…] [--abbreviate] [--no-bias] [--form scalar|matrix]`:
 * a network's output, and its partials with respect to the parameters, fully expanded as in the
 * lecture or abbreviated through named intermediates (z, h, ŷ, δ).
 */
import { Command, Option } from 'commander';
import { normalizeName } from '../../parse/parse.js';
import { toText } from '../../print/text.js';
import { toLatex } from '../../print/latex.js';
import { vector } from '../../expr/build.js';
import type { Expr } from '../../expr/types.js';
import { InputError } from '../../errors.js';
import { network, type Network } from '../../nn/network.js';
import { networkPartials, partialTargets, resolveWrt, type NetworkPartial } from '../../nn/partials.js';
import { bytesText, estimateNetworkOutput, MAX_NETWORK_OUTPUT } from '../../nn/output-size.js';
import { abbreviatedPartials, type Definition } from '../../nn/abbreviate.js';
import { casesJson, costExpression, partialsLatex, partialsText } from '../../nn/format.js';
import { formatOption, json, variableList, type Format, type Io } from '../io.js';
import { matrixFormGradients, type MatrixForm } from '../../nn/backprop.js';
import { matrixFormJson, matrixFormLatex, matrixFormText } from '../../nn/backprop-print.js';
import { architectureOptions, architectureSpec, type ArchitectureFlags } from '../network-options.js';

interface NetworkFlags extends ArchitectureFlags {
  wrt: string;
  abbreviate?: boolean;
  form: 'scalar' | 'matrix';
  format: Format;
}

export function networkCommand(io: Io): Command {
  const cmd = new Command('network').description(
    "a feed-forward network's output and its partials with respect to every parameter, in the lecture's notation",
  );
  for (const o of architectureOptions({ activation: 'sigma', loss: 'none', losses: ['none', 'mse', 'bce'] })) cmd.addOption(o);
  return cmd
    .option('--wrt <params>', 'all, or parameters separated by commas: w1,b2', 'all')
    .option('--abbreviate', 'write partials through named intermediates z, h, yhat and delta (backpropagation)')
    .addOption(new Option('--form <form>', 'scalar partials, or matrix-form gradients').choices(['scalar', 'matrix']).default('scalar'))
    .addOption(formatOption())
    .action((flags: NetworkFlags) => {
      const net = network(architectureSpec(flags));
      if (flags.form === 'matrix') {
        if (flags.wrt.trim() !== 'all' || flags.abbreviate) {
          throw new InputError('--form matrix gives the gradients of every layer; it takes neither --wrt nor --abbreviate');
        }
        io.out(renderMatrixForm(matrixFormGradients(net), flags.format));
        return;
      }
      const wrt = flags.wrt.trim() === 'all' ? undefined : variableList('--wrt', flags.wrt).map(normalizeName);
      refuseOversized(net, flags, wrt);
      if (flags.abbreviate) {
        const ab = abbreviatedPartials(net, { wrt });
        io.out(render(net, ab.partials, ab.definitions, flags.format));
      } else {
        io.out(render(net, networkPartials(net, { wrt }), undefined, flags.format));
      }
    });
}

const FORMAT_NAMES: Record<Format, string> = { text: 'text', latex: 'LaTeX', json: 'JSON' };

/**
 * Refuse, before any work, partials that would print more than MAX_NETWORK_OUTPUT: written out,
 * they grow exponentially with depth (the 8-8-8-8-8-8 sigmoid net's ran 300 s at 3.4 GB and
 * failed). The message gives the size and what would fit: the abbreviated form, one parameter,
 * or a smaller net.
 */
function refuseOversized(net: Network, flags: NetworkFlags, wrt: readonly string[] | undefined): void {
  const options = { wrt, abbreviate: flags.abbreviate === true, format: flags.format };
  const size = estimateNetworkOutput(net, options);
  if (size <= MAX_NETWORK_OUTPUT) return;
  const params = resolveWrt(net, wrt);
  const count = params.length * partialTargets(net).length;
  const outputs = net.outputs.length === 1 ? 'the output' : 'the outputs';
  const what = `${flags.abbreviate ? 'the definitions' : `written out, ${outputs}`} and ${count.toLocaleString('en-US')} ${count === 1 ? 'partial' : 'partials'}`;
  const instead: string[] = [];
  const fits = (more: Partial<typeof options>): number | undefined => {
    const n = estimateNetworkOutput(net, { ...options, ...more });
    return n <= MAX_NETWORK_OUTPUT ? n : undefined;
  };
  const abbreviated = flags.abbreviate ? undefined : fits({ abbreviate: true });
  if (abbreviated !== undefined) instead.push(`--abbreviate (about ${bytesText(abbreviated)})`);
  const one = params.length > 1 ? fits({ wrt: [params[0]] }) : undefined;
  if (one !== undefined) instead.push(`--wrt ${params[0]} alone (about ${bytesText(one)})`);
  // JSON also gives the output written out beside abbreviated partials.
  const text = flags.format === 'text' ? undefined : fits({ format: 'text' });
  if (text !== undefined) instead.push(`--format text (about ${bytesText(text)})`);
  instead.push('fewer or narrower layers');
  const where = `--layers ${flags.layers}${flags.abbreviate ? ' --abbreviate' : ''}`;
  throw new InputError(
    `${where}: ${what} would take about ${bytesText(size)} of ${FORMAT_NAMES[flags.format]}; ` +
      `gradsheet network prints at most ${bytesText(MAX_NETWORK_OUTPUT)}: use ${orList(instead)}`,
  );
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** ∇_{W⁽ˡ⁾}f and ∇_{b⁽ˡ⁾}f as closed forms, derived with the Jacobian chain rule. */
function renderMatrixForm(form: MatrixForm, format: Format): string {
  switch (format) {
    case 'json':
      return json(matrixFormJson(form));
    case 'latex':
      return matrixFormLatex(form);
    case 'text':
      return matrixFormText(form);
  }
}

function outputExpr(net: Network): Expr {
  return net.outputExprs.length === 1 ? net.outputExprs[0] : vector(net.outputExprs);
}

function render(net: Network, partials: readonly NetworkPartial[], definitions: readonly Definition[] | undefined, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(net, partials, definitions);
    case 'latex':
      return partialsLatex(net, partials, definitions);
    case 'text':
      return partialsText(net, partials, definitions);
  }
}

function renderJson(net: Network, partials: readonly NetworkPartial[], definitions: readonly Definition[] | undefined): string {
  const cost = costExpression(net);
  return json({
    output: toText(outputExpr(net)),
    ...(cost ? { loss: toText(cost) } : {}),
    parameters: net.parameters.map((p) => p.name),
    partials: partials.map((p) => ({
      of: p.of,
      wrt: p.wrt,
      derivative: toText(p.value),
      latex: toLatex(p.value),
      ...(p.cases ? { cases: casesJson(p.cases) } : {}),
    })),
    ...(definitions
      ? {
          definitions: definitions.map((d) => ({
            name: d.name,
            expr: toText(d.expr),
            latex: toLatex(d.expr),
            ...(d.cases ? { cases: casesJson(d.cases) } : {}),
          })),
        }
      : {}),
  });
}
