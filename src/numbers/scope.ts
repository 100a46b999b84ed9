import { findPlaces, lookupPlace, within, type Place } from '../lexicon/gazetteer.js';
import type { Metadata } from '../schema/document.js';
import type { Subject } from '../schema/claims.js';

/** The place a region subject names, or null for a segment or a name the gazetteer does not know. */
export function placeOf(subject: Subject): Place | null {
  return subject.kind === 'region' ? lookupPlace(subject.label.replace(/^the\s+/i, '')) : null;
}

/**
 * Whether a region may hold more than the report's market: the report is about a place (its title or
 * market names one) that the region equals or contains, as North America does a "US … Market".
 * A region inside the report's place, or any region of a global report, is a part of its market.
 */
export function regionCoversScope(region: Place, metadata: Metadata): boolean {
  const text = `${(metadata.title ?? '').slice(0, 300)} ${metadata.market ?? ''}`;
  return findPlaces(text).some((m) => m.place.code === region.code || within(region, m.place));
}
