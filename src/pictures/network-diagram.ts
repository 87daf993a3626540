/**
 * A feed-forward network as an SVG diagram in the lecture's style: nodes in columns (inputs x₁…,
 * hidden h…, outputs ŷ), a weight label on each edge (w1…w6 for the 2-2-1 net in lecture naming)
 * and a bias label at each non-input node (b1, b2, b3).
 *
 * No label overlaps another label or a node. Bias labels take one spot for a whole column; the
 * weight labels of one layer (the edges of W⁽ˡ⁾) are placed together, each somewhere along its own
 * edge (t = 0.2 … 0.8), by a small search (placeWeightLayer): no other edge may pass close by a
 * label's centre (where two edges cross, a label could belong to either) and at most one may run
 * under it at all; among such placements, labels sit on as few other edges as they can, in open
 * space, near their targets. A layer whose labels cannot all be placed so gets a wider gap before
 * it (250 px, then 320, instead of 190), and if even that fails it is left bare, and the layout
 * says so (NetworkDiagramLayout.crowded), so that a caption can say where the weights are.
 */
import { network, type Network } from '../nn/network.js';
import { InputError } from '../errors.js';
import { boxAround, crossings, fits, overlaps, place, type Box, type Candidate, type Scene, type Segment } from './place.js';
import { ACCENT, GREY, INK, SANS, el, fmt, mathLabel, subscript, superscript, svgDocument, text, type MathLabel } from './svg.js';
import { labelExtent, mathText } from './math-label.js';

/** Layer sizes and, optionally, the parameter names of network(): weights[l-1][i-1][j-1], biases[l-1][i-1]. */
export interface DiagramNet {
  readonly layers: readonly number[];
  readonly weights?: Network['weights'];
  readonly biases?: Network['biases'];
}

/** Layer l (1-based, as in W⁽ˡ⁾), row i = neuron of layer l, col j = neuron of layer l − 1 (both 1-based). */
export interface WeightRef {
  readonly layer: number;
  readonly row: number;
  readonly col: number;
}

export interface NetworkDiagramOptions {
  /** A gradsheet name (`w1`, `W1_2_1`) or any short text (`-2`) per weight; undefined leaves the edge bare. Default: the names. */
  readonly weightLabel?: (w: WeightRef) => string | undefined;
  /** Same for the bias of node `row` in layer `layer`. */
  readonly biasLabel?: (b: { readonly layer: number; readonly row: number }) => string | undefined;
  /**
   * Label the edges; default true for nets with at most 24 weights (beyond that labels crowd).
   * Either way a layer whose labels cannot all be placed legibly is left bare: see
   * networkDiagramLayout, which says which layers are.
   */
  readonly edgeLabels?: boolean;
  /** Caption each column (input, hidden, output); default true. */
  readonly captions?: boolean;
  /** The <title> of the SVG. */
  readonly title?: string;
}

export const MAX_DIAGRAM_LAYERS = 6;
export const MAX_DIAGRAM_WIDTH = 10;
const R = 19;
const COL_GAP = 190;
/** The gaps a crowded layer is given in turn (networkDiagramLayout). */
const WIDER_GAPS = [250, 320];
const MARGIN = 34;
const LABEL_SIZE = 15;
/**
 * Where along its edge a weight label may sit: its centre at t = 0.2 … 0.8 of the way from source
 * to target, in steps of 0.02 (nearer either end it would crowd the node or the arrowhead).
 */
const EDGE_TS = Array.from({ length: 31 }, (_, k) => Math.round((0.2 + 0.02 * k) * 100) / 100);
/**
 * The t a label prefers, other things equal: near the target, so the labels of one node's
 * incoming edges stand together, as one row of W⁽ˡ⁾ (w1, w2 into h1).
 */
const PREFERRED_T = 0.7;
/**
 * How close another edge may pass by a weight label's centre, in px. A label is read as belonging
 * to the line through its middle: where a second line passes within a few pixels of that, at a
 * crossing, the label could belong to either. (An edge further out, through the label's corner
 * only, is covered by the label's halo and reads as passing under it.)
 */
const CLEAR_OF_CENTRE = 6;
/** How many partial placements placeWeightLayer tries before it gives a layer up as too crowded. */
const SEARCH_BUDGET = 20_000;
/**
 * How many other edges may run under a weight label (through its box, or within 3 px of it): one,
 * away from its centre, still reads as passing under the label; with two, labels in a dense layer
 * stand over a tangle of cut lines and none can be told apart from its neighbours.
 */
