/**
 * Reading a check's inputs. The expected answer is the instructor's: a problem with it is an
 * InputError for the caller. The student's answer is data: parsed with our own parser only (text or
 * LaTeX, detected), capped at 2,000 characters and 40 levels of nesting, and allowed only the
 * exercise's variables and functions. A name that is not a variable but splits into variables is
 * read as their product (`uw` → u·w when u and w are variables) and the reading is reported.
 */
import type { Expr } from '../expr/types.js';
import { call, constant, deriv, mul, sym } from '../expr/build.js';
import { children, freeSymbols, mapBottomUp, substitute } from '../expr/traverse.js';
import { differentiate } from '../calculus/differentiate.js';
import { jacobian } from '../calculus/jacobian.js';
import { lookupOp, isAbstractFunctionName } from '../ops/registry.js';
import { normalizeName } from '../parse/parse.js';
import { parseMath } from '../parse/latex.js';
import { preprocess, userColumn } from '../parse/preprocess.js';
import { InputError, ParseError } from '../errors.js';
import { MAX_ORDER, type Signature } from './functions.js';
import { shapeOf } from './shape.js';
import { functionUnicode, symbolUnicode } from './notation.js';
import type { CheckOptions, MistakeId } from './types.js';
import type { Orientation } from './orientation.js';

export const ANSWER_MAX_LENGTH = 2_000;
export const ANSWER_MAX_DEPTH = 40;

export interface Problem {
  /** The function whose derivative is expected (with `wrt`). */
  readonly fn?: Expr;
  readonly wrt: readonly string[];
  /** The expected answer, with definitions written out. */
  readonly expected: Expr;
  /** Every variable an answer may mention. */
  readonly variables: ReadonlySet<string>;
  /** Abstract functions (σ, f, …) and their numbers of arguments. */
  readonly signature: Signature;
  readonly definitions: ReadonlyMap<string, Expr>;
  /** Names the parser reads as abstract functions. */
  readonly functionNames: readonly string[];
  /** Function names that stand for another function (sigma → relu where σ is ReLU). */
  readonly aliases: ReadonlyMap<string, string>;
  /** What to report when an answer uses a name the exercise gives (yhat → "read ŷ as the network's output"). */
  readonly readings: ReadonlyMap<string, string>;
  /** The name of `fn` in feedback (ŷ, f_MSE), as the exercise writes it; f when absent. */
  readonly fnName?: string;
  /** What the answer's rows and columns are, for a transposed answer's feedback (./orientation.ts); a Jacobian's when absent and `wrt` has several variables. */
  readonly orientation?: Orientation;
  /** For a gradient step, the parameters before it (the expected answer is p − ε·g): "moved along the gradient". */
  readonly descentFrom?: Expr;
  /** Wrong answers the exercise anticipates, with their messages (tried before the generic variants). */
  readonly anticipated?: readonly { readonly id: MistakeId; readonly expr: Expr; readonly message: string }[];
}

/** What reading an answer needs from a problem: no expected answer (the interactive sheet has none). */
export type AnswerContext = Pick<Problem, 'variables' | 'signature' | 'definitions' | 'functionNames' | 'aliases' | 'readings'>;

export interface Answer {
  /** As read, after splitting names (what "interpreted as" shows). */
  readonly shown: Expr;
  /** With definitions written out (what is compared). */
  readonly value: Expr;
  readonly syntax?: 'text' | 'latex';
  readonly notes: readonly string[];
}

const isTranspose = (fn: string): boolean => fn === 'transpose';

/** An abstract function the exercise does not have (or with the wrong number of arguments). */
class UnknownFunction extends InputError {
  constructor(
    readonly fn: string,
    message: string,
  ) {
    super(message);
  }
}

/** How errors name the inputs: the library says "expected", the CLI "--expected". */
export interface InputLabels {
  readonly expected: string;
  readonly definition: (name: string) => string;
}

const LIBRARY_LABELS: InputLabels = { expected: 'expected', definition: (name) => `definition of ${name}` };

