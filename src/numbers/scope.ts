import { findPlaces, lookupPlace, within, type Place } from '../lexicon/gazetteer.js';
import type { Metadata } from '../schema/document.js';
import type { Subject } from '../schema/claims.js';
import type { Evidence } from '../schema/position.js';

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

const BOUNDARY = /[,;:(]|\b(?:while|whereas|but|and|compared)\b/gi;
const MARKET_WORD = /\bmarkets?\b/i;

/**
 * Whether the clause a figure stands in names a market ("North America accounted for USD 3 billion of
 * the widget market", "the North American market was worth …"): a region's GDP, a government's
 * budget or a neighbouring industry's size carries a place too, but is no part of the market.
 * The clause is read as the text between the separators around the figure, within 300 characters.
 */
export function clauseNamesMarket(claim: { evidence: Evidence; sentence: Evidence }): boolean {
  const sentence = claim.sentence.quote;
  const at = claim.evidence.start.offset - claim.sentence.start.offset;
  if (at < 0 || at > sentence.length) return false;
  const from = Math.max(0, at - 300);
  const before = sentence.slice(from, at);
  const after = sentence.slice(at + claim.evidence.quote.length, at + claim.evidence.quote.length + 300);
  let start = 0;
  for (const m of before.matchAll(BOUNDARY)) start = m.index + m[0].length;
  BOUNDARY.lastIndex = 0;
  const next = after.search(BOUNDARY);
  const clause = before.slice(start) + ' ' + (next < 0 ? after : after.slice(0, next));
  return MARKET_WORD.test(clause);
}
