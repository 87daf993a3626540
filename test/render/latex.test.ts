import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLatex } from '../../src/render/latex.js';
import { answerline, escapeTex, proseTex, textTex, unicodeDeclarations } from '../../src/render/tex-text.js';
import { toLatex } from '../../src/print/latex.js';
import { loadSpec } from '../../src/spec/load.js';
import { buildSheet } from '../../src/exercises/sheet.js';
import { richSheet } from '../fixtures/sheets.js';
import { fixture } from '../fixtures/cli.js';
import { rosterVariants } from '../../src/render/variants.js';
import { hasPdflatex, pdflatex, removeTexDirs, SKIPPED, texDir } from '../support/pdflatex.js';

/** Networks deeper and wider than the bundled worksheets', one of every kind. */
const LARGER = `title: Larger networks
seed: 5
exercises:
  - { kind: forward-pass, params: { inputs: 4, hidden: 4, outputs: 3 } }
  - { kind: xor-design, params: {} }
  - { kind: linear-collapse, params: { layers: [3, 3, 3, 2] } }
  - { kind: linear-collapse, params: { layers: [4, 4, 4, 4] } }
  - { kind: linear-collapse, params: { layers: [4, 4, 4, 4], naming: indexed } }
  - { kind: chain-rule, params: {} }
  - { kind: network-expansion, params: { layers: [4, 4, 4, 4], activation: sigmoid } }
  - { kind: network-expansion, params: { layers: [3, 3, 2], activation: relu, naming: indexed } }
  - { kind: partial, params: { layers: [3, 3, 3, 1], activation: sigmoid } }
  - { kind: all-partials, params: { layers: [2, 2, 2, 1], activation: sigmoid } }
  - { kind: mse-partials, params: { layers: [3, 3, 1], activation: relu, count: 3 } }
  - { kind: gradient-step, params: {} }
  - { kind: matrix-gradients, params: { layers: [3, 3, 2], activation: sigmoid } }
  - { kind: matrix-gradients, params: { layers: [2, 4, 3], activation: relu } }
  - { kind: jacobian, params: { outputs: 4, inputs: 3 } }
  - { kind: jacobian-chain, params: {} }
  - { kind: jacobian-vs-gradient, params: {} }
`;
afterAll(removeTexDirs);

