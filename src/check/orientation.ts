/**
 * What an answer's rows and columns are, for the feedback on an answer that is its transpose. A
 * Jacobian's rows are the outputs of its function and its columns the inputs (∂g/∂x: g₁…g₃ by
 * x₁…x₂); a gradient with respect to a parameter (∇_{W⁽²⁾} f) has that parameter's shape, which is
 * a row for W⁽²⁾: "the gradient is a column" would send the student the wrong way. Without an
 * orientation the feedback speaks of a Jacobian of f in x, as the checker always has.
 *
 * The interactive page holds the orientation in its fingerprint (./../interactive/types.ts), so both
 * say the same.
 */
import type { Answer, Problem } from './input.js';
import { symbolUnicode } from './notation.js';
import { shapeOf, ShapeMismatch, type Shape } from './shape.js';
import { call } from '../expr/build.js';

export type Orientation =
  /** The Jacobian of `fn` (its name in Unicode: f, g) in `inputs` (variable names: x1, x2). */
  | { readonly kind: 'jacobian'; readonly fn: string; readonly inputs: readonly string[] }
  /** The gradient of f with respect to `of` (Unicode: W⁽²⁾, b⁽¹⁾, x), which has the shape of `of`. */
  | { readonly kind: 'gradient'; readonly of: string }
  /** One value per parameter (a gradient step's), in this order (variable names: w1, …, b3): a row of them is read as the column (listAsColumn). */
  | { readonly kind: 'list'; readonly names: readonly string[] };

/** The problem's own orientation, else a Jacobian's when the expected answer is one (several wrt). */
export function orientationOf(problem: Pick<Problem, 'fn' | 'wrt' | 'fnName' | 'orientation'>): Orientation | undefined {
  if (problem.orientation) return problem.orientation;
  if (problem.fn && problem.wrt.length > 1) return { kind: 'jacobian', fn: problem.fnName ?? 'f', inputs: problem.wrt };
  return undefined;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number): string => [...String(n)].map((d) => SUB[Number(d)]).join('');

/** f and x, or g and u: the letters of "∂fᵢ/∂xⱼ" (x when the inputs are not x1, x2, … of one letter). */
function letters(o: Orientation | undefined): { fn: string; x: string; first: string; last: (n: number) => string } {
  const fn = o?.kind === 'jacobian' && /^[A-Za-z]$/.test(o.fn) ? o.fn : 'f';
  const inputs = o?.kind === 'jacobian' ? o.inputs : [];
  const bases = new Set(inputs.map((v) => /^([A-Za-z]+)\d+$/.exec(v)?.[1]));
  const base = bases.size === 1 ? [...bases][0] : undefined;
  if (base !== undefined && inputs.length > 0) {
    return { fn, x: base, first: symbolUnicode(inputs[0]), last: () => symbolUnicode(inputs[inputs.length - 1]) };
  }
  return { fn, x: 'x', first: 'x₁', last: (n) => `x${subscript(n)}` };
}

/** What follows "Expected a 3×2 matrix, got a 2×3 matrix: " for an answer that is the transpose of the right one. */
export function transposedTail(want: Shape, o: Orientation | undefined): string {
  if (o?.kind === 'gradient') return `your answer is the transpose of the right one. ${gradientShape(want, o.of)}`;
  if (want.rows === 1 || want.cols === 1) {
    return 'your answer is the transpose of the right one. For a real-valued f, the Jacobian ∂f/∂x is a row (1×m), the transpose of the gradient ∇ₓf (a column).';
  }
  const { fn, x, first, last } = letters(o);
  return `did you transpose the Jacobian? Rows are the outputs ${fn}₁…${fn}${subscript(want.rows)} and columns the inputs (${first}…${last(want.cols)}); entry (i, j) is ∂${fn}ᵢ/∂${x}ⱼ.`;
}

/** The message for a square answer that is the transpose of the right one. */
export function squareTransposedMessage(want: Shape, o: Orientation | undefined): string {
  if (o?.kind === 'gradient') return `Your matrix is the transpose of the right one: ${lowerFirst(gradientShape(want, o.of))}`;
  const { fn, x } = letters(o);
  return `Your matrix is the transpose of the right one: in a Jacobian, row i holds the partials of output ${fn}ᵢ and column j the partials with respect to input ${x}ⱼ.`;
}

function gradientShape(want: Shape, of: string): string {
  return `The gradient with respect to ${of} has the shape of ${of}, ${want.rows}×${want.cols}: each entry is the partial of f with respect to the entry of ${of} in the same place.`;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A row given where a list of values is asked for (a gradient step's summed gradient or updated
 * parameters, "in the order w₁, …"): the values and their order are the answer, not which way they
 * are written, so the row is read as the column, with a note. Any other answer is as it was.
 */
export function listAsColumn(read: Answer, want: Shape, o: Orientation | undefined): Answer {
  if (o?.kind !== 'list' || want.cols !== 1 || want.rows < 2) return read;
  let got: Shape;
  try {
    got = shapeOf(read.value);
  } catch (e) {
    if (e instanceof ShapeMismatch) return read;
    throw e;
  }
  if (got.rows !== 1 || got.cols !== want.rows) return read;
  return { ...read, value: call('transpose', [read.value]), notes: [...read.notes, 'read your row as the list of values, in order'] };
}
