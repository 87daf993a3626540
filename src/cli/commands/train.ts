/**
 * `gradsheet train --layers 2,2,1 --activation relu --data xor [--epochs N] [--lr ε]
 *   [--batch-size B] [--seed S] [--loss mse|bce] …`: gradient descent as in the lecture, on the
 * symbolic gradients compiled to numbers. Reports the loss after every epoch, the parameters
 * learned and the predictions.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { network, type Network } from '../../nn/network.js';
import { BCE_TARGETS, TRAIN_DEFAULTS, train, type TrainResult } from '../../nn/train.js';
import { DATASETS, type Example } from '../../nn/datasets.js';
import { createRng } from '../../numeric/rng.js';
import { alignedLatex } from '../../print/latex.js';
import { nameLatex } from '../../print/names.js';
import { formatOption, json, type Format, type Io } from '../io.js';
import { architectureOptions, architectureSpec, type ArchitectureFlags } from '../network-options.js';
import { counted } from '../../plural.js';

interface TrainFlags extends ArchitectureFlags {
  data: string;
  epochs: string;
  lr: string;
  batchSize: string;
  seed: string;
  format: Format;
}

export function trainCommand(io: Io): Command {
  const cmd = new Command('train').description(
    'train a network by gradient descent on its symbolic gradients (summed over each minibatch, p <- p - lr*df/dp)',
  );
  for (const o of architectureOptions({ activation: 'relu', loss: 'mse', losses: ['mse', 'bce'] })) cmd.addOption(o);
  return cmd
    .addOption(new Option('--data <name|file.csv>', `${Object.keys(DATASETS).join(', ')}, or a CSV file of rows x1,…,xn,y`).default('xor'))
    .option('--epochs <n>', 'passes over the data', String(TRAIN_DEFAULTS.epochs))
    .option('--lr <epsilon>', 'learning rate ε of the update p <- p - ε*df/dp', String(TRAIN_DEFAULTS.lr))
    .option('--batch-size <n>', 'examples per minibatch; gradients are summed over it', String(TRAIN_DEFAULTS.batchSize))
    .option('--seed <n>', 'seed of the initial values and of the minibatch order', String(TRAIN_DEFAULTS.seed))
    .addOption(formatOption())
    .action((flags: TrainFlags) => {
      const net = network(architectureSpec(flags));
      const data = loadData(flags.data, net);
      const options = {
        epochs: integer('--epochs', flags.epochs, 0),
        learningRate: positive('--lr', flags.lr),
        batchSize: integer('--batch-size', flags.batchSize, 1),
        seed: integer('--seed', flags.seed, 0),
      };
      const result = train(net, data, { ...options, rng: createRng(options.seed) });
      io.out(render(net, data, result, options, flags.format));
    });
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new InputError(`${flag}: '${value}' is not a whole number${min > 0 ? ` ≥ ${min}` : ''}`);
  }
  return n;
}

function positive(flag: string, value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0) throw new InputError(`${flag}: '${value}' is not a positive number`);
  return x;
}

/**
 * A named data set, or a CSV file whose rows are x1,…,xn then the targets (a header row is
 * skipped). For --loss bce each target is a probability: one outside [0, 1] made the cost
 * −(y·log ŷ + (1 − y)·log(1 − ŷ)) unbounded below (a negative mean cost, and training that
 * drives ŷ to 0 or 1 to lower it without end).
 */
function loadData(spec: string, net: Network): readonly Example[] {
  const named = DATASETS[spec];
  if (named) return named;
  if (!spec.endsWith('.csv')) throw new InputError(`--data: '${spec}' is not a data set (${Object.keys(DATASETS).join(', ')}) or a .csv file`);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    throw new InputError(`--data: cannot read ${spec}`);
  }
  const nIn = net.inputs.length;
  const nOut = net.targets.length;
  const examples: Example[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((c) => c.trim());
    if (i === 0 && cells.some((c) => !Number.isFinite(Number(c)) || c === '')) return; // header
    const values = cells.map(Number);
    if (cells.length !== nIn + nOut || values.some((v, j) => cells[j] === '' || !Number.isFinite(v))) {
      throw new InputError(`--data ${spec}: line ${i + 1}: expected ${nIn + nOut} numbers (${nIn} input(s), ${nOut} target(s))`);
    }
    const outside = net.spec.loss === 'bce' ? values.findIndex((v, j) => j >= nIn && !(v >= 0 && v <= 1)) : -1;
    if (outside >= 0) {
      throw new InputError(`--data ${spec}: line ${i + 1}, column ${outside + 1}: target ${cells[outside]}: ${BCE_TARGETS}`);
    }
    examples.push({ x: values.slice(0, nIn), y: values.slice(nIn) });
  });
  return examples;
}

