import { lookupPlace } from '../lexicon/gazetteer.js';
import { memoByText } from '../cache/block-cache.js';
import { itemParts } from './canonical.js';
import { itemTerms } from './item-terms.js';
import { isOther, normaliseText, singular, stripParentheticals, words } from '../lexicon/normalise.js';
import { FORM_WORDS, HEAD_DIMENSION, PHRASE_DIMENSION, SYNONYM_OF } from '../lexicon/segment-terms.js';

/**
 * Which breakdown an item on its own belongs to. 'therapeutic area' is a specialty named alone
 * ("Oncology", "Cardiology"): it fits indication, application and end-user lists alike.
 */
export type ItemDimension =
  'region' | 'end user' | 'distribution channel' | 'delivery method' | 'indication' | 'therapeutic area' | 'industry' | 'substance' | 'form';

/** Items longer than this are descriptions; they are not classified. */
const MAX_WORDS = 8;

function byWords(part: string): ItemDimension | null {
  const ws = words(part);
  return (PHRASE_DIMENSION.get(part) ?? HEAD_DIMENSION.get(ws[ws.length - 1] ?? '') ?? null) as ItemDimension | null;
}

/**
 * A part's dimension from its own words, else from its synonym ("Home Healthcare Services" →
 * home care → end user; "ASCs" → ambulatory surgical center). A synonym never turns a specialty
 * into a disease ("Oncology" stays a therapeutic area, not "cancer").
 */
function partDimension(part: string): ItemDimension | null {
  const own = byWords(part);
  if (own) return own;
  const synonym = SYNONYM_OF.get(part);
  const viaSynonym = synonym ? byWords(synonym) : null;
  return viaSynonym === 'indication' ? null : viaSynonym;
}

/** What the domain lexicon says a whole item is: a disease, a specialty or an industry. */
function lexiconDimension(text: string): ItemDimension | null {
  const terms = itemTerms(text);
  if (terms.covers('conditions')) return 'indication';
  if (terms.covers('specialties')) return 'therapeutic area';
  if (terms.covers('industries')) return 'industry';
  return null;
}

/**
 * The dimension an item reveals by itself, 'other' for remainders ("Others", "Rest of Europe"),
 * or null when it does not say: "Eye Research Centers" → end user (head noun), "Hospital
 * Pharmacies" → distribution channel, "Lung Cancer" → indication, "Germany" → region.
 */
export const itemDimension = memoByText((item: string): ItemDimension | 'other' | null => {
  if (isOther(item)) return 'other';
  const bare = stripParentheticals(item);
  const text = normaliseText(bare);
  if (words(text).length > MAX_WORDS) return null;
  if (lookupPlace(bare)) return 'region';
  const parts = itemParts(item);
  const dims = parts.map(partDimension);
  const own = dims.length > 0 && dims.every((d) => d !== null && d === dims[0]) ? dims[0] : dims.some((d) => d !== null) ? null : lexiconDimension(text);
  // A form word makes an unclassified item, or a substance, a form: "Liquid", "Dry Extract", "Wettable Powder".
  return own === null || own === 'substance' ? (namesForm(text) ? 'form' : own) : own;
});

/** Whether a normalised item has a word (or two-word phrase) that names a physical or dosage form. */
function namesForm(text: string): boolean {
  const ws = words(text).map(singular);
  return ws.some((w, i) => FORM_WORDS.has(w) || (i > 0 && FORM_WORDS.has(`${ws[i - 1]} ${w}`)));
}
