/** `gradsheet diff` through run(): formats, several variables, steps, and usage errors. */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const YHAT = 'w5*sigma(w1*x1+w2*x2+b1) + w6*sigma(w3*x1+w4*x2+b2) + b3';
const Z1 = 'w1*x1 + w2*x2 + b1';
const Z2 = 'w3*x1 + w4*x2 + b2';
const PRINTED_YHAT = `w5*sigma(${Z1}) + w6*sigma(${Z2}) + b3`;

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string[];
}

async function gradsheet(...argv: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err };
}

/** The JSON on stdout, checked to be the only output. */
async function json(...argv: string[]): Promise<unknown> {
  const r = await gradsheet(...argv);
  expect(r.code).toBe(0);
  expect(r.stderr).toEqual([]);
  return JSON.parse(r.stdout) as unknown;
}

describe('gradsheet diff: the lecture’s examples', () => {
  it.each([
    ['v*sigma(u*w+z)', 'w', "v*sigma'(u*w + z)*u"],
    [YHAT, 'w1', `w5*sigma'(${Z1})*x1`],
    [YHAT, 'b2', `w6*sigma'(${Z2})`],
    [YHAT.replace(/sigma/g, 'relu'), 'w1', `w5*relu'(${Z1})*x1`],
    [`1/2*(${YHAT} - y)^2`, 'w1', `(${PRINTED_YHAT} - y)*w5*sigma'(${Z1})*x1`],
    ['-x1/x2', 'x2', 'x1/x2^2'],
    ['ŷ − y', 'yhat', '1'],
  ])('diff %j --wrt %s prints %s', async (expr, wrt, expected) => {
    // An expression that starts with '-' goes after `--`, as on any command line.
    const r = await gradsheet('diff', '--wrt', wrt, '--', expr);
    expect(r).toEqual({ code: 0, stdout: expected, stderr: [] });
  });

  it('differentiates x^1e308 with the exact exponent 10^308', async () => {
    const e = 10n ** 308n;
    expect(await gradsheet('diff', 'x^1e308', '--wrt', 'x')).toEqual({ code: 0, stdout: `${e}*x^${e - 1n}`, stderr: [] });
  });

  it('needs no --wrt when the expression has one variable', async () => {
    expect(await gradsheet('diff', 'x^2')).toEqual({ code: 0, stdout: '2*x', stderr: [] });
  });

  it('takes --wrt written as in an expression: w₁, α, ŷ (before: "not a variable name")', async () => {
    expect((await gradsheet('diff', 'w1*x1', '--wrt', 'w₁')).stdout).toBe('x1');
    expect((await gradsheet('diff', 'alpha^2', '--wrt', 'α')).stdout).toBe('2*alpha');
    expect((await gradsheet('diff', '1/2*(yhat - y)^2', '--wrt', 'ŷ')).stdout).toBe('yhat - y');
  });

  it('accepts w_1 for w1', async () => {
    expect((await gradsheet('diff', YHAT, '--wrt', 'w_1')).stdout).toBe(`w5*sigma'(${Z1})*x1`);
  });
});

describe('--format json', () => {
  it('has expr, wrt, derivative, latex and the steps with rule, because and latex', async () => {
    const out = await json('diff', YHAT, '--wrt', 'w1', '--format', 'json');
    expect(out).toEqual({
      expr: PRINTED_YHAT,
      wrt: 'w1',
      derivative: `w5*sigma'(${Z1})*x1`,
      latex: "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}",
      steps: [
        { rule: 'sum', because: expect.stringContaining('Only the term w5*sigma(') as unknown, latex: expect.any(String) as unknown },
        { rule: 'constant-multiple', because: expect.stringContaining('c·σ(z)') as unknown, latex: expect.any(String) as unknown },
        { rule: 'chain', because: expect.stringContaining('σ′(z)·∂z/∂w1') as unknown, latex: expect.any(String) as unknown },
        {
          rule: 'linear',
          because: expect.stringContaining('the coefficient of w1 is x1') as unknown,
          latex: "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}",
        },
      ],
    });
  });

  it('has exactly those fields in each step', async () => {
    const out = (await json('diff', 'x*sin(x)', '--wrt', 'x', '--format', 'json')) as { steps: object[] };
    expect(Object.keys(out)).toEqual(['expr', 'wrt', 'derivative', 'latex', 'steps']);
    for (const s of out.steps) expect(Object.keys(s)).toEqual(['rule', 'because', 'latex']);
  });

  it('gives {expr, partials[{wrt, derivative, latex}]} for several --wrt', async () => {
    const out = await json('diff', YHAT, '--wrt', 'w1,b2, b3', '--format', 'json');
    expect(out).toEqual({
      expr: PRINTED_YHAT,
      partials: [
        { wrt: 'w1', derivative: `w5*sigma'(${Z1})*x1`, latex: "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}" },
        { wrt: 'b2', derivative: `w6*sigma'(${Z2})`, latex: "w_{6} \\sigma'(w_{3} x_{1} + w_{4} x_{2} + b_{2})" },
        { wrt: 'b3', derivative: '1', latex: '1' },
      ],
    });
  });
});

