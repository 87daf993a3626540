/**
 * Regenerates src/render/latex-commands.ts: the control sequences and environments that a spec's
 * own `$…$` math may use, because both KaTeX (HTML, PDF) and pdflatex with the .tex export's
 * preamble (amsmath and amssymb, src/render/latex.ts) set them.
 *
 *   npm run build && node scripts/latex-commands.mjs     (needs pdflatex: texlive-latex-base)
 *   node scripts/latex-commands.mjs --all-uses            (after a build: see allUses below)
 *
 * 1. Candidates: every `\name` and `\<symbol>` string in KaTeX's bundle (its functions, symbols
 *    and macros, ~1,000 of them), and every word in it as an environment name; less EXCLUDED.
 * 2. KaTeX: a candidate's simplest use (bare, with one to four arguments, a size, inside
 *    \left…\right …; MATH_USES, then TEXT_USES inside \text{…}) that KaTeX sets with gradsheet's
 *    own options (strict: 'error'), without its error colour (an untrusted \href).
 * 3. pdflatex: one document with the .tex export's own preamble sets every such use in the three
 *    places a spec's math goes (inline in a paragraph, an \answerline, a \section* title), with
 *    \tracinglostchars=3 so that a glyph the font lacks is an error. A use with an error, or a
 *    warning on its line (a text command in math, a font substituted, an obsolete command), is
 *    compiled again alone to be sure, and dropped if it fails there too; this goes round until
 *    the document of what is left compiles with no error and no warning.
 * 4. A command that TeX defines as nothing (\empty, which KaTeX sets as ∅) is dropped.
 *
 * A command kept in math only or in text only (\displaystyle, \Large: KaTeX sets both in either)
 * is recorded so; so are the braced arguments KaTeX sets as text (\text{…}), so that the spec
 * check knows which mode a command is in. The output is deterministic for the same KaTeX, TeX Live
 * and preamble; test/render/latex-commands.test.ts compiles every example in it again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import katex from 'katex';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTFILE = join(root, 'src', 'render', 'latex-commands.ts');

/** Left out by rule: they may compile, but the two renderings would differ or the key could break. */
export const EXCLUDED = {
  // A macro defined in a formula: KaTeX forgets it after the formula, TeX keeps a \gdef for the
  // rest of the document (where it could redefine what gradsheet's own formulas use), and the
  // allowlist could not vouch for what the macro expands to.
  '\\def': 'defines a macro', '\\gdef': 'defines a macro', '\\edef': 'defines a macro', '\\xdef': 'defines a macro',
  '\\let': 'defines a macro', '\\futurelet': 'defines a macro', '\\global': 'defines a macro', '\\long': 'defines a macro',
  '\\newcommand': 'defines a macro', '\\renewcommand': 'defines a macro', '\\providecommand': 'defines a macro',
  // Expansion order: KaTeX's macro expander and TeX's need not agree.
  '\\expandafter': 'TeX programming', '\\noexpand': 'TeX programming',
  // KaTeX reads a Unicode code point, TeX a slot of the current font (\char"3B1 stops pdflatex).
  '\\char': 'reads its number differently',
  // Links: nothing to follow on a printed sheet (and \href needs hyperref).
  '\\href': 'a link', '\\url': 'a link',
  // \verb cannot stand in a macro's argument (\section*, \answerline).
  '\\verb': 'not in an argument',
  // Messages to the console, in KaTeX and TeX alike.
  '\\show': 'TeX programming', '\\message': 'TeX programming', '\\errmessage': 'TeX programming',
  '\\TextOrMath': 'TeX programming',
};

/** Uses of a command, `X` standing for it, simplest first: in math, and in \text{…}. */
export const MATH_USES = [
  'X', 'X{A}', 'X{A}{B}', 'X{A}{B}{C}', 'X{A}{B}{C}{D}', 'X[A]{B}', 'X[A]{B}{C}', 'X*{A}', 'X(', 'X=', 'X A',
  '{a X b}', '{a X 1pt b}', '\\left( x X)', 'X( x \\right)', '\\left( x X| y \\right)', '\\sum X_{i}',
  'X1em', 'X{1em}', 'X1mu', 'X{1mu}', 'X{1em}{1em}', 'X[1em]{1em}{1em}', 'X{1em}{x}', 'X{red}{x}', 'X{red}{blue}{x}',
  'X{red} x', 'X(){0pt}{0}{a}{b}', 'X{_a}{^b}\\sum', '\\begin{array}{c} a \\\\ X b \\end{array}', 'X"41', 'X|x|',
];
export const TEXT_USES = ['\\text{X}', '\\text{X{x}}', '\\text{X x}', '\\text{X{x}{y}}', '\\text{a X b}', '\\text{X{1em}}', '\\text{X{red}{x}}'];
/**
 * What ends or starts a row: TeX allows it only in an environment's rows (a \\ in an \answerline
 * stops pdflatex: "There's no line here to end"), so it is tried there, and the spec check allows
 * it only there.
 */