const MAX_CROSSED = 1;
/** Air between two weight labels, px: closer, two labels read as one (W⁽¹⁾₁,₁W⁽¹⁾₁,₂). */
const LABEL_GAP = 4;
/**
 * Other edges closer than this to a label's centre (px) count against its spot, the closer the
 * more (up to NEAR_COST, half a crossing): of two clear spots, the one in open space reads better.
 */
const NEAR = 20;
const NEAR_COST = 0.5;

/** The SVG and what it shows: which layers' edges carry their weights' labels. */
export interface NetworkDiagramLayout {
  readonly svg: string;
  /** Layers l (1-based, as W⁽ˡ⁾) whose edges carry labels. */
  readonly labelled: readonly number[];
  /**
   * Layers whose edges were to carry labels but are left bare: their labels could not all be
   * placed legibly (clear of each other, of the nodes and of the crossings). A caption should say so.
   */
  readonly crowded: readonly number[];
}

export function networkDiagram(net: DiagramNet | Network, options: NetworkDiagramOptions = {}): string {
  return networkDiagramLayout(net, options).svg;
}

export function networkDiagramLayout(net: DiagramNet | Network, options: NetworkDiagramOptions = {}): NetworkDiagramLayout {
  const layers = 'spec' in net ? net.spec.layers : net.layers;
  validate(layers);
  const names: Pick<Network, 'weights' | 'biases'> = net.weights && net.biases ? { weights: net.weights, biases: net.biases } : network({ layers, naming: 'lecture' });
  const weightName = options.weightLabel ?? ((w: WeightRef) => names.weights[w.layer - 1]?.[w.row - 1]?.[w.col - 1]);
  const biasName = options.biasLabel ?? ((b: { layer: number; row: number }) => names.biases[b.layer - 1]?.[b.row - 1]);
  const weightCount = layers.slice(1).reduce((s, n, l) => s + n * layers[l], 0);
  const edgeLabels = options.edgeLabels ?? weightCount <= 24;
  const captions = options.captions ?? true;
  const draw = (gaps: readonly number[]): NetworkDiagramLayout => drawDiagram(layers, gaps, { weightName, biasName, edgeLabels, captions, title: options.title });
  // A layer too crowded for its labels gets a wider gap before it, once and then once more: its
  // edges run at shallower angles, further apart, and the labels find room between them.
  const gaps = layers.slice(1).map(() => COL_GAP);
  let layout = draw(gaps);
  for (const wider of WIDER_GAPS) {
    if (layout.crowded.length === 0) break;
    for (const l of layout.crowded) gaps[l - 1] = wider;
    layout = draw(gaps);
  }
  return layout;
}

interface Drawing {
  readonly weightName: (w: WeightRef) => string | undefined;
  readonly biasName: (b: { layer: number; row: number }) => string | undefined;
  readonly edgeLabels: boolean;
  readonly captions: boolean;
  readonly title: string | undefined;
}

