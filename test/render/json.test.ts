import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { keyFromJson, keyToJson } from '../../src/exercises/serialize.js';
import { verifySheet } from '../../src/exercises/verify.js';
import { toText } from '../../src/print/text.js';
import { InputError } from '../../src/errors.js';
import { richSheet } from '../fixtures/sheets.js';

interface KeyShape {
  exercises: { id: string; answers: { id: string; text: string; latex: string; cases?: unknown[] }[]; checks: { kind: string; f?: string }[] }[];
}

const parsed = (): KeyShape => JSON.parse(renderJson(richSheet())) as KeyShape;

describe('the answer key as JSON', () => {
  it('is deterministic, indented, and ends with one newline', () => {
    const text = renderJson(richSheet());
    expect(renderJson(richSheet())).toBe(text);
    expect(text.startsWith('{\n  "format": "gradsheet-answer-key",\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('holds answers as text and LaTeX, their cases, and the checks with expressions as text', () => {
    const key = parsed();
    const w1 = key.exercises[0].answers[0];
    expect(w1).toMatchObject({ id: 'w1', text: "w5*relu'(w1*x1 + w2*x2 + b1)*x1" });
    expect(w1.latex).toContain("\\operatorname{ReLU}'");
    expect(w1.cases).toHaveLength(2);
    expect(key.exercises[0].checks[0]).toMatchObject({ kind: 'derivative', f: 'w5*relu(w1*x1 + w2*x2 + b1) + w6*relu(w3*x1 + w4*x2 + b2) + b3' });
    expect(key.exercises[1].answers[0].text).toBe(toText(richSheet().exercises[1].answers[0].value));
    expect(key.exercises[1].answers[0].text).toContain('pi');
  });

  it('reads back into a sheet that verifies exactly like the original', () => {
    const back = keyFromJson(keyToJson(richSheet()), 'key.json');
    const original = verifySheet(richSheet());
    expect(verifySheet(back)).toEqual(original);
    expect(original.every((r) => r.ok)).toBe(true);
  });

  it('a corrupted answer fails verification, naming the exercise and the answer', () => {
    const key = parsed();
    key.exercises[0].answers[0].text = "w5*relu'(w1*x1 + w2*x2 + b1)*x2";
    const reports = verifySheet(keyFromJson(key, 'key.json'));
    expect(reports[0]).toMatchObject({ exerciseId: 'relu-partials', ok: false, failures: [{ answerId: 'w1', check: 'derivative' }] });
    expect(reports[1].ok).toBe(true);
  });

  it('an answer with no value anywhere is the key’s error, naming the file and the field (before: 1/(1 - 1) as a value passed verification)', () => {
    const key = parsed();
    key.exercises[1].answers[0].text = '1/(1 - 1)';
    expect(() => keyFromJson(key, 'k.json')).toThrow(InputError);
    expect(() => keyFromJson(key, 'k.json')).toThrow('k.json: exercises[1].answers[0].text: 1/(1 - 1) has no finite value, so the key cannot be verified numerically');
    key.exercises[1].answers[0].text = '[x1, log(-(x1^2) - 1)]';
    expect(() => keyFromJson(key, 'k.json')).toThrow('k.json: exercises[1].answers[0].text: entry 2, log(-x1^2 - 1), has no finite value at any point tried (x1 from −10⁶ to 10⁶), so the key cannot be verified numerically');
  });

  it('errors name the file and the field', () => {
    const key = parsed();
    key.exercises[1].answers[0].text = '2*(x1';
    expect(() => keyFromJson(key, 'k.json')).toThrow(InputError);
    expect(() => keyFromJson(key, 'k.json')).toThrow(/^k\.json: exercises\[1\]\.answers\[0\]\.text: column/);
    expect(() => keyFromJson({ format: 'gradsheet-answer-key', version: 1 }, 'k.json')).toThrow(/^k\.json: title: /);
  });
});
