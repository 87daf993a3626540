/** Every exercise kind, in one explicit table. */
import type { KindInfo } from './define.js';
import type { ExerciseKind } from './types.js';
import { chainRule } from './kinds/chain-rule.js';

const KINDS: readonly KindInfo[] = [chainRule];

const table = new Map<ExerciseKind, KindInfo>(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: ExerciseKind): KindInfo {
  const info = table.get(kind);
  if (!info) throw new Error(`exercise kind ${kind} has no generator yet`);
  return info;
}

export function allKinds(): readonly KindInfo[] {
  return KINDS;
}