export function readProblem(expected: string | Expr, options: CheckOptions, labels: InputLabels = LIBRARY_LABELS): Problem {
  const functionNames = [...(options.functions ?? [])];
  const read = (s: string | Expr, what: string): Expr => (typeof s === 'string' ? inArg(what, () => parseMath(s, { functions: functionNames }).expr) : s);
  const symbols = options.names?.symbols ?? {};
  const given = { ...options.definitions, ...Object.fromEntries(Object.entries(symbols).map(([name, s]) => [name, s.value])) };
  const definitions = readDefinitions(given, (s, name) => read(s, labels.definition(name)), labels.definition);
  const readings = new Map(Object.entries(symbols).map(([name, s]) => [normalizeName(name), s.note]));
  const aliases = new Map(Object.entries(options.names?.functions ?? {}));
  const written = expandDefinitions(read(expected, labels.expected), definitions);
  const wrt = (typeof options.wrt === 'string' ? [options.wrt] : [...(options.wrt ?? [])]).map(normalizeName);
  for (const w of wrt) if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(w)) throw new InputError(`--wrt: '${w}' is not a variable name`);
  const fn = wrt.length > 0 ? written : undefined;
  const value = inArg(labels.expected, () => (wrt.length === 0 ? written : wrt.length === 1 ? differentiate(written, wrt[0]) : jacobian(written, wrt)));
  if (containsDiff(value)) throw new InputError(`${labels.expected}: a pending derivative ∂/∂x[…] cannot be an answer`);
  inArg(labels.expected, () => shapeOf(value));
  const variables = new Set([...freeSymbols(value), ...(fn ? freeSymbols(fn) : []), ...wrt, ...definitions.keys()]);
  for (const d of definitions.values()) for (const v of freeSymbols(d)) variables.add(v);
  const signature = new Map<string, number>();
  for (const e of fn ? [value, fn] : [value]) inArg(labels.expected, () => collectSignature(e, signature, 'expected'));
  return { fn, wrt, expected: value, variables, signature, definitions, functionNames, aliases, readings };
}

export function readAnswer(answer: string | Expr, problem: AnswerContext, options: CheckOptions): Answer {
  let parsed: Expr;
  let syntax: 'text' | 'latex' | undefined;
  // Where the LaTeX reader saw each name (the text syntax is searched instead).
  const positions = new Map<string, number>();
  if (typeof answer === 'string') {
    const limits = { maxLength: options.maxLength ?? ANSWER_MAX_LENGTH, maxDepth: options.maxDepth ?? ANSWER_MAX_DEPTH };
    // A sentence's full stop ("… x1.") is not part of the answer.
    const text = answer.replace(/(?<=\S)\.\s*$/, '');
    // An '=' that is not part of a comparison (z >= 0, z <= 0 in cases).
    const eq = text.search(/(?<![<>=!])=(?!=)/);
    if (eq >= 0 && eq < limits.maxLength) {
      const lhs = text.slice(0, eq).trim();
      throw new ParseError(eq + 1, `write only the expression after '='${lhs && lhs.length <= 40 ? ` (your answer, without ${lhs} =)` : ''}`);
    }
    // A name that is a variable, or splits into variables, is read as a product before '(' (uw(x + 1)).
    const isVariable = (name: string): boolean => problem.variables.has(name) || splitName(name, problem.variables) !== undefined;
    const r = parseMath(text, { functions: [...problem.functionNames, ...problem.signature.keys()], isVariable, limits, positions });
    parsed = r.expr;
    syntax = r.syntax;
  } else parsed = answer;
  if (containsDiff(parsed)) throw new InputError('a pending derivative ∂/∂x[…] is not an answer');
  const notes: string[] = [];
  const source = typeof answer === 'string' ? answer : '';
  const bindings = new Map<string, Expr>();
  for (const name of freeSymbols(parsed)) {
    const reading = problem.readings.get(name);
    if (reading !== undefined) notes.push(reading);
    if (problem.variables.has(name)) continue;
    const pieces = splitName(name, problem.variables);
    if (pieces) {
      bindings.set(name, mul(...pieces.map((p) => (p === 'pi' ? constant('pi') : sym(p)))));
      notes.push(`read ${name} as ${pieces.join('·')}`);
      continue;
    }
    const isFunctionName = lookupOp(name) !== undefined || problem.signature.has(name) || isAbstractFunctionName(name);
    throw positioned(source, name, unknownName(name, problem), isFunctionName ? 'bare' : 'symbol', positions);
  }
  const split = bindings.size > 0 ? substitute(parsed, bindings) : parsed;
  const shown = problem.aliases.size > 0 ? renameFunctions(split, problem.aliases, notes) : split;
  const signature = new Map(problem.signature);
  try {
    collectSignature(shown, signature, 'answer');
  } catch (e) {
    const fn = e instanceof UnknownFunction ? e.fn : undefined;
    throw fn !== undefined && e instanceof InputError ? positioned(source, fn, e.message, 'call', positions) : e;
  }
  return { shown, value: expandDefinitions(shown, problem.definitions), syntax, notes };
}

