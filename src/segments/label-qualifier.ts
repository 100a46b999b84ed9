import { memoByText } from '../cache/block-cache.js';
import { normaliseText, singular, stripParentheticals, words } from '../lexicon/normalise.js';
import { domainsOf, itemTerms } from './item-terms.js';
import { readItem } from './item-domain.js';

/**
 * What a breakdown label says its items are, beyond the dimension: "By Vehicle Type" lists vehicles,
 * "Aircraft Type" aircraft. Its words (singular) and the domains its words name.
 */
interface Qualifier {
  words: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

const qualifierOf = memoByText((label: string): Qualifier => {
  // The words after the last "by" name the breakdown ("… Market by Vehicle Type"); the market name before them does not.
  const whole = normaliseText(stripParentheticals(label));
  const by = whole.lastIndexOf('by ');
  const text = by === 0 || (by > 0 && whole[by - 1] === ' ') ? whole.slice(by + 3) : whole;
  return { words: new Set(words(text).map(singular)), domains: new Set(domainsOf(Object.values(itemTerms(text).byRole).flat())) };
});

/**
 * Whether the label itself names what an item is: its head noun is a word of the label ("Commercial
 * Vehicles" under "Vehicle Type"), or the industry it reads as is a domain the label names
 * ("Passenger Cars" under "Automobile Type"). Such an item fits its breakdown whatever else it reads as.
 */
export function labelNamesItem(label: string | null, item: string): boolean {
  if (!label) return false;
  const q = qualifierOf(label);
  const ws = words(normaliseText(stripParentheticals(item)));
  const head = ws.length > 0 ? singular(ws[ws.length - 1]) : '';
  if (head.length > 0 && q.words.has(head)) return true;
  const reading = readItem(item);
  return reading?.kind === 'industry' && reading.domains.some((d) => q.domains.has(d));
}
