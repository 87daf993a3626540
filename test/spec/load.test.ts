import { describe, expect, it } from 'vitest';
import { thrown } from '../support/thrown.js';
import { loadSpec } from '../../src/spec/load.js';
import { SpecError } from '../../src/spec/source.js';

const refusal = (yaml: string): string => thrown(() => loadSpec(yaml, 'sheet.yaml'), SpecError).message;

describe('what a schema error says about the value it got', () => {
  it('a pair such as range: [low, high] given as one number', () => {
    expect(refusal('title: T\nexercises:\n  - kind: forward-pass\n    params: { range: 9 }\n')).toBe('sheet.yaml:4: exercises[0].params.range: expected a list, got 9');
  });

  it('a list, a mapping or nothing where a number belongs', () => {
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: [1]\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got a list');
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: { a: 1 }\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got a mapping');
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: null\n')).toBe('sheet.yaml:4: exercises[0].points: expected a number, got nothing (null)');
  });

  it('an empty string, an empty list, a number out of range: in words, not "at least 1 item(s)"', () => {
    expect(refusal("title: ''\nexercises:\n  - kind: chain-rule\n")).toBe('sheet.yaml:1: title: must not be empty');
    expect(refusal('title: T\nexercises: []\n')).toBe('sheet.yaml:2: exercises: needs at least 1 item');
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    points: 1001\n')).toBe('sheet.yaml:4: exercises[0].points: must be at most 1000');
  });
});

describe('fields of an exercise that belong under params', () => {
  it('says that a kind’s parameters written beside kind go under params, and which of them', () => {
    expect(refusal('title: T\nexercises:\n  - kind: partial\n    layers: [2, 3, 1]\n    wrt: w4\n')).toBe(
      "sheet.yaml:4: exercises[0]: unknown fields 'layers', 'wrt'; they are parameters of partial: write them under params, as in params: { layers: …, wrt: … }",
    );
    expect(refusal('title: T\nexercises:\n  - kind: chain-rule\n    expr: "v*sigma(u*w)"\n    colour: red\n')).toBe(
      "sheet.yaml:4: exercises[0]: unknown fields 'expr', 'colour'; 'expr' is a parameter of chain-rule: write it under params, as in params: { expr: … }",
    );
  });

  it('adds nothing for a field that is no parameter of the kind', () => {
    expect(refusal('title: T\nexercises:\n  - kind: partial\n    colour: red\n')).toBe("sheet.yaml:4: exercises[0]: unknown field 'colour'");
    expect(refusal('title: T\ncolour: red\nexercises:\n  - kind: partial\n')).toBe("sheet.yaml:2: unknown field 'colour'");
  });
});

describe('exercise ids', () => {
  it('refuses an id written twice, at the second', () => {
    const yaml = 'title: T\nexercises:\n  - { kind: chain-rule, id: a }\n  - { kind: chain-rule, id: a }\n';
    expect(refusal(yaml)).toBe("sheet.yaml:4: exercises[1].id: duplicate id 'a'");
  });

  it('refuses an id that an exercise without one has by its place (ex1, ex2, …): the two would share their numbers', () => {
    const yaml = 'title: T\nexercises:\n  - kind: chain-rule\n  - kind: chain-rule\n    id: ex1\n';
    expect(refusal(yaml)).toBe("sheet.yaml:5: exercises[1].id: duplicate id 'ex1': exercise 1 has no id of its own and is ex1; choose another id");
    // Its own place's id, or one no other exercise takes, is fine.
    expect(loadSpec('title: T\nexercises:\n  - { kind: chain-rule, id: ex1 }\n  - { kind: chain-rule, id: ex3 }\n', 'sheet.yaml').exercises).toHaveLength(2);
  });
});