/** Calls of an aliased function (σ where the exercise says σ is ReLU) as calls of the function it stands for. */
function renameFunctions(e: Expr, aliases: ReadonlyMap<string, string>, notes: string[]): Expr {
  const used = new Set<string>();
  const out = mapBottomUp(e, (n) => {
    const target = (n.kind === 'call' || n.kind === 'deriv') && !lookupOp(n.fn) ? aliases.get(n.fn) : undefined;
    if (target === undefined || (n.kind !== 'call' && n.kind !== 'deriv')) return n;
    used.add(n.fn);
    return n.kind === 'call' ? call(target, n.args) : deriv(target, n.orders, n.args);
  });
  for (const fn of used) notes.push(`read ${functionUnicode(fn)} as ${functionUnicode(aliases.get(fn) as string)}`);
  return out;
}

const CASE_WORDS = new Set(['if', 'else', 'otherwise', 'for', 'when', 'elif', 'then']);

function unknownName(name: string, problem: AnswerContext): string {
  if (lookupOp(name) || problem.signature.has(name) || isAbstractFunctionName(name)) {
    return `${name} is a function: write it with its argument in parentheses, as in ${name}(z)`;
  }
  // Words of cases written in prose: say how cases are written instead.
  if (CASE_WORDS.has(name)) return `'${name}': write cases as w5*x1 if z > 0 else 0, as w5*x1*(z > 0), or in LaTeX as \\begin{cases} w_5 x_1 & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}`;
  // Names the prompt gives (ŷ) are not listed: they stand for a value, and are read as it.
  const vars = naturalSort([...problem.variables].filter((v) => !problem.readings.has(v)));
  const list = vars.length === 0 ? 'no variables' : `the variables ${vars.slice(0, 12).join(', ')}${vars.length > 12 ? ', …' : ''}`;
  // z₁, h₂, a⁽¹⁾₁, δ₁: a pre-activation, hidden value or error the student named; the exercise did not.
  const abbreviation = /^(?:z|h|a|delta)\d/.test(name);
  const hint = abbreviation ? `; ${symbolUnicode(name)} is not defined in this exercise: write out what it stands for` : '';
  return `unknown variable ${name}; this exercise uses ${list}${hint}`;
}

/**
 * The column of a name in the source, for the error message: where the LaTeX reader saw it, else
 * searched: as written in text (q1), as LaTeX writes it (q_1, q_{1}, \hat{q}, \alpha), in the
 * lecture's Unicode (σ, w₁), else where its letters first start a word. `call`:
 * the name is used as a function (followed by a parenthesis) or, for a function name written
 * without one, not.
 */
