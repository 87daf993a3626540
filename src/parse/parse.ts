/**
 * Text → Expr. mathjs's parser reads the (pre-processed) text, with each number literal replaced by
 * a stand-in (./literals.ts: mathjs would read it as a double); this module walks its tree through
 * an allow-list and builds our immutable expressions, reading the literals exactly. Nothing of mathjs is ever evaluated, so
 * `import(...)`, assignments or function definitions in the input are only ever errors.
 */
import { mathjs } from '../mathjs.js';
import type { Expr } from '../expr/types.js';
import { add, call, constant, deriv, inv, matrix, mul, neg, num, pow, sym, vector } from '../expr/build.js';
import { isAbstractFunctionName, isKnownOp, lookupOp } from '../ops/registry.js';
import { ParseError } from '../errors.js';
import { DEFAULT_LIMITS, describeChar, preprocess, userColumn, type Limits, type Mapped } from './preprocess.js';
import { isZero, ratFromNumber } from '../rational.js';
import { literalValue, standInIndex, standIns, type Literal, type StandIns } from './literals.js';
import { unknownFunction, type KnownNames } from './unknown-function.js';
import { indicator } from './piecewise.js';
import { isComparison, readCases, readChain, readChoice, readCondition, type NodeReader } from './text-cases.js';
import { CASES_FN, proseCases } from './prose-cases.js';

export interface ParseOptions {
  /** Extra names to read as abstract functions when followed by `(` (σ, φ, ψ, f and g always are). */
  readonly functions?: readonly string[];
  /**
   * Names of two or more letters to read as a variable times a parenthesis when followed by `(`,
   * as `uw(x + 1)` where u and w are variables; other such names that are no function are errors
   * (./unknown-function.ts).
   */
  readonly isVariable?: (name: string) => boolean;
  /** Input length and nesting limits. */
  readonly limits?: Partial<Limits>;
}

/** The part of a mathjs node this module reads (a structural view of mathjs's node classes). */
export interface MNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: MNode | string;
  readonly op?: string;
  readonly args?: readonly MNode[];
  readonly items?: readonly MNode[];
  readonly content?: MNode;
}

/** Function-name aliases accepted on input. */
const ALIASES: Record<string, string> = { ln: 'log', ReLU: 'relu', Relu: 'relu', ReLu: 'relu', id: 'identity', logistic: 'sigmoid' };

export function parse(source: string, options: ParseOptions = {}): Expr {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Cases in words (w5*x1 if z > 0 else 0) become a call of $cases, read by readCases.
  const mapped = proseCases(preprocess(source, limits));
  // mathjs reads number literals as doubles: it sees stand-ins, and the converter reads the literals.
  const read = standIns(mapped);
  let tree: MNode;
  try {
    tree = mathjs.parse(read.text) as unknown as MNode;
  } catch (e) {
    throw syntaxError(e, mapped, read);
  }
  const known = { functions: options.functions ?? [], aliases: Object.keys(ALIASES), isVariable: options.isVariable };
  return new Converter(mapped, read.literals, known, limits.maxDepth * TREE_DEPTH_PER_BRACKET).expr(tree);
}

/**
 * Operator nesting allowed per level of bracket nesting. Brackets are limited before mathjs runs,
 * but `x^x^x^…` and `- - - x` nest without brackets: at ≈ 2,000 levels the converter (and later
 * the differentiator) overflowed the stack. 100 brackets give at most ≈ 200 tree levels, so 4 per
 * bracket (400) rejects no input the bracket limit accepts in practice.
 */
const TREE_DEPTH_PER_BRACKET = 4;

/**
 * mathjs's SyntaxError (message "... (char N)", N in the text with stand-ins `read`) → a positioned,
 * plain-language ParseError about the preprocessed text `m`.
 */
