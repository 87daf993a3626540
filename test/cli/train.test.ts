import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'gradsheet-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gradsheet train', () => {
  it('learns XOR with --layers 2,2,1 --activation relu --data xor from the default seed', async () => {
    const r = await gradsheet('train', '--layers', '2,2,1', '--activation', 'relu', '--data', 'xor', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.losses).toHaveLength(j.epochs);
    expect(j.mse).toBeLessThan(0.01);
    expect(j.finalLoss).toBe(j.losses.at(-1));
    expect(j.finalLoss).toBeLessThan(j.initialLoss);
    expect(j.predictions.map((p: { y: number; yhat: number }) => Math.abs(p.yhat - p.y) < 0.1)).toEqual([true, true, true, true]);
    expect(Object.keys(j.parameters)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3']);
  });

  it('reports the loss per epoch in text', async () => {
    const r = await gradsheet('train', '--layers', '2,2,1', '--epochs', '5', '--seed', '3');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('epoch  mean cost');
    const table = lines.slice(lines.indexOf('epoch  mean cost') + 1, lines.indexOf('epoch  mean cost') + 7);
    expect(table.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(lines.some((l) => l.startsWith('final mean cost '))).toBe(true);
  });

  it('honours --epochs, --lr, --batch-size and --seed, reproducibly', async () => {
    const argv = ['train', '--layers', '2,3,1', '--activation', 'tanh', '--epochs', '30', '--lr', '0.05', '--batch-size', '1', '--seed', '9', '--format', 'json'];
    const a = await gradsheet(...argv);
    expect(a.stdout).toBe((await gradsheet(...argv)).stdout);
    const j = JSON.parse(a.stdout);
    expect([j.epochs, j.lr, j.batchSize, j.seed, j.losses.length]).toEqual([30, 0.05, 1, 9, 30]);
  });

  it('reads a CSV file of x1,…,xn,y rows', async () => {
    const file = join(dir, 'and.csv');
    writeFileSync(file, 'x1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n');
    const r = await gradsheet('train', '--layers', '2,1', '--data', file, '--epochs', '200', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).predictions).toHaveLength(4);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '0,0,0\n0,1\n');
    expectInputError(await gradsheet('train', '--layers', '2,1', '--data', bad), `--data ${bad}: line 2: expected 3 numbers (2 input(s), 1 target(s))`);
  });

  it('--loss bce: refuses a target outside [0, 1], naming the file, line and column; takes soft targets in [0, 1]', async () => {
    // Before: exit 0 with a negative mean cost.
    const bad = join(dir, 'd.csv');
    writeFileSync(bad, '0,0,5\n1,1,-3\n');
    const bce = ['train', '--layers', '2,2,1', '--loss', 'bce', '--output-activation', 'sigmoid', '--epochs', '2'];
    expectInputError(await gradsheet(...bce, '--data', bad), `--data ${bad}: line 1, column 3: target 5: binary cross-entropy (--loss bce) needs targets in [0, 1]`);
    const later = join(dir, 'later.csv');
    writeFileSync(later, 'x1,x2,y\n0,0,0\n0,1,1.5\n');
    expectInputError(await gradsheet(...bce, '--data', later), `--data ${later}: line 3, column 3: target 1.5: binary cross-entropy (--loss bce) needs targets in [0, 1]`);
    const soft = join(dir, 'soft.csv');
    writeFileSync(soft, '0,0,0\n0,1,0.75\n1,0,1\n');
    const ok = await gradsheet(...bce, '--data', soft, '--format', 'json');
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect([j.initialLoss, ...j.losses].every((c: number) => c > 0)).toBe(true);
    // The same file trains with the MSE, which takes any target; bce still needs a sigmoid output.
    expect((await gradsheet('train', '--layers', '2,2,1', '--data', bad, '--epochs', '2')).code).toBe(0);
    expectInputError(
      await gradsheet('train', '--layers', '2,2,1', '--loss', 'bce', '--data', soft),
      '--loss bce: binary cross-entropy needs one output with --output-activation sigmoid',
    );
  });

  it('rejects bad input with one line naming the flag, exit 2', async () => {
    expectInputError(
      await gradsheet('train', '--layers', '2,2,1', '--activation', 'sigma'),
      '--activation: sigma is abstract and has no values; train with relu, sigmoid, tanh or identity',
    );
    // Before: the message named --activation for the output's activation too.
    expectInputError(
      await gradsheet('train', '--layers', '2,2,1', '--activation', 'relu', '--output-activation', 'sigma'),
      '--output-activation: sigma is abstract and has no values; train with relu, sigmoid, tanh or identity',
    );
    expectInputError(await gradsheet('train', '--layers', '2,2,1', '--epochs', 'many'), "--epochs: 'many' is not a whole number");
    expectInputError(await gradsheet('train', '--layers', '2,2,1', '--lr', '0'), "--lr: '0' is not a positive number");
    expectInputError(await gradsheet('train', '--layers', '2,2,1', '--batch-size', '0'), "--batch-size: '0' is not a whole number ≥ 1");
    expectInputError(await gradsheet('train', '--layers', '2,2,1', '--data', 'nand'), "--data: 'nand' is not a data set (xor, and, or) or a .csv file");
    expectInputError(
      await gradsheet('train', '--layers', '3,2,1'),
      '--data: example 1 has 2 input(s) and 1 target(s); the network takes 3 and gives 1',
    );
  });
});
