/**
 * Which market a report covers, as a key under which reports on the same market meet: "Global Cell
 * Therapy Market", "Cell Therapy Market Size" and "cell therapies market" share one key, "Gene Therapy
 * Market" and "North America Cell Therapy Market" each have their own. The words of the name, with
 * words that never tell markets apart left out, plurals made singular and a few standard
 * abbreviations read as one, in alphabetical order (so word order does not matter).
 */

/** Words that name no market: scope, determiners, and the words titles put around a market's name. */
const NOISE = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'in',
  'on',
  'by',
  'to',
  'global',
  'worldwide',
  'world',
  'international',
  'overall',
  'total',
  'entire',
  'market',
  'industry',
  'sector',
  'size',
  'share',
  'report',
  'analysis',
  'forecast',
  'outlook',
  'trend',
  'research',
]);

/**
 * Standard abbreviations and the names they stand for, read as the abbreviation (after plurals are
 * made singular). Each is the abbreviation under which its encyclopaedia article is known:
 * en.wikipedia.org/wiki/Artificial_intelligence ("AI"), /Internet_of_things ("IoT"),
 * /Electric_vehicle ("EV"), /United_States ("US", "USA"), /United_Kingdom ("UK").
 */
const PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [['artificial', 'intelligence'], 'ai'],
  [['internet', 'of', 'thing'], 'iot'],
  [['electric', 'vehicle'], 'ev'],
  [['united', 'state'], 'us'],
  [['usa'], 'us'],
  [['united', 'kingdom'], 'uk'],
  // "therapeutics" is the plural noun of "therapy" in market names ("cell therapeutics").
  [['therapeutic'], 'therapy'],
];

/** Plural to singular by the regular English endings; applied the same way to every name, so it only has to be consistent. */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case words; "e-commerce" and "u.s." read as one word each. Input is capped, so the scan is bounded. */
function words(name: string): string[] {
  const text = name
    .slice(0, 200)
    .toLowerCase()
    .replace(/(?<=\p{L})[-‐–](?=\p{L})/gu, '')
    .replace(/\b(\p{L})\.(?=\p{L}\b)/gu, '$1');
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function replacePhrases(list: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const hit = PHRASES.find(([phrase]) => phrase.every((w, k) => list[i + k] === w));
    if (hit) {
      out.push(hit[1]);
      i += hit[0].length - 1;
    } else out.push(list[i]);
  }
  return out;
}

/** A title's market phrase when the report's market was not read from it: "Market for Cell Therapies". */
const MARKET_FOR = /\bmarkets?\s+(?:for|of)\s+([^\d,.:;|()–—-]{3,80})/i;

/**
 * The key of a market name (the report's own market, else the phrase a title gives it); null when
 * nothing names a market.
 */
export function marketKey(market: string | null, title: string | null = null): string | null {
  let name = market?.trim() ?? '';
  if (!name && title) name = MARKET_FOR.exec(title.slice(0, 300))?.[1] ?? '';
  const kept = replacePhrases(words(name).map(singular)).filter((w) => !NOISE.has(w) && !/^\d+$/.test(w));
  if (kept.length === 0) return null;
  return [...new Set(kept)].sort().join(' ');
}

/** The name to show for a market: as the report writes it, without "global", in title case. */
export function marketLabel(market: string | null, title: string | null = null): string | null {
  let name = market?.trim() ?? '';
  if (!name && title) name = MARKET_FOR.exec(title.slice(0, 300))?.[1]?.trim() ?? '';
  if (!marketKey(name)) return null;
  return name
    .slice(0, 120)
    .split(/\s+/)
    .map((w) => (w.length > 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
