import type { Place, PlaceMatch } from '../lexicon/gazetteer.js';

/** A name as written, with the place it denotes when that reads differently: "U.K. (United Kingdom)". */
export function describeName(written: string, place: Place | null): string {
  if (!place || place.name.toLowerCase() === written.toLowerCase()) return written;
  return `${written} (${place.name})`;
}

export function describeMatch(match: PlaceMatch): string {
  return describeName(match.text, match.place);
}

/**
 * What names a country-list group in a finding's identity: its region, else its label as written,
 * else "list" — never its items, so a group keeps its name when it gains or loses an entry.
 */
export function groupName(group: { region: { code: string } | null; label: { text: string } | null }): string {
  return group.region?.code ?? group.label?.text.trim().toLowerCase() ?? 'list';
}
