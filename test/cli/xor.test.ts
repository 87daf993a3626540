import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectInputError, gradsheet } from './capture.js';
import { xorPlot } from '../../src/pictures/xor-plot.js';
import { checkXorDesign } from '../../src/nn/xor.js';


const ACCEPT = ['xor', '--W1', '[1,1;1,1]', '--b1', '[0;-1]'];
const REJECT = ['xor', '--W1', '[1,0;0,1]', '--b1', '[0;0]'];

describe('gradsheet xor', () => {
  it('accepts the lecture design and gives W⁽²⁾, b⁽²⁾ (exit 0)', async () => {
    const r = await gradsheet(...ACCEPT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'W⁽¹⁾ = [1, 1; 1, 1], b⁽¹⁾ = [0; -1], activation relu',
        'x      y  z = W⁽¹⁾x + b⁽¹⁾  h = relu(z)  ŷ',
        '(0,0)  0  (0, -1)           (0, 0)       0',
        '(0,1)  1  (1, 0)            (1, 0)       1',
        '(1,0)  1  (1, 0)            (1, 0)       1',
        '(1,1)  0  (2, 1)            (2, 1)       0',
        'separable: the + points (0,1) and (1,0) both map to (1, 0), which is off the segment between (0, 0) and (2, 1) where the − points map, so a line separates the classes',
        'W⁽²⁾ = [1, -2], b⁽²⁾ = 0 (w5 = 1, w6 = -2, b3 = 0): ŷ = W⁽²⁾h + b⁽²⁾ is exactly XOR on the four points',
      ].join('\n'),
    );
  });

  it('rejects W⁽¹⁾ = I, b⁽¹⁾ = 0 with the reason (exit 1, a negative verdict)', async () => {
    const r = await gradsheet(...REJECT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(-1)[0]).toBe(
      'not separable: the segment between the + points h(0,1) = (0, 1) and h(1,0) = (1, 0) crosses the segment between the − points h(0,0) = (0, 0) and h(1,1) = (1, 1) at (1/2, 1/2), so no line has the + points on one side and the − points on the other',
    );
    expect(r.stdout).not.toContain('ŷ');
  });

  it('explains why identity always fails, and a later success exits 0 again', async () => {
    const r = await gradsheet('xor', '--W1', '[2,1;1,2]', '--b1', '[-1;-1]', '--activation', 'identity');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('note: with the identity activation h = W⁽¹⁾x + b⁽¹⁾ is affine');
    expect((await gradsheet(...ACCEPT)).code).toBe(0);
  });

  it('reads rationals in any exact form and b⁽¹⁾ as a column, a row or a list', async () => {
    for (const b1 of ['[0;-1/2]', '[0,-0.5]', '[[0, -2^-1]]']) {
      const r = await gradsheet('xor', '--W1', '[1, 1; 1, 1]', '--b1', b1);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('W⁽²⁾ = [3, -4], b⁽²⁾ = 0');
    }
  });

  it('gives JSON with exact values as fraction text', async () => {
    const r = await gradsheet(...ACCEPT, '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j.separable).toBe(true);
    expect(j.points.map((p: { h: string[] }) => p.h)).toEqual([['0', '0'], ['1', '0'], ['1', '0'], ['2', '1']]);
    expect(j.points.map((p: { yhat: string }) => p.yhat)).toEqual(['0', '1', '1', '0']);
    expect(j.readout).toEqual({ W2: ['1', '-2'], b2: '0', kind: 'exact', threshold: '1/2' });
    const no = JSON.parse((await gradsheet(...REJECT, '--format', 'json')).stdout);
    expect(no.separable).toBe(false);
    expect(no.obstruction).toEqual({ kind: 'cross', point: ['1/2', '1/2'], plusWeight: '1/2', minusWeight: '1/2' });
    expect(no.points[0].yhat).toBeUndefined();
  });

  it('gives LaTeX in the lecture notation', async () => {
    const r = await gradsheet(...ACCEPT, '--format', 'latex');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('\\mathbf{W}^{(1)} = \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix},\\quad \\mathbf{b}^{(1)} = \\begin{bmatrix} 0 \\\\ -1 \\end{bmatrix}');
    expect(lines[1]).toContain('\\hline 0 & 0 & 0 & (0, -1) & (0, 0) & 0');
    expect(lines[3]).toBe('\\mathbf{W}^{(2)} = \\begin{bmatrix} 1 & -2 \\end{bmatrix},\\quad \\mathbf{b}^{(2)} = \\begin{bmatrix} 0 \\end{bmatrix}');
    expect(lines[2]).toMatch(/^\\text\{separable: .* the \$-\$ points map/);
  });

  it('gives sigmoid and tanh the affine readout that is exactly 0/1 on the hidden values, said to hold to double precision', async () => {
    // Was: W⁽²⁾ = [1, -1] with ŷ = 2 on the + points, "(no affine readout is exactly 0/1 here)".
    const tanh = await gradsheet('xor', '--W1', '[100,100;100,100]', '--b1', '[-50;-150]', '--activation', 'tanh');
    expect(tanh.code).toBe(0);
    const lines = tanh.stdout.split('\n');
    expect(lines.slice(2, 6).map((l) => l.split(/ {2,}/).pop())).toEqual(['0', '1', '1', '0']);
    expect(lines[7]).toBe(
      'W⁽²⁾ = [1/2, -1/2], b⁽²⁾ = 0 (w5 = 1/2, w6 = -1/2, b3 = 0): ŷ = W⁽²⁾h + b⁽²⁾ is XOR on the four points to double precision: exactly 0 and 1 on the values of h above',
    );
    // Was: ŷ = -17.02 at (0,0) with W⁽²⁾ = [234, -156]; three distinct hidden points always have an exact readout.
    const sigmoid = await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '[0;-1]', '--activation', 'sigmoid');
    expect(sigmoid.stdout.split('\n')[7]).toBe(
      'W⁽²⁾ ≈ [24.594, -20.266], b⁽²⁾ ≈ -6.8466 (w5 ≈ 24.594, w6 ≈ -20.266, b3 ≈ -6.8466): ŷ = W⁽²⁾h + b⁽²⁾ is XOR on the four points to double precision: ' +
        'exactly 0 and 1 on the values of h above; W⁽²⁾ and b⁽²⁾ are rounded to 5 significant digits, which keep ŷ within 10⁻⁴ of 0 and 1 (--format json gives them in full)',
    );
    expect(sigmoid.stdout).not.toContain('no affine readout');
    const j = JSON.parse((await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '[0;-1]', '--activation', 'sigmoid', '--format', 'json')).stdout);
    expect(j.readout).toEqual({ W2: ['24.5941717919545', '-20.266264964477195'], b2: '-6.846647790569819', kind: 'exact', threshold: '1/2', error: 0 });
    expect(j.points.map((p: { yhat: string }) => p.yhat)).toEqual(['0', '1', '1', '0']);
    const latex = await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '[0;-1]', '--activation', 'sigmoid', '--format', 'latex');
    expect(latex.stdout).toContain('\\mathbf{W}^{(2)} \\approx \\begin{bmatrix} 24.594 & -20.266 \\end{bmatrix},\\quad \\mathbf{b}^{(2)} \\approx \\begin{bmatrix} -6.8466 \\end{bmatrix}');
  });

  it('says no affine readout is 0/1 only when none is, even to double precision', async () => {
    const r = await gradsheet('xor', '--W1', '[-1,0.5;-3,0.5]', '--b1', '[0;-2]', '--activation', 'tanh');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('so thresholding at 1/2 gives XOR (no affine readout is 0/1 here, even to double precision)');
  });

  it('decides sigmoid on double values and says so', async () => {
    const r = await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '[0;-1]', '--activation', 'sigmoid');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(0,0)  0  (0, -1)           (0.5, 0.2689)');
    expect(r.stdout).toContain('note: sigmoid values are double-precision approximations');
  });
});

