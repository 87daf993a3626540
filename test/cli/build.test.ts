import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture, removeScratch, scratch } from '../fixtures/cli.js';
import { bundledLectureSpec } from '../../src/render/assets.js';

afterAll(removeScratch);

const TEXT_FORMATS = 'html,tex,json';
const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

interface Key {
  seed: number;
  exercises: { id: string; title: string; answers: { text: string }[] }[];
}

describe('gradsheet build', () => {
  it('writes the sheet, the key, their LaTeX and the JSON key, named after the spec', async () => {
    const out = scratch();
    const r = await cli('build', fixture('chain.yaml'), '--out', out, '--format', TEXT_FORMATS);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('verified 3 exercises on 1 sheet');
    expect(readdirSync(out).sort()).toEqual(['chain-key.html', 'chain-key.tex', 'chain.html', 'chain.json', 'chain.tex']);
    const key = JSON.parse(read(out, 'chain.json')) as Key;
    expect(key.exercises.map((e) => e.id)).toEqual(['lecture', 'random', 'instructor']);
    expect(key.exercises[0].answers[0].text).toBe("v*sigma'(u*w + z)*u");
    expect(read(out, 'chain-key.html')).toContain('class="from-spec"');
  });

  it('counts one exercise as one', async () => {
    const dir = scratch();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.yaml'), 'title: One\nexercises:\n  - kind: chain-rule\n');
    const r = await cli('build', join(dir, 'one.yaml'), '--out', join(dir, 'out'), '--format', 'json');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^verified 1 exercise on 1 sheet \(\d+ numeric comparisons\)$/m);
  });

  it('is byte-for-byte deterministic, and another seed gives other numbers', async () => {
    const [a, b] = [scratch(), scratch()];
    await cli('build', fixture('chain.yaml'), '--out', a, '--format', TEXT_FORMATS);
    await cli('build', fixture('chain.yaml'), '--out', b, '--format', TEXT_FORMATS);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));

    const answers = new Set<string>();
    for (const seed of ['1', '2', '3', '4']) {
      const dir = scratch();
      expect((await cli('build', fixture('chain.yaml'), '--out', dir, '--format', 'json', '--seed', seed)).code).toBe(0);
      const key = JSON.parse(read(dir, 'chain.json')) as Key;
      expect(key.seed).toBe(Number(seed));
      answers.add(key.exercises[1].answers[0].text);
    }
    expect(answers.size).toBeGreaterThan(1);
  });

  it('builds numbered variants, each with its own seed, id and files', async () => {
    const out = scratch();
    expect((await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'html,json', '--variants', '3')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['01', '02', '03'].flatMap((v) => [`chain-${v}-key.html`, `chain-${v}.html`, `chain-${v}.json`]).sort(),
    );
    expect(read(out, 'chain-02.html')).toContain('Variant 02');
    const seeds = ['01', '02', '03'].map((v) => (JSON.parse(read(out, `chain-${v}.json`)) as Key).seed);
    expect(new Set(seeds).size).toBe(3);
  });

  it('builds one sheet per student of a roster, named by slug, with the name printed', async () => {
    const dir = scratch();
    const roster = join(dir, 'class.csv');
    writeFileSync(roster, 'name,id\nAda Lovelace,\nZoë O’Neil,\nAlan Turing,at\n');
    const out = join(dir, 'out');
    expect((await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'html', '--roster', roster)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['chain-ada-lovelace-key.html', 'chain-ada-lovelace.html', 'chain-at-key.html', 'chain-at.html', 'chain-zoe-o-neil-key.html', 'chain-zoe-o-neil.html']);
    expect(read(out, 'chain-zoe-o-neil.html')).toContain('<span class="student-name">Zoë O’Neil</span>');
  });

  it('prints PDFs whose fonts are KaTeX’s and whose student sheet has no key', async () => {
    const out = scratch();
    const r = await cli('build', fixture('chain.yaml'), '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['chain-key.html', 'chain-key.pdf', 'chain.html', 'chain.pdf']);
    const fonts = execFileSync('pdffonts', [join(out, 'chain-key.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/KaTeX_Main-Regular[\s\S]*KaTeX_Math-Italic|KaTeX_Math-Italic[\s\S]*KaTeX_Main-Regular/);
    const sheet = execFileSync('pdftotext', [join(out, 'chain.pdf'), '-'], { encoding: 'utf8' });
    for (const n of [1, 2, 3]) expect(sheet).toContain(`Exercise ${n}.`);
    expect(sheet).not.toContain('Worked steps');
  });

  it('without Chromium, a PDF build says how to install it (exit 2); a failed key still comes first (exit 1)', async () => {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
    try {
      const out = join(scratch(), 'out');
      const r = await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'html,pdf');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^gradsheet: cannot start Chromium at \/nonexistent\/chromium \(no such file\): install it with `apt-get install chromium`/);
      expect(existsSync(out)).toBe(false);
      expect((await cli('build', fixture('failing/wrong-answer.yaml'), '--out', out, '--format', 'pdf')).code).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });

  describe('writes nothing when', () => {
    const refused = async (args: string[], code: number, message: RegExp): Promise<void> => {
      const out = join(scratch(), 'out');
      const r = await cli('build', ...args, '--out', out, '--format', TEXT_FORMATS);
      expect(r.code, r.err).toBe(code);
      expect(r.err).toMatch(message);
      expect(existsSync(out)).toBe(false);
    };
    const spec = (text: string): string => {
      const file = join(scratch(), 'sheet.yaml');
      writeFileSync(file, text);
      return file;
    };

    it('an answer fails verification (exit 1, naming the exercise and the check)', async () => {
      await refused([fixture('failing/wrong-answer.yaml')], 1, /wrong-answer\.yaml: seed 3: exercise swapped \(The instructor's slip\): answer a: derivative check failed: the answer v\*sigma'\(u\*w \+ z\)\*w is /);
    });

    it('an existing file is left as it was when a build fails', async () => {
      const out = scratch();
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'wrong-answer.html'), 'old');
      const r = await cli('build', fixture('failing/wrong-answer.yaml'), '--out', out, '--format', 'html');
      expect(r.code).toBe(1);
      expect(readdirSync(out)).toEqual(['wrong-answer.html']);
      expect(read(out, 'wrong-answer.html')).toBe('old');
    });

    it.each([
      ['an unknown kind', 'title: T\nexercises:\n  - kind: chain-rul\n', /sheet\.yaml:3: exercises\[0\]\.kind: unknown exercise kind 'chain-rul'/],
      ['a missing field', 'seed: 1\nexercises:\n  - kind: chain-rule\n', /sheet\.yaml:1: title: missing/],
      ['a wrong type', 'title: T\nexercises:\n  - kind: chain-rule\n    points: three\n', /sheet\.yaml:4: exercises\[0\]\.points: expected a number, got 'three'/],
      ['invalid YAML', 'title: T\nexercises:\n  - kind: [chain-rule\n', /sheet\.yaml:\d+: invalid YAML/],
      ['a bad parameter', 'title: T\nexercises:\n  - kind: chain-rule\n    params:\n      expr: "v*sigma(u*w"\n', /sheet\.yaml:5: exercises\[0\]\.params\.expr: column 12: expected '\)' \(exercise ex1, chain-rule\)/],
      // Before: exit 1, "derivative check failed: could not find 8 points where log(-x^2 - 1) is defined away from kinks".
      ['a function with no value anywhere', 'title: T\nexercises:\n  - kind: chain-rule\n    params:\n      expr: "log(-(x^2)-1)"\n      wrt: x\n', /^gradsheet: \S*sheet\.yaml:5: exercises\[0\]\.params\.expr: log\(-x\^2 - 1\) has no finite value at any point tried \(x from −10⁶ to 10⁶\), so the key cannot be verified numerically \(exercise ex1, chain-rule\)$/],
      ['a formula KaTeX refuses in its instructions', 'title: T\ninstructions: "The cost $\\\\cost{y}$."\nexercises:\n  - kind: chain-rule\n', /sheet\.yaml:2: instructions: KaTeX could not typeset "\\cost\{y\}": Undefined control sequence: \\cost at position 1/],
      ['an exercise too long to print', 'title: T\nexercises:\n  - kind: matrix-gradients\n    params: { layers: [4, 4, 4, 4], activation: sigmoid }\n', /sheet\.yaml:4: exercises\[0\]\.params\.layers: the answer key would set [\d,]+ characters of formulas for this exercise, about \d+ pages; .*: choose fewer or narrower layers/],
      ['an unbalanced $ in an exercise title', 'title: T\nexercises:\n  - kind: chain-rule\n    title: "The $\\\\sigma$ rule, $x"\n', /sheet\.yaml:4: exercises\[0\]\.title: unbalanced \$ at character 20/],
      // QA's spec: KaTeX sets \R, and the build wrote a .tex that pdflatex stopped on ("Undefined control sequence").
      ['math in its instructions that KaTeX sets but pdflatex cannot', 'title: T\ninstructions: "Let $x \\\\in \\\\R^n$ and $\\\\bm{W}$."\nexercises:\n  - kind: chain-rule\n', /^gradsheet: \S*sheet\.yaml:2: instructions: \\R is not a LaTeX command the \.tex export can compile \(KaTeX accepts it\); write \\mathbb\{R\}$/],
      ['a link in an exercise title, even for HTML', 'title: T\nexercises:\n  - kind: chain-rule\n    title: "Read $\\\\href{https://example.org}{this}$"\n', /^gradsheet: \S*sheet\.yaml:4: exercises\[0\]\.title: \\href makes a link, which a printed sheet cannot follow[^\n]*$/],
    ])('the spec has %s (exit 2, file:line and field)', async (_, text, message) => {
      await refused([spec(text)], 2, message);
    });

    it('--out is a file', async () => {
      const file = join(scratch(), 'taken');
      writeFileSync(file, 'x');
      const r = await cli('build', fixture('chain.yaml'), '--out', file, '--format', 'json');
      expect(r).toMatchObject({ code: 2, err: `gradsheet: --out ${file}: is a file, not a directory` });
      expect(readFileSync(file, 'utf8')).toBe('x');
    });

    it.each([
      ['an alias of an anchor never defined', 'title: *zz\nexercises:\n  - kind: chain-rule\n', /^gradsheet: \S*sheet\.yaml:1: \*zz refers to no anchor &zz defined before it$/],
      ['two documents', 'title: T\nexercises:\n  - kind: chain-rule\n---\ntitle: U\n', /^gradsheet: \S*sheet\.yaml:4: invalid YAML: a spec is one YAML document, and a second one starts here \('---'\)$/],
      ['brackets nested thousands deep', `title: T\nexercises: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, /^gradsheet: \S*sheet\.yaml:2: invalid YAML: nested too deeply$/],
      ['a list as a key', 'title: T\n[x]: 1\nexercises:\n  - kind: chain-rule\n', /^gradsheet: \S*sheet\.yaml:2: a key must be a name, not a list or a mapping$/],
      [
        'aliases that expand without end',
        ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`), 'title: T', 'exercises:', '  - kind: chain-rule', ''].join('\n'),
        /^gradsheet: \S*sheet\.yaml:1: aliases expand too far/,
      ],
    ])('the YAML has %s (before: an internal error, exit 3, or Node warnings on stderr)', async (_, text, message) => {
      await refused([spec(text)], 2, message);
    });

    it('a target is in the way: a directory of its name (before: EISDIR, exit 3, with earlier files already moved in)', async () => {
      const out = scratch();
      mkdirSync(join(out, 'chain.tex'));
      const r = await cli('build', fixture('chain.yaml'), '--out', out, '--format', TEXT_FORMATS);
      expect(r).toMatchObject({ code: 2, err: `gradsheet: --out ${out}: chain.tex is a directory` });
      expect(readdirSync(out)).toEqual(['chain.tex']);
    });

    it('a target is in the way: a symbolic link or a FIFO is not replaced by a plain file', async () => {
      const out = scratch();
      writeFileSync(join(out, 'elsewhere.json'), 'kept');
      symlinkSync(join(out, 'elsewhere.json'), join(out, 'chain.json'));
      expect(await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'json')).toMatchObject({ code: 2, err: `gradsheet: --out ${out}: chain.json is a symbolic link; write to its target instead` });
      expect(lstatSync(join(out, 'chain.json')).isSymbolicLink()).toBe(true);
      rmSync(join(out, 'chain.json'));
      execFileSync('mkfifo', [join(out, 'chain.json')]);
      expect((await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'json')).err).toMatch(/chain\.json is not a regular file/);
      expect(lstatSync(join(out, 'chain.json')).isFIFO()).toBe(true);
    });

    it('--out cannot be made, under /proc (before: Node\'s recursive mkdir spun there for ever)', async () => {
      if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc');
      const r = await cli('build', fixture('chain.yaml'), '--out', '/proc/gradsheet-out/x', '--format', 'json');
      expect(r).toMatchObject({ code: 2, err: 'gradsheet: --out /proc/gradsheet-out/x: cannot be created (ENOENT)' });
    }, 10_000);

    it('two students would get the same file name: one id is the other\'s key (before: ENOENT, exit 3, five files left)', async () => {
      const roster = join(scratch(), 'class.csv');
      writeFileSync(roster, 'name\nok\nok-key\n');
      await refused([fixture('chain.yaml'), '--roster', roster], 2, /class\.csv:3: name: the file id 'ok-key' is also the file name of the key of line 2; give one of them an 'id'/);
    });

    it('the spec file does not exist', async () => {
      await refused(['no-such.yaml'], 2, /^gradsheet: SPEC no-such\.yaml: no such file$/);
    });

    it('a roster is bad (exit 2, file:line)', async () => {
      const roster = join(scratch(), 'class.csv');
      writeFileSync(roster, 'name\nAda\nBob\nAda\n');
      await refused([fixture('chain.yaml'), '--roster', roster], 2, /class\.csv:4: name: duplicate 'Ada' \(also on line 2\)/);
      writeFileSync(roster, 'student\nAda\n');
      await refused([fixture('chain.yaml'), '--roster', roster], 2, /class\.csv:1: the header has no 'name' column/);
      await refused([fixture('chain.yaml'), '--roster', join(scratch(), 'none.csv')], 2, /--roster .*none\.csv: no such file/);
    });

    it('the options are bad (exit 2)', async () => {
      await refused([fixture('chain.yaml'), '--variants', '3', '--roster', 'x.csv'], 2, /--variants and --roster cannot be used together/);
      await refused([fixture('chain.yaml'), '--variants', 'many'], 2, /--variants: expected a whole number, got 'many'/);
      await refused([fixture('chain.yaml'), '--seed', '-1'], 2, /--seed/);
      const out = join(scratch(), 'out');
      const r = await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'html,');
      expect(r).toMatchObject({ code: 2, err: 'gradsheet: --format "html,": empty item in the list' });
      expect((await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'docx')).err).toMatch(/unknown format 'docx'/);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('without a SPEC builds the bundled lecture worksheet, or says it is missing', async () => {
    const out = scratch();
    const r = await cli('build', '--out', out, '--format', 'json');
    if (existsSync(bundledLectureSpec())) {
      expect(r.code, r.err).toBe(0);
      expect(readdirSync(out)).toEqual(['lecture.json']);
    } else {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no SPEC given and the bundled lecture worksheet is missing \(.*worksheets\/lecture\.yaml\)/);
    }
  });

  it('clears the temporary directory a killed build left, and names a very long student by a shortened id', async () => {
    const out = scratch();
    mkdirSync(join(out, '.gradsheet-Ab12Cd'));
    writeFileSync(join(out, '.gradsheet-Ab12Cd', 'half.html'), '<html');
    const roster = join(scratch(), 'class.csv');
    writeFileSync(roster, `name\n${'Bartholomew '.repeat(25)}Smith\n`);
    const r = await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'json', '--roster', roster);
    expect(r.code, r.err).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^chain-(bartholomew-)+bartholomew\.json$/);
    expect(files[0].length).toBeLessThanOrEqual('chain-'.length + 64 + '.json'.length);
  });

  it('leaves no temporary directory behind', async () => {
    const out = scratch();
    await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'json');
    expect(readdirSync(out)).toEqual(['chain.json']);
  });
});
