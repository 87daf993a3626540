/**
 * Values of expressions at the test points, and the tolerance they are compared with.
 *
 * Tolerance: a and b agree when |a − b| ≤ 1e-9 · max(|a|, |b|, 1e-3 · s), i.e. relative 1e-9 and,
 * below a size of 1e-3, absolute 1e-12 · s (the zero level). s ≤ 1 is the size of the terms the
 * values are computed from (./scale.ts), where it is below 1: a 0 computed as 1e-17 because terms
 * of size 1 cancel agrees with 0, but 1e-17 computed from terms of size 1e-17 ((x+1)¹⁹⁹ at
 * x = −0.5) is compared relatively. Points keep |v| ≤ 1.5 and activation arguments within ±4
 * (./points.ts), so rounding in either form stays near 1e-15 relative: five orders of magnitude
 * below the tolerance, which is itself five orders tighter than WeBWorK's 1e-4.
 */
import type { Expr } from '../expr/types.js';
import { ExprMap } from '../expr/equal.js';
import type { AbstractFunction } from '../numeric/evaluate.js';
import { compileValue, type Compiled } from './tensor.js';
import type { FunctionSet, Signature } from './functions.js';
import type { Shape } from './shape.js';
import { errorScale } from './scale.js';

/**
 * Points at which two value lists that agree give evidence of it: some entry agrees relatively
 * (or exactly, 0 and 0). A point where every entry agrees only by the absolute floor (two values
 * at the noise level) says nothing.
 */
export function informativePoints(a: readonly Float64Array[], b: readonly Float64Array[], tolerance: number): number {
  return a.filter((x, i) => x.some((v, k) => relativelyClose(v, b[i][k], tolerance))).length;
}

export const DEFAULT_TOLERANCE = 1e-9;
/** Below this size the tolerance is absolute (1e-9 × 1e-3 = 1e-12). */
const ZERO_SCALE = 1e-3;

/** Whether a and b agree; `scale` (≤ 1, see floorScale) lowers the absolute floor for values computed from small terms. */
export function close(a: number, b: number, tolerance: number, scale = 1): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), ZERO_SCALE * scale);
}

/** Whether a and b agree without the absolute floor: evidence of equality, not just two values at the noise level. */
export function relativelyClose(a: number, b: number, tolerance: number): boolean {
  return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The factor for the absolute floor from a term scale (./scale.ts): at most 1 (the floor is never
 * looser than 1e-12), rounded up to 2 significant digits (the interactive page stores it so), and
 * 1 when unknown (not finite).
 */
export function floorScale(s: number): number {
  if (!(s >= 0) || !(s < 1)) return 1;
  if (s === 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(s)) - 1);
  return Math.min(1, Math.ceil(s / unit) * unit);
}

/** Abstract functions as the core's compiler wants them, forwarding to the current instance. */
export class FunctionBank {
  current: FunctionSet = new Map();
  readonly dispatch: Readonly<Record<string, AbstractFunction>>;

  constructor(signature: Signature) {
    const d: Record<string, AbstractFunction> = {};
    for (const name of signature.keys()) {
      d[name] = (orders, args) => {
        const f = this.current.get(name);
        if (!f) throw new Error(`no instance of ${name}`);
        return f.fn(orders, args);
      };
    }
    this.dispatch = d;
  }
}

export interface Points {
  /** Variable values, in the order of Evaluation.vars. */
  readonly values: readonly Float64Array[];
  /** The function set used at each point. */
  readonly sets: readonly FunctionSet[];
}

export interface Values {
  readonly shape: Shape;
  /** One row-major array of entries per point. */
  readonly at: readonly Float64Array[];
}

export class Evaluation {
  private readonly memo = new ExprMap<Values | null>();

  constructor(
    readonly vars: readonly string[],
    readonly bank: FunctionBank,
    readonly points: Points,
    readonly tolerance: number,
    private readonly compiler: (e: Expr) => Compiled = (e) => compileValue(e, vars, bank.dispatch),
  ) {}

  compile(e: Expr): Compiled {
    return this.compiler(e);
  }

  run(c: Compiled, upTo = this.points.values.length): Float64Array[] {
    const out: Float64Array[] = [];
    for (let i = 0; i < upTo; i++) {
      this.bank.current = this.points.sets[i];
      out.push(c.run(this.points.values[i]));
    }
    return out;
  }

  /** Values of e at every point, or undefined when e cannot be evaluated (shapes, unknown names). */
  values(e: Expr): Values | undefined {
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit ?? undefined;
    let v: Values | null = null;
    try {
      const c = this.compile(e);
      v = { shape: c.shape, at: this.run(c) };
    } catch {
      v = null;
    }
    this.memo.set(e, v);
    return v ?? undefined;
  }

  /**
   * Per point and entry, floorScale of the size of the terms e is computed from (./scale.ts);
   * undefined when that size is unknown (the fixed floor then applies).
   */
  floorScales(e: Expr): Values | undefined {
    const s = errorScale(e);
    const v = s && this.values(s);
    return v && { shape: v.shape, at: v.at.map((x) => x.map(floorScale)) };
  }

  /**
   * The first point and entry where two value lists differ, or undefined when they agree. `scale`
   * gives the absolute floor's factor at a point and entry (default 1: the floor is 1e-12).
   */
  firstDifference(a: readonly Float64Array[], b: readonly Float64Array[], scale?: (point: number, entry: number) => number): { point: number; entry: number } | undefined {
    for (let i = 0; i < a.length; i++) {
      if (a[i].length !== b[i].length) return { point: i, entry: 0 };
      for (let k = 0; k < a[i].length; k++) if (!close(a[i][k], b[i][k], this.tolerance, scale ? scale(i, k) : 1)) return { point: i, entry: k };
    }
    return undefined;
  }

  agree(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
    return this.firstDifference(a, b) === undefined;
  }

  /** The absolute floor's factor at a point and entry for comparing the values of a and b (the larger of their floorScales). */
  floorOf(a: Expr, b: Expr): (point: number, entry: number) => number {
    const [sa, sb] = [this.floorScales(a), this.floorScales(b)];
    return (i, k) => Math.max(sa?.at[i][k] ?? 1, sb?.at[i][k] ?? 1);
  }

  /** Whether the values of a and b agree, with the absolute floor scaled by the size of their terms (./scale.ts). */
  agreeScaled(a: Expr, av: Values, b: Expr, bv: Values): boolean {
    return this.agree(av.at, bv.at) && this.firstDifference(av.at, bv.at, this.floorOf(a, b)) === undefined;
  }
}
