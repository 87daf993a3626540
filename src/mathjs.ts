/**
 * The one place gradsheet imports mathjs: its parser and its exact fractions. See
 * src/types/mathjs-bundle.d.ts for why the single-file build is used.
 */
import math from 'mathjs/lib/browser/math.js';

export const mathjs = math;
export const Fraction = math.Fraction;
export type { Fraction as FractionType } from 'mathjs';
