/**
 * Values of expressions at the test points, and the tolerance they are compared with.
 *
 * Tolerance: a and b agree when |a − b| ≤ 1e-9 · max(|a|, |b|, 1e-3), i.e. relative 1e-9 and,
 * below a size of 1e-3, absolute 1e-12 (the zero level). Points keep |v| ≤ 1.5 and activation
 * arguments within ±4 (./points.ts), so rounding in either form stays near 1e-15 relative: five
 * orders of magnitude below the tolerance, which is itself five orders tighter than WeBWorK's 1e-4.
 */
import type { Expr } from '../expr/types.js';
import { ExprMap } from '../expr/equal.js';
import type { AbstractFunction } from '../numeric/evaluate.js';
import { compileValue, type Compiled } from './tensor.js';
import type { FunctionSet, Signature } from './functions.js';
import type { Shape } from './shape.js';

export const DEFAULT_TOLERANCE = 1e-9;
/** Below this size the tolerance is absolute (1e-9 × 1e-3 = 1e-12). */
const ZERO_SCALE = 1e-3;

export function close(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), ZERO_SCALE);
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

  /** The first point and entry where two value lists differ, or undefined when they agree. */
  firstDifference(a: readonly Float64Array[], b: readonly Float64Array[]): { point: number; entry: number } | undefined {
    for (let i = 0; i < a.length; i++) {
      if (a[i].length !== b[i].length) return { point: i, entry: 0 };
      for (let k = 0; k < a[i].length; k++) if (!close(a[i][k], b[i][k], this.tolerance)) return { point: i, entry: k };
    }
    return undefined;
  }

  agree(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
    return this.firstDifference(a, b) === undefined;
  }
}
