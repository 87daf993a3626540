/**
 * Where a loaded spec came from, so that an error found later (a generator rejecting its params)
 * names the file, the line and the field just as a schema error does. Pure: the map is filled by
 * loadSpec from the YAML it parsed.
 */
import { InputError } from '../errors.js';

export type Path = readonly (string | number)[];

/** A spec error at a place in a file: `lecture.yaml:12: exercises[2].params.activation: …`. */
export class SpecError extends InputError {
  override readonly name = 'SpecError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${field ? field + ': ' : ''}${reason}`);
  }
}

/** `exercises[2].params.activation` */
export function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `params.batch[0].x` → ['params', 'batch', 0, 'x']; undefined when the text is not a field name. */
export function parseFieldName(text: string): Path | undefined {
  if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*$/.test(text)) return undefined;
  return [...text.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

export interface SpecSource {
  readonly file: string;
  /** The line of the deepest node on the path that exists. */
  readonly line: (path: Path) => number;
}

const sources = new WeakMap<object, SpecSource>();

export function recordSource(spec: object, source: SpecSource): void {
  sources.set(spec, source);
}

export function sourceOf(spec: object): SpecSource | undefined {
  return sources.get(spec);
}

/**
 * An exercise's generator rejected its params (`params.wrt: 'x' does not occur in …`): the same
 * error at its place in the spec, or, for a spec not loaded from a file, named by the exercise.
 */
export function exerciseError(spec: object, index: number, id: string, kind: string, e: InputError): InputError {
  const source = sourceOf(spec);
  const m = /^([^:\s]+): ([\s\S]*)$/.exec(e.message);
  const field = m ? parseFieldName(m[1]) : undefined;
  if (source && m && field) {
    const path: Path = ['exercises', index, ...field];
    return new SpecError(source.file, source.line(path), fieldName(path), `${m[2]} (exercise ${id}, ${kind})`);
  }
  if (source) return new SpecError(source.file, source.line(['exercises', index]), fieldName(['exercises', index]), `exercise ${id} (${kind}): ${e.message}`);
  return new InputError(`exercise ${id} (${kind}): ${e.message}`);
}
