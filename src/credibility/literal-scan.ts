import type { DocumentModel } from '../schema/document.js';
import { joinBlocks } from './doc-text.js';
import { foldPattern } from './fold.js';
import { entityPhrases, KNOWN_ENTITIES, type EntityPhrase } from './entity-history.js';
import { LiteralMatcher } from './literal-matcher.js';
import { PROMO_LEXICON, type PromoKind } from './promo-lexicon.js';

/** A dictionary hit located in a block: [from, to) are offsets in the block text. */
export interface LocatedHit<T> {
  block: number;
  from: number;
  to: number;
  data: T;
}

type Tag = { promo: PromoKind | null; entity: EntityPhrase | null };

// Every literal the credibility rules look for, in one Aho–Corasick automaton built once, so each
// document is scanned once for all of them (the rules share the result through the cache below).
const MATCHER = (() => {
  const tags = new Map<string, Tag>();
  const tag = (phrase: string) => {
    const key = foldPattern(phrase);
    let t = tags.get(key);
    if (!t) tags.set(key, (t = { promo: null, entity: null }));
    return t;
  };
  for (const p of PROMO_LEXICON.phrases) tag(p.phrase).promo ??= p.kind;
  for (const e of entityPhrases(KNOWN_ENTITIES)) tag(e.phrase).entity = e.data;
  return new LiteralMatcher([...tags].map(([phrase, data]) => ({ phrase, data })));
})();

export interface LiteralScan {
  promo: Array<LocatedHit<PromoKind> & { kind: PromoKind }>;
  entities: Array<LocatedHit<EntityPhrase>>;
}

const cache = new WeakMap<DocumentModel, LiteralScan>();

/** Calls to action and company names of a document, from one pass over its text (memoised per document). */
export function scanLiterals(doc: DocumentModel): LiteralScan {
  const cached = cache.get(doc);
  if (cached) return cached;
  const joined = joinBlocks(doc.blocks);
  const scan: LiteralScan = { promo: [], entities: [] };
  for (const hit of MATCHER.find(joined.text, joined.folded)) {
    const at = joined.locate(hit.from);
    const located = { block: at.block, from: at.offset, to: at.offset + (hit.to - hit.from) };
    if (hit.data.promo) scan.promo.push({ ...located, data: hit.data.promo, kind: hit.data.promo });
    if (hit.data.entity) scan.entities.push({ ...located, data: hit.data.entity });
  }
  cache.set(doc, scan);
  return scan;
}
