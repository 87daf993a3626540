/** The instructor's own answers from a spec: parsed, named by their field, and refused when they have no value anywhere. */
import { describe, expect, it } from 'vitest';
import { buildSheet } from '../../src/exercises/sheet.js';
import { verifySheet } from '../../src/exercises/verify.js';
import { loadSpec } from '../../src/spec/load.js';
import { InputError } from '../../src/errors.js';

const sheet = (exercise: string): ReturnType<typeof buildSheet> => buildSheet(loadSpec(`title: T\nexercises:\n${exercise}\n`, 'own.yaml'));

describe('answers from a spec', () => {
  it('replace the computed ones and are marked as the instructor’s', () => {
    const s = sheet('  - kind: chain-rule\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "u*v*sigma\'(u*w + z)" }');
    expect(s.exercises[0].answers[0].fromSpec).toBe(true);
    expect(verifySheet(s)[0].ok).toBe(true);
  });

  it.each([
    ['1/(x - x)', '1/(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶)'],
    ['log(-(u^2) - 1)', 'log(-u^2 - 1) has no finite value at any point tried (u from −10⁶ to 10⁶)'],
  ])('with no value anywhere, %s is the spec’s error, at its line (before: a failed derivative check blaming the function, exit 1)', (answer, reason) => {
    const build = (): unknown => sheet(`  - kind: chain-rule\n    id: c\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "${answer}" }`);
    expect(build).toThrow(InputError);
    expect(build).toThrow(`own.yaml:6: exercises[0].answers.a: ${reason}, so the key cannot be verified numerically (exercise c, chain-rule)`);
  });

  it('a number with no value is refused too (before: 1/(1 - 1) as ŷ verified, since ∞ compared as no error)', () => {
    const build = (): unknown => sheet('  - kind: forward-pass\n    id: f\n    params: { x: "[1; 0]", W1: "[1, 0; 0, 1]", b1: "[0; 0]", W2: "[[1, 1]]", b2: "0" }\n    answers: { yhat: "1/(1 - 1)" }');
    expect(build).toThrow('own.yaml:6: exercises[0].answers.yhat: 1/(1 - 1) has no finite value, so the key cannot be verified numerically (exercise f, forward-pass)');
  });

  it('an answer defined somewhere but wrong is still a failed check, not bad input', () => {
    const s = sheet('  - kind: chain-rule\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "log(w)" }');
    expect(verifySheet(s)[0].ok).toBe(false);
  });
});
