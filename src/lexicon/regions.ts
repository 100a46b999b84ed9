import regionsData from '../../rules/data/regions.json' with { type: 'json' };
import { belongsTo, lookupPlace, membersOf, type Place } from './gazetteer.js';

let macro: Place[] | null = null;

/** The data file's macro-regions (North America, Europe, …), smallest first. */
export function macroRegions(): Place[] {
  macro ??= regionsData.macroRegions
    .map((r) => lookupPlace(r.name))
    .filter((p): p is Place => p !== null && p.kind === 'region')
    .sort((a, b) => membersOf(a.code).size - membersOf(b.code).size);
  return macro;
}

/**
 * Where a country belongs, for a message: the first of the report's own sibling regions that holds
 * it (by membership, then by accepted usage), else the smallest macro-region that holds it ("Middle East" before "Middle East & Africa").
 */
export function homeRegion(country: Place, siblings: ReadonlyArray<Place>): Place | null {
  const own = siblings.find((r) => membersOf(r.code).has(country.code)) ?? siblings.find((r) => belongsTo(r, country));
  if (own) return own;
  return macroRegions().find((r) => membersOf(r.code).has(country.code)) ?? null;
}
