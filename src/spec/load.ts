/**
 * Worksheet specs: YAML text → a validated WorksheetSpec. Pure (the CLI reads the file); every
 * error names the file, the line and the field: `lecture.yaml:12: exercises[2].params.activation:
 * expected one of sigma, relu, sigmoid, tanh, identity`.
 */
import { isCollection, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { defaultExerciseId, worksheetSchema, type WorksheetSpec } from './schema.js';
import { kindInfo } from '../exercises/registry.js';
import { EXERCISE_KINDS, type ExerciseKind } from '../exercises/types.js';

import { fieldName, recordSource, SpecError, type Path } from './source.js';
import { counted } from '../plural.js';

export { fieldName, SpecError };

export function loadSpec(text: string, file: string): WorksheetSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line;
    throw new SpecError(file, line, '', `invalid YAML: ${yamlReason(e.code, e.message)}`);
  }
  const data = plainData(doc, lines, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SpecError(file, 1, '', 'a worksheet spec is a mapping with title, seed and exercises');
  }
  const where = (path: Path): number => lineOf(doc, lines, path);
  const parsed = worksheetSchema.safeParse(data);
  if (!parsed.success) throw fromIssue(file, parsed.error.issues[0], where, data);
  const spec = parsed.data;
  spec.exercises.forEach((ex, i) => {
    const info = kindInfo(ex.kind);
    const params = info.params.safeParse(ex.params ?? {});
    if (!params.success) throw fromIssue(file, params.error.issues[0], where, data, ['exercises', i, 'params']);
  });
  // An exercise without an id is ex1, ex2, … by its place (buildSheet): a written id may not take
  // one of those either, or two exercises would share an id (and their random numbers, which are
  // drawn by id), and `check --exercise` could reach only one of them.
  const byDefault = new Map(spec.exercises.flatMap((ex, i) => (ex.id === undefined ? [[defaultExerciseId(i), i + 1] as const] : [])));
  const ids = new Set<string>();
  spec.exercises.forEach((ex, i) => {
    if (ex.id === undefined) return;
    const field = fieldName(['exercises', i, 'id']);
    if (ids.has(ex.id)) throw new SpecError(file, where(['exercises', i, 'id']), field, `duplicate id '${ex.id}'`);
    const other = byDefault.get(ex.id);
    if (other !== undefined) {
      throw new SpecError(file, where(['exercises', i, 'id']), field, `duplicate id '${ex.id}': exercise ${other} has no id of its own and is ${ex.id}; choose another id`);
    }
    ids.add(ex.id);
  });
  recordSource(spec, { file, line: where });
  return spec;
}

/** The yaml library's message in a spec writer's words (it says "please use YAML.parseAllDocuments()"). */
function yamlReason(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return "a spec is one YAML document, and a second one starts here ('---')";
  if (/Maximum call stack/.test(message)) return 'nested too deeply';
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The document as plain data. What YAML allows but a spec cannot mean is an error with its line:
 * a list or mapping as a key (YAML would stringify it, with a warning on stderr), an alias of an
 * anchor never defined, and aliases that expand without end ("billion laughs").
 */
function plainData(doc: Document, lines: LineCounter, file: string): unknown {
  const lineAt = (node: YamlNode | null | undefined): number => lines.linePos(node?.range?.[0] ?? 0).line;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as YamlNode | null;
      if (isCollection(key)) throw new SpecError(file, lineAt(key), '', 'a key must be a name, not a list or a mapping');
    },
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined) throw new SpecError(file, lineAt(alias), '', `*${alias.source} refers to no anchor &${alias.source} defined before it`);
    },
  });
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new SpecError(file, 1, '', `aliases expand too far: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

function fromIssue(file: string, issue: z.core.$ZodIssue, where: (p: Path) => number, data: unknown, prefix: Path = []): SpecError {
  const path: Path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  // An unknown field is pointed at where it is written, not where its mapping starts.
  const line = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? where([...path, issue.keys[0]]) : where(path);
  return new SpecError(file, line, fieldName(path), describe(issue, path, data));
}

function describe(issue: z.core.$ZodIssue, path: Path, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(data, path);
      if (got === undefined) return `missing (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${describeValue(got)}`;
    }
    case 'invalid_value': {
      const got = valueAt(data, path);
      const isKind = path[path.length - 1] === 'kind' && path[0] === 'exercises';
      const options = issue.values.map(String).join(', ');
      if (isKind) return `unknown exercise kind ${describeValue(got)}; the kinds are ${EXERCISE_KINDS.join(', ')}`;
      return `expected one of ${options}, got ${describeValue(got)}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}${paramsHint(issue.keys, path, data)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `needs at least ${counted(min, 'item')}`;
      if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `needs at least ${counted(min, 'character')}`;
      return `must be at least ${String(issue.minimum)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `allows at most ${counted(max, 'item')}`;
      if (issue.origin === 'string') return `allows at most ${counted(max, 'character')}`;
      return `must be at most ${String(issue.maximum)}`;
    }
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

/**
 * An exercise's unknown fields that are parameters of its kind were meant for `params:` (the
 * README's `params: { layers: [2, 2, 1] }`): say so, rather than leave "unknown field 'layers'".
 */
function paramsHint(keys: readonly string[], path: Path, data: unknown): string {
  if (path.length !== 2 || path[0] !== 'exercises') return '';
  const exercise = valueAt(data, path) as Record<string, unknown>;
  const kind = exercise.kind;
  if (typeof kind !== 'string' || !(EXERCISE_KINDS as readonly string[]).includes(kind)) return '';
  const tried = kindInfo(kind as ExerciseKind).params.safeParse(Object.fromEntries(keys.map((k) => [k, exercise[k]])));
  const unknown = new Set(tried.success ? [] : tried.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [])));
  const params = keys.filter((k) => !unknown.has(k));
  if (params.length === 0) return '';
  const all = params.length === keys.length;
  const these = params.length === 1 ? `${all ? 'it' : `'${params[0]}'`} is a parameter` : `${all ? 'they' : params.map((k) => `'${k}'`).join(', ')} are parameters`;
  return `; ${these} of ${kind}: write ${params.length === 1 ? 'it' : 'them'} under params, as in params: { ${params.map((k) => `${k}: …`).join(', ')} }`;
}

function article(t: string): string {
  const names: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', array: 'a list', tuple: 'a list', object: 'a mapping', boolean: 'true or false', record: 'a mapping' };
  return names[t] ?? t;
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'nothing (null)';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** The line of the deepest node on the path that exists (a missing field reports its parent). */
function lineOf(doc: Document, lines: LineCounter, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
    const range = node && (isMap(node) || isSeq(node) || 'range' in node) ? node.range : undefined;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

export type { WorksheetSpec, ExerciseKind };
