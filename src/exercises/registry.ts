/** Every exercise kind, in one explicit table. */
import type { KindInfo } from './define.js';
import type { ExerciseKind } from './types.js';
import { chainRule } from './kinds/chain-rule.js';
import { xorDesign } from './kinds/xor-design.js';
import { linearCollapseKind } from './kinds/linear-collapse.js';
import { jacobianKind } from './kinds/jacobian.js';
import { jacobianChain } from './kinds/jacobian-chain.js';
import { jacobianVsGradient } from './kinds/jacobian-vs-gradient.js';
import { forwardPass } from './kinds/forward-pass.js';
import { networkExpansion } from './kinds/network-expansion.js';
import { partial } from './kinds/partial.js';
import { allPartials } from './kinds/all-partials.js';
import { msePartials } from './kinds/mse-partials.js';
import { gradientStep } from './kinds/gradient-step.js';
import { matrixGradients } from './kinds/matrix-gradients.js';

const KINDS: readonly KindInfo[] = [chainRule, xorDesign, linearCollapseKind, jacobianKind, jacobianChain, jacobianVsGradient,
  forwardPass, networkExpansion, partial, allPartials, msePartials, gradientStep, matrixGradients];

const table = new Map<ExerciseKind, KindInfo>(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: ExerciseKind): KindInfo {
  const info = table.get(kind);
  if (!info) throw new Error(`exercise kind ${kind} has no generator yet`);
  return info;
}

export function allKinds(): readonly KindInfo[] {
  return KINDS;
}
