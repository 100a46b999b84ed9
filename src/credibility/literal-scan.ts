import type { DocumentScan, LocatedHit } from '../lexicon/document-scan.js';
import type { EntityPhrase } from '../lexicon/entity-history.js';
import type { PromoKind } from '../lexicon/promo-lexicon.js';

export type { LocatedHit } from '../lexicon/document-scan.js';

export interface LiteralScan {
  promo: Array<LocatedHit<PromoKind> & { kind: PromoKind }>;
  entities: Array<LocatedHit<EntityPhrase>>;
}

/** Calls to action and company names of a document, from the document's one dictionary pass. */
export function literalHits(scan: Pick<DocumentScan, 'literals'>): LiteralScan {
  const found: LiteralScan = { promo: [], entities: [] };
  for (const { block, from, to, data } of scan.literals) {
    if (data.promo) found.promo.push({ block, from, to, data: data.promo, kind: data.promo });
    if (data.entity) found.entities.push({ block, from, to, data: data.entity });
  }
  return found;
}
