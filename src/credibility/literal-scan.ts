import type { DocumentModel } from '../schema/document.js';
import { scanDocument, type LocatedHit } from '../lexicon/document-scan.js';
import type { EntityPhrase } from '../lexicon/entity-history.js';
import type { PromoKind } from '../lexicon/promo-lexicon.js';

export type { LocatedHit } from '../lexicon/document-scan.js';

export interface LiteralScan {
  promo: Array<LocatedHit<PromoKind> & { kind: PromoKind }>;
  entities: Array<LocatedHit<EntityPhrase>>;
}

const cache = new WeakMap<DocumentModel, LiteralScan>();

/** Calls to action and company names of a document, from the document's one dictionary pass (memoised per document). */
export function scanLiterals(doc: DocumentModel): LiteralScan {
  const cached = cache.get(doc);
  if (cached) return cached;
  const scan: LiteralScan = { promo: [], entities: [] };
  for (const { block, from, to, data } of scanDocument(doc).literals) {
    if (data.promo) scan.promo.push({ block, from, to, data: data.promo, kind: data.promo });
    if (data.entity) scan.entities.push({ block, from, to, data: data.entity });
  }
  cache.set(doc, scan);
  return scan;
}