const ROW_USES = { '\\\\': '\\begin{matrix} a \\\\ b \\end{matrix}', '\\cr': '\\begin{matrix} a \\cr b \\end{matrix}' };
const ENVIRONMENT_USES = [
  '\\begin{E} a & b \\\\ c & d \\end{E}', '\\begin{E}{cc} a & b \\\\ c & d \\end{E}', '\\begin{E}{2} a & b \\\\ c & d \\end{E}',
  '\\begin{E}{c} a \\\\ b \\end{E}', '\\begin{E} a \\\\ b \\end{E}',
];

/** gradsheet's KaTeX options (src/render/katex.ts); a formula in KaTeX's error colour (an untrusted \href) is not set. */
export function katexSets(latex) {
  try {
    const html = katex.renderToString(latex, { output: 'html', throwOnError: true, strict: 'error', maxExpand: 100_000 });
    return !/color:\s*#cc0000/.test(html);
  } catch {
    return false;
  }
}

/** Every string literal of KaTeX's bundle. */
function katexStrings() {
  const require = createRequire(import.meta.url);
  const source = readFileSync(join(dirname(require.resolve('katex/package.json')), 'dist', 'katex.mjs'), 'utf8');
  const out = new Set();
  for (const m of source.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
    try {
      out.add(JSON.parse(m[0]));
    } catch {
      // not a JSON string (an escape JavaScript allows): not a name either
    }
  }
  return out;
}

/**
 * The braced arguments of a command that KaTeX sets as text (\text{…}, the box of \raisebox),
 * by position: KaTeX sets \AA (Å) in text only, so an argument that takes it is text.
 */
function textArguments(use, name) {
  if (!use.startsWith(name)) return [];
  const groups = [...use.slice(name.length).matchAll(/\{[^{}]*\}/g)];
  return groups.flatMap((g, i) => (katexSets(use.slice(0, name.length + g.index) + '{\\AA}' + use.slice(name.length + g.index + g[0].length)) ? [i] : []));
}

/**
 * Candidates and their uses that KaTeX sets: `\name math`, `\name text` and `{env} math` → the
 * use, and what the module records of each command.
 */
