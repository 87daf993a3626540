/**
 * Whether a formula that KaTeX sets also compiles in the .tex export. KaTeX accepts commands of
 * its own (\R, \bm, \argmax, \coloneqq, \href …) that pdflatex, with amsmath and amssymb only,
 * stops on ("Undefined control sequence"); so a spec's own `$…$` math may use only the commands
 * and environments that both set (src/render/latex-commands.ts, generated and compiled by
 * scripts/latex-commands.mjs), in the mode in which both set them, plus a few rules on arguments
 * that the generator's `--all-uses` run found TeX stricter about than KaTeX.
 */
import { LATEX_COMMANDS, LATEX_ENVIRONMENTS, type LatexCommand } from './latex-commands.js';

/** The standard LaTeX for KaTeX's own commands, where there is a well-known one. */
export const INSTEAD: Readonly<Record<string, string>> = {
  '\\R': '\\mathbb{R}', '\\Reals': '\\mathbb{R}', '\\reals': '\\mathbb{R}', '\\N': '\\mathbb{N}', '\\natnums': '\\mathbb{N}',
  '\\Z': '\\mathbb{Z}', '\\Q': '\\mathbb{Q}', '\\C': '\\mathbb{C}', '\\Complex': '\\mathbb{C}', '\\cnums': '\\mathbb{C}',
  '\\bm': '\\boldsymbol', '\\bold': '\\mathbf', '\\Bbb': '\\mathbb', '\\frak': '\\mathfrak', '\\mathscr': '\\mathcal',
  '\\argmax': '\\operatorname*{argmax}', '\\argmin': '\\operatorname*{argmin}', '\\plim': '\\operatorname*{plim}',
  '\\coloneqq': '\\mathrel{:}=', '\\colonequals': '\\mathrel{:}=', '\\eqqcolon': '=\\mathrel{:}', '\\equalscolon': '=\\mathrel{:}',
  '\\lt': '<', '\\gt': '>', '\\lang': '\\langle', '\\rang': '\\rangle', '\\lparen': '(', '\\rparen': ')',
  '\\isin': '\\in', '\\notni': '\\not\\ni', '\\infin': '\\infty', '\\exist': '\\exists', '\\empty': '\\emptyset',
  '\\sub': '\\subset', '\\sube': '\\subseteq', '\\supe': '\\supseteq', '\\plusmn': '\\pm', '\\sdot': '\\cdot', '\\bull': '\\bullet',
  '\\degree': '^{\\circ}', '\\sect': '\\S', '\\alef': '\\aleph', '\\alefsym': '\\aleph', '\\image': '\\Im', '\\real': '\\Re',
  '\\weierp': '\\wp', '\\thetasym': '\\vartheta', '\\omicron': 'o', '\\Dagger': '\\ddagger', '\\varvdots': '\\vdots',
  '\\Alpha': '\\mathrm{A}', '\\Beta': '\\mathrm{B}', '\\Epsilon': '\\mathrm{E}', '\\Zeta': '\\mathrm{Z}', '\\Eta': '\\mathrm{H}',
  '\\Iota': '\\mathrm{I}', '\\Kappa': '\\mathrm{K}', '\\Mu': '\\mathrm{M}', '\\Nu': '\\mathrm{N}', '\\Omicron': '\\mathrm{O}',
  '\\Rho': '\\mathrm{P}', '\\Tau': '\\mathrm{T}', '\\Chi': '\\mathrm{X}',
  '\\larr': '\\leftarrow', '\\rarr': '\\rightarrow', '\\uarr': '\\uparrow', '\\darr': '\\downarrow', '\\harr': '\\leftrightarrow',
  '\\lrarr': '\\leftrightarrow', '\\Larr': '\\Leftarrow', '\\lArr': '\\Leftarrow', '\\Rarr': '\\Rightarrow', '\\rArr': '\\Rightarrow',
  '\\Uarr': '\\Uparrow', '\\uArr': '\\Uparrow', '\\Darr': '\\Downarrow', '\\dArr': '\\Downarrow', '\\Harr': '\\Leftrightarrow',
  '\\hArr': '\\Leftrightarrow', '\\Lrarr': '\\Leftrightarrow', '\\lrArr': '\\Leftrightarrow',
  '\\clubs': '\\clubsuit', '\\diamonds': '\\diamondsuit', '\\hearts': '\\heartsuit', '\\spades': '\\spadesuit',
  '\\over': '\\frac{…}{…}', '\\choose': '\\binom{…}{…}', '\\atop': '\\genfrac{}{}{0pt}{}{…}{…}',
  '\\bra': '\\langle … \\rvert', '\\ket': '\\lvert … \\rangle', '\\braket': '\\langle … \\rangle',
  '\\tg': '\\tan', '\\ctg': '\\cot', '\\cotg': '\\cot', '\\cosec': '\\csc', '\\arctg': '\\arctan', '\\arcctg': '\\operatorname{arccot}',
  '\\sh': '\\sinh', '\\ch': '\\cosh', '\\th': '\\tanh', '\\cth': '\\coth', '\\hdashline': '\\hline',
  '\\begin{dcases}': '\\begin{cases}', '\\begin{rcases}': '\\begin{cases}', '\\begin{pmatrix*}': '\\begin{pmatrix}',
  '\\begin{bmatrix*}': '\\begin{bmatrix}', '\\begin{matrix*}': '\\begin{matrix}', '\\begin{darray}': '\\begin{array}',
};

