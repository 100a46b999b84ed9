import type { SizeClaim } from '../schema/claims.js';
import { groupBy } from './groups.js';
import { type Interval, intervalOf } from './interval.js';

export function sizeSignature(s: SizeClaim): string {
  return `${s.subject.key}|${s.year}|${s.currency}|${s.qualifier}|${s.value.value}`;
}

/** Distinct statements of size per subject and year (a figure repeated in a summary counts once). */
export function distinctSizes(sizes: SizeClaim[]): SizeClaim[][] {
  return groupBy(
    sizes.filter((s) => s.year !== null),
    sizeSignature,
  );
}

export function sizeInterval(s: SizeClaim, approxTolerance: number): Interval {
  return intervalOf(s.value, s.qualifier, approxTolerance);
}
