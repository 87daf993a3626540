/** Flags shared by `gradsheet network` and `gradsheet train`: the architecture of a network. */
import { Option } from 'commander';
import { InputError } from '../errors.js';
import { HIDDEN_ACTIVATIONS, type ActivationName, type LossName, type NetworkSpec, type Naming } from '../nn/network.js';

export interface ArchitectureFlags {
  layers: string;
  activation: string;
  outputActivation: string;
  loss: string;
  naming: Naming;
  bias: boolean;
}

const ALIASES: Record<string, ActivationName> = { 'σ': 'sigma', ReLU: 'relu', ReLu: 'relu', Relu: 'relu', logistic: 'sigmoid', id: 'identity' };

export function architectureOptions(defaults: { activation: string; loss: string; losses: readonly string[] }): Option[] {
  return [
    new Option('--layers <widths>', 'layer widths, input first, e.g. 2,2,1 (the lecture\'s XOR net)').makeOptionMandatory(),
    new Option('--activation <name>', `hidden activation (${HIDDEN_ACTIVATIONS.join('|')}), or one per hidden layer: relu,tanh`).default(defaults.activation),
    new Option('--output-activation <name>', `output activation (none|${HIDDEN_ACTIVATIONS.join('|')})`).default('none'),
    new Option('--loss <name>', 'cost: mse = 1/2*(yhat - y)^2, bce = binary cross-entropy').choices([...defaults.losses]).default(defaults.loss),
    new Option('--naming <naming>', 'parameter names: w1, b1 … or W1_2_1, b1_2 …').choices(['lecture', 'indexed']).default('lecture'),
    new Option('--no-bias', 'no bias terms'),
  ];
}

/** The network spec the flags describe; a bad value is an InputError naming its flag. */
export function architectureSpec(flags: ArchitectureFlags): NetworkSpec {
  return {
    layers: parseLayers(flags.layers),
    activation: parseActivations(flags.activation),
    outputActivation: flags.outputActivation === 'none' ? 'none' : activationName('--output-activation', flags.outputActivation),
    loss: flags.loss as LossName,
    naming: flags.naming,
    bias: flags.bias,
  };
}

export function parseLayers(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim());
  const bad = parts.find((p) => !/^\d+$/.test(p));
  if (bad !== undefined) {
    throw new InputError(`--layers "${value}": '${bad}' is not a width; give whole numbers separated by commas, e.g. 2,2,1`);
  }
  return parts.map(Number);
}

function parseActivations(value: string): ActivationName | ActivationName[] {
  const names = value.split(',').map((s) => activationName('--activation', s.trim()));
  return names.length === 1 ? names[0] : names;
}

function activationName(flag: string, raw: string): ActivationName {
  const name = ALIASES[raw] ?? raw;
  if ((HIDDEN_ACTIVATIONS as readonly string[]).includes(name)) return name as ActivationName;
  throw new InputError(`${flag}: '${raw}' is not an activation (${HIDDEN_ACTIVATIONS.join(', ')}${flag === '--output-activation' ? ', none' : ''})`);
}
