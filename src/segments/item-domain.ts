import { memoByText } from '../cache/block-cache.js';
import { itemParts } from './canonical.js';
import { domainsOf, itemTerms, type ItemTerm, type ItemTerms } from './item-terms.js';
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
  /** Domains the words before an industry head name ("Crop" in "Crop Insurance"): the item belongs to them too. */
  modifiers?: string[];
}

const MAX_WORDS = 10;
/** An industry named by an item's head noun is read only in short items ("Stand-alone Cyber Insurance"). */
const MAX_HEAD_READING_WORDS = 5;

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
  const head = industryHead(text, terms);
  if (head) return head;
  const conditions = terms.byRole.conditions;
  const diseaseHead = parts.length > 0 && parts.every((p) => HEAD_DIMENSION.get(lastWord(p)) === 'indication');
  if (conditions.length > 0 && (diseaseHead || terms.covers('conditions'))) {
    return { kind: 'condition', domains: domainsOf(conditions), terms: conditions };
  }
  return null;
});

/**
 * An item whose last words are an industry ("Stand-alone Cyber Insurance", "Packaged Cyber
 * Insurance") is a product of that industry; what its other words name is kept as modifiers, so
 * "Crop Insurance" still belongs to agriculture.
 */
function industryHead(text: string, terms: ItemTerms): ItemReading | null {
  if (words(text).length > MAX_HEAD_READING_WORDS) return null;
  const head = terms.byRole.industries.find((t) => t.to === text.length && t.from > 0);
  if (!head) return null;
  const before = Object.values(terms.byRole)
    .flat()
    .filter((t) => t.to <= head.from);
  return { kind: 'industry', domains: head.domains, terms: [head], modifiers: domainsOf(before) };
}
