import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture, removeScratch, scratch } from '../fixtures/cli.js';

afterAll(removeScratch);

interface Report {
  ok: boolean;
  results: { file: string; source: string; seed: number; ok: boolean; exercises: { id: string; title: string; ok: boolean; comparisons: number; failures: { answerId: string; check: string; message: string }[] }[] }[];
}

interface Key {
  exercises: { id: string; answers: { text: string }[] }[];
}

async function savedKey(): Promise<string> {
  const out = scratch();
  expect((await cli('build', fixture('chain.yaml'), '--out', out, '--format', 'json')).code).toBe(0);
  return join(out, 'chain.json');
}

describe('gradsheet verify', () => {
  it('passes a correct spec: exit 0, one line per sheet', async () => {
    const r = await cli('verify', fixture('chain.yaml'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^ok {3}\S*chain\.yaml seed 7: 3 exercises, 24 numeric comparisons\nall 1 sheet verified$/);
  });

  it('counts one exercise as one', async () => {
    const dir = scratch();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.yaml'), 'title: One\nseed: 1\nexercises:\n  - kind: chain-rule\n');
    const r = await cli('verify', join(dir, 'one.yaml'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^ok {3}\S*one\.yaml seed 1: 1 exercise, \d+ numeric comparisons\nall 1 sheet verified$/);
  });

  it('verifies N seeds from the spec’s own, and every spec of a directory', async () => {
    const dir = scratch();
    copyFileSync(fixture('chain.yaml'), join(dir, 'a.yaml'));
    copyFileSync(fixture('chain.yaml'), join(dir, 'b.yml'));
    writeFileSync(join(dir, 'notes.txt'), 'not a spec');
    const r = await cli('verify', dir, '--seeds', '3');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.map((l) => /(\w+\.ya?ml) seed (\d+)/.exec(l)?.slice(1).join(' ')).filter(Boolean)).toEqual([
      'a.yaml 7', 'a.yaml 8', 'a.yaml 9', 'b.yml 7', 'b.yml 8', 'b.yml 9',
    ]);
    expect(lines.at(-1)).toBe('all 6 sheets verified');
  });

  it('reports each exercise as JSON', async () => {
    const r = await cli('verify', fixture('chain.yaml'), '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.ok).toBe(true);
    expect(report.results[0]).toMatchObject({ source: 'spec', seed: 7, ok: true });
    expect(report.results[0].exercises.map((e) => [e.id, e.ok, e.comparisons])).toEqual([['lecture', true, 8], ['random', true, 8], ['instructor', true, 8]]);
  });

  it('fails a spec whose instructor’s answer is wrong: exit 1, naming file, seed, exercise, answer and check', async () => {
    const r = await cli('verify', fixture('failing/wrong-answer.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL \S*wrong-answer\.yaml seed 3: 2 exercises/);
    expect(r.out).toMatch(/exercise swapped \(The instructor's slip\): answer a: derivative check failed: the answer v\*sigma'\(u\*w \+ z\)\*w is -?[\d.]+ at .*, but finite differences of ∂\/∂w\[v\*sigma\(u\*w \+ z\)\] give/);
    expect(r.out).not.toMatch(/exercise good/);
    expect(r.err).toBe('gradsheet: verification failed: 1 failed check in 1 of 1 sheets');
    const json = JSON.parse((await cli('verify', fixture('failing/wrong-answer.yaml'), '--format', 'json')).out) as Report;
    expect(json.ok).toBe(false);
    expect(json.results[0].exercises[1]).toMatchObject({ id: 'swapped', ok: false, failures: [{ answerId: 'a', check: 'derivative' }] });
  });

  it('reports as a LaTeX table, failures listed below it, that pdflatex compiles', async (ctx) => {
    const ok = await cli('verify', fixture('chain.yaml'), '--format', 'latex');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^\\begin\{tabular\}\{llrrl\}\n\\hline\nSpec & Seed & Exercises & Comparisons & Result \\\\\n\\hline\n\\texttt\{\S*chain\.yaml\} & 7 & 3 & 24 & verified \\\\\n\\hline\n\\end\{tabular\}$/);
    const bad = await cli('verify', fixture('failing/wrong-answer.yaml'), '--format', 'latex');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('& 3 & 2 & 9 & \\textbf{failed} \\\\');
    // The message's ∂ as LaTeX, its * and _ as text: no preamble needed.
    expect(bad.out).toMatch(/\\item \\texttt\{\S*wrong-answer\.yaml seed 3\}: exercise swapped \(The instructor's slip\): answer a: derivative check failed: the answer v\*sigma'\(u\*w \+ z\)\*w is .* finite differences of \\ensuremath\{\\partial\}\/\\ensuremath\{\\partial\}w\[v\*sigma/);
    expect(bad.out).not.toMatch(/[^\x00-\x7e]/);
    if (spawnSync('pdflatex', ['--version']).status !== 0) return ctx.skip();
    const dir = scratch();
    writeFileSync(join(dir, 'report.tex'), `\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n${bad.out}\n\\end{document}\n`);
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'report.tex'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stdout.slice(-800)).toBe(0);
  });

  it('re-runs the checks of a saved key, and catches an answer edited by hand', async () => {
    const file = await savedKey();
    const ok = await cli('verify', file);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok {3}\S*chain\.json seed 7: 3 exercises, 24 numeric comparisons/);

    const key = JSON.parse(readFileSync(file, 'utf8')) as Key;
    expect(key.exercises[0].answers[0].text).toBe("v*sigma'(u*w + z)*u");
    key.exercises[0].answers[0].text = "u*sigma'(u*w + z)*w"; // the factors v and w swapped
    writeFileSync(file, JSON.stringify(key, null, 2));
    const bad = await cli('verify', file);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^FAIL \S*chain\.json seed 7/);
    expect(bad.out).toContain("exercise lecture (The lecture's exercise): answer a: derivative check failed: the answer u*sigma'(u*w + z)*w");
    expect(bad.out).not.toMatch(/exercise (random|instructor)/);
  });

  it.each([
    [['no-such.yaml'], /^gradsheet: SPEC no-such\.yaml: no such file$/],
    [['--seeds', '0'], /--seeds: expected a whole number from 1 to 1000, got '0'/],
    [['--format', 'yaml'], /option '--format <format>' argument 'yaml' is invalid/],
  ])('exits 2 on bad input: %j', async (args, message) => {
    const r = await cli('verify', ...(args[0].startsWith('--') ? [fixture('chain.yaml'), ...args] : args));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('exits 2 on a bad spec or key, naming the file, even after good ones', async () => {
    const dir = scratch();
    const yaml = join(dir, 'bad.yaml');
    writeFileSync(yaml, 'title: T\nexercises:\n  - kind: chain-rule\n    points: -1\n');
    const r = await cli('verify', fixture('chain.yaml'), yaml);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/bad\.yaml:4: exercises\[0\]\.points: must be at least 0/);

    // A formula in the spec's own prose is checked too: the build would refuse it.
    writeFileSync(yaml, 'title: "Week $\\\\frac{1}{2$"\nexercises:\n  - kind: chain-rule\n');
    const prose = await cli('verify', fixture('chain.yaml'), yaml);
    expect(prose).toMatchObject({ code: 2, out: '' });
    expect(prose.err).toMatch(/bad\.yaml:1: title: KaTeX could not typeset "\\frac\{1\}\{2": /);
    // And so is math that KaTeX sets but the .tex export could not compile.
    writeFileSync(yaml, 'title: T\ninstructions: "Over $\\\\R^n$"\nexercises:\n  - kind: chain-rule\n');
    expect(await cli('verify', fixture('chain.yaml'), yaml)).toMatchObject({ code: 2, out: '', err: `gradsheet: ${yaml}:2: instructions: \\R is not a LaTeX command the .tex export can compile (KaTeX accepts it); write \\mathbb{R}` });

    const notKey = join(dir, 'other.json');
    writeFileSync(notKey, '{"title": "x"}');
    expect((await cli('verify', notKey)).err).toMatch(/other\.json: not a gradsheet answer key/);
    writeFileSync(notKey, '{"title": ');
    expect((await cli('verify', notKey)).err).toMatch(/other\.json: invalid JSON: /);

    const file = await savedKey();
    const key = JSON.parse(readFileSync(file, 'utf8')) as Key;
    key.exercises[2].answers[0].text = 'a*b*(1 - tanh(b*t + c)^2';
    writeFileSync(file, JSON.stringify(key));
    const broken = await cli('verify', file);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/chain\.json: exercises\[2\]\.answers\[0\]\.text: column \d+: /);

    // An answer with no value anywhere: exit 2 naming it (before: a failed check, exit 1, that blamed v*sigma(u*w + z)).
    const fresh = await savedKey();
    const own = JSON.parse(readFileSync(fresh, 'utf8')) as Key;
    own.exercises[0].answers[0].text = 'log(-(w^2) - 1)';
    writeFileSync(fresh, JSON.stringify(own));
    expect(await cli('verify', fresh)).toEqual({ code: 2, out: '', err: `gradsheet: ${fresh}: exercises[0].answers[0].text: log(-w^2 - 1) has no finite value at any point tried (w from −10⁶ to 10⁶), so the key cannot be verified numerically` });

    // A key emptied of its exercises verified "all 1 sheet verified", exit 0: a CI must not pass it.
    writeFileSync(file, JSON.stringify({ ...key, exercises: [] }));
    const empty = await cli('verify', file);
    expect(empty).toMatchObject({ code: 2, out: '' });
    expect(empty.err).toMatch(/chain\.json: exercises: a key has no exercises: there is nothing to verify$/m);
  });

  it('fails an instructor’s answer that cannot be evaluated as its check needs, naming exercise and answer (it stopped with a bare message)', async () => {
    const dir = scratch();
    const cases = [
      ['vector.yaml', '  - kind: chain-rule\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "[1, 2]" }', 'answer a: derivative check failed: the answer [1, 2] cannot be evaluated: a vector or matrix has no single numeric value'],
      ['symbol.yaml', '  - kind: forward-pass\n    answers: { yhat: "x1" }', 'answer yhat: value check failed: the answer x1 cannot be evaluated: no value for x1'],
    ] as const;
    for (const [name, exercise, message] of cases) {
      const yaml = join(dir, name);
      writeFileSync(yaml, `title: T\nexercises:\n${exercise}\n`);
      const r = await cli('verify', yaml);
      expect(r.code, name).toBe(1);
      expect(r.out).toMatch(new RegExp(`^FAIL \\S*${name} seed 1`));
      expect(r.out).toContain(`exercise ex1 (`);
      expect(r.out).toContain(message);
    }
  });

  it('exits 2 on a function or answer with no value anywhere, naming file, line, field and exercise (before: a failed check, exit 1)', async () => {
    const dir = scratch();
    const cases = [
      ['function.yaml', '  - kind: chain-rule\n    id: c\n    params: { expr: "1/(x-x)", wrt: x }', ':5: exercises[0].params.expr: 1/(x - x) has no finite value at any point tried (x from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise c, chain-rule)'],
      ['answer.yaml', '  - kind: chain-rule\n    id: c\n    params: { expr: "v*sigma(u*w + z)", wrt: w }\n    answers: { a: "sqrt(-1-w^2)" }', ':6: exercises[0].answers.a: sqrt(-1 - w^2) has no finite value at any point tried (w from −10⁶ to 10⁶), so the key cannot be verified numerically (exercise c, chain-rule)'],
    ] as const;
    for (const [name, exercise, message] of cases) {
      const yaml = join(dir, name);
      writeFileSync(yaml, `title: T\nexercises:\n${exercise}\n`);
      expect(await cli('verify', yaml), name).toEqual({ code: 2, out: '', err: `gradsheet: ${yaml}${message}` });
    }
  });

  it('wraps the seeds it verifies at 2³², where build and specs stop, so every seed it reports can be built', async () => {
    const yaml = join(scratch(), 'last.yaml');
    writeFileSync(yaml, `title: T\nseed: ${2 ** 32 - 1}\nexercises:\n  - kind: chain-rule\n`);
    const r = await cli('verify', yaml, '--seeds', '3', '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).results.map((x) => x.seed)).toEqual([2 ** 32 - 1, 0, 1]);
  });
});
