/**
 * A feed-forward network as an SVG diagram in the lecture's style: nodes in columns (inputs x₁…,
 * hidden h…, outputs ŷ), a weight label on each edge (w1…w6 for the 2-2-1 net in lecture naming)
 * and a bias label at each non-input node (b1, b2, b3). Labels are placed greedily so that they
 * overlap neither each other nor the nodes and sit on as few foreign edges as possible.
 */
import { network, type Network } from '../nn/network.js';
import { InputError } from '../errors.js';
import { boxAround, fits, overlaps, place, type Candidate, type Scene, type Segment } from './place.js';
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
  /** Label the edges; default true for nets with at most 24 weights (beyond that labels crowd). */
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
const MARGIN = 34;
const LABEL_SIZE = 15;
/**
 * Where along an edge a label may sit, as a fraction from source to target. Near the target
 * first: the labels of one node's incoming edges then stand together, as one row of W⁽ˡ⁾ (w1, w2
 * into h1), and away from the crossings in the middle of a dense layer.
 */
const EDGE_TS = [0.7, 0.62, 0.78, 0.54, 0.46, 0.38, 0.3, 0.84, 0.22];

export function networkDiagram(net: DiagramNet | Network, options: NetworkDiagramOptions = {}): string {
  const layers = 'spec' in net ? net.spec.layers : net.layers;
  validate(layers);
  const names: Pick<Network, 'weights' | 'biases'> = net.weights && net.biases ? { weights: net.weights, biases: net.biases } : network({ layers, naming: 'lecture' });
  const weightName = options.weightLabel ?? ((w: WeightRef) => names.weights[w.layer - 1]?.[w.row - 1]?.[w.col - 1]);
  const biasName = options.biasLabel ?? ((b: { layer: number; row: number }) => names.biases[b.layer - 1]?.[b.row - 1]);
  const weightCount = layers.slice(1).reduce((s, n, l) => s + n * layers[l], 0);
  const edgeLabels = options.edgeLabels ?? weightCount <= 24;
  const captions = options.captions ?? true;

  const widest = Math.max(...layers);
  const rowGap = widest <= 3 ? 96 : widest <= 5 ? 78 : 62;
  const top = MARGIN + 18;
  // Below the lowest node: room for a bias label (R + 20 px), then the captions.
  const height = top + (widest - 1) * rowGap + R + 24 + (captions ? 24 : 0);
  const width = 2 * MARGIN + 2 * R + 36 + (layers.length - 1) * COL_GAP;
  const x = (l: number): number => MARGIN + 18 + R + l * COL_GAP;
  const y = (l: number, i: number): number => top + ((widest - layers[l]) / 2 + i) * rowGap;

  const edges: { seg: Segment; ref: WeightRef }[] = [];
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
  if (edgeLabels) {
    for (const e of edges) {
      const name = weightName(e.ref);
      if (name === undefined) continue;
      const m = mathLabel(name);
      body.push(weightText(scene, edgeCandidates(e.seg, m), m, name, e.seg));
    }
  }
  if (captions) body.push(...layers.map((_, l) => text(x(l), height - 12, caption(layers.length, l), { size: 12, fill: GREY, family: SANS })));
  return svgDocument(width, height, options.title ?? `network ${layers.join('-')}`, body);
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
 * Bias labels of one column all take the same spot relative to their nodes (the first spot, in
 * order of preference, where none of them overlaps anything), so no label reads as belonging to
 * the neighbouring node. Dense columns prefer the upper right: between nodes 62 px apart a label
 * above would sit halfway between two nodes.
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
    return dense ? [upperRight, right, above, below] : [above, upperRight, below, right];
  };
  const options = nodes.map((n) => spots(n.cx, n.cy, mathLabel(n.name)));
  const count = options[0]?.length ?? 0;
  const together = (k: number): boolean =>
    options.every((o, i) => fits(scene, o[k].box) && options.every((p, j) => j === i || !overlaps(o[k].box, p[k].box)));
  let k = 0;
  while (k < count && !together(k)) k++;
  return nodes.map((n, i) => {
    // No common spot: fall back to the best spot for each label on its own.
    const c = k < count ? options[i][k] : place(scene, options[i]);
    if (k < count) scene.obstacles.push(c.box);
    const m = mathLabel(n.name);
    return mathText(c.x, c.y, m, { size: LABEL_SIZE, halo: true, name: n.name, role: 'bias', fill: ACCENT });
  });
}

function edgeCandidates(s: Segment, m: MathLabel): Candidate[] {
  const [ax, ay] = s.a;
  const [bx, by] = s.b;
  return EDGE_TS.map((t) => labelBox(ax + (bx - ax) * t, ay + (by - ay) * t, m));
}

/** A weight label on its own edge (the edge it sits on does not count as crossed). */
function weightText(scene: Scene, candidates: readonly Candidate[], m: MathLabel, name: string, own: Segment): string {
  const c = place(scene, candidates, [own]);
  return mathText(c.x, c.y, m, { size: LABEL_SIZE, halo: true, name, role: 'weight', fill: INK });
}
