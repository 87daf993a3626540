import type { Condition } from '../ops/types.js';

export function conditionHolds(rel: Condition['rel'], value: number): boolean {
  switch (rel) {
    case '<=':
      return value <= 0;
    case '<':
      return value < 0;
    case '>':
      return value > 0;
    case '>=':
      return value >= 0;
  }
}
