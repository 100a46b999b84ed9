/** Longest block text considered: template passages are short, and a bound keeps hostile input cheap. */
export const MAX_TEXT = 4000;
export const MARKET = 'mkt';

// A number (with its decimal or thousands parts) or a run of letters and digits.
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+/gu;

/** The words of the report's own market name, so they can be masked wherever they recur. */
export function marketWords(market: string | null): string[] | null {
  const words = (market ?? '').toLowerCase().match(TOKEN)?.slice(0, 12) ?? [];
  return words.length ? words : null;
}

/**
 * Text reduced to what a template keeps when it is filled in again: lower case, the market named
 * by a placeholder, every number "#", punctuation dropped — so "The Widget Market Analysis by
 * types is segmented into" and "The Gadget Market Analysis by types is segmented into" read the
 * same. One pass of one regular expression over at most 4,000 characters. This is the definition;
 * fingerprints read text through templateText (template-text.ts), a faster equivalent.
 */
export function templateWords(text: string, market: readonly string[] | null): string[] {
  const tokens = text.slice(0, MAX_TEXT).toLowerCase().match(TOKEN) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (market && tokens[i] === market[0] && market.every((w, k) => tokens[i + k] === w)) {
      out.push(MARKET);
      i += market.length - 1;
    } else {
      const c = tokens[i].charCodeAt(0);
      out.push(c >= 48 && c <= 57 ? '#' : tokens[i]);
    }
  }
  return out;
}
