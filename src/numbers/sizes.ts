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

/**
 * Drops "about $5 billion" where the page also states "$5 billion" for the same subject and year:
 * the exact statement fixes the figure, and the hedged repeat must not widen what a rate may imply.
 */
export function withoutHedgedRepeats(groups: SizeClaim[][]): SizeClaim[][] {
  const figure = (s: SizeClaim) => `${s.subject.key}|${s.year}|${s.currency}|${s.value.value}`;
  const exact = new Set(groups.filter((g) => g[0].qualifier === 'exact').map((g) => figure(g[0])));
  return groups.filter((g) => g[0].qualifier !== 'approximately' || !exact.has(figure(g[0])));
}

export function sizeInterval(s: SizeClaim, approxTolerance: number): Interval {
  return intervalOf(s.value, s.qualifier, approxTolerance);
}

/** Size statements (distinctSizes) by subject key, then year, hedged repeats dropped. */
export function sizesBySubjectYear(statements: SizeClaim[][]): Map<string, Map<number, SizeClaim[]>> {
  const bySubject = new Map<string, Map<number, SizeClaim[]>>();
  for (const [c] of withoutHedgedRepeats(statements)) {
    const years = bySubject.get(c.subject.key) ?? bySubject.set(c.subject.key, new Map()).get(c.subject.key)!;
    (years.get(c.year!) ?? years.set(c.year!, []).get(c.year!)!).push(c);
  }
  return bySubject;
}
