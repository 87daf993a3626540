/**
 * The operator registry: one explicit table, assembled here (no registration by import side
 * effects). Abstract functions (σ, f, g, …) are any other function names the parser accepts;
 * they have no table entry and are differentiated into σ′, ∂₁f, ….
 */
import type { OpSpec } from './types.js';
import { elementaryOps } from './elementary.js';
import { activationOps, derivativeOps } from './activations.js';

const table = new Map<string, OpSpec>();
for (const op of [...elementaryOps, ...activationOps]) table.set(op.name, op);

/** The entry of a known operator, or undefined for an abstract function. */
export function lookupOp(name: string): OpSpec | undefined {
  return table.get(name);
}

export function isKnownOp(name: string): boolean {
  return table.has(name);
}

/** All known operators, in table order. */
export function allOps(): readonly OpSpec[] {
  return [...table.values()];
}

/** The key of a derivative operator: relu′ is "relu'". */
export function derivativeKey(fn: string, orders: readonly number[]): string {
  return orders.length === 1 ? fn + "'".repeat(orders[0]) : `${fn}[${orders.join(',')}]`;
}

/** A derivative that is an operator of its own (relu′), if any. */
export function lookupDerivativeOp(fn: string, orders: readonly number[]): OpSpec | undefined {
  return derivativeOps.get(derivativeKey(fn, orders));
}

export function allDerivativeOps(): readonly OpSpec[] {
  return [...derivativeOps.values()];
}

/** Activation names of the notation contract. `sigma` is the abstract one. */
export const ACTIVATIONS = ['sigma', 'relu', 'sigmoid', 'tanh', 'identity'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * Names that are abstract functions when followed by `(`: σ, φ, ψ, f and g (h is kept for
 * hidden activations h1, h2, …). Another name before `(` with a digit, or of one letter, is a symbol
 * times a parenthesis, so a student's `x1(w5 + 1)` means what it says; other names of two or more
 * letters are typos of a function or products missing a `*` (../parse/unknown-function.ts).
 */
export const ABSTRACT_FUNCTION_NAMES: readonly string[] = ['sigma', 'phi', 'psi', 'varphi', 'f', 'g'];

export function isAbstractFunctionName(name: string, extra: readonly string[] = []): boolean {
  return ABSTRACT_FUNCTION_NAMES.includes(name) || extra.includes(name);
}
