import { z } from 'zod';
import { admissible } from '../claims/numbers.js';
import type { GrowthClaim, Qualifier, StatedNumber } from '../schema/claims.js';

export type Interval = [number, number];

/** The values a stated, qualified figure admits (rounding, qualifier, approximate tolerance). */
export function intervalOf(n: StatedNumber, qualifier: Qualifier, approxTolerance: number, upper: StatedNumber | null = null): Interval {
  return admissible(n, qualifier, approxTolerance, upper);
}

export function intersects(a: Interval, b: Interval, slack = 0): boolean {
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/** Distance between two disjoint intervals (0 when they meet). */
export function gap(a: Interval, b: Interval): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The option every figure-comparing rule takes: relative widening of "approximately" figures (0.1 = ±10%). */
export const approxToleranceOption = z
  .number()
  .min(0)
  .max(1)
  .default(0.1)
  .describe('The most an “approximately” figure may stray, as a fraction of it (0.1 = ±10%); within that, one unit of its last digit, at least 1%.');

/**
 * The rates a stated growth rate admits. An exact rate may be truncated rather than rounded
 * ("17.08%" for 17.086%): its interval reaches up one unit of its last digit.
 */
export function statedRate(r: GrowthClaim, approxTolerance: number): Interval {
  const interval = intervalOf(r.rate, r.qualifier, approxTolerance, r.rateTo);
  return r.qualifier === 'exact' ? [interval[0], Math.max(interval[1], r.rate.value + 10 ** -r.rate.decimals)] : interval;
}