describe('LaTeX text', () => {
  it('escapes every character TeX treats specially', () => {
    expect(escapeTex('# $ % & _ { } ~ ^ \\ < > |')).toBe(
      '\\# \\$ \\% \\& \\_ \\{ \\} \\~{} \\^{} \\textbackslash{} \\textless{} \\textgreater{} \\textbar{}',
    );
  });

  it('passes $…$ math through and escapes the text around it', () => {
    expect(proseTex('100% of $x_{1}$ & \\$5')).toBe('100\\% of $x_{1}$ \\& \\$5');
  });

  it('sets a $$…$$ display as an \\answerline, which TeX may break, not as \\[…\\], which it never breaks', () => {
    expect(proseTex('one entry a line: $$z_{1} = a + b$$ and so on')).toBe('one entry a line: \\answerline{z_{1} = a + b} and so on');
  });

  it('writes the letters OT1 cannot set as their base letters, and Vietnamese ones with the marks TeX can place', () => {
    expect(unicodeDeclarations('Wąs Đặng ễ ị ả')).toEqual([
      '\\DeclareUnicodeCharacter{0105}{a}',
      '\\DeclareUnicodeCharacter{0110}{D}',
      '\\DeclareUnicodeCharacter{1EA3}{a}',
      '\\DeclareUnicodeCharacter{1EB7}{\\d{\\u{a}}}',
      '\\DeclareUnicodeCharacter{1EC5}{\\^{e}}',
      '\\DeclareUnicodeCharacter{1ECB}{\\d{i}}',
    ]);
    expect(textTex('Łukasz Wąs, Nguyễn')).toBe('Łukasz Was, Nguy\\^{e}n');  });

  it('transliterates words in non-Latin letters, which OT1 cannot set, and keeps a lone Greek letter as a symbol', () => {
    expect(escapeTex('Αλέξανδρος Παπαδόπουλος, Дмитрий Щукин & Олена')).toBe('Alexandros Papadopoylos, Dmitriy Shchukin \\& Olena');
    expect(escapeTex('王小明, 김민준 (さくら)')).toBe('WangXiaoMing, GimMinJun (sakura)');
    expect(escapeTex('σ′(z) with ε and Δ')).toBe('σ′(z) with ε and Δ');
    // NFD: the accent is a separate combining mark, still part of the word.
    expect(escapeTex('Ελένη'.normalize('NFD'))).toBe('Eleni');
    expect(unicodeDeclarations(escapeTex('Όλγα Ρ.')).filter((d) => d.endsWith('{?}'))).toEqual([]);
  });

  it('sets Greek letters in prose as math, every one of them, not transliterated ("αβγ" read "avg")', () => {
    expect(proseTex('Weights αβγ and δε; the rate ε; Αλέξανδρος wrote ΑΒΓ.')).toBe('Weights αβγ and δε; the rate ε; Alexandros wrote ΑΒΓ.');
    const lower = 'αβγδεζηθικλμνξοπρςστυφχψω';
    const upper = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ';
    const variants = 'ϐϑϕϖϰϱϵϝµ';
    const declared = unicodeDeclarations(proseTex(`${lower} ${upper} ${variants}`)).map((d) => /^\\DeclareUnicodeCharacter\{([0-9A-F]+)\}\{(.*)\}$/.exec(d));
    const tex = new Map(declared.map((m) => [String.fromCodePoint(parseInt(m?.[1] ?? '', 16)), m?.[2]]));
    expect([...lower, ...upper, ...variants].filter((c) => !tex.has(c))).toEqual([]);
    expect(Object.fromEntries([...'αεϵφϕθϑςΑΒΟοΩΥ'].map((c) => [c, tex.get(c)]))).toEqual({
      α: '\\ensuremath{\\alpha}', ε: '\\ensuremath{\\varepsilon}', ϵ: '\\ensuremath{\\epsilon}', φ: '\\ensuremath{\\varphi}', ϕ: '\\ensuremath{\\phi}',
      θ: '\\ensuremath{\\theta}', ϑ: '\\ensuremath{\\vartheta}', ς: '\\ensuremath{\\varsigma}', Α: '\\ensuremath{\\mathrm{A}}', Β: '\\ensuremath{\\mathrm{B}}',
      Ο: '\\ensuremath{\\mathrm{O}}', ο: '\\ensuremath{o}', Ω: '\\ensuremath{\\Omega}', Υ: '\\ensuremath{\\Upsilon}',
    });
    // A student's name is still a name: a lone letter that is a symbol is kept, a word transliterated.
    expect(escapeTex('Ρ. Αλέξανδρος, σ')).toBe('R. Alexandros, σ');
  });

  it('declares the Unicode it uses; accented Latin is the kernel’s; anything else becomes "?"', () => {
    expect(unicodeDeclarations('σ′ ∂ ŷ w₁ Zoë 李')).toEqual([
      '\\DeclareUnicodeCharacter{0177}{\\ensuremath{\\hat{y}}}',
      '\\DeclareUnicodeCharacter{03C3}{\\ensuremath{\\sigma}}',
      "\\DeclareUnicodeCharacter{2032}{\\ensuremath{'}}",
      '\\DeclareUnicodeCharacter{2081}{\\ensuremath{_{1}}}',
      '\\DeclareUnicodeCharacter{2202}{\\ensuremath{\\partial}}',
      '\\DeclareUnicodeCharacter{674E}{?}',
    ]);
  });
});

