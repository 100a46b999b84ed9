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

/** The words after a label's last "by", normalised: they name the breakdown ("… Market by Vehicle Type"); the market name before them does not. */
function afterBy(label: string): string {
  const whole = normaliseText(stripParentheticals(label));
  const by = whole.lastIndexOf('by ');
  return by === 0 || (by > 0 && whole[by - 1] === ' ') ? whole.slice(by + 3) : whole;
}

const qualifierOf = memoByText((label: string): Qualifier => {
  const text = afterBy(label);
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

/** Words of a label that say nothing about what is cut: units, years, report words. */
const LABEL_NOISE = new Set([
  'market',
  'segment',
  'segmentation',
  'analysis',
  'outlook',
  'insight',
  'share',
  'revenue',
  'volume',
  'value',
  'usd',
  'billion',
  'million',
  'kiloton',
  'ton',
  'unit',
  'forecast',
  'global',
  'the',
  'and',
  'by',
  'of',
]);

/**
 * What a breakdown label names, as a comparison key: its words without units, years, report words or
 * the market's own name ("Widget Market By Form, 2021-2031 (USD Billion)" → "form"). Two labels
 * with the same key state the same dimension of the same thing; "Hardware by Type" and "Software by
 * Type" do not.
 */
export function labelQualifier(label: string | null, market: ReadonlySet<string>): string {
  if (!label) return '';
  return words(normaliseText(stripParentheticals(label)))
    .map(singular)
    .filter((w) => !LABEL_NOISE.has(w) && !market.has(w) && !/^\d/.test(w))
    .join(' ');
}