/** The diagram with gaps[l − 1] px between the centres of columns l − 1 and l. */
function drawDiagram(layers: readonly number[], gaps: readonly number[], { weightName, biasName, edgeLabels, captions, title }: Drawing): NetworkDiagramLayout {
  const widest = Math.max(...layers);
  const rowGap = widest <= 3 ? 96 : widest <= 5 ? 78 : 62;
  const top = MARGIN + 18;
  // Below the lowest node: room for a bias label (R + 20 px), then the captions.
  const height = top + (widest - 1) * rowGap + R + 24 + (captions ? 24 : 0);
  const columns = gaps.reduce<number[]>((xs, gap) => [...xs, xs[xs.length - 1] + gap], [MARGIN + 18 + R]);
  const width = 2 * MARGIN + 2 * R + 36 + columns[columns.length - 1] - columns[0];
  const x = (l: number): number => columns[l];
  const y = (l: number, i: number): number => top + ((widest - layers[l]) / 2 + i) * rowGap;

  const edges: Edge[] = [];
  for (let l = 1; l < layers.length; l++) {
    for (let i = 0; i < layers[l]; i++) {
      for (let j = 0; j < layers[l - 1]; j++) edges.push({ seg: shorten(x(l - 1), y(l - 1, j), x(l), y(l, i)), ref: { layer: l, row: i + 1, col: j + 1 } });
    }
  }
  const nodeBoxes = layers.flatMap((n, l) => Array.from({ length: n }, (_, i) => boxAround(x(l), y(l, i), 2 * R + 4, 2 * R + 4)));
  const scene: Scene = { obstacles: [...nodeBoxes], lines: edges.map((e) => e.seg), frame: { x0: 2, y0: 2, x1: width - 2, y1: height - (captions ? 22 : 2) } };

  const body: string[] = [];
  for (const e of edges) body.push(edgeLine(e.seg));
  layers.forEach((n, l) => {
    for (let i = 0; i < n; i++) body.push(node(x(l), y(l, i), nodeLabel(layers, l, i)));
  });
  // Biases first, next to their own nodes; edge labels then work around them.
  for (let l = 1; l < layers.length; l++) {
    const column = Array.from({ length: layers[l] }, (_, i) => ({ cx: x(l), cy: y(l, i), name: biasName({ layer: l, row: i + 1 }) }));
    const named = column.filter((c): c is { cx: number; cy: number; name: string } => c.name !== undefined);
    body.push(...placeColumnBiases(scene, named, rowGap < 80));
  }
  const labelled: number[] = [];
  const crowded: number[] = [];
  if (edgeLabels) {
    // A weight label covers no arrowhead, its own included.
    const heads = edges.map((e) => arrowheadBox(e.seg));
    for (let l = 1; l < layers.length; l++) {
      const named = edges.filter((e) => e.ref.layer === l).flatMap((e) => {
        const name = weightName(e.ref);
        return name === undefined ? [] : [{ ...e, name, label: mathLabel(name) }];
      });
      if (named.length === 0) continue;
      const placed = placeWeightLayer({ ...scene, obstacles: [...scene.obstacles, ...heads] }, named);
      if (!placed) {
        crowded.push(l);
        continue;
      }
      labelled.push(l);
      named.forEach((e, k) => {
        scene.obstacles.push(placed[k].box);
        body.push(mathText(placed[k].x, placed[k].y, e.label, { size: LABEL_SIZE, halo: true, name: e.name, role: 'weight', fill: INK }));
      });
    }
  }
  if (captions) body.push(...layers.map((_, l) => text(x(l), height - 12, caption(layers.length, l), { size: 12, fill: GREY, family: SANS })));
  return { svg: svgDocument(width, height, title ?? `network ${layers.join('-')}`, body), labelled, crowded };
}

interface Edge {
  readonly seg: Segment;
  readonly ref: WeightRef;
}

function validate(layers: readonly number[]): void {
  if (layers.length < 2 || layers.length > MAX_DIAGRAM_LAYERS) {
    throw new InputError(`network diagram: ${layers.length} layers; a diagram shows 2 to ${MAX_DIAGRAM_LAYERS}`);
  }
  layers.forEach((n, l) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_DIAGRAM_WIDTH) {
      throw new InputError(`network diagram: layer ${l + 1} has width ${n}; a diagram shows 1 to ${MAX_DIAGRAM_WIDTH} nodes a layer`);
    }
  });
}

/** The edge from circle to circle, ending at the target's rim (the arrowhead's tip). */
function shorten(x0: number, y0: number, x1: number, y1: number): Segment {
  const d = Math.hypot(x1 - x0, y1 - y0);
  const ux = (x1 - x0) / d;
  const uy = (y1 - y0) / d;
  return { a: [x0 + ux * R, y0 + uy * R], b: [x1 - ux * (R + 1), y1 - uy * (R + 1)] };
}

function edgeLine(s: Segment): string {
  const [ax, ay] = s.a;
  const [bx, by] = s.b;
  const d = Math.hypot(bx - ax, by - ay);
  const ux = (bx - ax) / d;
  const uy = (by - ay) / d;
  // A filled arrowhead 9 px long, 6 px wide, drawn as a polygon (markers would need ids).
  const [px, py] = [bx - 9 * ux, by - 9 * uy];
  const head = `${fmtPair(bx, by)} ${fmtPair(px - 3 * uy, py + 3 * ux)} ${fmtPair(px + 3 * uy, py - 3 * ux)}`;
  return el('line', { x1: ax, y1: ay, x2: px, y2: py, stroke: GREY, 'stroke-width': 1.3 }) + el('polygon', { points: head, fill: GREY });
}

const fmtPair = (x: number, y: number): string => `${fmt(x)},${fmt(y)}`;

