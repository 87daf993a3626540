/** The numeric verification of answers: a value that is not finite agrees with nothing. */
import { describe, expect, it } from 'vitest';
import { LECTURE_FORWARD } from '../../src/exercises/kinds/forward-pass.js';
import type { Exercise } from '../../src/exercises/types.js';
import type { Expr } from '../../src/expr/types.js';
import { parse } from '../../src/parse/parse.js';
import { generate, verify } from './kind-harness.js';

/** The exercise with one answer's value replaced, as a key edited by hand would hold it. */
const withAnswer = (ex: Exercise, id: string, value: Expr): Exercise => ({ ...ex, answers: ex.answers.map((a) => (a.id === id ? { ...a, value } : a)) });

describe('verifyExercise: an answer with no finite value fails its check', () => {
  it.each([
    ['[1/(1 - 1); 1]', 'entry (1, 1) is Infinity, but evaluating W2*relu(W1*x + b1) + b2 gives 0'],
    ['[0; sqrt(-1)]', 'entry (2, 1) is NaN, but evaluating W2*relu(W1*x + b1) + b2 gives 1'],
  ])('a value check, ŷ = %s (before: passed, as relativeError(∞, 1) is NaN and NaN > 1e-9 is false)', (answer, message) => {
    const ex = generate('forward-pass', { ...LECTURE_FORWARD });
    const r = verify(withAnswer(ex, 'yhat', parse(answer)));
    expect(r.ok).toBe(false);
    expect(r.failures).toEqual([{ answerId: 'yhat', check: 'value', message }]);
  });

  it('a gradient step (before: passed)', () => {
    const ex = generate('gradient-step', { layers: [2, 2, 1], batchSize: 2 });
    const updated = ex.answers.find((a) => a.id === 'updated')?.value;
    if (updated?.kind !== 'vector') throw new Error('expected a vector');
    const r = verify(withAnswer(ex, 'updated', { ...updated, items: [parse('sqrt(-1)'), ...updated.items.slice(1)] }));
    expect(r.failures).toMatchObject([{ answerId: 'updated', check: 'gd-step', message: expect.stringMatching(/: the answer is NaN, recomputing the step gives /) }]);
  });
});
