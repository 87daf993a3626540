/** The answer checker: equivalence, diagnosis and partial credit for students' derivations. */
export { checkAnswer, checkPrepared, prepareCheck, warmUp } from './check.js';
export type { Problem } from './input.js';
export { benchmarkChecks, lecturePartialCases, type BenchCase, type BenchOptions, type BenchResult } from './benchmark.js';
export type {
  CheckOptions,
  CheckResult,
  CheckValue,
  Counterexample,
  Diagnosis,
  FactorNote,
  FactorReport,
  MistakeId,
  Verdict,
} from './types.js';