function node(cx: number, cy: number, m: MathLabel): string {
  return el('circle', { cx, cy, r: R, fill: '#ffffff', stroke: INK, 'stroke-width': 1.6 }) + mathText(cx, cy, m, { size: 16, role: 'node' });
}

/** x₁… for inputs; h₁… for one hidden layer (h⁽ˡ⁾ᵢ for several); ŷ, or ŷ₁… for several outputs. */
function nodeLabel(layers: readonly number[], l: number, i: number): MathLabel {
  const L = layers.length - 1;
  if (l === 0) return { text: `x${subscript(String(i + 1))}`, tex: `x_{${i + 1}}` };
  if (l === L) return layers[L] === 1 ? { text: 'ŷ', tex: '\\hat{y}' } : { text: `ŷ${subscript(String(i + 1))}`, tex: `\\hat{y}_{${i + 1}}` };
  if (L === 2) return { text: `h${subscript(String(i + 1))}`, tex: `h_{${i + 1}}` };
  return { text: `h${subscript(String(i + 1))}${superscript(`(${l})`)}`, tex: `h^{(${l})}_{${i + 1}}` };
}

function caption(n: number, l: number): string {
  if (l === 0) return 'input';
  if (l === n - 1) return 'output';
  return n === 3 ? 'hidden' : `hidden ${l}`;
}

/** A label centred on (cx, cy), with its room as mathText sets it and a margin of 2 px across, 1 px up and down. */
function labelBox(cx: number, cy: number, m: MathLabel): Candidate {
  const e = labelExtent(m, LABEL_SIZE);
  return { x: cx, y: cy, box: { x0: cx + e.left - 2, y0: cy + e.top - 1, x1: cx + e.right + 2, y1: cy + e.bottom + 1 } };
}

/**
 * Bias labels of one column all take the same spot relative to their nodes, so no label reads as
 * belonging to the neighbouring node: of the spots where none of them overlaps anything, the one
 * where they sit on the fewest edges (a bias on an edge reads as that edge's weight), and of those
 * the first in order of preference. Dense columns prefer the upper right: between nodes 62 px
 * apart a label above would sit halfway between two nodes.
 */
function placeColumnBiases(scene: Scene, nodes: readonly { cx: number; cy: number; name: string }[], dense: boolean): string[] {
  const spots = (cx: number, cy: number, m: MathLabel): Candidate[] => {
    const e = labelExtent(m, LABEL_SIZE);
    const w = e.right + 2;
    // Above and below: the label's box 1 px clear of the node's (R + 2); a superscript or a subscript moves the label out.
    const above = labelBox(cx, cy - (R + 4 + e.bottom), m);
    const upperRight = labelBox(cx + R * 0.75 + w, cy - R * 0.75 - LABEL_SIZE / 2 + 1, m);
    const below = labelBox(cx, cy + (R + 4 - e.top), m);
    const right = labelBox(cx + R + w + 3, cy, m);
    const lowerRight = labelBox(cx + R * 0.75 + w, cy + R * 0.75 + LABEL_SIZE / 2 - 1, m);
    return dense ? [upperRight, right, above, below, lowerRight] : [above, upperRight, below, right, lowerRight];
  };
  const options = nodes.map((n) => spots(n.cx, n.cy, mathLabel(n.name)));
  const count = options[0]?.length ?? 0;
  const together = (k: number): boolean =>
    options.every((o, i) => fits(scene, o[k].box) && options.every((p, j) => j === i || !overlaps(o[k].box, p[k].box)));
  const crossed = (k: number): number => options.reduce((s, o) => s + crossings(scene, o[k].box), 0);
  let k = -1;
  for (let c = 0; c < count; c++) if (together(c) && (k < 0 || crossed(c) < crossed(k))) k = c;
  return nodes.map((n, i) => {
    // No common spot: fall back to the best spot for each label on its own.
    const c = k >= 0 ? options[i][k] : place(scene, options[i]);
    if (k >= 0) scene.obstacles.push(c.box);
    const m = mathLabel(n.name);
    return mathText(c.x, c.y, m, { size: LABEL_SIZE, halo: true, name: n.name, role: 'bias', fill: ACCENT });
  });
}

