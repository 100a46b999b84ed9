// Sentences a generator broke: two sentences glued where the second goes on in lower case ("…
// drove the rollout. signalling wider adoption"), and a growth statement that gives a start
// and nothing to grow to ("expected to grow from $12.4 billion in 2026, at a CAGR above 6%"). Both
// patterns are linear and texts are cut at MAX_SCAN.

import { moneyIn } from '../claims/numbers.js';
import { memoByText } from '../cache/block-cache.js';
import type { TextMatch } from './findings.js';

const MAX_SCAN = 200_000;

/**
 * A full stop between two lower-case words: the first ends a sentence, the second should open one.
 * The second word is a whole word (not "example. com", not "eBay"), so e-mail addresses, URLs and
 * brand names with capitals inside are not read as one.
 */
const LOWER_CONTINUATION = /(?<![\w.@/-])([a-z]{3,24})\. ([a-z]{3,24})(?![\w.@/'’-])/g;
/**
 * Words that go on with the clause before them — participles and connectives ("… uptake.
 * reflecting swift integration", "… in 2024. driven by hospitals", "… strong. while costs rose"):
 * the full stop cut one sentence in two. A lower-case noun after a full stop is a slip of the
 * writer's, not a generator's seam, and is left alone.
 */
const CONTINUATION =
  /^(?:[a-z]{2,}ing|[a-z]{2,}ed|driven|led|which|who|whose|whereas|while|and|but|or|as|with|without|due|owing|thanks|thereby|because|since|although|though|especially|particularly|mainly|primarily|largely|notably|such|where|when)$/;
/** Lower-case abbreviations that end in a full stop and are followed by a lower-case word. */
const ABBREVIATIONS = new Set([
  'etc',
  'approx',
  'incl',
  'excl',
  'est',
  'avg',
  'yrs',
  'govt',
  'dept',
  'corp',
  'intl',
  'assoc',
  'mfg',
  'mkt',
  'resp',
  'viz',
  'fig',
  'figs',
  'vol',
  'vols',
  'nos',
  'ref',
  'refs',
  'eds',
  'rev',
  'ibid',
  'misc',
  'max',
  'min',
  'lbs',
  'sqft',
  'mln',
  'bln',
  'pcs',
  'hrs',
  'mins',
  'secs',
  'ltd',
  'inc',
  'bros',
  'cont',
  'pkg',
  'qty',
  'tel',
  'ext',
  'dia',
  'univ',
  'ave',
  'blvd',
]);

/** The word before the full stop, the full stop and the lower-case word after it: "uptake. reflecting". */
export type GluedSentence = TextMatch;

/** Places where a sentence runs on after a full stop in lower case. Remembered across a batch: read only. */
export const findGluedSentences: (text: string) => readonly GluedSentence[] = memoByText(scanGlued);

function scanGlued(input: string): readonly GluedSentence[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  const out: GluedSentence[] = [];
  if (text.indexOf('. ') < 0) return out;
  for (const m of text.matchAll(LOWER_CONTINUATION)) {
    if (ABBREVIATIONS.has(m[1]) || !CONTINUATION.test(m[2])) continue;
    out.push({ from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * A forecast of growth from a start: "expected to grow from", "will rise from". A past "sales rose
 * from $41 billion in 2022" recounts a change whose end the text has just given.
 */
const GROWTH_FROM = /(?<=\b(?:to|will|would|could|should|may|might|shall)\s{1,3})(?:grow|rise|increase|expand|climb|jump|surge|advance)\s+from\s+/gi;
const IN_YEAR = /^,?\s*(?:in|during|for)\s+((?:19|20)\d\d)\b/i;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** A horizon given in words: "during the forecast period", "over the next five years". */
const PERIOD_NAMED =
  /\b(?:forecast|projection|review|study) period\b|\b(?:next|coming|following) (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) years\b/i;

export interface DanglingGrowth {
  /** "grow from $12.4 billion in 2026" */
  from: number;
  to: number;
  year: number;
}

/**
 * A forecast of growth "from" an amount in a year, where the rest of the sentence names no amount
 * and its paragraph no later year to grow to: the sentence lost its end point (or, as generators do, printed the end
 * point as the start). "grow from $28.4 billion in 2022 to $30 billion in 2023", "grow from $5
 * billion in 2022 at 6% a year through 2030" and "… at 6% during the forecast period" are whole.
 */
export function findDanglingGrowth(sentence: string, paragraph: string = sentence): DanglingGrowth | null {
  if (sentence.length > 2_000 || !/from/i.test(sentence)) return null;
  for (const g of sentence.matchAll(GROWTH_FROM)) {
    const start = g.index + g[0].length;
    const money = moneyIn(sentence.slice(start, start + 60))[0];
    if (!money || money.from !== 0) continue;
    const afterMoney = start + money.to;
    const year = IN_YEAR.exec(sentence.slice(afterMoney, afterMoney + 20));
    if (!year) continue;
    const end = afterMoney + year[0].length;
    const rest = sentence.slice(end);
    // The end may be given anywhere in the paragraph ("It will reach $10 billion by 2030. It is expected to grow from $5 billion in 2023.").
    const laterYear = [...paragraph.slice(0, 20_000).matchAll(YEAR)].some((y) => Number(y[0]) > Number(year[1]));
    if (laterYear || moneyIn(rest).length > 0 || PERIOD_NAMED.test(rest)) continue;
    return { from: g.index, to: end, year: Number(year[1]) };
  }
  return null;
}
