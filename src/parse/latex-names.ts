/**
 * Names and calls in the LaTeX reader: w_{1} → w1, W^{(1)}_{2,1} → W1_2_1, \hat{y}_2 → yhat2,
 * \sigma'(z) and \sigma^{\prime}(z) → σ′(z), \operatorname{ReLU}(z) → relu(z), \ln x → log(x).
 * These read through the parser's cursor (LatexReader), so the grammar stays in ./latex.ts.
 */
import type { Expr } from '../expr/types.js';
import { call, deriv, mul, neg, num, pow } from '../expr/build.js';
import { isAbstractFunctionName, lookupOp } from '../ops/registry.js';
import { ratFromDecimal } from '../rational.js';
import { layerIndexSuffix } from './preprocess.js';
import { unknownFunction } from './unknown-function.js';
import {
  ALIASES,
  describeToken,
  FONT_COMMANDS,
  FUNCTION_COMMANDS,
  GREEK,
  GREEK_VARIANTS,
  layerScript,
  primeScript,
  transposeLength,
  type Token,
} from './latex-lexer.js';

/** The parser's cursor and the grammar rules names need (implemented by ./latex.ts). */
export interface LatexReader {
  readonly toks: readonly Token[];
  i: number;
  readonly functions: readonly string[];
  /** Names read as a variable times a parenthesis (see ./unknown-function.ts). */
  readonly isVariable: ((name: string) => boolean) | undefined;
  peek(k?: number): Token;
  next(): Token;
  fail(t: Token, reason: string): never;
  isCh(t: Token, v: string): boolean;
  expectCh(v: string, open: Token): void;
  sum(): Expr;
  power(): Expr;
  exponent(): Expr;
  startsFactor(t: Token): boolean;
  /** Run `f` one nesting level deeper (the depth limit). */
  nested<T>(t: Token, f: () => T): T;
  symbol(name: string, at: Token): Expr;
  /** Remember where a name first appears (for messages about it). */
  note(name: string, at: Token): void;
}

const greekName = (t: Token): string | undefined =>
  t.t === 'cmd' && (GREEK.has(t.v) || GREEK_VARIANTS[t.v] !== undefined) ? (GREEK_VARIANTS[t.v] ?? t.v) : undefined;

/** The name inside {…} (or one token) after \hat, \mathbf, \operatorname, …. */
export function braceName(r: LatexReader, owner: Token): string {
  const t = r.peek();
  const single = t.t === 'letter' ? t.v : greekName(t);
  if (single !== undefined) {
    r.next();
    return single;
  }
  if (!r.isCh(t, '{')) r.fail(t, `expected a name in braces after ${describeToken(owner)}, as in \\hat{y}`);
  r.next();
  let name = '';
  for (let k = r.peek(); !r.isCh(k, '}'); k = r.peek()) {
    const g = greekName(k);
    if (k.t === 'letter' || k.t === 'digit') name += k.v;
    else if (g !== undefined) name += g;
    else r.fail(k, `expected a name inside ${describeToken(owner)}{…}, not ${describeToken(k)}`);
    r.next();
  }
  r.next();
  if (!/^[A-Za-z]/.test(name)) r.fail(t, `expected a name inside ${describeToken(owner)}{…}`);
  return name;
}

/** `_1`, `_{12}`, `_{2,1}`, `_{hat}`, or a Unicode subscript ₁₂: the index text. */
function subscript(r: LatexReader): string {
  const t = r.next();
  if (t.t === 'sub') return t.v;
  const a = r.peek();
  if (a.t === 'digit' || a.t === 'letter') {
    r.next();
    return a.v;
  }
  if (!r.isCh(a, '{')) r.fail(a, 'a subscript is a number or a name, as in w_{1}');
  r.next();
  let text = '';
  for (let k = r.peek(); !r.isCh(k, '}'); k = r.peek()) {
    if (k.t === 'cmd' && FONT_COMMANDS.has(k.v)) {
      r.next();
      text += braceName(r, k);
      continue;
    }
    if (!(k.t === 'digit' || k.t === 'letter' || r.isCh(k, ','))) {
      r.fail(k, `a subscript is a number or a name, as in w_{1} or W^{(1)}_{2,1}; found ${describeToken(k)}`);
    }
    text += k.v;
    r.next();
  }
  r.next();
  if (text === '' || /^,|,,|,$/.test(text)) r.fail(a, 'an empty subscript');
  return text;
}