function positioned(source: string, name: string, message: string, use: 'symbol' | 'call' | 'bare', positions: ReadonlyMap<string, number>): InputError {
  const known = positions.get(name);
  if (known !== undefined) return new ParseError(known, message);
  const m = /^([A-Za-z]+?)(hat)?(\d*)$/.exec(name);
  // W1_2_1 (written W^{(1)}_{2,1}) falls back to its leading letters.
  const [base, hat, digits] = m ? [m[1], m[2] ?? '', m[3]] : [/^[A-Za-z]+/.exec(name)?.[0] ?? name, '', ''];
  const after = use === 'call' ? String.raw`(?=\s*(?:\\left)?\s*\(|')` : use === 'bare' ? String.raw`(?![A-Za-z0-9_]|\s*\(|\s*'+\s*\()` : '';
  const search = (text: string, forms: readonly string[]): number | undefined => {
    for (const tail of [after, '']) {
      for (const form of forms) {
        const found = new RegExp(String.raw`(?<![A-Za-z_$])${form}${tail}`).exec(text);
        if (found) return found.index;
      }
    }
    return undefined;
  };
  // The text syntax, as the parser saw it after turning σ, ŷ, w₁ into ASCII: names are literal there.
  try {
    const mapped = preprocess(source);
    const i = search(mapped.text, [name, digits ? `${base}${hat}_${digits}` : name, `${base}${hat}`]);
    if (i !== undefined) return new ParseError(userColumn(mapped, i + 1), message);
  } catch {
    // Not the text syntax: search the source itself.
  }
  const forms = [String.raw`\\${name}`, name, escapeRegExp(symbolUnicode(name)), base, escapeRegExp(symbolUnicode(base + hat))];
  const i = search(source, forms);
  return i === undefined ? new InputError(message) : new ParseError(i + 1, message);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `uw` → [u, w]: the split into variable names with the fewest pieces (undefined if none). */
export function splitName(name: string, variables: ReadonlySet<string>): string[] | undefined {
  const pieces = [...variables, 'pi'].filter((v) => v.length > 0 && v.length < name.length);
  const best: (string[] | undefined)[] = [[]];
  for (let i = 1; i <= name.length; i++) {
    for (const p of pieces) {
      const prev = best[i - p.length];
      if (i >= p.length && prev && name.slice(i - p.length, i) === p && (!best[i] || prev.length + 1 < best[i]!.length)) {
        best[i] = [...prev, p];
      }
    }
  }
  return best[name.length];
}

function collectSignature(e: Expr, signature: Map<string, number>, what: 'expected' | 'answer'): void {
  const go = (n: Expr): void => {
    if ((n.kind === 'call' || n.kind === 'deriv') && !lookupOp(n.fn) && !isTranspose(n.fn)) {
      const known = signature.get(n.fn);
      if (known === undefined && what === 'answer') {
        const names = [...signature.keys()].map(functionUnicode);
        throw new UnknownFunction(n.fn, `unknown function ${n.fn}; ${names.length ? `this exercise uses ${names.join(', ')}` : 'this exercise uses no abstract function (σ, f, …)'}`);
      }
      if (known !== undefined && known !== n.args.length) {
        throw new UnknownFunction(n.fn, `${functionUnicode(n.fn)} takes ${known} argument${known === 1 ? '' : 's'}, not ${n.args.length}`);
      }
      signature.set(n.fn, n.args.length);
    }
    if (n.kind === 'deriv' && n.orders.reduce((a, b) => a + b, 0) > MAX_ORDER) {
      throw new InputError(`derivatives of order above ${MAX_ORDER} cannot be checked`);
    }
    for (const c of children(n)) go(c);
  };
  go(e);
}

function readDefinitions(
  defs: Readonly<Record<string, Expr | string>>,
  read: (s: string | Expr, name: string) => Expr,
  labels: (name: string) => string,
): Map<string, Expr> {
  const out = new Map<string, Expr>();
  for (const [raw, value] of Object.entries(defs)) {
    const name = normalizeName(raw);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new InputError(`${labels(raw)}: '${raw}' is not a variable name`);
    out.set(name, read(value, name));
  }
  // Definitions may use earlier ones (z2 = w5*h1 + …, h1 = sigma(z1)): write them out, refusing cycles.
  const expanded = new Map<string, Expr>();
  const visit = (name: string, path: readonly string[]): Expr => {
    const done = expanded.get(name);
    if (done) return done;
    if (path.includes(name)) throw new InputError(`definitions refer to each other in a cycle: ${[...path, name].join(' → ')}`);
    const e = out.get(name) as Expr;
    const inner = new Map(freeSymbols(e).filter((v) => out.has(v)).map((v) => [v, visit(v, [...path, name])] as const));
    const r = inner.size ? substitute(e, inner) : e;
    expanded.set(name, r);
    return r;
  };
  for (const name of out.keys()) visit(name, []);
  return expanded;
}

function expandDefinitions(e: Expr, defs: ReadonlyMap<string, Expr>): Expr {
  return defs.size > 0 && freeSymbols(e).some((v) => defs.has(v)) ? substitute(e, defs) : e;
}

function containsDiff(e: Expr): boolean {
  return e.kind === 'diff' || children(e).some(containsDiff);
}

function inArg<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${what}: ${e.message}`);
    throw e;
  }
}

/** w2 before w10. (String.localeCompare with {numeric: true} builds a collator per call: 0.7 ms for 9 names.) */
export function naturalSort(names: readonly string[]): string[] {
  const key = (s: string): (string | number)[] => s.split(/(\d+)/).map((p, i) => (i % 2 === 1 ? Number(p) : p));
  const keyed = names.map((n) => [key(n), n] as const);
  keyed.sort(([a], [b]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return typeof a[i] === 'number' && typeof b[i] === 'number' ? (a[i] as number) - (b[i] as number) : String(a[i]) < String(b[i]) ? -1 : 1;
    }
    return a.length - b.length;
  });
  return keyed.map(([, n]) => n);
}