describe('LaTeX sheets and keys', () => {
  const sheet = richSheet();
  const student = renderLatex(sheet, 'sheet');
  const key = renderLatex(sheet, 'key');

  it('need amsmath and amssymb only', () => {
    for (const tex of [student, key]) {
      expect(tex.match(/\\usepackage(\[[^\]]*\])?\{[^}]*\}/g)).toEqual(['\\usepackage{amsmath}', '\\usepackage{amssymb}']);
      expect(tex).not.toMatch(/\\today|\\input|\\include/);
    }
  });

  it('are deterministic', () => {
    expect(renderLatex(richSheet(), 'key')).toBe(key);
    expect(renderLatex(richSheet(), 'sheet')).toBe(student);
  });

  it('the key has every answer, the cases, the instructor note and the steps; the sheet has none', () => {
    for (const ex of sheet.exercises) {
      for (const a of ex.answers) {
        expect(key).toContain(answerline(`${a.label} = ${toLatex(a.value)}`));
        expect(student).not.toContain(`${a.label} = `);
      }
    }
    expect(key).toContain('\\begin{cases} 0 & \\text{if } w_{1} x_{1} + w_{2} x_{2} + b_{1} \\leq 0 \\\\ w_{5} x_{1}');
    expect(key.match(/Instructor's answer/g)).toHaveLength(1);
    expect(key).toContain('\\subsection*{Worked steps}');
    expect(student).not.toMatch(/Worked steps|Instructor's answer|\\subsection\*\{Answer\}/);
    expect(student).toContain('\\rule{\\linewidth}{0.2pt}');
  });

  it('draws a figure again as a picture, with its caption', () => {
    expect(key).not.toContain('<svg');
    expect(key).toContain('\\begin{picture}(120,60)');
    expect(key).toContain('\\\\[1ex]{\\small Where $w_{1}$ enters.}');
  });

  it(`pdflatex compiles the sheet and the key${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = texDir();
    const spec = loadSpec(readFileSync(fixture('chain.yaml'), 'utf8'), 'chain.yaml');
    const docs = { 'rich-sheet': student, 'rich-key': key, 'chain-key': renderLatex(buildSheet(spec), 'key') };
    for (const [name, tex] of Object.entries(docs)) {
      const r = pdflatex(dir, name, tex);
      expect(r.status, `${name}.tex: ${r.errors}`).toBe(0);
      // No bitmap (Type 3) fonts: every glyph comes from the Computer Modern and AMS outlines.
      const fonts = execFileSync('pdffonts', [join(dir, `${name}.pdf`)], { encoding: 'utf8' });
      expect(fonts, name).not.toContain('Type 3');
    }
  });

  it(`pdflatex ends no page with a heading, a lead-in to a formula or figure, or one line of a paragraph${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = texDir();
    // Before: the lecture sheet ended a page with "Exercise 7 … Consider the network in the
    // figure." (the figure overleaf), the practice sheet with "Find:", and a prompt after "apply the".
    for (const name of ['lecture', 'backprop-practice']) {
      const sheet = buildSheet(loadSpec(readFileSync(`worksheets/${name}.yaml`, 'utf8'), `${name}.yaml`));
      for (const audience of ['sheet', 'key'] as const) {
        const doc = `${name}-${audience}`;
        expect(pdflatex(dir, doc, renderLatex(sheet, audience)).status, doc).toBe(0);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, `${doc}.pdf`)], { encoding: 'utf8' }))?.[1]);
        for (let page = 1; page < pages; page++) {
          const lines = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), join(dir, `${doc}.pdf`), '-'], { encoding: 'utf8' })
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '' && l !== '\f' && !/^\d+$/.test(l));
          const last = lines.at(-1) ?? '';
          expect(last, `${doc} page ${page}`).not.toMatch(/:$|^Exercise \d+\.|^Consider the network in the figure/);
        }
      }
    }
  }, 120_000);

  it('knows every character that the keys of all the kinds write: none prints as "?"', () => {
    const specs = [readFileSync('worksheets/lecture.yaml', 'utf8'), readFileSync('worksheets/backprop-practice.yaml', 'utf8'), LARGER];
    for (const [i, text] of specs.entries()) {
      const sheet = buildSheet(loadSpec(text, `spec-${i}.yaml`));
      const unknown = unicodeDeclarations(renderLatex(sheet, 'key')).filter((d) => d.endsWith('{?}'));
      expect(unknown, sheet.title).toEqual([]);
    }
  });

  it(`pdflatex sets the sheets and keys of larger networks with no line in the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = texDir();
    const sheet = buildSheet(loadSpec(LARGER, 'larger.yaml'));
    for (const audience of ['sheet', 'key'] as const) {
      const r = pdflatex(dir, `larger-${audience}`, renderLatex(sheet, audience));
      expect(r.status, r.errors).toBe(0);
      // Before: worked steps in \[…\] (which never breaks) ran up to 3,419 pt into the margin, and
      // justified lines of "Let W⁽¹⁾ = […], W⁽²⁾ = […]" up to 62 pt.
      const overfull = r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? [];
      expect(overfull, audience).toEqual([]);
    }
  }, 90_000);

  it(`pdflatex sets Greek letters and the symbols a writer types in prose, and they read back as written${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before: "αβγ" was transliterated to "avg" (any-ascii, for names), "Β" to "V", "Η" to "I",
    // and ÷, ¬, ° and ¼ asked for TS1 fonts; ℓ became "l" and ℝ "R".
    const lower = 'αβγδεζηθικλμνξοπρςστυφχψω';
    const upper = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ';
    const symbols = '≤ ≥ → ∈ ∂ ∇ ≈ × ÷ − ± ∞ ¬ ∓ · • ∀ ∃ ⊂ ∪ ∅ ≡ ≪ ⇔ ⟨ ⟩ ℓ';
    const instructions = `Lower ${lower}; upper ${upper}; variants ϑϕϖϱϵ; symbols ${symbols}; also ′ ≠ ∑ ½ ² ³ ₁ ° ¼ ⅓ ⋅ √ ∫ ∉ ℝ ℕ xᵢ yⁿ x⁺.`;
    const spec = loadSpec(`title: "Greek αβγ"\ninstructions: "${instructions}"\nexercises:\n  - kind: chain-rule\n`, 'greek.yaml');
    const tex = renderLatex(buildSheet(spec), 'sheet');
    expect(tex).toContain('\\DeclareUnicodeCharacter{03B1}{\\ensuremath{\\alpha}}');
    expect(unicodeDeclarations(tex).filter((d) => d.endsWith('{?}'))).toEqual([]);
    const dir = texDir();
    const r = pdflatex(dir, 'greek', tex);
    expect(r.status, r.errors).toBe(0);
    // pdftotext reads the glyphs back by their names: ∆ (increment) for Δ, Ω (ohm) for Ω, µ (micro) for μ; omicron is o.
    const text = execFileSync('pdftotext', [join(dir, 'greek.pdf'), '-'], { encoding: 'utf8' }).replace(/\u2206/g, '\u0394').replace(/\u2126/g, '\u03a9').replace(/\u00b5/g, '\u03bc').replace(/\s+/g, '');
    expect(text).toContain('Greekαβγ');
    expect(text).toContain(lower.replace('ο', 'o'));
    expect(text).toContain('ABΓΔEZHΘIKΛMNΞOΠPΣTΥΦXΨΩ');
    expect(text).toContain('ϑϕϖϱϵ');
    expect(text).toContain(symbols.replace(/\s+/g, ''));
  }, 90_000);

  it(`pdflatex sets every student's name of an international roster${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = texDir();
    // Before: the kernel's T1-only \\k and \\DJ stopped pdflatex at Wąs and Đặng, and Vietnamese
    // letters printed as "?".
    // Greek and Cyrillic names printed as "?" before they were transliterated, and so did names
    // in Han, Hangul, kana, Arabic, Hebrew and Devanagari letters.
    const names = [
      'Łukasz Wąs', 'Kęstutis Šimkus', 'Đặng Thị Hà', 'Nguyễn Văn An', 'Þóra Ægisdóttir', 'Siobhán O’Brien & Co', 'Zoë Brontë',
      'Αλέξανδρος Παπαδόπουλος', 'Дмитрий Щукин', 'Олена Ковальчук', '王小明', '김민준', 'さくら', 'محمد علي', 'דוד לוי', 'राहुल शर्मा',
    ];
    const spec = loadSpec('title: Names\nseed: 3\nexercises:\n  - { kind: chain-rule, params: {} }\n', 'names.yaml');
    const roster = rosterVariants(`name\n${names.map((n) => `"${n}"`).join('\n')}\n`, 'names.csv');
    for (const variant of roster) {
      const tex = renderLatex(buildSheet(spec, { variant }), 'sheet');
      expect(unicodeDeclarations(tex).filter((d) => d.endsWith('{?}')), variant.student).toEqual([]);
      const r = pdflatex(dir, variant.id, tex);
      expect(r.status, `${variant.student}: ${r.errors}`).toBe(0);
    }
  }, 90_000);

  it(`pdflatex sets the ReLU cases of networks with two hidden layers with no line in the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Each case of these partials has two or three conditions, each a hidden unit's
    // pre-activation written out: as one \\begin{cases} block (which TeX never breaks) they ran
    // up to 850 pt into the margin, in the answers' notes and in the worked steps.
    const spec = loadSpec(
      [
        'title: Deep ReLU',
        'seed: 3',
        'exercises:',
        '  - { kind: all-partials, params: { layers: [2, 3, 2, 1], activation: relu, steps: full } }',
        '  - { kind: partial, params: { layers: [4, 4, 4, 4], activation: relu } }',
        '  - { kind: mse-partials, params: { layers: [1, 1, 1, 1], activation: relu, wrt: [w1, b1, b2] } }',
      ].join('\n'),
      'deep-relu.yaml',
    );
    const r = pdflatex(texDir(), 'deep-relu-key', renderLatex(buildSheet(spec), 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
  }, 90_000);

  it(`pdflatex breaks long lists of names: a 4-4-4 net's 40 parameters, the many XOR designs a hint allows${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before: "in the order w₁, w₂, …, b₈" ran 314 pt into the margin of the student's sheet (and
    // 387 pt in the key's notes), and "also valid with the hint: […], […], …" 400 pt: commas in
    // math are no break points.
    const spec = loadSpec(
      [
        'title: Long lists',
        'seed: 1',
        'exercises:',
        '  - { kind: gradient-step, params: { inputs: 4, hidden: 4, outputs: 4 } }',
        '  - { kind: xor-design, params: { weights: [1, 2, 3, -1] } }',
      ].join('\n'),
      'lists.yaml',
    );
    const sheet = buildSheet(spec);
    const r = pdflatex(texDir(), 'lists-sheet', renderLatex(sheet, 'sheet'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
    // The key's answers and notes (its worked steps, 40 rows of aligned partials, are not set here).
    const notes = { ...sheet, exercises: sheet.exercises.map((ex) => ({ ...ex, steps: [], figures: [] })) };
    const k = pdflatex(texDir(), 'lists-key', renderLatex(notes, 'key'));
    expect(k.status, k.errors).toBe(0);
    expect(k.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
  }, 90_000);

  it(`pdflatex sets the largest random chain of Jacobians with no line in the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before: the wrong-order product, ∂f/∂g at u = g(x) and the multiplication, set as whole
    // matrices, ran up to 1,057 pt into the margin.
    const spec = loadSpec('title: Chain\nseed: 1\nexercises:\n  - { kind: jacobian-chain, params: { outputs: 3, middle: 4, inputs: 3, difficulty: activations, range: 9 } }\n', 'chain.yaml');
    const r = pdflatex(texDir(), 'chain-key', renderLatex(buildSheet(spec), 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
  }, 90_000);

  it(`pdflatex sets the worked steps of a 4-4-4 gradient step with no line in the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before: 40-row aligned blocks of partials (four terms each, 811 pt wide) and of updates,
    // and a 40-row table, none of which TeX breaks: 3 lines in the margin, 2 blocks off the page.
    const spec = loadSpec('title: Step\nseed: 1\nexercises:\n  - { kind: gradient-step, params: { inputs: 4, hidden: 4, outputs: 4, batchSize: 4 } }\n', 'step.yaml');
    const sheet = buildSheet(spec);
    // The worked steps alone (the answers' 40-entry columns are another matter).
    const steps = { ...sheet, exercises: sheet.exercises.map((ex) => ({ ...ex, answers: [] })) };
    const r = pdflatex(texDir(), 'step-key', renderLatex(steps, 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\[hv]box \([\d.]+pt too (wide|high)\)/g) ?? []).toEqual([]);
  }, 90_000);

  it(`pdflatex sets a long title in its own line spacing, and a word it cannot hyphenate within the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before: the title's paragraph ended outside its \\LARGE group, so its lines were 13.6 pt
    // apart in 17.3 pt type, nearly touching; and justified, "network-expansion-1-1-1-1-identity"
    // ran 6 pt into the margin.
    const title = 'Quiz network-expansion-1-1-1-1-identity: a very long worksheet title that goes on about backpropagation and Jacobians for three lines';
    const dir = texDir();
    const r = pdflatex(dir, 'title-key', renderLatex(buildSheet(loadSpec(`title: "${title}"\nexercises:\n  - { kind: chain-rule }\n`, 't.yaml')), 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
    // The baselines of the title's first lines (its words' yMax in pdftotext's boxes, in pt).
    const words = [...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'title-key.pdf'), '-'], { encoding: 'utf8' }).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)];
    const big = words.filter((w) => Number(w[2]) - Number(w[1]) > 15).map((w) => Number(w[2]));
    const lines = [...new Set(big.map((y) => Math.round(y)))].sort((a, b) => a - b);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[1] - lines[0]).toBeGreaterThan(20);
  }, 90_000);

  it(`pdflatex breaks a long 1×1 matrix of the key${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // ∇_{b⁽²⁾}f of this 3-2-1 ReLU network is one entry, ŷ − y written out: as a bmatrix it ran
    // 17.6 pt into the margin.
    const spec = loadSpec('title: Gradients\nseed: 7\nexercises:\n  - { kind: matrix-gradients, id: ex10 }\n', 'gradients.yaml');
    const r = pdflatex(texDir(), 'gradients-key', renderLatex(buildSheet(spec), 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log().match(/Overfull \\hbox \([\d.]+pt too wide\)/g) ?? []).toEqual([]);
  }, 90_000);

  it(`pdflatex draws the hatched regions of random XOR designs${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // A hatch line clipped at a region's corner was 0.25 pt long, and \\qbezier stopped pdflatex
    // on it ("Arithmetic overflow"): this key of eight did not compile.
    const spec = loadSpec(`title: XOR\nseed: 7\nexercises:\n${'  - { kind: xor-design, params: { random: true } }\n'.repeat(8)}`, 'xor.yaml');
    const r = pdflatex(texDir(), 'xor-key', renderLatex(buildSheet(spec), 'key'));
    expect(r.status, r.errors).toBe(0);
  }, 90_000);

  it(`pdflatex sets wide matrices and forward-pass steps of these keys with no line more than 1 pt in the margin${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    // Before (matrices measured in glyphs, every glyph alike; the pieces of a line not measured at
    // all): 75 pt, ∂f/∂g at u = g(x) with 4-term entries, three a row (56 glyphs, under the 60
    // allowed); 74 pt, ŷ of a 4-4-4 sigmoid pass with fractions, a column of four sigmoid(p/q)
    // terms an entry; 24 pt, ∇_{W⁽²⁾}f of a 4-1-4 linear net; 61 pt, ŷ = [w₁₃ w₁₄][…] + b₆ of a
    // 2-3-2-1 linear net, each matrix narrower than a line but not the two side by side.
    const specs = {
      chain: [
        '  - kind: jacobian-chain',
        '    params:',
        '      outer: "[-2*u4^2 - 9*u1 + 2*u1*u2, -8*u2*u3 - 3*u3^2, -3*u2^2 - 3*u1*u2]"',
        '      inner: "[-4*x2, 4*x1 + 1, -3*x1 + 2*x2 + 7*x3 + 9, 3*x1 + 9*x2 + 5*x3 - 8]"',
      ],
      forward: [
        '  - kind: forward-pass',
        '    params:',
        '      activation: sigmoid',
        '      x: "[1/2, -3/4, 5/3, -2/5]"',
        '      W1: "[1/2, -3/4, 2/3, -5/6; 7/8, -1/3, 3/5, -2/7; -4/9, 5/7, -1/6, 3/8; 2/3, -5/8, 7/9, -1/4]"',
        '      b1: "[1/3, -2/5, 3/7, -1/8]"',
        '      W2: "[-1/2, 3/4, -2/3, 5/6; 7/8, 1/3, -3/5, 2/7; 4/9, -5/7, 1/6, -3/8; -2/3, 5/8, -7/9, 1/4]"',
        '      b2: "[-1/3, 2/5, -3/7, 1/8]"',
      ],
      gradients: ['  - { kind: matrix-gradients, params: { layers: [4, 1, 4], activation: identity } }'],
      expansion: ['  - { kind: network-expansion, params: { layers: [2, 3, 2, 1], activation: identity } }'],
    };
    const dir = texDir();
    for (const [name, lines] of Object.entries(specs)) {
      const spec = loadSpec(['title: Wide', 'seed: 1', 'exercises:', ...lines].join('\n'), `${name}.yaml`);
      const r = pdflatex(dir, `${name}-key`, renderLatex(buildSheet(spec), 'key'));
      expect(r.status, r.errors).toBe(0);
      const overfull = Array.from(r.log().matchAll(/Overfull \\hbox \(([\d.]+)pt too wide\)/g), (m) => Number(m[1]));
      expect(overfull.filter((pt) => pt > 1), name).toEqual([]);
    }
  }, 90_000);

  it(`pdflatex breaks an answer longer than a page across pages${SKIPPED}`, (ctx) => {
    if (!hasPdflatex) ctx.skip();
    const dir = texDir();
    // ∂f_MSE/∂p of a 4-4-4-4 sigmoid network, ŷ written out: answers longer than a page. In a
    // \parbox they could not break, and six ran off the foot of their page (up to 938 pt).
    const spec = loadSpec('title: Deep\nseed: 11\nexercises:\n  - { kind: mse-partials, params: { layers: [4, 4, 4, 4], activation: sigmoid } }\n', 'deep.yaml');
    const r = pdflatex(dir, 'deep-key', renderLatex(buildSheet(spec), 'key'));
    expect(r.status, r.errors).toBe(0);
    expect(r.log()).not.toMatch(/Overfull \\vbox/);
  }, 90_000);
});
