import { domainTermsIn, type TermRole } from '../lexicon/domains.js';
import { singular } from '../lexicon/normalise.js';
import { GENERIC_WORDS } from '../lexicon/segment-terms.js';

/** A domain phrase found in an item, with the domains it is evidence for in one role. */
export interface ItemTerm {
  text: string;
  domains: string[];
  /** Offsets in the item's normalised text. */
  from: number;
  to: number;
}

export interface ItemTerms {
  /** Phrases by role: conditions, specialties, industries, vocabulary. */
  byRole: Record<TermRole, ItemTerm[]>;
  /** Whether every word of the item, bar generic ones ("industry", "and"), lies inside a phrase of that role. */
  covers(role: TermRole): boolean;
}

/** The domain phrases in an item's normalised (not singularised) text: "sports medicine and physiotherapy clinics". */
export function itemTerms(text: string): ItemTerms {
  const hits = domainTermsIn(text);
  const byRole: Record<TermRole, ItemTerm[]> = { vocabulary: [], conditions: [], specialties: [], industries: [] };
  for (const h of hits) {
    for (const role of Object.keys(byRole) as TermRole[]) {
      const domains = [...new Set(h.data.filter((s) => s.role === role).map((s) => s.domain))];
      if (domains.length > 0) byRole[role].push({ text: text.slice(h.from, h.to), domains, from: h.from, to: h.to });
    }
  }
  const wordRanges = [...text.matchAll(/[a-z0-9]+/g)].map((m) => ({ word: m[0], from: m.index, to: m.index + m[0].length }));
  return {
    byRole,
    covers(role) {
      const inRole = hits.filter((h) => h.data.some((s) => s.role === role));
      if (inRole.length === 0) return false;
      return wordRanges.every((w) => GENERIC_WORDS.has(singular(w.word)) || inRole.some((h) => h.from <= w.from && w.to <= h.to));
    },
  };
}

/** Distinct domains of a list of phrases. */
export function domainsOf(terms: ItemTerm[]): string[] {
  return [...new Set(terms.flatMap((t) => t.domains))];
}
