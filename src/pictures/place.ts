/**
 * Greedy label placement: each label tries its candidate positions in order and takes the first
 * that overlaps no obstacle (nodes, markers, labels already placed) and crosses the fewest lines
 * it does not belong to. Deterministic: same candidates in, same positions out.
 */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Segment {
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
}

export const boxAround = (cx: number, cy: number, w: number, h: number): Box => ({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 });

export const overlaps = (p: Box, q: Box): boolean => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;

export const inside = (p: Box, frame: Box): boolean => p.x0 >= frame.x0 && p.x1 <= frame.x1 && p.y0 >= frame.y0 && p.y1 <= frame.y1;

/** Whether the segment passes through the box (Liang–Barsky clipping). */
export function crosses(s: Segment, b: Box): boolean {
  const [x, y] = s.a;
  const dx = s.b[0] - x;
  const dy = s.b[1] - y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, x - b.x0], [dx, b.x1 - x], [-dy, y - b.y0], [dy, b.y1 - y]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

export interface Candidate {
  readonly x: number;
  readonly y: number;
  readonly box: Box;
}

export interface Scene {
  /** Boxes nothing may overlap (grows as labels are placed). */
  readonly obstacles: Box[];
  /** Lines a label should avoid sitting on. */
  readonly lines: readonly Segment[];
  /** Labels must stay inside this box. */
  readonly frame: Box;
}

/** Whether the box is free of obstacles and inside the frame. */
export const fits = (scene: Scene, box: Box): boolean => !scene.obstacles.some((o) => overlaps(o, box)) && inside(box, scene.frame);

/** How many lines other than `own` run through the box (or within 3 px of it: that still reads as "through"). */
export function crossings(scene: Scene, box: Box, own: readonly Segment[] = []): number {
  const clear = { x0: box.x0 - 3, y0: box.y0 - 3, x1: box.x1 + 3, y1: box.y1 + 3 };
  return scene.lines.filter((s) => !own.includes(s) && crosses(s, clear)).length;
}

/** The area of the box that obstacles cover, as a fraction of its own (overlaps counted once each). */
function covered(scene: Scene, b: Box): number {
  const area = (b.x1 - b.x0) * (b.y1 - b.y0);
  const shared = scene.obstacles.filter((o) => overlaps(o, b)).reduce((s, o) => s + (Math.min(o.x1, b.x1) - Math.max(o.x0, b.x0)) * (Math.min(o.y1, b.y1) - Math.max(o.y0, b.y0)), 0);
  return Math.min(1, shared / area);
}

/**
 * Pick a candidate: overlap-free and inside the frame first, then fewest crossed lines (other than
 * `own`), then the earliest in the list. When every candidate is blocked, an overlap is preferred
 * to a label outside the frame (which may be cut off), and the least covered spot to one that
 * would hide a label under another. The chosen box becomes an obstacle.
 */
export function place(scene: Scene, candidates: readonly Candidate[], own: readonly Segment[] = []): Candidate {
  let best: { c: Candidate; score: number } | undefined;
  candidates.forEach((c, i) => {
    const blocked = (inside(c.box, scene.frame) ? 0 : 2e6) + (scene.obstacles.some((o) => overlaps(o, c.box)) ? 1e6 + 5e5 * covered(scene, c.box) : 0);
    const score = blocked + crossings(scene, c.box, own) * 1000 + i;
    if (!best || score < best.score) best = { c, score };
  });
  if (!best) throw new Error('place: no candidates');
  scene.obstacles.push(best.c.box);
  return best.c;
}
