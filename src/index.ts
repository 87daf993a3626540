/**
 * gradsheet's library API. Pure functions of their inputs (and of an explicit seeded Rng where
 * randomness is involved); nothing here touches the file system, a browser or the clock.
 */
export type { Expr, Num, Sym, Const, Add, Mul, Pow, Call, Deriv, Vector, Matrix, Diff } from './expr/types.js';
export * as build from './expr/build.js';
export { equal } from './expr/equal.js';
export { freeSymbols, substitute, size } from './expr/traverse.js';
export { parse, type ParseOptions } from './parse/parse.js';
export { toText } from './print/text.js';
export { toLatex } from './print/latex.js';
export { differentiate, derive, rawDerivative, type Derivation, type Step, type DeriveOptions } from './calculus/differentiate.js';
export type { RuleId } from './calculus/rules.js';
export { simplify, type SimplifyOptions } from './simplify/simplify.js';
export { evaluate, evaluateExact, compile, type NumericEnv, type AbstractFunction } from './numeric/evaluate.js';
export { centralDifference, relativeError } from './numeric/finite-difference.js';
export { createRng, type Rng } from './numeric/rng.js';
export { allOps, lookupOp } from './ops/registry.js';
export type { OpSpec } from './ops/types.js';
export { network, type Network, type NetworkSpec, type Parameter } from './nn/network.js';
export { InputError, ParseError } from './errors.js';
export type { Rational } from './rational.js';
