import { findPlaces, type PlaceMatch } from '../lexicon/gazetteer.js';
import type { GeoItem } from './groups.js';
import { MAX_NAME } from './names.js';

/**
 * The place names an item runs together with nothing between them but spaces ("Chile Japan"),
 * with block offsets; null when the item is one name, holds a separator ("Germany and France", "A, B")
 * or has words that are no place. Two names of the same place ("United States America") are one
 * badly written name, not a merge.
 */
export function mergedParts(item: GeoItem): PlaceMatch[] | null {
  if (item.place !== null || item.text.length > MAX_NAME) return null;
  const matches = findPlaces(item.text);
  if (matches.length < 2) return null;
  if (new Set(matches.map((m) => m.place.code)).size < 2) return null;
  let at = 0;
  for (const m of matches) {
    if (item.text.slice(at, m.from).trim() !== '') return null;
    at = m.to;
  }
  if (item.text.slice(at).trim() !== '') return null;
  return matches.map((m) => ({ ...m, from: item.from + m.from, to: item.from + m.to }));
}