interface Settings {
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
}

/** Six significant digits: enough to read a loss curve. */
const fmt = (x: number): string => (x === 0 ? '0' : Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6 ? x.toExponential(3) : String(Number(x.toPrecision(6))));

function render(net: Network, data: readonly Example[], r: TrainResult, s: Settings, format: Format): string {
  switch (format) {
    case 'json':
      return json({
        layers: net.spec.layers,
        activation: net.spec.activation,
        outputActivation: net.spec.outputActivation,
        loss: net.spec.loss,
        epochs: s.epochs,
        lr: s.learningRate,
        batchSize: s.batchSize,
        seed: s.seed,
        initialLoss: r.initialLoss,
        losses: r.losses,
        finalLoss: r.finalLoss,
        mse: r.meanSquaredError,
        parameters: r.parameters,
        predictions: data.map((ex, i) => ({ x: ex.x, y: ex.y.length === 1 ? ex.y[0] : ex.y, yhat: one(r.predictions[i]) })),
      });
    case 'latex':
      return renderLatex(net, r);
    case 'text':
      return renderText(net, data, r, s);
  }
}

const one = (v: readonly number[]): number | readonly number[] => (v.length === 1 ? v[0] : v);

/** Epochs shown in text: every one up to 20, else 20 evenly spaced ones and the last. */
function shownEpochs(n: number): number[] {
  if (n <= 20) return Array.from({ length: n }, (_, i) => i + 1);
  const step = n / 20;
  return [...new Set([...Array.from({ length: 20 }, (_, i) => Math.max(1, Math.round((i + 1) * step))), n])];
}

function renderText(net: Network, data: readonly Example[], r: TrainResult, s: Settings): string {
  const cost = net.spec.loss === 'mse' ? '1/2*(yhat - y)^2' : 'binary cross-entropy';
  const lines = [
    `gradient descent: layers ${net.spec.layers.join('-')}, ${net.spec.activation.join(',') || 'no hidden layer'}, cost ${cost}`,
    `${counted(data.length, 'example')}, ${counted(s.epochs, 'epoch')}, minibatches of ${s.batchSize}, lr ${s.learningRate}, seed ${s.seed}`,
    '',
    'epoch  mean cost',
    `${'0'.padStart(5)}  ${fmt(r.initialLoss)}`,
    ...shownEpochs(r.losses.length).map((e) => `${String(e).padStart(5)}  ${fmt(r.losses[e - 1])}`),
    '',
    `final mean cost ${fmt(r.finalLoss)}, MSE ${fmt(r.meanSquaredError)} (mean of (yhat - y)^2)`,
    '',
    ...Object.entries(r.parameters).map(([p, v]) => `${p} = ${fmt(v)}`),
    '',
    ...data.map((ex, i) => `x = (${ex.x.join(', ')})  y = ${ex.y.join(', ')}  yhat = ${r.predictions[i].map(fmt).join(', ')}`),
  ];
  return lines.join('\n');
}

/** A float for LaTeX: 1.2 \times 10^{-15}, not 1.2e-15. */
function latexNumber(x: number): string {
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(fmt(x));
  return m ? `${m[1]} \\times 10^{${Number(m[2])}}` : fmt(x);
}

function renderLatex(net: Network, r: TrainResult): string {
  const rows = Object.entries(r.parameters).map(([p, v]) => `${nameLatex(p)} &= ${latexNumber(v)}`);
  rows.push(`f_{\\text{${net.spec.loss.toUpperCase()}}} &= ${latexNumber(r.finalLoss)} && \\text{(mean over the data)}`);
  return alignedLatex(rows, true);
}
