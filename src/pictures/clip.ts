/**
 * Convex polygons cut by half-planes (Sutherland–Hodgman with one clip edge), in pixel-precision
 * floating point: used only for drawing decision regions, never for a decision.
 */
export type Vec = readonly [number, number];

/** a·x + b·y + c, the side of the line a·x + b·y + c = 0 that a point is on. */
export interface Line {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

const side = (l: Line, p: Vec): number => l.a * p[0] + l.b * p[1] + l.c;

/** The part of the convex polygon where a·x + b·y + c ≥ 0 (empty list when none). */
export function clipPolygon(poly: readonly Vec[], l: Line): Vec[] {
  const out: Vec[] = [];
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length];
    const sp = side(l, p);
    const sq = side(l, q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return area(out) > 1e-12 ? out : [];
}

/** The chord of a convex polygon along the line a·x + b·y + c = 0, if the line crosses it. */
export function chord(poly: readonly Vec[], l: Line): [Vec, Vec] | undefined {
  const hits: Vec[] = [];
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length];
    const sp = side(l, p);
    const sq = side(l, q);
    if (sp === 0) hits.push(p);
    else if (sp * sq < 0) {
      const t = sp / (sp - sq);
      hits.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  if (hits.length < 2) return undefined;
  // The two hits farthest apart are the chord's ends (a vertex on the line can be hit twice).
  let best: [Vec, Vec] = [hits[0], hits[1]];
  for (const p of hits) for (const q of hits) if (dist(p, q) > dist(best[0], best[1])) best = [p, q];
  return dist(best[0], best[1]) > 1e-12 ? best : undefined;
}

const dist = (p: Vec, q: Vec): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

function area(poly: readonly Vec[]): number {
  let s = 0;
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length];
    s += p[0] * q[1] - q[0] * p[1];
  });
  return Math.abs(s) / 2;
}
