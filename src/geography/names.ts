import { memoByText } from '../cache/block-cache.js';
import { lookupPlace, type Place } from '../lexicon/gazetteer.js';

/** A stretch of a block's text: offsets are block-text offsets, `text` is the slice. */
export interface TextSpan {
  from: number;
  to: number;
  text: string;
}

// Longer than any place name a country list holds; longer items are prose, not names.
export const MAX_NAME = 80;

// Lower-case words that occur inside place names ("Bosnia and Herzegovina", "Iran, Islamic Republic of").
const CONNECTORS = new Set(['of', 'and', 'the', 'da', 'de', 'del', 'des', 'di', 'do', 'du', 'el', 'la', 'le', 'y', 'et', 'und']);

/**
 * Entries that stand for "everything else" rather than for a place: they are legitimate in a
 * country list and name nothing the gazetteer could know.
 */
const FILLER =
  /^(?:others?|other (?:countries|regions|markets|nations|economies|areas|territories)|rest of .{1,60}|remaining (?:countries|regions|markets)|(?:the )?rest|row|global|worldwide|international|etc\.?|and others|others? \/ .{1,40})$/i;

/** Trims `text[from, to)` to its non-blank core. */
export function trimSpan(text: string, from: number, to: number): TextSpan {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { from, to, text: text.slice(from, to) };
}

/**
 * The name an item holds, without footnote marks, trailing separators or a trailing parenthetical
 * note ("U.K. (incl. Northern Ireland)"). The parenthetical is kept when the whole resolves
 * ("Congo (Brazzaville)").
 */
export function nameSpan(text: string, from = 0, to = text.length): TextSpan {
  let span = trimSpan(text, from, to);
  let end = span.to;
  while (end > span.from && /[*†‡:;,¹²³]/.test(text[end - 1])) end--;
  span = trimSpan(text, span.from, end);
  if (span.text.endsWith(')') && lookupPlace(span.text) === null) {
    const open = span.text.lastIndexOf('(');
    if (open > 0) span = trimSpan(text, span.from, span.from + open);
  }
  return span;
}

/** The place a name denotes, or null. */
export function placeOf(name: string): Place | null {
  if (name.length === 0 || name.length > MAX_NAME) return null;
  return lookupPlace(name);
}

export function isFiller(name: string): boolean {
  return name.length <= MAX_NAME && FILLER.test(name.trim());
}

/**
 * Whether a text reads like one name rather than prose: short, no digits, every word capitalised
 * except name connectors ("of", "and", "d'…").
 */
export function isNameLike(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME || /\d/.test(name)) return false;
  if (!/^[A-Z\u00C0-\u00DE]/.test(name)) return false;
  if (/[^A-Za-z\u00C0-\u024F\s.'’&,()/-]/.test(name)) return false;
  const words = name.split(/[\s/]+/).filter((w) => w.length > 0);
  if (words.length > 6) return false;
  return words.every((w) => {
    const bare = w.replace(/^[(&,.-]+|[),.]+$/g, '');
    return bare === '' || /^[A-Z\u00C0-\u00DE]/.test(bare) || CONNECTORS.has(bare.toLowerCase()) || /^[dl]['’]/.test(bare);
  });
}

/**
 * The region or group a label names ("North America:", "Asia-Pacific Region", "Europe (USD Bn)"),
 * or null when the label is anything else, a country included.
 */
export function regionOfLabel(label: string | null | undefined): Place | null {
  if (!label || label.length > MAX_NAME) return null;
  return regionNamedBy(label);
}

// Remembered across a batch: the same labels head list after list.
const regionNamedBy = memoByText((label: string): Place | null => {
  const candidates = [label.replace(/\s*:\s*$/, '').trim()];
  candidates.push(candidates[0].replace(/\s*\([^()]*\)\s*$/, ''));
  candidates.push(candidates[1].replace(/\s+(?:region|regions|countries|markets?)$/i, ''));
  for (const c of candidates) {
    const place = placeOf(c);
    if (place) return place.kind === 'region' || place.kind === 'group' ? place : null;
  }
  return null;
});