describe('--steps', () => {
  it('lists the lecture’s four steps, each with the expression after it, then the result', async () => {
    const r = await gradsheet('diff', YHAT, '--wrt', 'w1', '--steps');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(1 + 4 * 2 + 1);
    expect(lines[0]).toBe(`∂/∂w1[${PRINTED_YHAT}]`);
    expect(lines[1]).toMatch(/^1\. Only the term w5\*sigma\(w1\*x1 \+ w2\*x2 \+ b1\) depends on w1/);
    expect(lines[2]).toBe(`   = ∂/∂w1[w5*sigma(${Z1})]`);
    expect(lines[3]).toMatch(/^2\. It has the form c·σ\(z\)/);
    expect(lines[4]).toBe(`   = w5*∂/∂w1[sigma(${Z1})]`);
    expect(lines[5]).toMatch(/^3\. Chain rule: .*σ′\(z\)·∂z\/∂w1/);
    expect(lines[6]).toBe(`   = w5*sigma'(${Z1})*∂/∂w1[${Z1}]`);
    expect(lines[7]).toMatch(/^4\. .*the coefficient of w1 is x1/);
    expect(lines[8]).toBe(`   = w5*sigma'(${Z1})*x1`);
    expect(lines[9]).toBe(`w5*sigma'(${Z1})*x1`);
  });

  it('in LaTeX, is an aligned derivation with the rule of each line', async () => {
    const r = await gradsheet('diff', YHAT, '--wrt', 'w1', '--steps', '--format', 'latex');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('\\begin{aligned}');
    expect(lines[lines.length - 1]).toBe('\\end{aligned}');
    expect(lines.slice(1, -1).map((l) => /\\text\{\((.+)\)\}/.exec(l)?.[1])).toEqual(['sum', 'constant-multiple', 'chain', 'linear']);
    expect(lines[1]).toMatch(/^\\frac\{\\partial\}\{\\partial w_\{1\}\}\\left\[/);
    expect(lines[4]).toContain("&= w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
  });
});

describe('--format latex', () => {
  it('prints the derivative in the lecture’s notation', async () => {
    expect(await gradsheet('diff', YHAT, '--wrt', 'w1', '--format', 'latex')).toEqual({
      code: 0,
      stdout: "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}",
      stderr: [],
    });
    expect((await gradsheet('diff', '--wrt', 'x2', '--format', 'latex', '--', '-x1/x2')).stdout).toBe('\\frac{x_{1}}{x_{2}^{2}}');
  });

  it('prints one line per variable for several --wrt', async () => {
    const r = await gradsheet('diff', YHAT, '--wrt', 'w1,b2', '--format', 'latex');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}");
    expect(lines[1]).toContain("w_{6} \\sigma'(w_{3} x_{1} + w_{4} x_{2} + b_{2})");
  });

  it('text for several --wrt has one line per variable', async () => {
    expect((await gradsheet('diff', YHAT, '--wrt', 'w1,b2')).stdout).toBe(
      `∂/∂w1 = w5*sigma'(${Z1})*x1\n∂/∂b2 = w6*sigma'(${Z2})`,
    );
  });
});

describe('usage errors: exit 2 with one line', () => {
  it.each([
    [['diff', YHAT, '--wrt', 'w1', '--format', 'yaml'], "argument 'yaml' is invalid"],
    [['diff', YHAT], '--wrt is required: the expression has the variables w5, w1'],
    [['diff', 'x^2', '--wrt', 'x,'], 'empty name in the list'],
    [['diff', 'x^2', '--wrt', '1x'], "'1x' is not a variable name"],
    [['diff', '2'], '--wrt is required: the expression has no variables'],
    [['diff'], "missing required argument 'expr'"],
    [['diff', 'x', '--bogus'], "unknown option '--bogus'"],
    [['diff', 'sigma(', '--wrt', 'x'], 'EXPR: column 7:'],
    // Before: each printed 0, as if a constant or a function could vary.
    [['diff', 'pi*x', '--wrt', 'pi'], "--wrt: 'pi' is the constant π, not a variable"],
    [['diff', 'e^x', '--wrt', 'e'], "--wrt: 'e' is the constant e = 2.718…, not a variable"],
    [['diff', 'sigma(x)', '--wrt', 'sigma'], "--wrt: 'sigma' is the name of a function, not a variable"],
    [['diff', 'f(x)', '--wrt', 'f'], "--wrt: 'f' is the name of a function, not a variable"],
    // Before: read as products, sigmod*x, relU*x, Sigma*x and foo with exit 0.
    [['diff', 'sigmod(w*x)', '--wrt', 'w'], "EXPR: column 1: unknown function 'sigmod'; did you mean sigmoid?"],
    [['diff', 'sigmod(w*x)', '--wrt', 'w', '--format', 'json'], "EXPR: column 1: unknown function 'sigmod'; did you mean sigmoid?"],
    [['diff', 'relU(w*x)', '--wrt', 'w'], "EXPR: column 1: unknown function 'relU'; did you mean relu?"],
    [['diff', 'Sigma(w*x)', '--wrt', 'w'], "EXPR: column 1: unknown function 'Sigma'; did you mean sigma?"],
    [['diff', 'foo(x)', '--wrt', 'x'], "EXPR: column 1: unknown function 'foo'; write foo*(…) for a product"],
    // No value anywhere: the rules gave 1/0 (x/(x - x)) or 0 (x - x simplified away), with exit 0.
    [['diff', 'x/(x-x)', '--wrt', 'x'], 'EXPR: x/(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶), so it has no derivative'],
    [['diff', '1/(x-x)', '--wrt', 'x', '--steps'], 'EXPR: 1/(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶), so it has no derivative'],
    [['diff', 'log(x-x)', '--wrt', 'x'], 'EXPR: log(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶), so it has no derivative'],
    [['diff', 'x^2/(y-y)', '--wrt', 'x,y'], 'EXPR: x^2/(y - y) has no finite value at any point tried (x, y from −10⁶ to 10⁶), so it has no derivative'],
  ])('%j', async (argv, message) => {
    const r = await gradsheet(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0].split('\n')).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^gradsheet: /);
    expect(r.stderr[0]).toContain(message);
  });
});
