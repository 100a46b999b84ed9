import { findPlaces, lookupPlace } from '../lexicon/gazetteer.js';
import { normaliseMarket } from '../parse/metadata.js';
import type { Subject } from '../schema/claims.js';
import { BlockCache } from '../cache/block-cache.js';

const MARKET_SUBJECT: Subject = { key: 'market', label: 'the market', kind: 'market' };
const GENERIC = /^(?:|this|that|overall|total|entire|whole|said|target|global|worldwide|industry)$/;

function stem(token: string): string {
  return token.replace(/ies$/, 'y').replace(/(?<=[a-z]{3})s$/, '');
}

function tokens(name: string): string {
  return normaliseMarket(name)
    .split(' ')
    .filter((t) => t && !['and', 'of', 'for', 'in', 'the', 'size', 'value', 'revenue'].includes(t))
    .map(stem)
    .sort()
    .join(' ');
}

/** Same market when the phrase has exactly the report market's words (stemmed, any order). */
function sameMarket(phrase: string, market: string): boolean {
  const norm = normaliseMarket(phrase);
  return norm !== '' && tokens(norm) === tokens(market);
}

// "<words> market" and "<words> segment" closest before a figure, within its clause.
const MARKET_PHRASE = /((?:[A-Za-z][\w&/-]*\s+){0,6}?)(market|segment|sector|industry)\b/gi;

/**
 * Who a growth or size figure is about: the report's own market unless the clause before the
 * figure names another market ("the global gene therapy market"), a region ("the Asia Pacific
 * market", "North America is expected to grow at …") or a segment ("the CAR-T segment").
 */
export function subjectBefore(sentence: string, index: number, market: string | null): Subject {
  const start = Math.max(sentence.lastIndexOf(';', index), sentence.lastIndexOf(', while', index), 0);
  return byClause.get(sentence.slice(start, index), (clause) => subjectOfClause(clause, market), market ?? '');
}

// Across a batch (see BlockCache): the subject depends on the clause and the report's market only.
// Subjects are shared between claims: read only.
const byClause = new BlockCache<Subject>();

function subjectOfClause(clause: string, market: string | null): Subject {
  let last: RegExpExecArray | null = null;
  MARKET_PHRASE.lastIndex = 0;
  for (let m = MARKET_PHRASE.exec(clause); m; m = MARKET_PHRASE.exec(clause)) last = m;
  if (last) {
    const words = last[1].trim();
    const kind = last[2].toLowerCase();
    // "the growth of the X market" → X; but "Gene Therapies for Cancer Treatment Market" is one name.
    const tail = words.replace(/^(?:.*\b(?:of|in|that|which|with|as|the|its)\s+)/i, '').replace(/^(?:the|this|its|global|worldwide)\s+/i, '');
    const whole = words.replace(/^(?:the|this|its)\s+/i, '');
    if (kind !== 'segment' && market && [whole, tail].some((w) => sameMarket(w, market))) return MARKET_SUBJECT;
    const place = tail ? lookupPlace(tail.replace(/\s+(?:regional|region)$/i, '')) : null;
    if (place) return { key: `place:${place.code}`, label: place.name, kind: 'region' };
    const norm = normaliseMarket(tail);
    if (kind === 'segment' && norm) return { key: `segment:${norm}`, label: tail, kind: 'segment' };
    if (kind !== 'segment') {
      if (GENERIC.test(norm)) return MARKET_SUBJECT;
      if (!/^(?:[a-z]+ly|significant|robust|rapid|strong|overall)$/.test(norm)) {
        return { key: `market:${tokens(norm)}`, label: `${tail} ${kind}`, kind: 'other-market' };
      }
    }
  }
  // A place as the clause's subject: "North America is expected to grow at 12%".
  const places = findPlaces(clause.slice(0, 80));
  const first = places[0];
  if (first && first.from <= 20) return { key: `place:${first.place.code}`, label: first.place.name, kind: 'region' };
  return MARKET_SUBJECT;
}

export { MARKET_SUBJECT };
