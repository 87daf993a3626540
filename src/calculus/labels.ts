/** How prose names a function: σ for sigma, relu for relu. */
const GREEK: Record<string, string> = { sigma: 'σ', phi: 'φ', psi: 'ψ', varphi: 'φ' };

export function functionLabel(fn: string): string {
  return GREEK[fn] ?? fn;
}
