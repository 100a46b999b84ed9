import type { SizeClaim } from '../schema/claims.js';
import type { Interval } from './interval.js';

/** CAGR in percent from a start and end value over n years. */
export function cagr(start: number, end: number, n: number): number {
  return ((end / start) ** (1 / n) - 1) * 100;
}

export interface ImpliedRate {
  value: number;
  interval: Interval;
  /** Period lengths considered: the years between the two figures. */
  conventions: number[];
}

/**
 * The growth rate two sizes imply, as an interval: each size may be anything that rounds to what
 * was stated (approximate ones wider). Both years are stated, so the period is the years between
 * them (y2 − y1): counting it inclusively (n + 1) would forgive the off-by-one slips that a careful
 * reader catches. A stated rate is only inconsistent if it lies outside the interval.
 */
export function impliedRate(a: SizeClaim, b: SizeClaim, widen: (c: SizeClaim) => Interval): ImpliedRate | null {
  if (a.year === null || b.year === null || b.year <= a.year) return null;
  const n = b.year - a.year;
  const [aLo, aHi] = widen(a);
  const [bLo, bHi] = widen(b);
  if (aLo <= 0 || !Number.isFinite(aHi) || !Number.isFinite(bHi) || bLo <= 0) return null;
  const conventions = [n];
  let lo = Infinity;
  let hi = -Infinity;
  for (const years of conventions) {
    lo = Math.min(lo, cagr(aHi, bLo, years));
    hi = Math.max(hi, cagr(aLo, bHi, years));
  }
  return { value: cagr(a.value.value, b.value.value, n), interval: [lo, hi], conventions };
}