function syntaxError(e: unknown, m: Mapped, read: StandIns): ParseError {
  // mathjs's parser is recursive: a long chain of unary minus signs or powers overflows it.
  if (e instanceof RangeError) return new ParseError(1, 'the expression is nested too deeply');
  const message = e instanceof Error ? e.message : String(e);
  const at = /\(char (\d+)\)/.exec(message);
  const readColumn = at ? Number(at[1]) : 1;
  const textColumn = readColumn - 1 < read.pre.length ? read.pre[readColumn - 1] + 1 : m.text.length + readColumn - read.text.length;
  const column = userColumn(m, textColumn);
  const ch = m.text[textColumn - 1];
  // 'Unexpected part ".15"' quotes the text with stand-ins: quote the user's literals instead.
  const reason = message
    .replace(/\s*\(char \d+\)\s*$/, '')
    .replace(/^((?:Unexpected|Syntax error in) part )"(.*)"$/s, (_, what: string, part: string) => {
      const end = readColumn - 1 + part.length;
      return `${what}"${m.text.slice(textColumn - 1, end < read.pre.length ? read.pre[end] : m.text.length)}"`;
    });
  if (/^Unexpected end of expression/.test(reason) || (ch === undefined && /^End of matrix \] expected/.test(reason))) {
    const open = unclosed(m.text);
    if (open !== undefined) {
      const c = m.text[open];
      return new ParseError(column, `unexpected end of input; '${c}' at column ${userColumn(m, open + 1)} is not closed`);
    }
    return new ParseError(column, 'unexpected end of input; expected a value');
  }
  if (/^Value expected/.test(reason)) {
    return new ParseError(column, ch === undefined ? 'expected a value' : `expected a value, not ${describeChar(ch)}`);
  }
  // mathjs checks row lengths itself, as "(got !== expected)", at the end of the matrix.
  const dims = /^Column dimensions mismatch \((\d+) !== (\d+)\)/.exec(reason);
  if (dims) {
    const entries = (k: string): string => `${k} entr${k === '1' ? 'y' : 'ies'}`;
    return new ParseError(column, `the rows of a matrix must be equally long: a row has ${entries(dims[1])} but the first has ${entries(dims[2])}`);
  }
  if (/^End of matrix \] expected/.test(reason)) {
    // A space between entries ([2 1; 0 π], as in MATLAB) is not a separator here.
    return new ParseError(column, `expected ',' between the entries of a row, ';' between rows, or ']', as in [a, b; c, d], not ${describeChar(ch ?? ' ')}`);
  }
  const op = /^Unexpected operator (.+)$/.exec(reason);
  if (op) return new ParseError(column, `unexpected '${op[1]}'`);
  const closing = /^Parenthesis (.) expected/.exec(reason);
  if (closing) {
    // (1, 1, −1, …): a list in parentheses, as the LaTeX reader says.
    const list = closing[1] === ')' && ch === ',' ? '; a list in parentheses: write a vector as [a, b]' : '';
    return new ParseError(column, `expected '${closing[1]}'${ch === undefined ? '' : `, not ${describeChar(ch)}`}${list}`);
  }
  if (/^Syntax error in part/.test(reason) && ch !== undefined) return new ParseError(column, `unexpected ${describeChar(ch)}`);
  return new ParseError(column, reason.charAt(0).toLowerCase() + reason.slice(1));
}

/** Index of the innermost bracket left open at the end of the text, if any. */
function unclosed(text: string): number | undefined {
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '[') stack.push(i);
    else if (text[i] === ')' || text[i] === ']') stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : undefined;
}

const OPERATOR_NAMES: Record<string, string> = {
  mod: "'mod' (remainder)", factorial: "'!' (factorial)", equal: "'=='", unequal: "'!='", smaller: "'<'",
  larger: "'>'", smallerEq: "'<='", largerEq: "'>='", and: "'and'", or: "'or'", xor: "'xor'", not: "'not'",
  bitAnd: "'&'", bitOr: "'|'", bitXor: "'^|'", bitNot: "'~'", leftShift: "'<<'", rightArithShift: "'>>'",
  rightLogShift: "'>>>'", to: "'to'", in: "'in'", dotPow: "'.^'", dotDivide: "'./'", dotMultiply: "'.*'",
  nullish: "'??'",
};

class Converter implements NodeReader {
  private depth = 0;

  constructor(
    private readonly m: Mapped,
    private readonly literals: readonly Literal[],
    private readonly known: KnownNames,
    private readonly maxTreeDepth: number,
  ) {}

  /** The user's column of the first occurrence of `token` in the rewritten text. */
  private at(token: string): number {
    const i = this.m.text.indexOf(token);
    return i < 0 ? 1 : userColumn(this.m, i + 1);
  }

  /** The user's column of the name `base` called as `base(` or `base (`. */
  private callAt(base: string): number {
    const found = new RegExp(`(?<![A-Za-z0-9_$])${base}\\s*\\(`).exec(this.m.text);
    return found ? userColumn(this.m, found.index + 1) : this.at(base);
  }

