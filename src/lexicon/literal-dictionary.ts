import { entityPhrases, KNOWN_ENTITIES, type EntityPhrase } from './entity-history.js';
import { foldPattern } from '../matching/fold.js';
import { LiteralMatcher } from '../matching/literal-matcher.js';
import { PROMO_LEXICON, type PromoKind } from './promo-lexicon.js';

/** What a phrase of the dictionary is: a call to action, a company name (old or successor), or both. */
export interface LiteralTag {
  promo: PromoKind | null;
  entity: EntityPhrase | null;
}

/**
 * Every literal the credibility rules look for, in one dictionary built once at module load, so
 * each document is scanned once for all of them.
 */
export const LITERALS: LiteralMatcher<LiteralTag> = (() => {
  const tags = new Map<string, LiteralTag>();
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
