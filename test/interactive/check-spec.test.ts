/**
 * `gradsheet check SPEC --exercise ID [--seed N] --answer EXPR`: the same output contract and exit
 * codes as the --expected form (0 correct, 1 incorrect, 2 unreadable or bad usage), against the
 * exercise's answer on the sheet for that seed, a variant's printed seed included.
 */
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/print/text.js';
import { buildWorksheet } from '../../src/render/worksheet.js';
import { numberedVariants } from '../../src/render/variants.js';
import { loadSpec } from '../../src/spec/load.js';
import { readFileSync } from 'node:fs';
import { cli } from '../fixtures/cli.js';
import { specFile } from './support.js';

const LECTURE = specFile('lecture');
const PRACTICE = specFile('backprop-practice');

describe('gradsheet check SPEC --exercise ID', () => {
  it('exit 0 for a right answer in another form, with the contract’s JSON', async () => {
    const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--answer', "x1*w5*sigma'(b1 + w2*x2 + w1*x1)", '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 4)).toEqual(['verdict', 'interpreted', 'interpretedText', 'feedback']);
    expect(out).toMatchObject({ verdict: 'correct', feedback: 'Correct.' });
  });

  it('exit 1 for a mistake, with its diagnosis (text output)', async () => {
    const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--answer', 'w5*sigma(w1*x1+w2*x2+b1)*x1');
    expect(r.code).toBe(1);
    expect(r.out).toContain('interpreted as: w5*sigma(w1*x1 + w2*x2 + b1)*x1');
    expect(r.out).toContain('incorrect: σ where σ′ belongs');
  });

  it.each([
    // The lecture's minibatch: example 1's partials are all 0, example 2's are the sum; ε = 1/10.
    ['gradient-step.gradient', '[0, 0, 0, 0, 0, 0, 0, 0, 0]', "This is ∂f/∂p at example 1 only: the minibatch's gradient sums ∂f/∂p over its 2 examples."],
    ['gradient-step.gradient', '[1/2, 1/2, -1/2, -1/2, 1, 1/2, 1/2, -1/2, 1/2]', "This is the mean of ∂f/∂p over the minibatch: here the minibatch's gradient sums ∂f/∂p over its 2 examples, not their average."],
    ['gradient-step.updated', '[1, 2, 2, 1, 1, -1, -1, -2, 0]', 'These are the parameters before the step: each one moves to p − ε ∂f/∂p.'],
    ['gradient-step.updated', '[0, 1, 3, 2, -1, -2, -2, -1, -1]', 'The step leaves out the learning rate: p ← p − ε ∂f/∂p with ε = 1/10.'],
    ['gradient-step.updated', '[19/20, 39/20, 41/20, 21/20, 9/10, -21/20, -21/20, -39/20, -1/20]', "This step uses the mean of ∂f/∂p over the minibatch: here the minibatch's gradient sums ∂f/∂p over its 2 examples, not their average."],
    // The lecture's forward pass: z⁽¹⁾ = [−2; −5], so ReLU zeroes the hidden layer and ŷ = b⁽²⁾ = [0; 1].
    ['bias-terms', '[3; -2]', 'This is ŷ without the activation: the hidden layer is h⁽¹⁾ = ReLU(z⁽¹⁾), and W⁽²⁾ multiplies h⁽¹⁾, not z⁽¹⁾.'],
    ['bias-terms', '[-3; 4]', 'b⁽¹⁾ was added after ReLU; it goes inside, with the weighted inputs: h⁽¹⁾ = ReLU(W⁽¹⁾x + b⁽¹⁾).'],
    ['bias-terms', '[0; 0]', 'The bias b⁽²⁾ is left out: ŷ = W⁽²⁾h⁽¹⁾ + b⁽²⁾.'],
  ])('names the minibatch or forward-pass mistake in %s = %s', async (id, answer, message) => {
    const r = await cli('check', LECTURE, '--exercise', id, '--answer', answer);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`incorrect: ${message}`);
  });

  it("says that ' after ')' is a transpose when σ(…)' stands where σ′(…) belongs", async () => {
    const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--answer', "w5*sigma(w1x1+w2x2+b1)'*x1");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\nincorrect: σ where σ′ belongs: .* ' after '\)' is read as a transpose; write σ′ as sigma'\(…\)\.$/);
  });

  it.each([
    ['jacobian', '[2, 1; 0, pi; -1/x2, -x1/x2^2]', 'Entry (3, 2) has the wrong sign.'],
    ['gradient-step.updated', '[1.1, 2.1, 1.9, 0.9, 1.2, -0.9, -0.9, -2.1, 0.1]', 'You moved along the gradient; gradient descent moves against it: p ← p − ε ∂f/∂p.'],
    ['all-partials.w3', "w5*σ'(w1x1+w2x2+b1)*x1", 'This is ∂ŷ/∂w₁, not ∂ŷ/∂w₃.'],
    ['mse-partials.w6', "(w5*sigma(w1*x1 + w2*x2 + b1) + w6*sigma(w3*x1 + w4*x2 + b2) + b3 - y)*w5*sigma'(w1*x1 + w2*x2 + b1)*x1", 'This is ∂f_MSE/∂w₁, not ∂f_MSE/∂w₆.'],
  ])('names the mistake: %s %s', async (id, answer, message) => {
    const r = await cli('check', LECTURE, '--exercise', id, '--answer', answer);
    expect(r.code, r.err).toBe(1);
    expect(r.out.split('\n')[1]).toBe(`incorrect: ${message}`);
  });

  it('ID alone for an exercise with one answer, ID.ANSWER for one of several (all-partials.w3)', async () => {
    expect((await cli('check', LECTURE, '--exercise', 'dyhat-db2', '--answer', "w6*sigma'(w3*x1 + w4*x2 + b2)")).code).toBe(0);
    expect((await cli('check', LECTURE, '--exercise', 'all-partials.w3', '--answer', "w6*sigma'(w3*x1 + w4*x2 + b2)*x1")).code).toBe(0);
    expect((await cli('check', LECTURE, '--exercise', 'all-partials.w3', '--answer', "w6*sigma'(w3*x1 + w4*x2 + b2)*x2")).code).toBe(1);
  });

  it('exit 2 with the valid ids for an unknown id, or an exercise with several answers named alone', async () => {
    const r = await cli('check', LECTURE, '--exercise', 'nope', '--answer', 'x1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^gradsheet: --exercise nope: no exercise or answer 'nope' on this sheet; valid ids: bias-terms, non-linearity\.W, .*all-partials\.w3, .*jacobian-vs-gradient\.J$/);
    const several = await cli('check', LECTURE, '--exercise', 'all-partials', '--answer', 'x1');
    expect(several.code).toBe(2);
    expect(several.err).toMatch(/exercise all-partials has 9 answers: name one as all-partials\.w1; valid ids: /);
    // An XOR design is never compared with one answer: the message says so, and does not send the
    // student to xor.W1 (which then failed with that reason).
    const xor = await cli('check', LECTURE, '--exercise', 'xor', '--answer', '[1, 1; 2, 2]');
    expect(xor.code).toBe(2);
    expect(xor.err).toMatch(/^gradsheet: --exercise xor: many designs are right here .*; check a design with gradsheet xor --W1 "\[a, b; c, d\]" --b1 "\[e; f\]"; valid ids: bias-terms, /);
    expect(xor.err).not.toMatch(/xor\.W1/);
  });

  it('exit 2 for an answer that cannot be read, the result (with its column) still on stdout', async () => {
    const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--answer', 'w5*sigma(', '--format', 'json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ verdict: 'invalid', error: { column: 10 } });
  });

  it('exit 2 for an answer that cannot be read, in text output: one line on stderr naming --answer and the column', async () => {
    const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--answer', 'w5*sigma(');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("gradsheet: --answer: column 10: unexpected end of input; '(' at column 9 is not closed");
  });

  it('exit 2 for usage that mixes the two forms, or lacks a part', async () => {
    expect((await cli('check', LECTURE, '--exercise', 'chain-rule', '--expected', 'x', '--answer', 'x')).err).toBe(
      'gradsheet: --expected cannot be used with a SPEC: the exercise gives the expected answer',
    );
    expect((await cli('check', LECTURE, '--answer', 'x')).err).toBe('gradsheet: --exercise ID is required with a SPEC (ID.ANSWER for one of several answers)');
    expect((await cli('check', '--exercise', 'chain-rule', '--answer', 'x')).err).toMatch(/^gradsheet: --exercise needs a SPEC/);
    expect((await cli('check', LECTURE, '--exercise', 'xor.W1', '--answer', '[1, 1; 2, 2]')).err).toMatch(/xor\.W1: many designs are right here .*; check a design with gradsheet xor --W1 /);
    expect((await cli('check', LECTURE, '--exercise', 'chain-rule', '--seed', 'x', '--answer', 'x')).code).toBe(2);
  });

  it('--define: a student’s abbreviation, written in the exercise’s own names, as in the --expected form', async () => {
    // Refused before ("--define cannot be used with a SPEC").
    const z1 = ['--define', 'z1=w1*x1 + w2*x2 + b1'];
    const right = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', ...z1, '--answer', "w5*sigma'(z1)*x1");
    expect([right.code, right.out]).toEqual([0, "interpreted as: w5*sigma'(z1)*x1\nCorrect."]);
    // In Unicode, with ŷ in an MSE answer, and two abbreviations, one written with the other.
    const mse = await cli('check', LECTURE, '--exercise', 'mse-partials.w1', '--define', 'z₁=w₁x₁+w₂x₂+b₁', '--answer', "(ŷ - y)w₅σ′(z₁)x₁");
    expect(mse.code).toBe(0);
    const two = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--define', 'h1=sigma(z1)', ...z1, '--answer', "w5*sigma'(z1)*x1");
    expect(two.code).toBe(0);
    // Still wrong when wrong, with the factors in the student's own names.
    const wrong = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', ...z1, '--answer', "w5*sigma'(z1)");
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('Missing the inner derivative');
    expect(wrong.out).toContain('factors right: w₅, σ′(z₁)');
  });

  it('--define: exit 2 for a name the exercise has, a variable it does not have, or an unreadable value', async () => {
    const refused = async (define: string, message: string): Promise<void> => {
      const r = await cli('check', LECTURE, '--exercise', 'dyhat-dw1.a', '--define', define, '--answer', '0');
      expect([r.code, r.out, r.err]).toEqual([2, '', `gradsheet: ${message}`]);
    };
    // w1 = 0 would make 0 the expected answer.
    await refused('w1=0', '--define w1: w1 is already a name in exercise dyhat-dw1.a; an abbreviation needs a new name, such as z1');
    await refused('sigma=1', '--define sigma: sigma is already a name in exercise dyhat-dw1.a; an abbreviation needs a new name, such as z1');
    await refused('z1=w1*x1 + q', '--define z1: unknown variable q; exercise dyhat-dw1.a uses the variables b1, b2, b3, w1, w2, w3, w4, w5, w6, x1, x2');
    await refused('z1=(', "--define z1: column 2: unexpected end of input; '(' at column 1 is not closed");
    await refused('z1', '--define z1: expected NAME=EXPR, e.g. --define "z1=w1*x1 + w2*x2 + b1"');
    const yhat = await cli('check', LECTURE, '--exercise', 'mse-partials.w1', '--define', 'yhat=3', '--answer', '0');
    expect(yhat.err).toBe('gradsheet: --define yhat: yhat is already a name in exercise mse-partials.w1; an abbreviation needs a new name, such as z1');
  });

  it('--seed N is the seed printed on a sheet: a variant’s own seed checks against that variant', async () => {
    const spec = loadSpec(readFileSync(PRACTICE, 'utf8'), PRACTICE);
    const built = buildWorksheet(spec, { name: 'p', variants: numberedVariants(2), formats: ['json'] });
    const [base] = buildWorksheet(spec, { name: 'p', formats: ['json'] }).sheets;
    const variant = built.sheets[1];
    const answer = (s: typeof variant): string => toText(s.exercises.find((e) => e.id === 'relu-partial')?.answers[0].value ?? base.exercises[0].answers[0].value);
    expect(answer(variant)).not.toBe(answer(base));
    expect((await cli('check', PRACTICE, '--exercise', 'relu-partial', '--seed', String(variant.seed), '--answer', answer(variant))).code).toBe(0);
    // Against the base sheet it is wrong, or not even in its variables (exit 1 or 2).
    expect((await cli('check', PRACTICE, '--exercise', 'relu-partial', '--answer', answer(variant))).code).not.toBe(0);
    expect((await cli('check', PRACTICE, '--exercise', 'relu-partial', '--answer', answer(base))).code).toBe(0);
  });
});