  fail(token: string, reason: string): never {
    throw new ParseError(this.at(token), reason);
  }

  expr(n: MNode): Expr {
    if (++this.depth > this.maxTreeDepth) {
      throw new ParseError(1, `the expression is nested too deeply (more than ${this.maxTreeDepth} levels of operations)`);
    }
    try {
      return this.node(n);
    } finally {
      this.depth--;
    }
  }

  private node(n: MNode): Expr {
    switch (n.type) {
      case 'ConstantNode':
        return this.constant(n);
      case 'SymbolNode':
        return this.symbol(n.name ?? '');
      case 'ParenthesisNode':
        return this.expr(n.content as MNode);
      case 'OperatorNode':
        return this.operator(n);
      case 'FunctionNode':
        return this.call(n);
      case 'ArrayNode':
        return this.array(n);
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        return this.fail('=', "unexpected '='; write only the expression (an answer, not an equation)");
      case 'ConditionalNode':
        return readChoice(this, n);
      case 'RelationalNode':
        return readChain(this, n);
      case 'AccessorNode': {
        // x1 [z > 0]: a value times a condition in brackets (the Iverson bracket), which mathjs reads as indexing.
        const a = n as MNode & { readonly object?: MNode; readonly index?: MNode & { readonly dimensions?: readonly MNode[] } };
        const dims = a.index?.dimensions ?? [];
        if (a.object && dims.length === 1 && isComparison(dims[0])) return mul(this.expr(a.object), this.expr(dims[0]));
        return this.fail('[', 'indexing such as x[1] is not supported; write x1');
      }
      case 'IndexNode':
        return this.fail('[', 'indexing such as x[1] is not supported; write x1');
      case 'RangeNode':
        return this.fail(':', "unexpected ':'");
      case 'ObjectNode':
        return this.fail('{', "unexpected '{'");
      case 'BlockNode':
        return this.fail(';', "unexpected ';' outside brackets; a matrix is written [a, b; c, d]");
      default:
        throw new ParseError(1, `unsupported construct (${n.type})`);
    }
  }

  private constant(n: MNode): Expr {
    const v = n.value;
    if (typeof v === 'number') {
      // mathjs reads the names NaN and Infinity as constants: point at the one in the text (the
      // message used to say "infinite" at column 1 for `x + NaN`).
      if (Number.isNaN(v)) return this.fail('NaN', "'NaN' is not allowed");
      if (!Number.isFinite(v)) return this.fail('Infinity', 'infinite numbers are not allowed');
      // A number literal, read exactly from its text (./literals.ts).
      const k = standInIndex(v);
      const literal = k === undefined ? undefined : this.literals[k];
      if (literal) return num(literalValue(literal.text, userColumn(this.m, literal.pre + 1)));
      // The numbers mathjs makes up itself: the 100 of 50% (read as 50/100), a range's start 1.
      if (Number.isInteger(v)) return num(ratFromNumber(v));
      throw new Error(`the number ${v} in mathjs's tree is not a literal of the text`);
    }
    if (typeof v === 'string') {
      // mathjs reads 'abc' (and '' from a stray ″) as a string literal: not a number, and
      // ratFromDecimal threw a RangeError on it, which the CLI reported as an internal error.
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return num(literalValue(v, this.at("'")));
      return this.fail("'", "quotes are not part of an expression; write a derivative as f'(x), a transpose as W'");
    }
    if (v === undefined) throw new ParseError(1, 'empty expression; expected a formula such as w5*sigma(z)');
    return this.fail(String(v), `unexpected '${String(v)}'`);
  }

  private symbol(raw: string): Expr {
    if (raw === 'pi') return constant('pi');
    if (raw === 'e') return constant('e');
    if (raw === 'Infinity' || raw === 'NaN') return this.fail(raw, `'${raw}' is not allowed`);
    if (raw.includes('$')) return this.fail(raw.split('$')[0], 'a derivative mark needs arguments, as in f\'(x)');
    return sym(normalizeName(raw));
  }