/** Commands that define macros: KaTeX forgets them after the formula, TeX keeps a \gdef for the whole .tex. */
const DEFINITIONS = new Set(['\\def', '\\gdef', '\\edef', '\\xdef', '\\let', '\\futurelet', '\\global', '\\long', '\\newcommand', '\\renewcommand', '\\providecommand']);
const LINKS = new Set(['\\href', '\\url']);

/**
 * Columns LaTeX allows in a row of an environment where KaTeX allows any number: amsmath's
 * matrices have at most \MaxMatrixCols (10), cases two. (KaTeX itself holds an array to its
 * column spec, alignedat to its count and subarray to one.)
 */
const MAX_COLUMNS: Readonly<Record<string, number>> = {
  matrix: 10, pmatrix: 10, bmatrix: 10, Bmatrix: 10, vmatrix: 10, Vmatrix: 10, cases: 2,
};

type Mode = 'math' | 'text';

interface Group {
  readonly mode: Mode;
  /** An environment's body or \substack's argument: rows, their columns counted. */
  readonly rows?: { readonly name: string; columns: number };
  /** Opened by \begin, closed by \end (not by a brace). */
  readonly environment?: boolean;
  /** A command's argument: the modes of its arguments still to come. */
  readonly then?: Pending[];
}

type Pending = 'text' | 'rows' | 'same';

/** One token: a control sequence (a control space for \ and any white space), a brace, &, %, or a run of other text. */
const TOKEN = /\\(?:[A-Za-z@]+|\s|[^])|[{}&%]|[^\\{}&%]+/gu;

/**
 * What keeps `latex` (a formula KaTeX sets) from compiling in the .tex export, in a spec writer's
 * words, or undefined when it would compile.
 */
