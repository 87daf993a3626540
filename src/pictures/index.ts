/** The pictures: pure functions from a network or an XOR design to a self-contained SVG string. */
export { networkDiagram, networkDiagramLayout, type DiagramNet, type NetworkDiagramLayout, type NetworkDiagramOptions, type WeightRef } from './network-diagram.js';
export { xorPlot, type XorPlotOptions } from './xor-plot.js';