/** A name with its scripts (w_{1}, W^{(1)}_{2,1}, \sigma'), then a call if it is a function. */
export function readNamed(r: LatexReader, base: string, start: Token, forceFunction: boolean): Expr {
  let index: string | undefined;
  let layer: string | undefined;
  let marks = 0;
  for (;;) {
    const t = r.peek();
    if (r.isCh(t, '_') || t.t === 'sub') {
      if (index !== undefined) r.fail(t, 'double subscript: write w_{12}, not w_1_2');
      index = subscript(r);
    } else if (r.isCh(t, "'")) {
      r.next();
      marks++;
    } else if (r.isCh(t, '^') && transposeLength(r.toks, r.i) === 0) {
      const [primeTokens, primes] = primeScript(r.toks, r.i);
      const [layerTokens, digits] = layerScript(r.toks, r.i);
      if (primeTokens > 0) marks += primes;
      else if (layerTokens > 0) layer = digits;
      else break;
      r.i += primeTokens || layerTokens;
    } else break;
  }
  const name = ALIASES[base] ?? base;
  const open = r.isCh(r.peek(), '(');
  const isFunction =
    forceFunction || ['transpose', 'max', 'min'].includes(name) || lookupOp(name) !== undefined || isAbstractFunctionName(name, r.functions);
  if (isFunction && index === undefined && (open || marks > 0 || layer !== undefined || forceFunction)) {
    return callOf(r, name, start, marks + (layer !== undefined ? Number(layer) : 0));
  }
  if (name === 'log' && index !== undefined && /^\d+$/.test(index)) {
    // \log_{2} x, \log_{10} x
    return call('log', [...callArguments(r, 'log'), num(ratFromDecimal(index))]);
  }
  if (marks > 0) r.fail(start, `${base}′: a prime marks the derivative of a function, as in \\sigma'(z); for a transpose write ^{\\top}`);
  if (open && start.t === 'letter' && index === undefined && layer === undefined) {
    // sigmod(z) is a typo, as in the text syntax; \alpha(x + 1) and \mathrm{lr}(g) name a symbol.
    const unknown = unknownFunction(base, { functions: r.functions, aliases: Object.keys(ALIASES), isVariable: r.isVariable });
    if (unknown !== undefined) r.fail(start, unknown);
  }
  let full = base;
  if (layer !== undefined) full += layer + (index !== undefined ? layerIndexSuffix(index) : '');
  else if (index !== undefined) full += /^\d+$/.test(index) ? index : index.includes(',') ? index.split(',').join('_') : '_' + index;
  return r.symbol(full, start);
}

function callOf(r: LatexReader, name: string, start: Token, order: number): Expr {
  r.note(name, start);
  // \sin^2 x is (sin x)²: a numeric power written before the argument.
  const power = r.isCh(r.peek(), '^') && lookupOp(name) ? r.exponent() : undefined;
  const args = callArguments(r, name);
  if (name === 'max' || name === 'min') {
    const zero = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;
    if (name === 'max' && order === 0 && args.length === 2 && (zero(args[0]) || zero(args[1]))) {
      return call('relu', [zero(args[0]) ? args[1] : args[0]]);
    }
    r.fail(start, `${name} is supported only as \\max(0, z), which is relu(z)`);
  }
  if (name === 'transpose' && (order > 0 || args.length !== 1)) r.fail(start, 'transpose takes one argument');
  const op = lookupOp(name);
  if (op && !op.arity.includes(args.length)) {
    const one = op.arity.length === 1 && op.arity[0] === 1;
    r.fail(start, `${name} takes ${op.arity.join(' or ')} argument${one ? '' : 's'}, not ${args.length}`);
  }
  if (order > 0 && args.length !== 1) r.fail(start, `${name}′ marks the derivative of a function of one argument`);
  const e = order === 0 ? call(name, args) : deriv(name, [order], args);
  return power ? pow(e, power) : e;
}

/** `(a, b)` after a function name, or the factors that follow it (\ln x, \sin 2x). */
function callArguments(r: LatexReader, name: string): Expr[] {
  const o = r.peek();
  if (r.isCh(o, '(')) {
    r.next();
    const args = [r.sum()];
    while (r.isCh(r.peek(), ',')) {
      r.next();
      args.push(r.sum());
    }
    r.expectCh(')', o);
    return args;
  }
  return r.nested(o, () => {
    // LaTeX's convention: \sin 2x is sin(2x); the argument runs to the next operator or function.
    const negative = r.isCh(o, '-');
    if (negative) r.next();
    if (!r.startsFactor(r.peek())) r.fail(r.peek(), `${name} needs an argument, as in ${name === 'sigma' ? '\\sigma' : name}(z)`);
    const factors = [r.power()];
    while (r.startsFactor(r.peek()) && !startsFunction(r.peek())) factors.push(r.power());
    const arg = mul(...factors);
    return [negative ? neg(arg) : arg];
  });
}

/** Whether a token starts a function application (which ends a bare argument: \sin x \cos x). */
function startsFunction(t: Token): boolean {
  return t.t === 'cmd' && (FUNCTION_COMMANDS.has(t.v) || t.v === 'operatorname');
}

/** The {name} after \begin or \end. */
export function envName(r: LatexReader, owner: Token): string {
  const o = r.peek();
  if (!r.isCh(o, '{')) r.fail(o, `expected {name} after ${describeToken(owner)}`);
  r.next();
  let name = '';
  for (let t = r.peek(); t.t === 'letter' || r.isCh(t, '*'); t = r.peek()) {
    name += t.v;
    r.next();
  }
  r.expectCh('}', o);
  return name;
}
