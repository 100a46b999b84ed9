import type { Place } from '../lexicon/gazetteer.js';
import type { GeoItem } from './groups.js';
import { placeOf } from './names.js';

export interface SplitName {
  /** The consecutive items that together make the name. */
  items: GeoItem[];
  place: Place;
  /** The name they make, as joined. */
  joined: string;
}

const MAX_PARTS = 3;

/**
 * Consecutive items that form one place name when joined ("Costa" + "Rica", "New" + "Zealand",
 * "Trinidad" + "Tobago"), provided some part names no place by itself: "Middle East" + "Africa"
 * joins into a region too, but both are regions on their own and are listed as such.
 */
export function findSplitNames(items: GeoItem[]): SplitName[] {
  const out: SplitName[] = [];
  for (let i = 0; i < items.length;) {
    let found: SplitName | null = null;
    for (let n = Math.min(MAX_PARTS, items.length - i); n >= 2 && !found; n--) {
      const parts = items.slice(i, i + n);
      if (!parts.some((p) => p.place === null)) continue;
      const texts = parts.map((p) => p.text);
      for (const joined of [texts.join(' '), texts.join(' and ')]) {
        const place = placeOf(joined);
        if (place) {
          found = { items: parts, place, joined };
          break;
        }
      }
    }
    if (found) {
      out.push(found);
      i += found.items.length;
    } else i++;
  }
  return out;
}