describe('gradsheet xor --svg', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'gradsheet-xor-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('writes the picture, and only the picture, into the directory', async () => {
    const dir = tempDir();
    const file = join(dir, 'xor.svg');
    const r = await gradsheet(...ACCEPT, '--svg', file);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['xor.svg']);
    expect(readFileSync(file, 'utf8')).toBe(xorPlot(checkXorDesign({ W1: [[1, 1], [1, 1]], b1: [0, -1] })));
  });

  it('writes it for a negative verdict too (exit 1): the picture shows why', async () => {
    const dir = tempDir();
    const r = await gradsheet(...REJECT, '--svg', join(dir, 'no.svg'));
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'no.svg'), 'utf8')).toContain('data-role="obstruction"');
  });

  it('writes nothing when the input is bad, and replaces an old file whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'xor.svg');
    expectInputError(await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '[0;y]', '--svg', file), '--b1 "[0;y]": entry 2, y, is not a rational number');
    expect(existsSync(file)).toBe(false);
    await gradsheet(...ACCEPT, '--svg', file);
    await gradsheet(...REJECT, '--svg', file);
    expect(readdirSync(dir)).toEqual(['xor.svg']);
    expect(readFileSync(file, 'utf8')).toContain('not separable');
  });

  it('reports an unwritable target in one line (exit 2), leaving no temp file behind', async () => {
    const dir = tempDir();
    expectInputError(await gradsheet(...ACCEPT, '--svg', join(dir, 'missing', 'x.svg')), `--svg ${join(dir, 'missing', 'x.svg')}: cannot write (directory ${join(dir, 'missing')} does not exist)`);
    expectInputError(await gradsheet(...ACCEPT, '--svg', dir), `--svg ${dir}: cannot write (it is a directory)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never replaces a device, a FIFO or a symbolic link with a plain file (before: /dev/full became one)', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expectInputError(await gradsheet(...ACCEPT, '--svg', join(dir, 'fifo')), `--svg ${join(dir, 'fifo')}: cannot write (it is not a regular file (a device, FIFO or socket))`);
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    writeFileSync(join(dir, 'target.txt'), 'kept');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.svg'));
    expectInputError(await gradsheet(...ACCEPT, '--svg', join(dir, 'link.svg')), `--svg ${join(dir, 'link.svg')}: cannot write (it is a symbolic link; write to its target instead)`);
    expect(lstatSync(join(dir, 'link.svg')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'link.svg', 'target.txt']);
  });
});

describe('gradsheet xor: bad input', () => {
  it('names the flag, the entry and what was expected', async () => {
    expectInputError(await gradsheet('xor', '--W1', '[1,1]'), '--W1 "[1,1]": expected a 2×2 matrix such as [1, 1; 1, 1], got a list of 2');
    expectInputError(await gradsheet('xor', '--W1', '[1,1,1;1,1,1]'), '--W1 "[1,1,1;1,1,1]": expected a 2×2 matrix such as [1, 1; 1, 1], got a 2×3 matrix');
    expectInputError(await gradsheet('xor', '--W1', '[1,x;1,1]'), '--W1 "[1,x;1,1]": entry (1, 2), x, is not a rational number');
    expectInputError(await gradsheet('xor', '--W1', '[1,sigmoid(1);1,1]'), '--W1 "[1,sigmoid(1);1,1]": entry (1, 2), sigmoid(1), is not a rational number');
    expectInputError(await gradsheet('xor', '--W1', '[1,1;1,1]', '--b1', '3'), '--b1 "3": expected two numbers such as [0; -1], got a single value');
    // The parser's own wording is its business; the flag and the column are ours to check.
    const unclosed = await gradsheet('xor', '--W1', '[1,1;1');
    expect([unclosed.code, unclosed.stdout, unclosed.stderr.split('\n').length]).toEqual([2, '', 1]);
    expect(unclosed.stderr).toMatch(/^gradsheet: --W1: column \d+: /);
  });

  it('reports usage errors in one line', async () => {
    const missing = await gradsheet('xor');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("gradsheet: required option '--W1 <matrix>' not specified");
    const act = await gradsheet('xor', '--W1', '[1,1;1,1]', '--activation', 'softmax');
    expect(act.code).toBe(2);
    expect(act.stderr.split('\n')).toHaveLength(1);
  });
});
