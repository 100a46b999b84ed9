import { memoByText } from '../cache/block-cache.js';
import { collapseWhitespace } from '../util/whitespace.js';

// Text normalisation for comparing segment names: "Centres" and "centers", "Tumour" and "tumor",
// "Hospitals & Clinics" and "hospital and clinic" compare equal. Keys only; never shown to a reader.

/** Segment names are short; nothing longer is worth normalising (and no pattern sees more). */
const MAX_ITEM = 300;

// British → American spellings of the stems segment names use.
const SPELLING: Record<string, string> = {
  centre: 'center',
  tumour: 'tumor',
  haem: 'hem',
  orthopaed: 'orthoped',
  paediatr: 'pediatr',
  oesophag: 'esophag',
  leukaem: 'leukem',
  anaem: 'anem',
  gynaec: 'gynec',
  organis: 'organiz',
  behaviour: 'behavior',
  aluminium: 'aluminum',
  defence: 'defense',
  fertilis: 'fertiliz',
};
const BRITISH = new RegExp(Object.keys(SPELLING).join('|'), 'g');

/** Parenthesised or bracketed asides, nested up to two levels: "Others (Academic (…), etc.)". */
export function stripParentheticals(text: string): string {
  const head = text.length > MAX_ITEM ? text.slice(0, MAX_ITEM) : text;
  // Most segment names have no aside: nothing to cut, and no need to walk the characters.
  if (head.indexOf('(') < 0 && head.indexOf('[') < 0) return collapseWhitespace(head);
  let out = '';
  let depth = 0;
  let kept = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0x28 /* ( */ || c === 0x5b /* [ */) {
      if (depth === 0) out += head.slice(kept, i);
      depth++;
    } else if ((c === 0x29 /* ) */ || c === 0x5d) /* ] */ && depth > 0) {
      // An unmatched closer at depth 0 is kept as text, as before.
      if (--depth === 0) kept = i + 1;
    }
  }
  if (depth === 0) out += head.slice(kept);
  return collapseWhitespace(out);
}

/** Lower case, accents dropped, "&" → "and", "/" → "or", other punctuation → space, US spelling. */
export function normaliseText(text: string): string {
  return text
    .slice(0, MAX_ITEM)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, 's')
    .replace(/&/g, ' and ')
    .replace(/\//g, ' or ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(BRITISH, (m) => SPELLING[m]);
}

/** A crude singular for comparison keys ("therapies" → "therapy", "clinics" → "clinic"). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function words(normalised: string): string[] {
  return normalised.length === 0 ? [] : normalised.split(' ');
}

/** Normalised text with every word made singular. */
export function singularText(text: string): string {
  return words(normaliseText(text)).map(singular).join(' ');
}

const OTHER = /^(?:others?|other \w+(?: \w+)?|rest of (?:the )?\w+(?: \w+){0,3}|miscellaneous|misc|etc|all others?|remaining)$/;

/** "Others", "Other Types", "Rest of Europe", "Miscellaneous": the remainder of a breakdown. */
export const isOther = memoByText((item: string): boolean => {
  const s = normaliseText(stripParentheticals(item));
  return s.length === 0 || OTHER.test(s);
});
