/**
 * Jacobian matrices, in the lecture's layout: for f: ℝᵐ → ℝⁿ, ∂f/∂x is n×m, rows are the outputs
 * f₁…fₙ and columns the inputs x₁…xₘ. For a real-valued f the Jacobian is 1×m, the transpose of
 * the gradient ∇ₓf (m×1) — "Jacobian versus gradient" in the lecture.
 *
 * Syntax:   jacobian(parse('[2*x1 + x2, pi*x2, -x1/x2]'), ['x1', 'x2'])
 *             → [2, 1; 0, pi; -1/x2, x1/x2^2]
 *           gradient(parse('x1 - 2*x2'), ['x1', 'x2']) → [1; -2]
 * See also: src/calculus/chain.ts, src/calculus/matrix-ops.ts
 */
import type { Expr, Matrix } from '../expr/types.js';
import { matrix } from '../expr/build.js';
import { InputError } from '../errors.js';
import { derive, differentiate, type Derivation, type DeriveOptions } from './differentiate.js';
import { shapeText, transpose } from './matrix-ops.js';

/**
 * The outputs of a function given as an expression: the items of a vector, the entries of a
 * one-row or one-column matrix, or the expression itself when it is real-valued. `what` names the
 * input in error messages ("--outer").
 */
export function outputsOf(f: Expr, what = 'the function'): readonly Expr[] {
  let outputs: readonly Expr[];
  if (f.kind === 'vector') outputs = f.items;
  else if (f.kind === 'matrix') {
    if (f.rows !== 1 && f.cols !== 1) {
      throw new InputError(`${what} is a ${shapeText(f)} matrix; a Jacobian needs a list of outputs such as [f1, f2]`);
    }
    outputs = f.entries;
  } else outputs = [f];
  const nested = outputs.findIndex((o) => o.kind === 'vector' || o.kind === 'matrix');
  if (nested >= 0) throw new InputError(`output ${nested + 1} of ${what} is itself a vector; each output must be a scalar`);
  return outputs;
}

/** Whether f is real-valued (a scalar, or a list of one output), so that ∂f/∂x = (∇ₓf)ᵀ. */
export function isRealValued(f: Expr): boolean {
  return outputsOf(f).length === 1;
}

/** The variables must be distinct and at least one. */
export function checkVariables(vars: readonly string[], what = 'the variables'): void {
  if (vars.length === 0) throw new InputError(`${what}: at least one variable is needed`);
  const seen = new Set<string>();
  for (const v of vars) {
    if (seen.has(v)) throw new InputError(`${what}: ${v} appears twice`);
    seen.add(v);
  }
}

/** ∂f/∂x: n×m, entry (i, j) = ∂fᵢ/∂xⱼ, simplified. */
export function jacobian(f: Expr, vars: readonly string[]): Matrix {
  checkVariables(vars);
  const outputs = outputsOf(f);
  return matrix(outputs.length, vars.length, outputs.flatMap((o) => vars.map((v) => differentiate(o, v))));
}

/** ∇ₓf as a column (m×1), for a real-valued f; the transpose of its 1×m Jacobian. */
export function gradient(f: Expr, vars: readonly string[]): Matrix {
  const outputs = outputsOf(f);
  if (outputs.length !== 1) {
    throw new InputError(`a gradient is for a real-valued function, but this one has ${outputs.length} outputs; use its Jacobian`);
  }
  return transpose(jacobian(outputs[0], vars));
}

export interface JacobianDerivation {
  readonly outputs: readonly Expr[];
  readonly vars: readonly string[];
  readonly matrix: Matrix;
  /** derivations[i][j] derives ∂fᵢ/∂xⱼ step by step (its value is the matrix entry). */
  readonly derivations: readonly (readonly Derivation[])[];
}

/** The Jacobian with the derivation of each entry (one `derive` per entry: n·m of them). */
export function deriveJacobian(f: Expr, vars: readonly string[], options: DeriveOptions = {}): JacobianDerivation {
  checkVariables(vars);
  const outputs = outputsOf(f);
  const derivations = outputs.map((o) => vars.map((v) => derive(o, v, options)));
  const m = matrix(outputs.length, vars.length, derivations.flatMap((row) => row.map((d) => d.value)));
  return { outputs, vars, matrix: m, derivations };
}
