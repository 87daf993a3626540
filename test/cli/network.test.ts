import { describe, expect, it } from 'vitest';
import { expectInputError, gradsheet } from './capture.js';

interface PartialJson {
  of: string;
  wrt: string;
  derivative: string;
  latex: string;
  cases?: { when: string; value: string }[];
}

const partialsOf = (stdout: string): PartialJson[] => (JSON.parse(stdout) as { partials: PartialJson[] }).partials;

describe('gradsheet network', () => {
  it('--layers 2,2,1 --activation sigma --wrt all --format json: the parameters and the nine partials', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--activation', 'sigma', '--wrt', 'all', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.output).toBe('w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3');
    expect(j.parameters).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3']);
    expect(j.partials).toHaveLength(9);
    expect(j.definitions).toBeUndefined();
    const by = Object.fromEntries(j.partials.map((p: PartialJson) => [p.wrt, p]));
    expect(by.w1).toEqual({
      of: 'yhat',
      wrt: 'w1',
      derivative: "w5*sigma'(w1*x1 + w2*x2 + b1)*x1",
      latex: "w_{5} \\sigma'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1}",
    });
    expect(by.b2.derivative).toBe("w6*sigma'(w3*x1 + w4*x2 + b2)");
    expect(by.b3.derivative).toBe('1');
  });

  it('gives ReLU partials their cases', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--activation', 'relu', '--wrt', 'w1,w5', '--format', 'json');
    const [w1, w5] = partialsOf(r.stdout);
    expect(w1.cases).toEqual([
      { when: 'w1*x1 + w2*x2 + b1 <= 0', value: '0' },
      { when: 'w1*x1 + w2*x2 + b1 > 0', value: 'w5*x1' },
    ]);
    expect(w5.cases).toBeUndefined();
  });

  it('prints ∂ŷ/∂w1 lines, with cases under them, in text', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--activation', 'relu', '--wrt', 'w1,b3');
    expect(r.stdout).toBe(
      [
        'ŷ = w5*relu(w1*x1 + w2*x2 + b1) + w6*relu(w3*x1 + w4*x2 + b2) + b3',
        '',
        "∂ŷ/∂w1 = w5*relu'(w1*x1 + w2*x2 + b1)*x1",
        '       = 0      if w1*x1 + w2*x2 + b1 <= 0',
        '       = w5*x1  if w1*x1 + w2*x2 + b1 > 0',
        '∂ŷ/∂b3 = 1',
      ].join('\n'),
    );
  });

  it('typesets the lecture’s cases in LaTeX', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--activation', 'relu', '--wrt', 'w1', '--format', 'latex');
    expect(r.stdout).toContain(
      "\\frac{\\partial \\hat{y}}{\\partial w_{1}} &= w_{5} \\operatorname{ReLU}'(w_{1} x_{1} + w_{2} x_{2} + b_{1}) x_{1} = \\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1} & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \\end{cases}",
    );
    expect(r.stdout.startsWith('\\begin{aligned}')).toBe(true);
  });

  it('--loss mse: every partial is (ŷ − y)·∂ŷ/∂p, the cost in JSON', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--loss', 'mse', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j.loss).toBe('1/2*(yhat - y)^2');
    const yhat = j.output;
    const by = Object.fromEntries((j.partials as PartialJson[]).map((p) => [p.wrt, p.derivative]));
    expect(by.w1).toBe(`(${yhat} - y)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1`);
    expect(by.w6).toBe(`(${yhat} - y)*sigma(w3*x1 + w4*x2 + b2)`);
    expect(by.b3).toBe(`${yhat} - y`);
    expect((j.partials as PartialJson[]).every((p) => p.of === 'f')).toBe(true);
  });

  it('--abbreviate lists definitions and writes partials through them', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--loss', 'mse', '--abbreviate', '--format', 'json');
    const j = JSON.parse(r.stdout);
    const defs = Object.fromEntries((j.definitions as { name: string; expr: string }[]).map((d) => [d.name, d.expr]));
    expect(defs).toMatchObject({ z1_1: 'w1*x1 + w2*x2 + b1', h1_1: 'sigma(z1_1)', yhat: 'w5*h1_1 + w6*h1_2 + b3', delta2_1: 'yhat - y' });
    expect(defs.delta1_1).toBe("delta2_1*w5*sigma'(z1_1)");
    expect(partialsOf(r.stdout).map((p) => p.derivative)).toContain('delta1_1*x1');
    const t = await gradsheet('network', '--layers', '2,2,1', '--loss', 'mse', '--abbreviate', '--wrt', 'w1');
    expect(t.stdout.split('\n')).toContain('f = 1/2*(yhat - y)^2');
    // δ⁽²⁾ is used once here, so it is written in place: the lecture's (ŷ − y)·∂ŷ/∂w1.
    expect(t.stdout.split('\n').at(-1)).toBe("∂f/∂w1 = (yhat - y)*w5*sigma'(z1_1)*x1");
    // Nothing to define: the partial alone, with no blank line before it (there was one).
    const bare = await gradsheet('network', '--layers', '2,2,1', '--abbreviate', '--wrt', 'w1');
    expect(bare.stdout.trimEnd()).toBe("∂ŷ/∂w1 = w5*sigma'(w1*x1 + w2*x2 + b1)*x1");
  });

  it('accepts --no-bias, --naming indexed, --loss bce and per-layer activations', async () => {
    const nb = JSON.parse((await gradsheet('network', '--layers', '2,2,1', '--no-bias', '--format', 'json')).stdout);
    expect(nb.parameters).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
    const ix = JSON.parse((await gradsheet('network', '--layers', '2,2,1', '--naming', 'indexed', '--wrt', 'W1_2_1', '--format', 'json')).stdout);
    expect(ix.partials[0].derivative).toBe("W2_1_2*sigma'(W1_2_1*x1 + W1_2_2*x2 + b1_2)*x1");
    const bce = await gradsheet('network', '--layers', '2,2,1', '--output-activation', 'sigmoid', '--loss', 'bce', '--wrt', 'b3');
    expect(bce.code).toBe(0);
    const deep = await gradsheet('network', '--layers', '2,2,2,1', '--activation', 'relu,tanh', '--wrt', 'w1', '--format', 'json');
    expect(deep.code).toBe(0);
  });

  it('rejects bad input with one line naming the flag, exit 2', async () => {
    expectInputError(
      await gradsheet('network', '--layers', '2,x,1'),
      "--layers \"2,x,1\": 'x' is not a width; give whole numbers separated by commas, e.g. 2,2,1",
    );
    expectInputError(
      await gradsheet('network', '--layers', '2,2,1', '--wrt', 'w7'),
      "--wrt: 'w7' is not a parameter of this network (w1, w2, w3, w4, w5, w6, b1, b2, b3)",
    );
    expectInputError(
      await gradsheet('network', '--layers', '2,2,1', '--activation', 'softmax'),
      "--activation: 'softmax' is not an activation (sigma, relu, sigmoid, tanh, identity)",
    );
    expectInputError(
      await gradsheet('network', '--layers', '2,2,1', '--loss', 'bce'),
      '--loss bce: binary cross-entropy needs one output with --output-activation sigmoid',
    );
    expectInputError(await gradsheet('network', '--layers', '0,1'), '--layers: layer 1 has width 0; widths are whole numbers from 1 to 64');
    for (const argv of [['--layers', '2,2,1', '--loss', 'huber'], ['--layers', '2,2,1', '--naming', 'greek'], ['--activation', 'relu']]) {
      const r = await gradsheet('network', ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(1);
    }
  });

  it('refuses partials too long to print, up front, with their size and what would fit (exit 2)', async () => {
    // Printed before: 15 MB of LaTeX in 3 s.
    expectInputError(
      await gradsheet('network', '--layers', '5,5,5,5,5', '--activation', 'sigmoid', '--format', 'latex'),
      '--layers 5,5,5,5,5: written out, the outputs and 600 partials would take about 15 MB of LaTeX; gradsheet network prints at most 10 MB: ' +
        'use --abbreviate (about 73 KB), --wrt w1 alone (about 380 KB), --format text (about 8.1 MB) or fewer or narrower layers',
    );
    // Ran 300 s at 3.4 GB, then failed with "internal error: Invalid string length" (exit 3).
    const start = performance.now();
    expectInputError(
      await gradsheet('network', '--layers', '8,8,8,8,8,8', '--activation', 'sigmoid', '--wrt', 'all'),
      '--layers 8,8,8,8,8,8: written out, the outputs and 2,880 partials would take about 2.7 GB of text; gradsheet network prints at most 10 MB: ' +
        'use --abbreviate (about 144 KB) or fewer or narrower layers',
    );
    expect(performance.now() - start).toBeLessThan(10_000);
    // One partial of a deep net still restates ŷ in full.
    expectInputError(
      await gradsheet('network', '--layers', '8,8,8,8,8,8', '--activation', 'sigmoid', '--wrt', 'w1'),
      '--layers 8,8,8,8,8,8: written out, the outputs and 8 partials would take about 21 MB of text; gradsheet network prints at most 10 MB: ' +
        'use --abbreviate (about 35 KB) or fewer or narrower layers',
    );
    // The abbreviated form grows with the number of weights: 33.7 MB in 18 s before.
    expectInputError(
      await gradsheet('network', '--layers', '64,64,64,64', '--abbreviate'),
      '--layers 64,64,64,64 --abbreviate: the definitions and 798,720 partials would take about 36 MB of text; gradsheet network prints at most 10 MB: ' +
        'use --wrt w1 alone (about 421 KB) or fewer or narrower layers',
    );
  });

  it('still prints partials of a few MB: the 4-4-4-4-4 sigmoid net, and its abbreviated 8-8-8-8-8-8 cousin', async () => {
    const r = await gradsheet('network', '--layers', '4,4,4,4,4', '--activation', 'sigmoid');
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBe(2_000_864);
    const ab = await gradsheet('network', '--layers', '8,8,8,8,8,8', '--activation', 'sigmoid', '--abbreviate');
    expect(ab.code).toBe(0);
    expect(ab.stdout).toContain('∂ŷ₈/∂w1 = ');
  });

  it('--form matrix gives the matrix-form gradients of every layer', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--activation', 'relu', '--loss', 'mse', '--form', 'matrix', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { form: string; gradients: { lhs: string; derivative: string }[]; definitions: { name: string; expr: string }[] };
    expect(j.form).toBe('matrix');
    const grads = Object.fromEntries(j.gradients.map((g) => [g.lhs, g.derivative]));
    expect(grads['∇_{W⁽¹⁾} f']).toBe('δ⁽¹⁾xᵀ');
    expect(grads['∇_{W⁽²⁾} f']).toBe('δ⁽²⁾h⁽¹⁾ᵀ');
    expect(grads['∇_{b⁽¹⁾} f']).toBe('δ⁽¹⁾');
    const defs = Object.fromEntries(j.definitions.map((d) => [d.name, d.expr]));
    expect(defs['δ⁽¹⁾']).toBe('(W⁽²⁾ᵀδ⁽²⁾) ⊙ relu′(z⁽¹⁾)');
    const text = await gradsheet('network', '--layers', '2,2,1', '--activation', 'relu', '--loss', 'mse', '--form', 'matrix');
    expect(text.stdout).toContain('δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ relu′(z⁽¹⁾)');
  });

  it('--form matrix takes no --wrt', async () => {
    const r = await gradsheet('network', '--layers', '2,2,1', '--form', 'matrix', '--wrt', 'w1');
    expectInputError(r, '--form matrix gives the gradients of every layer; it takes neither --wrt nor --abbreviate');
  });
});
