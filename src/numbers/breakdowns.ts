import type { ShareClaim } from '../schema/claims.js';
import { groupBy } from './groups.js';

export interface Breakdown {
  dimension: string;
  year: number | null;
  /** One claim per segment (the first statement); repeats are kept in `repeats`. */
  parts: ShareClaim[];
  remainders: ShareClaim[];
  repeats: ShareClaim[];
  /** Same segment stated with different figures. */
  disagreements: Array<[ShareClaim, ShareClaim]>;
}

/**
 * Shares grouped into breakdowns: same dimension and year. A share with no year joins the
 * breakdown of its dimension when that dimension has a single year. Shares of different breakdowns
 * (region, type, source…) are never put together, nor are shares whose dimension is unknown.
 */
export function breakdowns(shares: ShareClaim[]): Breakdown[] {
  // Only shares of the market: a share of production capacity or of installations is another pie.
  const known = shares.filter((s) => s.dimension !== 'unknown' && s.whole === 'market');
  const out: Breakdown[] = [];
  for (const dim of groupBy(known, (s) => s.dimension)) {
    const yearsInDim = new Set(dim.filter((s) => s.year !== null).map((s) => s.year));
    const single = yearsInDim.size === 1 ? [...yearsInDim][0]! : null;
    for (const group of groupBy(dim, (s) => String(s.year ?? single))) {
      const b: Breakdown = { dimension: group[0].dimension, year: group[0].year ?? single, parts: [], remainders: [], repeats: [], disagreements: [] };
      const bySegment = new Map<string, ShareClaim>();
      for (const s of group) {
        if (s.role === 'remainder') {
          b.remainders.push(s);
          continue;
        }
        const first = bySegment.get(s.segmentKey);
        if (!first) {
          bySegment.set(s.segmentKey, s);
          b.parts.push(s);
        } else if (first.share.value === s.share.value) b.repeats.push(s);
        else b.disagreements.push([first, s]);
      }
      out.push(b);
    }
  }
  return out;
}

/** Segments that stand for "everything else": "Others", "Rest of Europe", "Rest of the World". */
export function isCatchAll(s: ShareClaim): boolean {
  return /^(?:others?|other\b.*|rest of\b.*|row|remaining\b.*)$/i.test(s.segment.trim()) || s.segmentKey.startsWith('place:rest-of:');
}
