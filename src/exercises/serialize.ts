/**
 * The answer key as JSON (`gradsheet build --format json`) and back. Expressions are stored as
 * text (toText) and read back with parse, so `gradsheet verify key.json` re-runs every check on
 * exactly what the key says: edit an answer by hand and verification catches it.
 */
import { z } from 'zod';
import type { Expr } from '../expr/types.js';
import { toText } from '../print/text.js';
import { toLatex } from '../print/latex.js';
import { parse } from '../parse/parse.js';
import { InputError } from '../errors.js';
import { definedField } from './content.js';
import type { Sheet } from './sheet.js';
import { EXERCISE_KINDS, type Answer, type Block, type CaseBranch, type Check, type Exercise } from './types.js';

export const KEY_FORMAT = 'gradsheet-answer-key';
export const KEY_VERSION = 1;

// ---------------------------------------------------------------- writing

export function keyToJson(sheet: Sheet): unknown {
  return {
    format: KEY_FORMAT,
    version: KEY_VERSION,
    title: sheet.title,
    course: sheet.course,
    instructions: sheet.instructions,
    seed: sheet.seed,
    variant: sheet.variant ? { id: sheet.variant.id, student: sheet.variant.student } : undefined,
    totalPoints: sheet.totalPoints,
    exercises: sheet.exercises.map((ex) => ({
      id: ex.id,
      number: ex.number,
      kind: ex.kind,
      title: ex.title,
      points: ex.points,
      prompt: ex.prompt,
      answers: ex.answers.map(answerJson),
      steps: ex.steps.map((s) => ({ answerId: s.answerId, rule: s.rule, because: s.because, becauseLatex: s.becauseLatex, latex: s.latex })),
      figures: ex.figures,
      checks: ex.checks.map(checkJson),
      data: plain(ex.data),
    })),
  };
}

function answerJson(a: Answer): unknown {
  return {
    id: a.id,
    label: a.label,
    text: toText(a.value),
    latex: toLatex(a.value),
    cases: a.cases?.map((c) => ({ when: { expr: toText(c.when.expr), rel: c.when.rel }, value: toText(c.value), latex: toLatex(c.value) })),
    notes: a.notes,
    fromSpec: a.fromSpec,
  };
}

const texts = (r: Readonly<Record<string, Expr>>): Record<string, string> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toText(v)]));

function checkJson(c: Check): unknown {
  switch (c.kind) {
    case 'derivative':
      return { kind: c.kind, answerId: c.answerId, f: toText(c.f), wrt: c.wrt };
    case 'jacobian':
      return { kind: c.kind, answerId: c.answerId, f: toText(c.f), vars: c.vars };
    case 'identity':
      return { kind: c.kind, answerId: c.answerId, expr: toText(c.expr) };
    case 'value':
      return { kind: c.kind, answerId: c.answerId, expr: toText(c.expr), bindings: texts(c.bindings) };
    case 'gd-step':
      return { kind: c.kind, answerId: c.answerId, loss: toText(c.loss), params: texts(c.params), batch: c.batch.map(texts), lr: toText(c.lr) };
    case 'xor':
      return { kind: c.kind, answerId: c.answerId, activation: c.activation };
  }
}

const EXPR_KINDS = new Set(['num', 'sym', 'const', 'add', 'mul', 'pow', 'call', 'deriv', 'vector', 'matrix', 'diff']);

function isExpr(v: object): v is Expr {
  const o = v as { kind?: unknown; hash?: unknown };
  return typeof o.kind === 'string' && EXPR_KINDS.has(o.kind) && typeof o.hash === 'number';
}

/** A kind's `data` as plain JSON: expressions as text, exact numbers (bigint fractions) as "n/d". */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (isExpr(v)) return toText(v);
  const q = v as { n?: unknown; d?: unknown; s?: unknown };
  if (typeof q.n === 'bigint' && typeof q.d === 'bigint') return `${typeof q.s === 'bigint' && q.s < 0n ? '-' : ''}${q.n}${q.d === 1n ? '' : `/${q.d}`}`;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

// ---------------------------------------------------------------- reading