/** The arrowhead edgeLine draws at the segment's end (9 px long, 6 px wide), as a box. */
function arrowheadBox(s: Segment): Box {
  const [ax, ay] = s.a;
  const [bx, by] = s.b;
  const d = Math.hypot(bx - ax, by - ay);
  const [ux, uy] = [(bx - ax) / d, (by - ay) / d];
  const [px, py] = [bx - 9 * ux, by - 9 * uy];
  const xs = [bx, px - 3 * uy, px + 3 * uy];
  const ys = [by, py + 3 * ux, py - 3 * ux];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Whether two weight labels' boxes are LABEL_GAP apart or more. */
const apart = (p: Box, q: Box): boolean => !overlaps(p, { x0: q.x0 - LABEL_GAP, y0: q.y0 - LABEL_GAP, x1: q.x1 + LABEL_GAP, y1: q.y1 + LABEL_GAP });

/** Distance from a point to a segment. */
function distance(p: readonly [number, number], s: Segment): number {
  const [ax, ay] = s.a;
  const [dx, dy] = [s.b[0] - ax, s.b[1] - ay];
  const t = Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx - p[0], ay + t * dy - p[1]);
}

interface Spot extends Candidate {
  /** Lower is better: other edges under the label first, then others near its centre, then how far t is from PREFERRED_T. */
  readonly cost: number;
}

/**
 * The spots along its own edge where a weight label may go, best first: inside the frame, clear
 * of every obstacle (nodes, arrowheads, bias labels, labels of layers placed before) and with no
 * other edge within CLEAR_OF_CENTRE of its centre.
 */
function edgeSpots(scene: Scene, e: Edge & { readonly label: MathLabel }): Spot[] {
  const [ax, ay] = e.seg.a;
  const [bx, by] = e.seg.b;
  const others = scene.lines.filter((s) => s !== e.seg);
  return EDGE_TS.flatMap((t) => {
    const c = labelBox(ax + (bx - ax) * t, ay + (by - ay) * t, e.label);
    const clearance = Math.min(Infinity, ...others.map((s) => distance([c.x, c.y], s)));
    if (!fits(scene, c.box) || clearance < CLEAR_OF_CENTRE) return [];
    const crossed = crossings(scene, c.box, [e.seg]);
    if (crossed > MAX_CROSSED) return [];
    return [{ ...c, cost: crossed + NEAR_COST * Math.max(0, 1 - clearance / NEAR) + Math.abs(t - PREFERRED_T) / 10 }];
  }).sort((p, q) => p.cost - q.cost);
}

/**
 * The weight labels of one layer, each on its own edge and no two overlapping; undefined when
 * there is no such placement (or none found within SEARCH_BUDGET steps: the layer is too crowded
 * to label legibly). A depth-first search that labels the edge with the fewest spots left first
 * and tries its spots best first; then each label in turn moves to a better spot while one is
 * free, until none can. Deterministic: the same layer always gets the same spots.
 */
function placeWeightLayer(scene: Scene, edges: readonly (Edge & { readonly label: MathLabel })[]): Spot[] | undefined {
  const spots: Spot[][] = [];
  for (const e of edges) {
    const s = edgeSpots(scene, e);
    // An edge with nowhere to put its label: the layer is too crowded, whatever the others do.
    if (s.length === 0) return undefined;
    spots.push(s);
  }
  const chosen: (Spot | undefined)[] = edges.map(() => undefined);
  let budget = SEARCH_BUDGET;
  const search = (domains: readonly (readonly Spot[])[]): boolean => {
    let next = -1;
    domains.forEach((d, k) => {
      if (chosen[k] === undefined && (next < 0 || d.length < domains[next].length)) next = k;
    });
    if (next < 0) return true;
    for (const spot of domains[next]) {
      if (--budget < 0) return false;
      const narrowed = domains.map((d, k) => (chosen[k] !== undefined || k === next ? d : d.filter((o) => apart(o.box, spot.box))));
      if (narrowed.some((d, k) => k !== next && chosen[k] === undefined && d.length === 0)) continue;
      chosen[next] = spot;
      if (search(narrowed)) return true;
      chosen[next] = undefined;
    }
    return false;
  };
  if (!search(spots)) return undefined;
  const placed = chosen as Spot[];
  for (let moved = true, round = 0; moved && round < 20; round++) {
    moved = false;
    placed.forEach((current, k) => {
      const better = spots[k].find((o) => o.cost < current.cost && placed.every((p, j) => j === k || apart(p.box, o.box)));
      if (better) {
        placed[k] = better;
        moved = true;
      }
    });
  }
  return placed;
}
