import { describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

const LETS = ['--let', 'W1=[1,0,1;-1,2,3]', '--let', 'b1=[-1;2]', '--let', 'W2=[1,-1;-1,1]', '--let', 'b2=[0;1]', '--let', 'x=[1;0;-2]'];

describe('gradsheet eval', () => {
  it("gives the lecture's forward pass exactly: [0; 1]", async () => {
    expect(await gradsheet('eval', 'W2*relu(W1*x + b1) + b2', ...LETS)).toEqual({ code: 0, stdout: '[0; 1]', stderr: '' });
    const j = JSON.parse((await gradsheet('eval', 'W2*relu(W1*x + b1) + b2', ...LETS, '--format', 'json')).stdout);
    expect(j).toEqual({
      value: '[0; 1]',
      latex: '\\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}',
      exact: true,
      rows: 2,
      cols: 1,
      entries: [['0'], ['1']],
    });
  });

  it('gives floats with sigmoid: 6 significant digits in text, all of them in JSON', async () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const r = await gradsheet('eval', 'W2*sigmoid(W1*x + b1) + b2', ...LETS);
    expect(r.stdout).toBe('[0.11251; 0.88749]');
    const j = JSON.parse((await gradsheet('eval', 'W2*sigmoid(W1*x + b1) + b2', ...LETS, '--format', 'json')).stdout);
    expect(j.exact).toBe(false);
    expect(j.entries.map((row: string[]) => Number(row[0]))).toEqual([s(-2) - s(-5), 1 - s(-2) + s(-5)]);
    expect(j.latex).toBe('\\begin{bmatrix} 0.11251 \\\\ 0.88749 \\end{bmatrix}');
  });

  it('evaluates scalars exactly, and lets later --let use earlier names', async () => {
    expect((await gradsheet('eval', '3/4*(x1 + 1)', '--let', 'x1=1/3')).stdout).toBe('1');
    expect((await gradsheet('eval', 'h', '--let', 'z=[1;-2]', '--let', 'h=relu(z)')).stdout).toBe('[1; 0]');
    expect(JSON.parse((await gradsheet('eval', 'x/2', '--let', 'x=3', '--format', 'json')).stdout)).toEqual({ value: '3/2', latex: '\\frac{3}{2}', exact: true });
    expect((await gradsheet('eval', 'w₁*ŷ', '--let', 'w₁=2', '--let', 'ŷ=1/4')).stdout).toBe('1/2');
  });

  it('reads number literals exactly, not as doubles (1e23 - 10^23 was -8388608)', async () => {
    const ten = (k: number): bigint => 10n ** BigInt(k);
    expect((await gradsheet('eval', '123456789012345678901234567890')).stdout).toBe('123456789012345678901234567890');
    expect((await gradsheet('eval', '1e23 - 10^23')).stdout).toBe('0');
    expect((await gradsheet('eval', '1e308*10')).stdout).toBe(ten(309).toString());
    expect((await gradsheet('eval', '1e-400*10^400')).stdout).toBe('1');
    expect((await gradsheet('eval', 'x - 10^23', '--let', 'x=1e23')).stdout).toBe('0');
  });

  it('reads transposes', async () => {
    expect((await gradsheet('eval', "x'*W*x", '--let', 'W=[2,1;1,3]', '--let', 'x=[1;2]')).stdout).toBe('[[18]]');
  });

  it.each([
    [['W1*x + b1', ...LETS.slice(0, 4), '--let', 'x=[1;0]'], 'EXPR: W1*x: 2×3 times 2×1 (3 columns but 2 rows)'],
    [['W1*x + b1', ...LETS.slice(0, 2), '--let', 'b1=[1;2;3]', '--let', 'x=[1;0;-2]'], 'EXPR: W1*x + b1: 2×1 plus 3×1; a sum needs equal shapes'],
    [['x', '--let', 'x=[1,0;2]'], '--let x=[1,0;2]: column 10: the rows of a matrix must be equally long: a row has 1 entry but the first has 2 entries'],
    [['x', '--let', 'x=1+*2'], "--let x=1+*2: column 5: expected a value, not '*'"],
    [['x', '--let', 'x'], '--let x: expected NAME=VALUE, e.g. --let "x=[1;0;-2]"'],
    [['x', '--let', '=1'], '--let =1: a name is missing before \'=\''],
    [['x', '--let', '2x=1'], "--let 2x=1: '2x' is not a name"],
    [['x', '--let', 'pi=3'], '--let pi=3: pi is a constant and cannot be given a value'],
    [['x', '--let', 'x=1', '--let', 'x=2'], '--let x=2: x is already given by an earlier --let'],
    [['h', '--let', 'h=relu(z)'], '--let h=relu(z): no value for z (give it in an earlier --let)'],
    [['h', '--let', 'W=[1,2;3,4]', '--let', 'h=W*[1;2;3]'], '--let h=W*[1;2;3]: W*[1; 2; 3]: 2×2 times 3×1 (2 columns but 3 rows)'],
    [['W1*x'], 'EXPR: no value for W1, x; give them with --let W1=…'],
    [['W1*', '--let', 'W1=1'], 'EXPR: column 4: unexpected end of input; expected a value'],
    [['1e999999999'], 'EXPR: column 1: the exponent 999999999 is out of range: numbers are read exactly, with exponents from -1000 to 1000'],
    [['x', '--let', 'x=2*1e-1001'], '--let x=2*1e-1001: column 5: the exponent -1001 is out of range: numbers are read exactly, with exponents from -1000 to 1000'],
  ])('%# rejects bad input with exit 2 and one line naming where', async (args, message) => {
    expectInputError(await gradsheet('eval', ...args), message);
  });
});
