import { lookupPlace, within } from '../lexicon/gazetteer.js';
import type { DominanceClaim } from '../schema/claims.js';

/** "The U.S. leads" does not contradict "North America leads": one place contains the other. */
export function nestedPlaces(a: string, b: string): boolean {
  const pa = lookupPlace(a.replace(/^the\s+/i, ''));
  const pb = lookupPlace(b.replace(/^the\s+/i, ''));
  return pa !== null && pb !== null && (within(pa, pb) || within(pb, pa));
}

/**
 * Tracks the first leader named per group (a breakdown, or a breakdown and place level) and returns
 * an earlier, different leader of the same group and year when `d` is a second one, once per pair.
 */
export function rivalLeaders(): (group: string, d: DominanceClaim) => { rival: DominanceClaim; key: string } | null {
  const first = new Map<string, DominanceClaim>();
  const seen = new Set<string>();
  return (group, d) => {
    const earlier = first.get(group);
    if (!earlier) {
      first.set(group, d);
      return null;
    }
    if (earlier.segmentKey === d.segmentKey || nestedPlaces(earlier.segment, d.segment)) return null;
    if (earlier.year !== d.year && earlier.year !== null && d.year !== null) return null;
    const key = `two:${[earlier.segmentKey, d.segmentKey].sort().join('|')}`;
    if (seen.has(key)) return null;
    seen.add(key);
    return { rival: earlier, key };
  };
}