const rel = z.enum(['<=', '<', '>', '>=']);
const blockSchema = z.union([
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('math'), latex: z.string() }),
  z.object({ kind: z.literal('figure'), svg: z.string(), caption: z.string() }),
  z.object({ kind: z.literal('space'), lines: z.number().int() }),
]);
const answerSchema = z.object({
  id: z.string(),
  label: z.string(),
  text: z.string(),
  latex: z.string().optional(),
  cases: z.array(z.object({ when: z.object({ expr: z.string(), rel }), value: z.string(), latex: z.string().optional() })).optional(),
  notes: z.array(z.string()).optional(),
  fromSpec: z.boolean().optional(),
});
const stepSchema = z.object({
  answerId: z.string().optional(),
  rule: z.string().optional(),
  because: z.string(),
  becauseLatex: z.string(),
  latex: z.string(),
});
const exprMap = z.record(z.string(), z.string());
const checkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('derivative'), answerId: z.string(), f: z.string(), wrt: z.string() }),
  z.object({ kind: z.literal('jacobian'), answerId: z.string(), f: z.string(), vars: z.array(z.string()) }),
  z.object({ kind: z.literal('identity'), answerId: z.string(), expr: z.string() }),
  z.object({ kind: z.literal('value'), answerId: z.string(), expr: z.string(), bindings: exprMap }),
  z.object({ kind: z.literal('gd-step'), answerId: z.string(), loss: z.string(), params: exprMap, batch: z.array(exprMap), lr: z.string() }),
  z.object({ kind: z.literal('xor'), answerId: z.string(), activation: z.string() }),
]);
const keySchema = z.object({
  format: z.literal(KEY_FORMAT),
  version: z.literal(KEY_VERSION),
  title: z.string(),
  course: z.string().optional(),
  instructions: z.string().optional(),
  seed: z.number().int().min(0),
  variant: z.object({ id: z.string(), student: z.string().optional() }).optional(),
  totalPoints: z.number(),
  exercises: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      kind: z.enum(EXERCISE_KINDS),
      title: z.string(),
      points: z.number(),
      prompt: z.array(blockSchema),
      answers: z.array(answerSchema),
      steps: z.array(stepSchema),
      figures: z.array(blockSchema),
      checks: z.array(checkSchema),
      data: z.record(z.string(), z.unknown()),
    }),
  ).min(1, 'a key has no exercises: there is nothing to verify'),
});

/** Does this JSON value look like a saved key (so `verify` should treat the file as one)? */
export function isKeyJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === KEY_FORMAT;
}

/** A saved key → a Sheet whose answers and checks are parsed back from their text. Errors name the file and field. */
export function keyFromJson(value: unknown, file: string): Sheet {
  const r = keySchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
    throw new InputError(`${file}: ${field ? field + ': ' : ''}${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`);
  }
  const key = r.data;
  const exercises = key.exercises.map((ex, i): Exercise => {
    const at = (field: string, text: string): Expr => {
      try {
        return parse(text);
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${file}: exercises[${i}].${field}: ${e.message}`);
        throw e;
      }
    };
    // An answer with no value anywhere (1/(1 - 1), log(-x^2 - 1)) could be checked at no point: the key's error, as a spec's.
    const answerAt = (field: string, text: string): Expr => {
      const e = at(field, text);
      definedField(`${file}: exercises[${i}].${field}`, e);
      return e;
    };
    const exprs = (field: string, m: Readonly<Record<string, string>>): Record<string, Expr> =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, at(`${field}.${k}`, v)]));
    return {
      id: ex.id,
      number: ex.number,
      kind: ex.kind,
      title: ex.title,
      points: ex.points,
      prompt: ex.prompt as Block[],
      answers: ex.answers.map((a, j) => ({
        id: a.id,
        label: a.label,
        value: answerAt(`answers[${j}].text`, a.text),
        cases: a.cases?.map((c, k): CaseBranch => ({
          when: { expr: at(`answers[${j}].cases[${k}].when.expr`, c.when.expr), rel: c.when.rel },
          value: at(`answers[${j}].cases[${k}].value`, c.value),
        })),
        notes: a.notes,
        fromSpec: a.fromSpec,
      })),
      steps: ex.steps,
      figures: ex.figures as Block[],
      checks: ex.checks.map((c, j): Check => {
        const f = `checks[${j}]`;
        switch (c.kind) {
          case 'derivative':
            return { ...c, f: at(`${f}.f`, c.f) };
          case 'jacobian':
            return { ...c, f: at(`${f}.f`, c.f) };
          case 'identity':
            return { ...c, expr: at(`${f}.expr`, c.expr) };
          case 'value':
            return { ...c, expr: at(`${f}.expr`, c.expr), bindings: exprs(`${f}.bindings`, c.bindings) };
          case 'gd-step':
            return { ...c, loss: at(`${f}.loss`, c.loss), params: exprs(`${f}.params`, c.params), batch: c.batch.map((b, k) => exprs(`${f}.batch[${k}]`, b)), lr: at(`${f}.lr`, c.lr) };
          case 'xor':
            return c;
        }
      }),
      data: ex.data,
    };
  });
  return {
    title: key.title,
    course: key.course,
    instructions: key.instructions,
    seed: key.seed,
    variant: key.variant,
    exercises,
    totalPoints: key.totalPoints,
  };
}
