/** The pictures: pure functions from a network or an XOR design to a self-contained SVG string. */
export { networkDiagram, type DiagramNet, type NetworkDiagramOptions, type WeightRef } from './network-diagram.js';
export { xorPlot, type XorPlotOptions } from './xor-plot.js';
