import type { Place, PlaceMatch } from '../lexicon/gazetteer.js';

/** A name as written, with the place it denotes when that reads differently: "U.K. (United Kingdom)". */
export function describeName(written: string, place: Place | null): string {
  if (!place || place.name.toLowerCase() === written.toLowerCase()) return written;
  return `${written} (${place.name})`;
}

export function describeMatch(match: PlaceMatch): string {
  return describeName(match.text, match.place);
}
