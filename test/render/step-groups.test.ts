import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { stepGroups } from '../../src/render/step-groups.js';
import { renderHtml } from '../../src/render/html.js';
import { renderLatex } from '../../src/render/latex.js';

const file = join('worksheets', 'lecture.yaml');
const sheet = buildSheet(loadSpec(readFileSync(file, 'utf8'), file));
const collapse = sheet.exercises.find((e) => e.kind === 'linear-collapse');

describe('worked steps grouped by the answer they derive', () => {
  it('heads each answer’s steps with its label, and sets a closing remark apart rather than as a new "1."', () => {
    if (!collapse) throw new Error('the lecture sheet has no linear-collapse exercise');
    const groups = stepGroups(collapse);
    expect(groups.map((g) => [g.label, g.closing, g.steps.length])).toEqual([
      [undefined, false, 3],
      ['\\mathbf{W}', false, 1],
      ['\\mathbf{b}', false, 1],
      [undefined, true, 1],
    ]);
    expect(groups.at(-1)?.steps[0].because).toMatch(/^So the network is no more powerful than a single affine layer/);
  });

  it('the key prints the remark unnumbered, in HTML and in LaTeX', () => {
    expect(renderHtml(sheet, 'key')).toMatch(/<div class="step-close"><p class="because">So the network is no more powerful/);
    expect(renderLatex(sheet, 'key')).toMatch(/\\end\{enumerate\}\n(?:\\answerline\{[^\n]*\}\n)?So the network is no more powerful[^\n]*\\par\n/);
  });

  it('leaves a single answer’s steps as one unheaded list', () => {
    const chain = sheet.exercises.find((e) => e.kind === 'chain-rule');
    expect(chain && stepGroups(chain).map((g) => [g.label, g.closing])).toEqual([[undefined, false]]);
  });
});
