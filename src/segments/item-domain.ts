import { memoByText } from '../cache/block-cache.js';
import { itemParts } from './canonical.js';
import { domainsOf, itemTerms, type ItemTerm } from './item-terms.js';
import { isOther, normaliseText, stripParentheticals, words } from '../lexicon/normalise.js';
import { CARE_SETTING_HEADS, HEAD_DIMENSION } from '../lexicon/segment-terms.js';

/**
 * What an item says about its domain, when it says so clearly:
 * - setting: a care setting qualified by a specialty ("Dermatology Clinics" → dermatology);
 * - industry: an industry name and nothing else ("Automotive", "Animal Feed");
 * - condition: a disease ("Lung Cancer" → oncology).
 * General settings ("Hospitals and Clinics", "Research Institutes") say nothing and give null.
 */
export interface ItemReading {
  kind: 'setting' | 'industry' | 'condition';
  domains: string[];
  terms: ItemTerm[];
}

const MAX_WORDS = 10;

function lastWord(part: string): string {
  const ws = words(part);
  return ws[ws.length - 1] ?? '';
}

export const readItem = memoByText((item: string): ItemReading | null => {
  if (isOther(item)) return null;
  const text = normaliseText(stripParentheticals(item));
  if (words(text).length === 0 || words(text).length > MAX_WORDS) return null;
  const terms = itemTerms(text);
  const parts = itemParts(item);
  const specialties = terms.byRole.specialties;
  if (specialties.length > 0 && parts.some((p) => CARE_SETTING_HEADS.has(lastWord(p)))) {
    return { kind: 'setting', domains: domainsOf(specialties), terms: specialties };
  }
  if (terms.covers('industries')) {
    return { kind: 'industry', domains: domainsOf(terms.byRole.industries), terms: terms.byRole.industries };
  }
  const conditions = terms.byRole.conditions;
  const diseaseHead = parts.length > 0 && parts.every((p) => HEAD_DIMENSION.get(lastWord(p)) === 'indication');
  if (conditions.length > 0 && (diseaseHead || terms.covers('conditions'))) {
    return { kind: 'condition', domains: domainsOf(conditions), terms: conditions };
  }
  return null;
});
