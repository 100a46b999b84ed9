import { memoByText } from '../cache/block-cache.js';
import { normaliseText, singular, stripParentheticals, words } from '../lexicon/normalise.js';
import { CONJOINED_SYNONYMS, HEAD_DIMENSION, SYNONYM_OF } from '../lexicon/segment-terms.js';

/** An item's normalised, singular text without asides, leading "and"/"or" or trailing "etc". */
export const itemText = memoByText((item: string): string =>
  words(normaliseText(stripParentheticals(item)))
    .map(singular)
    .join(' ')
    .replace(/^(?:and|or) /, '')
    .replace(/ etc$/, ''),
);

/**
 * The things an item names, split at its conjunctions: "Hospitals & Clinics" → [hospital,
 * clinic]; "Academic & Teaching Hospitals" → [academic hospital, teaching hospital] (a bare
 * modifier shares the last part's head noun). Conjoined names from the synonym list
 * ("contract development and manufacturing organization") stay whole.
 */
export const itemParts = memoByText((item: string): readonly string[] => {
  let text = itemText(item);
  for (const [term, canonical] of CONJOINED_SYNONYMS) {
    if (text.includes(term)) text = text.split(term).join(canonical.replace(/ (and|or) /g, '_$1_'));
  }
  const raw = text
    .split(/ (?:and|or) /)
    .map((p) => p.replace(/_(and|or)_/g, ' $1 ').trim())
    .filter((p) => p.length > 0);
  const last = raw.length > 0 ? words(raw[raw.length - 1]) : [];
  const head = last[last.length - 1];
  return raw.map((p, i) => {
    const bareModifier = i < raw.length - 1 && last.length >= 2 && words(p).length === 1 && !SYNONYM_OF.has(p) && !HEAD_DIMENSION.has(p);
    return bareModifier ? `${p} ${head}` : p;
  });
});

/** What a segment item names, as a set of canonical parts ("Oncology" → {cancer}). */
export interface CanonicalItem {
  /** Normalised text, for telling a literal repeat from a synonym. */
  readonly text: string;
  readonly parts: readonly string[];
}

export const canonicalItem = memoByText((item: string): CanonicalItem => {
  const parts = itemParts(item).map((p) => SYNONYM_OF.get(p) ?? p);
  return Object.freeze({ text: itemText(item), parts: Object.freeze([...new Set(parts)].sort()) });
});

export type Overlap = { kind: 'same'; canonical: string } | { kind: 'repeat' } | { kind: 'contains'; whole: 0 | 1 } | null;

/** How two peer items overlap: one thing under two names, a literal repeat, or one containing the other. */
export function overlapOf(a: CanonicalItem, b: CanonicalItem): Overlap {
  if (a.parts.length === 0 || b.parts.length === 0) return null;
  if (a.text === b.text) return { kind: 'repeat' };
  // Parts are few (one to three): a linear search beats building sets for every pair of peers.
  const aInB = a.parts.every((p) => b.parts.includes(p));
  const bInA = b.parts.every((p) => a.parts.includes(p));
  if (aInB && bInA) return { kind: 'same', canonical: a.parts.join(' and ') };
  if (aInB) return { kind: 'contains', whole: 1 };
  if (bInA) return { kind: 'contains', whole: 0 };
  return null;
}