  private operator(n: MNode): Expr {
    // a + b − c + … and a·b/c·… are converted as one chain each: mathjs nests them left-deep, and
    // converting that recursively overflowed the stack at ≈ 2,000 terms (a 4 KB input) and
    // re-flattened the sum at every level. The constructors flatten either way to the same node.
    if (n.fn === 'add' || n.fn === 'subtract') return add(...this.chain(n, SUM_CHAIN));
    if (n.fn === 'multiply' || n.fn === 'divide') return mul(...this.chain(n, PRODUCT_CHAIN));
    const args = (n.args ?? []).map((a) => this.expr(a));
    switch (n.fn) {
      case 'pow':
        // W^T is the transpose, as in the lecture's notation (T is never a variable there).
        if (isTransposeMark(n.args?.[1]) && !isScalarConstant(n.args?.[0])) return call('transpose', [args[0]]);
        return pow(args[0], args[1]);
      case 'transpose':
      case 'ctranspose':
        // W' and Wᵀ (a derivative mark f'(x) never reaches here: preprocess rewrote it).
        return call('transpose', [args[0]]);
      case 'unaryMinus':
        return neg(args[0]);
      case 'unaryPlus':
        return args[0];
      case 'larger':
      case 'largerEq':
      case 'smaller':
      case 'smallerEq':
        // (z > 0) is 1 where it holds and 0 elsewhere: w5*x1*(z > 0) is ReLU's case.
        return indicator(readCondition(this, n));
      default: {
        const what = OPERATOR_NAMES[String(n.fn)] ?? `'${n.op ?? String(n.fn)}'`;
        return this.fail(n.op ?? '', `${what} is not supported`);
      }
    }
  }

  /** The operands of a left-deep chain of binary operators, leftmost first, walked without recursion. */
  private chain(n: MNode, ops: Readonly<Record<string, (e: Expr) => Expr>>): Expr[] {
    const right: [(e: Expr) => Expr, MNode][] = [];
    let left = n;
    while (left.type === 'OperatorNode' && Object.hasOwn(ops, String(left.fn)) && left.args?.length === 2) {
      right.push([ops[String(left.fn)], left.args[1]]);
      left = left.args[0];
    }
    const out = [this.expr(left)];
    for (let i = right.length - 1; i >= 0; i--) {
      const operand = this.expr(right[i][1]);
      // x/0 (and 0/0, which the product would fold to 0) has no value.
      if (right[i][0] === inv && operand.kind === 'num' && isZero(operand.value)) this.fail('/', 'division by zero');
      out.push(right[i][0](operand));
    }
    return out;
  }

  private call(n: MNode): Expr {
    const f = n.fn;
    if (typeof f !== 'object' || f.type !== 'SymbolNode' || f.name === undefined) {
      return this.fail('(', 'only named functions can be called, as in sigma(z)');
    }
    if (f.name === CASES_FN) return readCases(this, n);
    const rawArgs = n.args ?? [];
    const [base, mark] = f.name.split('$');
    const name = ALIASES[base] ?? base;
    if (mark !== undefined) return this.derivativeCall(base, name, mark, rawArgs);
    const args = rawArgs.map((a) => this.expr(a));
    if (name === 'max' || name === 'min') return this.maxCall(base, name, args);
    if (name === 'pow') {
      this.checkArity(base, name, [2], args.length);
      return pow(args[0], args[1]);
    }
    // transpose(W) is how W', W^T and Wᵀ print, so it must read back as the same call.
    if (name === 'transpose') {
      this.checkArity(base, name, [1], args.length);
      return call('transpose', args);
    }
    const op = lookupOp(name);
    if (op) {
      this.checkArity(base, name, op.arity, args.length);
      return call(name, args);
    }
    if (isAbstractFunctionName(name, this.known.functions)) {
      if (args.length === 0) return this.fail(base + '(', `${name}() needs an argument`);
      return call(name, args);
    }
    if (args.length === 1) {
      // sigmod(z) is a typo, not sigmod·z; but `x1(w5 + 1)` is x1 times (w5 + 1).
      const unknown = unknownFunction(base, this.known);
      if (unknown !== undefined) throw new ParseError(this.callAt(base), unknown);
      return mul(sym(normalizeName(name)), args[0]);
    }
    return this.fail(base + '(', `'${base}' is not a function; known functions are the operators of \`gradsheet --help\` and σ, φ, ψ, f, g`);
  }

