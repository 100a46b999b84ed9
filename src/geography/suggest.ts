import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import type { Country } from 'world-countries';
import regionsData from '../../rules/data/regions.json' with { type: 'json' };
import { lookupPlace, placeKey } from '../lexicon/gazetteer.js';

const require = createRequire(import.meta.url);

let names: Map<string, string> | null = null;

/** Every name worth suggesting, by lookup key: countries' common names and spellings, regions, groups, aliases. */
function suggestible(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const add = (name: string) => {
    const key = placeKey(name);
    // Short codes ("UK", "NA") are too close to any short typo to be useful suggestions.
    if (key.length > 3 && !names!.has(key)) names!.set(key, name);
  };
  for (const c of require('world-countries') as Country[]) [c.name.common, ...c.altSpellings].forEach(add);
  for (const area of [...regionsData.macroRegions, ...regionsData.groups]) [area.name, ...area.aliases].forEach(add);
  for (const a of regionsData.aliases) add(a.alias);
  return names;
}

/**
 * The known name nearest to an unknown one ("Untied States" → "United States"), if it is within a
 * couple of edits: one for short names, two from six letters on.
 */
export function suggestName(unknown: string): string | null {
  const key = placeKey(unknown);
  if (key.length < 4 || key.length > 60) return null;
  const allowed = key.length >= 6 ? 2 : 1;
  let best: { name: string; d: number } | null = null;
  for (const [k, name] of suggestible()) {
    if (Math.abs(k.length - key.length) > allowed) continue;
    const d = distance(k, key);
    if (d <= allowed && (!best || d < best.d)) best = { name, d };
  }
  return best && lookupPlace(best.name) ? best.name : null;
}