export function candidates() {
  const strings = katexStrings();
  const uses = new Map();
  const info = new Map();
  const names = [...strings].filter((s) => /^\\(?:[A-Za-z]+|[!-/:-@[-`{-~ ])$/.test(s) && !(s in EXCLUDED) && s !== '\\begin' && s !== '\\end');
  for (const name of names.sort()) {
    const first = (list) => list.map((u) => u.replaceAll('X', () => name)).find(katexSets);
    const row = ROW_USES[name];
    const math = row !== undefined ? (katexSets(row) ? row : undefined) : first(MATH_USES);
    const text = row !== undefined ? undefined : first(TEXT_USES);
    if (math === undefined && text === undefined) continue;
    if (math !== undefined) uses.set(`${name} math`, math);
    if (text !== undefined) uses.set(`${name} text`, text);
    info.set(name, { math, text, textArgs: math === undefined ? [] : textArguments(math, name), rows: row !== undefined });
  }
  for (const env of [...strings].filter((s) => /^[A-Za-z]+\*?$/.test(s)).sort()) {
    const use = ENVIRONMENT_USES.map((u) => u.replaceAll('E', () => env)).find(katexSets);
    if (use !== undefined) uses.set(`{${env}} math`, use);
  }
  return { uses, info };
}

/** The .tex export's preamble, from the renderer itself (the built one: run `npm run build` first). */
export async function preamble() {
  const { loadSpec } = await import(join(root, 'dist', 'src', 'spec', 'load.js'));
  const { buildSheet } = await import(join(root, 'dist', 'src', 'exercises', 'sheet.js'));
  const { renderLatex } = await import(join(root, 'dist', 'src', 'render', 'latex.js'));
  const tex = renderLatex(buildSheet(loadSpec('title: T\nexercises:\n  - kind: chain-rule\n', 't.yaml')), 'key');
  return tex.slice(0, tex.indexOf('\\begin{document}')).replace(/^%.*\n/, '');
}

/** Where a spec's math is set in the .tex: a paragraph, an \answerline, a \section* title. */
const PLACES = [(s) => `Text $${s}$ text.\\par`, (s) => `\\answerline{${s}}`, (s) => `\\section*{Exercise 1. $${s}$ (2 points)}`];

/**
 * Compile `uses` (key → use) in one document with `head` as its preamble: the keys with an error
 * or a warning on one of their lines, the errors and warnings on no such line, and what
 * \meaning says of each command (`names`).
 */
export function compile(head, uses, dir, names = []) {
  // \tracinglostchars=3: a glyph the font lacks is an error, not a note in the log.
  const lines = [...head.trimEnd().split('\n'), '\\tracinglostchars=3', '\\begin{document}', '\\raggedright'];
  for (const name of names) if (/^\\[A-Za-z]+$/.test(name)) lines.push(`\\typeout{MEANING \\string${name}=\\meaning${name}}`);
  const owner = new Map();
  for (const [key, use] of uses) {
    for (const place of PLACES) {
      lines.push(place(use));
      owner.set(lines.length, key);
    }
  }
  lines.push('\\end{document}', '');
  writeFileSync(join(dir, 'c.tex'), lines.join('\n'));
  // Unwrapped log lines, so that a message and its line number are on one line.
  const env = { ...process.env, max_print_line: '100000', error_line: '254', half_error_line: '238' };
  const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-no-shell-escape', 'c.tex'], { cwd: dir, env, stdio: 'ignore', timeout: 1_800_000 });
  if (run.error || run.signal) throw new Error(`pdflatex did not finish: ${run.error?.message ?? run.signal}`);
  const log = readFileSync(join(dir, 'c.log'), 'latin1').split('\n');
  // A run that ended early (TeX gives up after 100 errors in a paragraph) has not seen the rest.
  const stopped = !log.some((l) => /^Output written on c\.pdf|^No pages of output/.test(l));
  const body = log.findIndex((l) => l.includes("\\openout1 = `c.aux'"));
  if (body < 0) throw new Error(`pdflatex did not start the document: see ${join(dir, 'c.log')}`);
  const failed = new Set();
  const meaning = new Map();
  let unplaced = stopped ? 1 : 0;
  const blame = (at) => {
    const key = at === undefined ? undefined : owner.get(Number(at));
    if (key === undefined) unplaced++;
    else failed.add(key);
  };
  for (let i = body; i < log.length; i++) {
    const line = log[i];
    const m = /^MEANING (\\[A-Za-z]+)=(.*)$/.exec(line);
    if (m) meaning.set(m[1], m[2]);
    else if (line.startsWith('! ')) {
      // The error's context ends with the line of c.tex it was read from: l.N …
      let at;
      for (let j = i + 1; j < log.length && !log[j].startsWith('! ') && at === undefined; j++) at = /^l\.(\d+) /.exec(log[j])?.[1];
      blame(at);
    } else if (/Warning/.test(line)) {
      // A warning runs to a blank line, its last words "on input line N."
      let text = '';
      for (let j = i; j < log.length && log[j].trim() !== ''; j++) text += ` ${log[j]}`;
      blame(/on input line (\d+)\./.exec(text)?.[1]);
    }
  }
  return { failed, unplaced, meaning };
}

/**
 * The uses that pdflatex sets. A use that fails in the document of all is compiled again alone,
 * so that an error running on from an earlier line drops nothing else; TeX also gives up after
 * 100 errors, so this goes round until the document of all that is left compiles cleanly.
 */
function compiling(head, uses, dir) {
  const dropped = new Set();
  for (let round = 0; ; round++) {
    const kept = new Map([...uses].filter(([k]) => !dropped.has(k)));
    const { failed, unplaced } = compile(head, kept, dir);
    process.stderr.write(`round ${round}: ${kept.size} uses, ${failed.size} failed, ${unplaced} errors on no use's line\n`);
    if (failed.size === 0 && unplaced === 0) return kept;
    let now = 0;
    for (const key of failed) {
      if (compile(head, new Map([[key, uses.get(key)]]), dir).failed.size > 0) {
        dropped.add(key);
        now++;
      }
    }
    if (now === 0) throw new Error(`these fail together but not alone: ${[...failed].join(' ')} (see ${dir})`);
  }
}

export async function main() {
  if (spawnSync('pdflatex', ['--version']).status !== 0) throw new Error('pdflatex is not on PATH (apt-get install texlive-latex-base)');
  const { uses, info } = candidates();
  const head = await preamble();
  const dir = mkdtempSync(join(tmpdir(), 'latex-commands-'));
  try {
    const kept = compiling(head, uses, dir);
    // A command TeX defines as nothing (\empty, which KaTeX sets as ∅) compiles and prints nothing.
    const { meaning } = compile(head, new Map(), dir, [...info.keys()]);
    const empty = [...meaning].filter(([, m]) => m === 'macro:->').map(([n]) => n);
    const commands = [];
    for (const [name, c] of info) {
      if (empty.includes(name)) continue;
      // Each use KaTeX sets must compile: a command KaTeX sets in text and math but TeX only in
      // one (\displaystyle, \Large) is kept for that one.
      const math = c.math !== undefined && kept.has(`${name} math`) ? c.math : undefined;
      const text = c.text !== undefined && kept.has(`${name} text`) ? c.text : undefined;
      if (math === undefined && text === undefined) continue;
      commands.push([name, { math, text, textArgs: c.textArgs, rows: c.rows }]);
    }
    const environments = [...kept].filter(([k]) => k.startsWith('{')).map(([k, use]) => [k.replace(/ math$/, ''), use]);
    writeFileSync(OUTFILE, moduleText(commands, environments));
    const droppedNames = [...info.keys()].filter((n) => !commands.some(([c]) => c === n));
    const droppedEnvs = [...uses.keys()].filter((k) => k.startsWith('{') && !kept.has(k)).map((k) => k.replace(/ math$/, ''));
    const partly = commands.filter(([n, c]) => (info.get(n).math !== undefined && c.math === undefined) || (info.get(n).text !== undefined && c.text === undefined));
    process.stdout.write(
      `KaTeX sets ${info.size} commands; pdflatex sets ${commands.length} of them (${partly.length} in one mode only: ${partly.map(([n, c]) => `${n} (${c.math ? 'math' : 'text'})`).join(' ')}).\n` +
        `Left out: ${droppedNames.join(' ')}\n` +
        `Empty in TeX: ${empty.join(' ')}\n` +
        `Environments: ${environments.map(([e]) => e).join(' ')}; left out: ${droppedEnvs.join(' ')}\n` +
        `wrote ${OUTFILE.slice(root.length + 1)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function moduleText(commands, environments) {
  const q = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const command = ([name, c]) => {
    const fields = [
      c.math !== undefined ? `math: ${q(c.math)}` : '',
      c.text !== undefined ? `text: ${q(c.text)}` : '',
      c.textArgs.length > 0 ? `textArgs: [${c.textArgs.join(', ')}]` : '',
      c.rows ? 'rows: true' : '',
    ].filter(Boolean);
    return `  [${q(name)}, { ${fields.join(', ')} }],`;
  };
  return `/**
 * The control sequences and environments that a spec's own $…$ math may use: those that both
 * KaTeX ${katex.version} (strict) and pdflatex with the .tex export's preamble (amsmath, amssymb) set.
 * GENERATED by scripts/latex-commands.mjs (which says how); do not edit by hand. The examples are
 * compiled again by test/render/latex-commands.test.ts.
 */

export interface LatexCommand {
  /** A use in math that both set; none where TeX or KaTeX has it in text only. */
  readonly math?: string;
  /** A use in \\text{…} that both set; none where TeX or KaTeX has it in math only. */
  readonly text?: string;
  /** Its braced arguments that are text (\\text{…}, the box of \\raisebox), by position. */
  readonly textArgs?: readonly number[];
  /** Ends a row: only in an environment's rows. */
  readonly rows?: boolean;
}

export const LATEX_COMMANDS: ReadonlyMap<string, LatexCommand> = new Map<string, LatexCommand>([
${commands.map(command).join('\n')}
]);

/** {name} → a use that both set. */
export const LATEX_ENVIRONMENTS: ReadonlyMap<string, string> = new Map([
${environments.map(([e, use]) => `  [${q(e)}, ${q(use)}],`).join('\n')}
]);
`;
}

/**
 * `--all-uses`: every use of each command in the module that KaTeX sets, not only its simplest,
 * compiled; prints the commands some of whose uses pdflatex rejects (\kern{1em}: TeX reads no
 * braces there). src/render/tex-math.ts has a rule for each, by hand.
 */
async function allUses() {
  const { LATEX_COMMANDS } = await import(join(root, 'dist', 'src', 'render', 'latex-commands.js'));
  const head = await preamble();
  const uses = new Map();
  for (const [name, c] of LATEX_COMMANDS) {
    if (c.rows) continue;
    const all = [...(c.math ? MATH_USES : []), ...(c.text ? TEXT_USES : [])].map((u) => u.replaceAll('X', () => name)).filter(katexSets);
    all.forEach((u, i) => uses.set(`${name} ${i}`, u));
  }
  const dir = mkdtempSync(join(tmpdir(), 'latex-commands-'));
  try {
    const kept = compiling(head, uses, dir);
    const failing = new Map();
    for (const [key, use] of uses) if (!kept.has(key)) failing.set(key.split(' ')[0], [...(failing.get(key.split(' ')[0]) ?? []), use]);
    for (const [name, list] of failing) process.stdout.write(`${name}: ${list.join('  ')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await (process.argv.includes('--all-uses') ? allUses() : main());
