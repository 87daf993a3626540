/**
 * Shared by the Jacobian exercises (jacobian, jacobian-chain, jacobian-vs-gradient): reading a
 * function and its variables from a spec, the lecture's way of writing f([x₁ x₂]ᵀ) = [⋯], and one
 * worked step per Jacobian entry ∂fᵢ/∂xⱼ.
 */
import type { Expr, Matrix } from '../expr/types.js';
import type { WorkedStep } from './types.js';
import type { Derivation } from '../calculus/differentiate.js';
import { matrix, sym, vector } from '../expr/build.js';
import { freeSymbols } from '../expr/traverse.js';
import { toLatex } from '../print/latex.js';
import { nameLatex, nameUnicode } from '../print/names.js';
import { toText } from '../print/text.js';
import { InputError } from '../errors.js';
import { outputsOf } from '../calculus/jacobian.js';
import { definedField, parseField } from './content.js';

/** A function given in a spec, as its list of outputs; errors name the field, an output with no value anywhere too. */
export function parseOutputs(field: string, source: string): readonly Expr[] {
  const f = parseField(field, source);
  let outputs: readonly Expr[];
  try {
    outputs = outputsOf(f, field);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${field}: ${e.message}`);
    throw e;
  }
  definedField(field, asFunction(outputs));
  return outputs;
}

/** Random-only fields are errors next to a given expression: the spec would not mean what it says. */
export function rejectRandomFields(p: Readonly<Record<string, unknown>>, fields: readonly string[], given: string): void {
  const extra = fields.find((f) => p[f] !== undefined);
  if (extra) throw new InputError(`params.${extra}: only for random functions; remove it or remove params.${given}`);
}

/** x1 < x2 < x10 < y: names compared by their letters, then by their number. */
export function naturalOrder(names: readonly string[]): string[] {
  const key = (s: string): [string, number] => {
    const m = /^(.*?)(\d+)$/.exec(s);
    return m ? [m[1], Number(m[2])] : [s, -1];
  };
  return [...names].sort((a, b) => {
    const [ka, na] = key(a);
    const [kb, nb] = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : na - nb;
  });
}

/**
 * The variables from the spec (checked), or the function's own symbols in natural order. Symbols in
 * `reported` may be missing from the given variables: a later check names them better (chainRule:
 * "f mentions x1, a variable of g").
 */
export function resolveVars(field: string, given: readonly string[] | undefined, outputs: readonly Expr[], reported: readonly string[] = []): string[] {
  const used = new Set(outputs.flatMap((o) => freeSymbols(o)));
  if (given === undefined) {
    if (used.size === 0) throw new InputError(`${field}: the function has no variables; name them`);
    return naturalOrder([...used]);
  }
  if (given.length === 0) throw new InputError(`${field}: at least one variable is needed`);
  const seen = new Set<string>();
  for (const v of given) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(v)) throw new InputError(`${field}: '${v}' is not a variable name`);
    if (seen.has(v)) throw new InputError(`${field}: ${v} appears twice`);
    seen.add(v);
  }
  // A symbol of the function that is not an input would be differentiated as a constant: with
  // vars [x1, x3] for a function of x1 and x2 (a typo), the key's Jacobian had no column for x2.
  // An input the function does not use is allowed: its column is zero.
  const stray = naturalOrder([...used].filter((v) => !seen.has(v) && !reported.includes(v)));
  if (stray.length > 0) {
    throw new InputError(`${field}: the function also depends on ${stray.join(', ')}, which ${stray.length === 1 ? 'is' : 'are'} not among its variables ${given.join(', ')}`);
  }
  return [...given];
}

/** A column of expressions as the lecture writes vectors: [x₁ x₂]ᵀ as a bmatrix column. */
export function columnLatex(items: readonly Expr[]): string {
  return toLatex(matrix(items.length, 1, items));
}

export const column = (items: readonly Expr[]): Matrix => matrix(items.length, 1, items);

/** f([x₁; x₂]) = [f₁; f₂; f₃] (a single output without brackets when `bare`). */
export function definitionLatex(name: string, vars: readonly string[], outputs: readonly Expr[], bare = false): string {
  const arg = `${name}\\left(${columnLatex(vars.map((v) => sym(v)))}\\right)`;
  const value = bare && outputs.length === 1 ? toLatex(outputs[0]) : columnLatex(outputs);
  return `${arg} = ${value}`;
}

/** \frac{\partial f_{i}}{\partial x_{j}} (f without a subscript when it has one output). */
export function partialLabel(fn: string, i: number, n: number, wrt: string): string {
  const top = n === 1 ? fn : `${fn}_{${i + 1}}`;
  return `\\frac{\\partial ${top}}{\\partial ${nameLatex(wrt)}}`;
}

/**
 * One step for ∂fᵢ/∂xⱼ: the derivation's reasons, then its lines chained with "=" as display
 * math in the sentence. A step's own `latex` is the value of its answer after the step (the
 * renderers print it as "= …" under the answer's label), which an entry is not, so it stays empty.
 * An output that does not mention xⱼ has no derivation steps; the step says so.
 */
export function entryStep(fn: string, i: number, n: number, d: Derivation, answerId: string): WorkedStep {
  const label = partialLabel(fn, i, n, d.wrt);
  const textLabel = `∂${n === 1 ? fn : `${fn}${subscript(i + 1)}`}/∂${nameUnicode(d.wrt)}`;
  if (d.steps.length === 0) {
    return {
      answerId,
      rule: 'constant',
      because: `${textLabel} = ${toText(d.value)}: ${toText(d.expr)} does not depend on ${d.wrt}.`,
      becauseLatex: `$${label} = ${toLatex(d.value)}$: $${toLatex(d.expr)}$ does not depend on $${nameLatex(d.wrt)}$.`,
      latex: '',
    };
  }
  const lines = d.steps.map((s) => s.latex);
  return {
    answerId,
    rule: d.steps[d.steps.length - 1].rule,
    because: `${textLabel} = ${toText(d.value)}: ${d.steps.map((s) => s.because).join(' ')}`,
    becauseLatex: `${d.steps.map((s) => s.becauseLatex).join(' ')} $$${label} = ${lines.join(' = ')}$$`,
    latex: '',
  };
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (k: number): string => [...String(k)].map((c) => SUB[Number(c)]).join('');

/** The outputs as one expression: a vector, or the expression itself when there is one. */
export const asFunction = (outputs: readonly Expr[]): Expr => (outputs.length === 1 ? outputs[0] : vector(outputs));

/** "3×2", the lecture's way of writing a shape. */
export const shapeLatex = (rows: number, cols: number): string => `${rows} \\times ${cols}`;
