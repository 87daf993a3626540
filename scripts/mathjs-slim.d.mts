/** Types of scripts/mathjs-slim.mjs: the same shape as src/types/mathjs-bundle.d.ts's default export. */
import type { MathJsInstance, Fraction } from 'mathjs';
declare const math: Pick<MathJsInstance, 'parse'> & { readonly Fraction: typeof Fraction };
export default math;
