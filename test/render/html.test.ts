import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { displayHtml, mathHtml } from '../../src/render/katex.js';
import { RenderError } from '../../src/render/view.js';
import { toLatex } from '../../src/print/latex.js';
import { toText } from '../../src/print/text.js';
import { EXERCISE_KINDS } from '../../src/exercises/types.js';
import type { Sheet } from '../../src/exercises/sheet.js';
import { richSheet } from '../fixtures/sheets.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { loadSpec } from '../../src/spec/load.js';

/** Every URL-like reference in a document: src/href attributes, CSS url(…) and @import. */
function references(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href|xlink:href|action|poster)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  const urls = [...html.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]);
  const imports = [...html.matchAll(/@import\s+["']?([^"';]+)/gi)].map((m) => m[1]);
  return [...attrs, ...urls, ...imports];
}

/** An answer leaks into a sheet if its typeset form is there and the prompt does not itself hold it. */
function leakedAnswers(sheet: Sheet, html: string): string[] {
  const leaks: string[] = [];
  for (const ex of sheet.exercises) {
    const promptLatex = ex.prompt.map((b) => (b.kind === 'text' ? b.text : b.kind === 'math' ? b.latex : '')).join(' ');
    for (const a of ex.answers) {
      const latex = toLatex(a.value);
      if (html.includes(displayHtml(`${a.label} = ${latex}`))) leaks.push(`${ex.id}.${a.id}: the key's answer line`);
      // A short answer (1, x₁) may legitimately appear in a prompt: only a form the prompt lacks counts.
      if (promptLatex.includes(latex) || latex.length < 3) continue;
      if (html.includes(toText(a.value))) leaks.push(`${ex.id}.${a.id}: text ${toText(a.value)}`);
      if (html.includes(latex)) leaks.push(`${ex.id}.${a.id}: LaTeX source ${latex}`);
      if (html.includes(mathHtml(latex))) leaks.push(`${ex.id}.${a.id}: typeset ${latex}`);
    }
  }
  return leaks;
}

describe('HTML sheets and keys', () => {
  const sheet = richSheet();
  const student = renderHtml(sheet, 'sheet');
  const key = renderHtml(sheet, 'key');

  it('are self-contained: no http(s):, file: or relative reference, no script, fonts as data URIs', () => {
    for (const html of [student, key]) {
      expect(html).not.toMatch(/https?:|file:/i);
      expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
      expect(references(html).filter((r) => !r.startsWith('data:') && !r.startsWith('#'))).toEqual([]);
      expect(html.match(/src:url\(data:font\/woff2;base64,/g)?.length).toBe(20);
    }
  });

  it('print math in a title as text in the page footer, which cannot typeset (before: raw LaTeX, $ and all)', () => {
    const spec = loadSpec("title: 'Gradients $\\nabla_{\\mathbf{W}^{(1)}} f$ and $\\partial\\hat{y}/\\partial w_1$'\nseed: 2\nexercises:\n  - { kind: chain-rule }\n", 't.yaml');
    const footer = /@bottom-left \{ content: ("[^"]*"); \}/.exec(renderHtml(buildSheet(spec), 'key'))?.[1];
    expect(footer).toBe('"Gradients ∇_(W⁽¹⁾)f and ∂ŷ/∂w₁ · seed 2 · answer key"');
  });

  it("give each kind's method reminder for the exercise at hand (before: ReLU's cases for a tanh network, W = W⁽²⁾W⁽¹⁾ for three layers)", () => {
    const yaml = [
      'title: Method notes',
      'exercises:',
      '  - { kind: all-partials, params: { layers: [2, 2, 1], activation: tanh } }',
      '  - { kind: all-partials, params: { layers: [2, 2, 1], activation: relu } }',
      '  - { kind: linear-collapse, params: { layers: [2, 2, 2, 1] } }',
      '  - { kind: linear-collapse, params: { layers: [2, 2, 1], bias: false } }',
      '',
    ].join('\n');
    const html = renderHtml(buildSheet(loadSpec(yaml, 'notes.yaml')), 'key');
    const methods = [...html.matchAll(/<p class="method">([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    expect(methods).toHaveLength(4);
    expect(methods[0]).not.toContain('ReLU');
    expect(methods[1]).toContain('For ReLU');
    const text = (h: string): string => h.replace(/<[^>]+>/g, '').replace(/\u200b/g, '');
    expect(text(methods[2])).toContain('W=W(3)W(2)W(1)');
    expect(text(methods[2])).toContain('b=W(3)W(2)b(1)+W(3)b(2)+b(3)');
    expect(text(methods[3])).toContain('W(2)W(1)x=Wx');
    expect(text(methods[3])).not.toContain('b(1)');
  });

  it('give network-expansion\'s method in the network\'s own layers, and xor-design\'s for whichever points collapse', () => {
    // Before: every network was W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾, with one layer or three; and the XOR
    // method said "the two negative points" collapse while the key's steps (the lecture's hint)
    // showed the + points (0,1) and (1,0) doing so.
    const yaml = [
      'title: Method notes',
      'exercises:',
      '  - { kind: network-expansion, params: { layers: [2, 2, 1] } }',
      '  - { kind: network-expansion, params: { layers: [1, 1] } }',
      '  - { kind: network-expansion, params: { layers: [2, 3, 2, 1] } }',
      '  - { kind: network-expansion, params: { layers: [2, 2, 2] } }',
      '  - { kind: xor-design }',
      '',
    ].join('\n');
    const html = renderHtml(buildSheet(loadSpec(yaml, 'notes.yaml')), 'key');
    const text = (h: string): string => h.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]+>/g, '').replace(/\u200b/g, '');
    const methods = [...html.matchAll(/<p class="method">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]));
    expect(methods).toHaveLength(5);
    expect(methods[0]).toContain('y^=W(2)σ(W(1)x+b(1))+b(2)');
    expect(methods[1]).toContain('y^=W(1)x+b(1)');
    expect(methods[1]).not.toContain('W(2)');
    expect(methods[2]).toContain('z(l)=W(l)h(l−1)+b(l)');
    expect(methods[2]).not.toContain('W(2)σ(W(1)x+b(1))+b(2)');
    const raw = [...html.matchAll(/<p class="method">([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    // Two outputs: a bold ŷ, as the prompt writes it.
    const boldY = /class="mord mathbf"[^>]*>y</;
    expect(raw[3]).toMatch(boldY);
    expect(raw[0]).not.toMatch(boldY);
    expect(methods[4]).toContain('collapse two of the points');
    expect(methods[4]).not.toContain('negative');
  });

  it('give a network with no hidden layer, and several outputs, a method that fits (before: cσ(z) for a linear ŷ, one ŷ for two)', () => {
    const yaml = [
      'title: Method notes',
      'exercises:',
      '  - { kind: partial, params: { layers: [2, 1], wrt: w1 } }',
      '  - { kind: all-partials, params: { layers: [3, 1] } }',
      '  - { kind: mse-partials, params: { layers: [2, 2, 2] } }',
      '  - { kind: mse-partials, params: { layers: [2, 2, 1] } }',
      '  - { kind: partial, params: { layers: [2, 2, 1], wrt: w1 } }',
      '',
    ].join('\n');
    const html = renderHtml(buildSheet(loadSpec(yaml, 'notes.yaml')), 'key');
    const text = (h: string): string => h.replace(/<[^>]+>/g, '').replace(/\u200b/g, '');
    const methods = [...html.matchAll(/<p class="method">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]));
    expect(methods).toHaveLength(5);
    expect(methods[0]).toContain('linear in the parameters');
    expect(methods[0]).not.toContain('σ');
    expect(methods[1]).toContain('linear in the parameters');
    expect(methods[2]).toContain('through every output');
    expect(methods[2]).toContain('∑');
    expect(methods[3]).not.toContain('every output');
    expect(methods[4]).toContain('cσ(z)');
  });

  it('name the document in text: math in the title or the course is not left as LaTeX in <title> (the PDF\'s Title)', () => {
    const yaml = "title: 'Gradients $\\nabla_{\\mathbf{W}} f$ & <more>'\ncourse: 'CS 4342 $\\sigma$'\nexercises:\n  - { kind: chain-rule }\n";
    const title = /<title>([^<]*)<\/title>/.exec(renderHtml(buildSheet(loadSpec(yaml, 't.yaml')), 'key'))?.[1];
    expect(title).toBe('CS 4342 σ — Gradients ∇_Wf &amp; &lt;more&gt; — answer key');
  });

  it('name the document by course and title, and the course once (before: "CS 4342 — CS 4342, Class 19: …")', () => {
    const title = (yaml: string, audience: 'sheet' | 'key'): string | undefined => /<title>([^<]*)<\/title>/.exec(renderHtml(buildSheet(loadSpec(yaml, 't.yaml')), audience))?.[1];
    const exercises = 'exercises:\n  - { kind: chain-rule }\n';
    expect(title(`title: "CS 4342, Class 19: Neural networks"\ncourse: CS 4342\n${exercises}`, 'sheet')).toBe('CS 4342, Class 19: Neural networks');
    expect(title(`title: Backpropagation\ncourse: CS 4342\n${exercises}`, 'key')).toBe('CS 4342 — Backpropagation — answer key');
  });

  it('are deterministic: the same sheet gives the same bytes', () => {
    expect(renderHtml(richSheet(), 'sheet')).toBe(student);
    expect(renderHtml(richSheet(), 'key')).toBe(key);
    expect(renderHtml(richSheet(6), 'key')).not.toBe(key);
  });

  it('print the header: course, title, seed, variant, student, points, instructions', () => {
    for (const html of [student, key]) {
      expect(html).toContain('CS 4342 — Class 19');
      expect(html).toContain('Render test: everything a key holds');
      expect(html).toMatch(/Seed 5 <span class="u">·<\/span> Variant zoe-o-neil/);
      expect(html).toContain('<span class="student-name">Zoë O’Neil</span>');
      expect(html).toContain('Total: 7 points');
      expect(html).toContain('Answer in the lecture’s notation');
      expect(html).toContain('(4 points)');
    }
    expect(key).toContain('Answer key');
    expect(student).not.toContain('Answer key');
  });

  it('the student sheet holds no answer, step, key figure or check, but has room to write', () => {
    expect(leakedAnswers(sheet, student)).toEqual([]);
    expect(student).not.toMatch(/class="(answer|answers|solution|steps|checks|from-spec)"/);
    expect(student).not.toContain('Worked steps');
    expect(student).not.toContain('Where $w_{1}$ enters');
    expect(student.match(/<div class="rule"><\/div>/g)).toHaveLength(9);
  });

  it('the key labels each answer and shows cases, notes, steps, figures and checks', () => {
    for (const ex of sheet.exercises) {
      for (const a of ex.answers) expect(key).toContain(displayHtml(`${a.label} = ${toLatex(a.value)}`));
    }
    expect(key).toContain(displayHtml(String.raw`\frac{\partial \hat{y}}{\partial w_{1}} = \begin{cases} 0 & \text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \leq 0 \\ w_{5} x_{1} & \text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} > 0 \end{cases}`));
    expect(key).toContain(displayHtml("\\operatorname{ReLU}'(z) = 0 \\text{ for } z \\leq 0"));
    expect(key).toContain('Worked steps');
    expect(key.match(/<p class="step-head">/g)).toHaveLength(2);
    expect(key).toContain(displayHtml('= 1'));
    expect(key.match(/<figure>/g)).toHaveLength(2);
    expect(key).toContain('Compared with central finite differences');
    expect(key).not.toContain('class="work-space"');
  });

  it('the key marks exactly the answers that came from the spec', () => {
    expect(key.match(/<p class="from-spec">/g)).toHaveLength(1);
    expect(key.indexOf('class="from-spec"')).toBeGreaterThan(key.indexOf('id="relu-partials-b3"'));
  });

  it('inlines SVG figures without their namespace URL', () => {
    expect(key).toContain('<figure><svg width="120" height="60"');
  });

  it('has a partial for every exercise kind, each with its method reminder', () => {
    const base = richSheet();
    for (const kind of EXERCISE_KINDS) {
      const html = renderHtml({ ...base, exercises: [{ ...base.exercises[1], kind }] }, 'key');
      expect(html, kind).toContain(`class="exercise kind-${kind}"`);
      expect(html, kind).toMatch(/<p class="method"><span class="tag">Method<\/span> \S/);
    }
  });

  it('a formula KaTeX refuses fails the render, naming the exercise', () => {
    const base = richSheet();
    const broken: Sheet = { ...base, exercises: [{ ...base.exercises[1], steps: [{ because: 'x', becauseLatex: 'see $\\frac{a$', latex: 'x' }] }] };
    expect(() => renderHtml(broken, 'key')).toThrow(RenderError);
    expect(() => renderHtml(broken, 'key')).toThrow(/exercise jacobian \(A Jacobian & its shape: 100% of f’s partials\): steps: /);
  });
});

describe('worked steps', () => {
  it('continue the derivation with "=" unless the step states its own equation', async () => {
    const { continuation } = await import('../../src/render/describe.js');
    expect(continuation('v \\sigma\'(u w + z) u')).toBe('= v \\sigma\'(u w + z) u');
    expect(continuation('\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)}\\mathbf{x}')).toBe('\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)}\\mathbf{x}');
    expect(continuation('\\begin{aligned} a &= b \\end{aligned}')).toMatch(/^\\begin/);
    expect(continuation('z \\leq 0')).toBe('z \\leq 0');
  });
});

describe('what print keeps together, marked by class (no :has(), which cost Chromium ≈ 5 % of a key)', () => {
  const lecture = buildSheet(loadSpec(readFileSync(join('worksheets', 'lecture.yaml'), 'utf8'), 'lecture.yaml'), {});
  const practice = buildSheet(loadSpec(readFileSync(join('worksheets', 'backprop-practice.yaml'), 'utf8'), 'backprop-practice.yaml'), {});

  it('a sentence of a prompt is a lead-in exactly when a formula or a figure comes right after it', () => {
    expect(renderHtml(lecture, 'key').split('<p class="text lead-in">').length - 1).toBeGreaterThan(10);
    for (const sheet of [lecture, practice, richSheet()]) {
      for (const audience of ['sheet', 'key'] as const) {
        const html = renderHtml(sheet, audience);
        const prompts = [...html.matchAll(/<div class="prompt">([\s\S]*?)\n {2}<\/div>/g)].map((m) => m[1]);
        expect(prompts.length).toBeGreaterThan(0);
        for (const prompt of prompts) {
          for (const m of prompt.matchAll(/<p class="text( lead-in)?">[\s\S]*?<\/p>\s*(<[a-z]+(?: class="[a-z -]+")?)?/g)) {
            const leadsIn = m[2] === '<div class="eq"' || m[2] === '<figure';
            expect(m[1] !== undefined, `${audience}: ${m[0].slice(0, 80)}`).toBe(leadsIn);
          }
        }
        expect(html.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain(':has(');
      }
    }
  });

  it('an answer set entry by entry leads into its first entry, and no other answer line does', () => {
    expect(renderHtml(lecture, 'key')).toContain('<div class="eq lead-in">');
    for (const sheet of [lecture, practice, richSheet()]) {
      const html = renderHtml(sheet, 'key');
      for (const m of html.matchAll(/<div class="eq( lead-in)?">(?:(?!<div class="eq)[\s\S])*?<\/div>\s*(<div class="eq entry">)?/g)) {
        expect(m[1] !== undefined).toBe(m[2] !== undefined);
      }
    }
  });
});
