/**
 * Symbol names in the lecture's notation: `w1` → w_{1}, `yhat` → \hat{y}, `yhat2` → \hat{y}_{2},
 * indexed names `W1_2_1` → W^{(1)}_{2,1} (row 2, column 1 of W⁽¹⁾), `b1_2` → b^{(1)}_{2},
 * `epsilon` → \epsilon.
 */

/** Greek letters by the names of their LaTeX commands, as Unicode (varepsilon and varphi as ε and φ). */
export const GREEK_UNICODE: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

const GREEK = new Set(Object.keys(GREEK_UNICODE));

/** LaTeX of a bare name with no index: `w` → w, `sigma` → \sigma, `yhat` → \hat{y}, `foo` → \mathrm{foo}. */
export function baseLatex(base: string): string {
  if (base === 'yhat') return '\\hat{y}';
  if (GREEK.has(base)) return `\\${base}`;
  if (base.length === 1) return base;
  return `\\mathrm{${base}}`;
}

export function nameLatex(name: string): string {
  const indexed = /^([A-Za-z]+)(\d+)((?:_\d+)+)$/.exec(name);
  if (indexed) {
    const [, base, layer, rest] = indexed;
    return `${baseLatex(base)}^{(${layer})}_{${rest.slice(1).split('_').join(',')}}`;
  }
  const plain = /^([A-Za-z]+)(\d+)$/.exec(name);
  // Capital W with a number is a layer's weight matrix, W1 = W⁽¹⁾ (scalar weights are w1, w2, …).
  if (plain && plain[1] === 'W') return `W^{(${plain[2]})}`;
  if (plain) return `${baseLatex(plain[1])}_{${plain[2]}}`;
  if (/^[A-Za-z]+$/.test(name)) return baseLatex(name);
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** Unicode for prose (steps' "because" sentences, feedback): `w1` → w₁, `yhat` → ŷ. */
export function nameUnicode(name: string): string {
  const plain = /^([A-Za-z]+)(\d*)$/.exec(name);
  if (!plain) return name;
  const base = plain[1] === 'yhat' ? 'ŷ' : (GREEK_UNICODE[plain[1]] ?? plain[1]);
  return base + [...plain[2]].map((d) => SUB[Number(d)]).join('');
}