export function texMathProblem(latex: string): string | undefined {
  const stack: Group[] = [{ mode: 'math' }];
  /** The modes of the braced arguments that come next: text for \text{…}, rows for \substack{…}. */
  let pending: Pending[] = [];
  const tokens = [...latex.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }));
  const after = (i: number): string => latex.slice(tokens[i].at + tokens[i].text.length).trimStart();
  for (let i = 0; i < tokens.length; i++) {
    const top = stack[stack.length - 1];
    const raw = tokens[i].text;
    if (raw === '{') {
      const [next = 'same', ...then] = pending;
      pending = [];
      const mode = next === 'text' ? 'text' : next === 'rows' ? 'math' : top.mode;
      stack.push({ mode, then, ...(next === 'rows' ? { rows: { name: 'substack', columns: 1 } } : {}) });
      continue;
    }
    if (/^\s+$/.test(raw)) continue;
    pending = [];
    if (raw === '}') {
      if (stack.length > 1 && !top.environment) pending = stack.pop()?.then ?? [];
      continue;
    }
    if (raw === '%') return '% starts a comment in TeX, which would swallow the rest of the line; write \\% for a percent sign';
    if (raw === '&') {
      if (top.rows && ++top.rows.columns > (MAX_COLUMNS[top.rows.name] ?? Infinity)) {
        return `\\begin{${top.rows.name}} has at most ${MAX_COLUMNS[top.rows.name]} columns in LaTeX (KaTeX sets more); split it`;
      }
      continue;
    }
    if (!raw.startsWith('\\')) continue;
    const name = /^\\\s$/.test(raw) ? '\\ ' : raw;
    if (name === '\\begin' || name === '\\end') {
      const env = /^\{([^{}]*)\}/.exec(after(i))?.[1] ?? '';
      if (!LATEX_ENVIRONMENTS.has(`{${env}}`)) return notCompiled(`${name}{${env}}`, 'an environment');
      // Skip the name's tokens, up to its closing brace.
      while (i + 1 < tokens.length && tokens[i].text !== '}') i++;
      if (name === '\\end') {
        while (stack.length > 1 && !stack[stack.length - 1].environment) stack.pop();
        if (stack.length > 1) stack.pop();
        continue;
      }
      if (env === 'array' || env === 'subarray') {
        const spec = /^\{([^{}]*)\}/.exec(after(i))?.[1] ?? '';
        if (/[^lcr|\s]/.test(spec)) return `the columns of \\begin{${env}}{${spec}} may be l, c, r and | in LaTeX (KaTeX's dashed : is not there)`;
      }
      stack.push({ mode: 'math', rows: { name: env, columns: 1 }, environment: true });
      continue;
    }
    if (DEFINITIONS.has(name)) return `${name} defines a macro, which a spec's math may not (the HTML forgets it after the formula, the .tex would keep it); write the formula out`;
    if (LINKS.has(name)) return `${name} makes a link, which a printed sheet cannot follow (and the .tex export has no hyperref); write the address as text`;
    const command = LATEX_COMMANDS.get(name);
    if (command === undefined) return notCompiled(name, 'a LaTeX command');
    const mode = top.mode;
    if (mode === 'math' && command.math === undefined) return `${name} is for text in LaTeX, not math (KaTeX accepts it in both); use it inside \\text{…}`;
    if (mode === 'text' && command.text === undefined) return `${name} is for math in LaTeX, not text (KaTeX accepts it in both); use it outside \\text{…}`;
    if (command.rows) {
      if (!top.rows || mode !== 'math') return `${name} ends a row only in an environment's rows in LaTeX (aligned, cases, pmatrix …), not elsewhere; write two formulas, or use an environment`;
      top.rows.columns = 1;
    }
    const problem = argumentProblem(name, after(i));
    if (problem !== undefined) return problem;
    pending = name === '\\substack' ? ['rows'] : argumentModes(command);
  }
  return undefined;
}

/** The modes of a command's braced arguments, up to its last text one. */
function argumentModes(command: LatexCommand): Pending[] {
  const text = command.textArgs ?? [];
  if (text.length === 0) return [];
  return Array.from({ length: Math.max(...text) + 1 }, (_, i) => (text.includes(i) ? 'text' : 'same'));
}

/**
 * Where TeX reads a command's argument more strictly than KaTeX (found by compiling every use of
 * every command KaTeX sets: scripts/latex-commands.mjs --all-uses).
 */
function argumentProblem(name: string, rest: string): string | undefined {
  if (['\\kern', '\\mkern', '\\hskip', '\\mskip'].includes(name) && rest.startsWith('{')) {
    return `${name} takes its length without braces in TeX (${name}${name === '\\mkern' || name === '\\mskip' ? '3mu' : '1em'}), and stops on ${name}{…}`;
  }
  if (['\\hbox', '\\vcenter', '\\mathchoice'].includes(name) && !rest.startsWith('{')) return `${name} needs its argument in braces in TeX: ${name}{…}`;
  if (name === '\\cfrac' && rest.startsWith('[')) return '\\cfrac[…] is not KaTeX\'s (it sets the [ as the numerator); write \\cfrac{…}{…}';
  if (name === '\\mathbb' || name === '\\mathcal') {
    const argument = rest.startsWith('{') ? /^\{([^{}]*)\}/.exec(rest)?.[1] : rest.slice(0, 1);
    if (argument === undefined || !/^[A-Z\s]*$/.test(argument)) {
      return `${name}{…} takes capital letters only in the .tex export, whose font has no others (${name}{${argument ?? rest.slice(0, 1)}} would print other glyphs or none); write ${name}{R}^{n}, not ${name}{R^n}`;
    }
  }
  return undefined;
}

function notCompiled(name: string, what: string): string {
  const instead = INSTEAD[name];
  return `${name} is not ${what} the .tex export can compile (KaTeX accepts it)${instead ? `; write ${instead}` : ''}`;
}

/** The standard LaTeX for a command that neither sets, where there is a well-known one (\Q → \mathbb{Q}). */
export function insteadOf(name: string): string | undefined {
  return INSTEAD[name];
}
