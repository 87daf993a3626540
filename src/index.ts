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
export { jacobian, gradient, deriveJacobian, type JacobianDerivation } from './calculus/jacobian.js';
export { chainRule, type ChainProblem, type ChainResult, type ChainOptions, type Agreement, type WrongOrder } from './calculus/chain.js';
export { matmul, transpose, asMatrix, shapeText, ShapeError, type Shape } from './calculus/matrix-ops.js';
export { evaluateValue, isExactValue, type Value, type Scalar, type MatrixValue } from './numeric/matrix-eval.js';
export { valueText, valueLatex } from './numeric/value-format.js';
export { evaluate, evaluateExact, compile, type NumericEnv, type AbstractFunction } from './numeric/evaluate.js';
export { centralDifference, relativeError } from './numeric/finite-difference.js';
export { createRng, type Rng } from './numeric/rng.js';
export { allOps, lookupOp } from './ops/registry.js';
export type { OpSpec } from './ops/types.js';
export { network, type Network, type NetworkSpec, type Parameter } from './nn/network.js';
// Partials of networks: expanded (the lecture's form, ReLU cases), abbreviated (z, h, ŷ, δ), training.
export { networkPartials, resolveWrt, costOutputFactors, type NetworkPartial, type PartialsOptions } from './nn/partials.js';
export { piecewiseCases, type Case, type Condition } from './nn/piecewise.js';
export { abbreviatedPartials, deltaName, type AbbreviatedPartials, type AbbreviateOptions, type Definition } from './nn/abbreviate.js';
export { networkGraph, type Intermediate, type NetworkGraph } from './nn/intermediates.js';
export { partialsText, partialsLatex, partialLabelText, partialLabelLatex, casesLatex, casesJson } from './nn/format.js';
export { compileProgram, type Program, type NamedExpr } from './nn/program.js';
export { train, costGradient, initialParameters, TRAIN_DEFAULTS, type TrainOptions, type TrainResult, type CostGradient } from './nn/train.js';
export { DATASETS, type Example } from './nn/datasets.js';
// Matrix expressions (non-commutative) and matrix-form backprop; constructors under `matrix`.
export type { MatExpr, MatSymbol } from './linalg/types.js';
export * as matrix from './linalg/build.js';
export { matrixToText } from './linalg/print-text.js';
export { matrixToLatex } from './linalg/print-latex.js';
export { expandMatrix, type ScalarMatrix, type Bindings } from './linalg/expand.js';
export { localJacobian, type JacobianResult } from './linalg/jacobian.js';
export type { MatStep, MatRuleId } from './linalg/steps.js';
export { matrixFormGradients, type MatrixForm, type MatrixGradient, type MatrixDefinition } from './nn/backprop.js';
export { matrixFormText, matrixFormLatex, matrixStepsLatex, matrixFormJson, type MatrixFormJson } from './nn/backprop-print.js';
export { checkMatrixForm, networkBindings, type MatrixFormCheck, type MatrixFormCheckOptions } from './nn/backprop-check.js';
export { linearCollapse, checkCollapse, collapseText, collapseLatex, type LinearCollapse, type CollapseCheck, type CollapseSpec } from './nn/collapse.js';
export { checkXorDesign, XOR_ACTIVATIONS, type XorCheck, type XorDesign, type XorPoint, type XorReadout, type XorObstruction, type XorActivation } from './nn/xor.js';
export { networkDiagram, networkDiagramLayout, xorPlot, type DiagramNet, type NetworkDiagramLayout, type NetworkDiagramOptions, type WeightRef, type XorPlotOptions } from './pictures/index.js';
export { checkAnswer, prepareCheck, checkPrepared, type CheckOptions, type CheckResult, type Diagnosis, type Counterexample, type FactorReport, type MistakeId, type Verdict } from './check/index.js';
export { parseLatex, parseMath, looksLikeLatex, type LatexParseOptions } from './parse/latex.js';
// Worksheets: spec → verified sheets → rendered files, in memory (the render modules read the
// bundled templates and KaTeX's fonts once); PDFs through Chromium: the one browser user.
export { loadSpec, SpecError, type WorksheetSpec } from './spec/load.js';
export { buildSheet, type Sheet, type Variant, type SheetOptions } from './exercises/sheet.js';
export { verifySheet, type VerifyReport, type VerifyFailure } from './exercises/verify.js';
export type { Exercise, ExerciseKind, Answer, Block, Check, WorkedStep, CaseBranch } from './exercises/types.js';
export { keyToJson, keyFromJson, isKeyJson } from './exercises/serialize.js';
export {
  buildWorksheet,
  buildPrintedWorksheet,
  printPdfs,
  failureLines,
  KeyVerificationError,
  OUTPUT_FORMATS,
  type WorksheetOptions,
  type BuiltWorksheet,
  type PrintedWorksheet,
  type OutputFile,
  type OutputFormat,
  type PdfJob,
} from './render/worksheet.js';
export { PrintQueue, type PrintedFile } from './render/print-queue.js';
export { renderHtml, type Audience } from './render/html.js';
export { renderLatex } from './render/latex.js';
export { renderJson } from './render/json.js';
export { openPdfPrinter, withPdfPrinter, type PdfPrinter } from './render/pdf.js';
export { numberedVariants, rosterVariants } from './render/variants.js';
export { InputError, ParseError } from './errors.js';
export { rat, ratText, type Rational } from './rational.js';