  private derivativeCall(raw: string, name: string, mark: string, rawArgs: readonly MNode[]): Expr {
    const args = rawArgs.map((a) => this.expr(a));
    const token = raw + '$' + mark;
    if (args.length === 0) return this.fail(token, `${name}' needs an argument`);
    if (name === 'max' || name === 'min' || name === 'pow' || name === 'transpose') return this.fail(token, `write the derivative of ${name} out in full`);
    const op = lookupOp(name);
    if (op) this.checkArity(token, name, op.arity, args.length);
    if (mark.startsWith('P')) {
      if (args.length !== 1) {
        return this.fail(token, `${name}' marks the derivative of a function of one argument; for ${name}(${args.map((_, i) => `x${i + 1}`).join(', ')}) write D[1](${name})(…)`);
      }
      return deriv(name, [Number(mark.slice(1))], args);
    }
    const orders = args.map(() => 0);
    for (const s of mark.slice(1).split('_')) {
      const i = Number(s);
      if (!(i >= 1 && i <= args.length)) return this.fail(token, `D[${mark.slice(1).replace(/_/g, ',')}]: ${name} has ${args.length} argument${args.length === 1 ? '' : 's'}, so indices run from 1 to ${args.length}`);
      orders[i - 1]++;
    }
    return deriv(name, orders, args);
  }

  /** max(0, z) and max(z, 0) are relu(z); other uses of max and min are not differentiable here. */
  private maxCall(raw: string, name: string, args: readonly Expr[]): Expr {
    const zero = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;
    if (name === 'max' && args.length === 2 && (zero(args[0]) || zero(args[1]))) return call('relu', [zero(args[0]) ? args[1] : args[0]]);
    return this.fail(raw + '(', `${name} is supported only as max(0, z), which is relu(z)`);
  }

  private checkArity(token: string, name: string, arity: readonly number[], got: number): void {
    if (!arity.includes(got)) {
      const want = arity.length === 1 ? `${arity[0]}` : `${arity.slice(0, -1).join(', ')} or ${arity[arity.length - 1]}`;
      this.fail(token, `${name} takes ${want} argument${arity.length === 1 && arity[0] === 1 ? '' : 's'}, not ${got}`);
    }
  }

  private array(n: MNode): Expr {
    const items = n.items ?? [];
    if (items.length === 0) return this.fail('[', 'empty brackets; a vector is written [a, b]');
    // [z > 0]: the Iverson bracket, 1 where the condition holds, not a vector of one entry.
    if (items.length === 1 && isComparison(items[0])) return this.expr(items[0]);
    if (items.every((i) => i.type === 'ArrayNode')) {
      const rows = items.map((r) => (r.items ?? []).map((e) => {
        if (e.type === 'ArrayNode') return this.fail('[', 'matrices nest only one level: write [a, b; c, d]');
        return this.expr(e);
      }));
      const cols = rows[0].length;
      const bad = rows.findIndex((r) => r.length !== cols);
      if (bad >= 0) return this.fail('[', `row ${bad + 1} has ${rows[bad].length} entries but row 1 has ${cols}`);
      return matrix(rows.length, cols, rows.flat());
    }
    if (items.some((i) => i.type === 'ArrayNode')) return this.fail('[', 'mixed scalars and rows in brackets');
    return vector(items.map((i) => this.expr(i)));
  }
}

/** The `T` of `W^T`. */
function isTransposeMark(n: MNode | undefined): boolean {
  return n !== undefined && n.type === 'SymbolNode' && n.name === 'T';
}

/** 2^T and e^T keep T as an exponent: transposing a number means nothing. */
function isScalarConstant(n: MNode | undefined): boolean {
  return n !== undefined && (n.type === 'ConstantNode' || (n.type === 'SymbolNode' && (n.name === 'e' || n.name === 'pi')));
}

/** How each operator of a chain contributes its right operand: a − b is a + (−b), a/b is a·b⁻¹. */
const SUM_CHAIN: Readonly<Record<string, (e: Expr) => Expr>> = { add: (e) => e, subtract: neg };
const PRODUCT_CHAIN: Readonly<Record<string, (e: Expr) => Expr>> = { multiply: (e) => e, divide: inv };

/** `w_1` → `w1`, `y_hat` → `yhat`; indexed names such as `W1_2_1` are kept. */
export function normalizeName(raw: string): string {
  // z₁ and z_{1}, as an answer writes them (--define z₁=…): z1.
  const name = raw.replace(/[₀-₉]/g, (d) => String(d.charCodeAt(0) - 0x2080)).replace(/^([A-Za-z]+)_\{(\d+)\}$/, '$1_$2');
  const m = /^([A-Za-z]+)_(\d+)$/.exec(name);
  if (m) return m[1] + m[2];
  if (name === 'y_hat' || name === 'ŷ') return 'yhat';
  return name;
}

export { isKnownOp };
