import type { Block, Metadata, Section, YearRange } from '../schema/document.js';
import { isChartCaption } from './captions.js';
import { BlockCache, memoByText } from '../cache/block-cache.js';
import { isAsciiLetter, isSpace, isWordChar } from '../util/chars.js';
import { MONTH_PATTERN, monthNumber } from '../util/months.js';
import type { Spans } from './spans.js';

export const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const RANGE = String.raw`(${YEAR})\s*(?:-|–|—|to|To|TO|through|until)\s*(${YEAR})`;
const MONTH = `(${MONTH_PATTERN})`;

// Optional words sit in groups that carry their own trailing space ("\s*(?:x\s*)?"), never "\s*x?\s*",
// which would try every split of a long run of spaces.
const FORECAST = new RegExp(
  String.raw`forecast(?:ed)?\s+(?:period|years?)\s*(?:(?:of|:|is|from|for|\(|,|-)\s*)?(?:from\s+)?${RANGE}|${RANGE}\)?\s+forecast\s+period`,
  'i',
);
const HISTORICAL = new RegExp(String.raw`historical\s+(?:range|data|period|years?)(?:\s+for)?\s*(?:(?::|-)\s*)?${RANGE}`, 'i');
const BASE_YEAR = new RegExp(String.raw`base\s+year\s*(?:(?:of|:|is|-)\s*)?(${YEAR})`, 'i');
const TITLE_RANGE = new RegExp(RANGE);
const PUBLISHED = new RegExp(
  String.raw`(?:published(?:\s+(?:in|on|date))?|publication\s+date|date\s+published|release\s+date|last\s+updated)\s*(?::\s*)?` +
    String.raw`(?:(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(${YEAR})|${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(${YEAR})|${MONTH}\.?,?\s+(${YEAR})|(${YEAR})-(\d\d)-(\d\d))`,
  'i',
);
const DATE_CUE = /base\s|publish|publication|release|updated/i;
const MARKET_IN_TITLE = /^\s*(?:the\s+)?(?:global\s+|worldwide\s+)?(.{3,120}?)\s+market\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

// Across a batch (see BlockCache): whether a block's text holds a cue, per cue.
const cueHits = new BlockCache<boolean>();
const hasCue = (text: string, cue: RegExp) => cueHits.get(text, (t) => cue.test(t), cue.source);
const FORECAST_CUE = /forecast/i;
const HISTORICAL_CUE = /historical/i;

function findRange(blocks: Block[], re: RegExp, spans: Spans, cue: RegExp): YearRange | null {
  for (const b of blocks) {
    if (!hasCue(b.text, cue)) continue;
    const m = re.exec(b.text);
    if (!m) continue;
    const years = m
      .slice(1)
      .filter((g) => g !== undefined)
      .map(Number);
    if (years.length < 2) continue;
    return { from: years[0], to: years[1], evidence: spans.of(b.index, m.index, m.index + m[0].length, 'period') };
  }
  return null;
}

function chooseTitle(blocks: Block[], rawTitle: string | null): { text: string; block: number | null } | null {
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (h1) return { text: h1.text, block: h1.index };
  // A chart caption ("… Market Revenue 2022 To 2032") near the top is not the report's title.
  const early = blocks.slice(0, 6).filter((b) => b.kind === 'heading' && !isChartCaption(b.text));
  const named = early.find((b) => /\bmarket\b/i.test(b.text)) ?? early.find((b) => /\b(report|industry)\b/i.test(b.text) && b.text.split(/\s+/).length >= 5);
  if (named) return { text: named.text, block: named.index };
  if (rawTitle) return { text: rawTitle, block: null };
  return null;
}

/**
 * The most frequent "… X market" phrase (its last five words at most), for documents without a
 * usable title. Found from each "market" by reading back over the words before it, not by a
 * pattern tried at every word.
 */
function dominantMarketPhrase(blocks: Block[]): string | null {
  // Phrases are counted as written and normalised once each; counts then merge by normalised key.
  const written = new Map<string, number>();
  for (const b of blocks.slice(0, 400)) {
    const text = b.text.length > 20000 ? b.text.slice(0, 20000) : b.text;
    for (const phrase of marketPhrasesIn(text)) written.set(phrase, (written.get(phrase) ?? 0) + 1);
  }
  // In order of first appearance, as the tie-break below needs.
  const counts = new Map<string, number>();
  for (const [phrase, n] of written) {
    const key = normaliseMarket(phrase);
    if (key.split(' ').length >= 2) counts.set(key, (counts.get(key) ?? 0) + n);
  }
  let best: string | null = null;
  let bestCount = 1;
  for (const [k, n] of counts) if (n > bestCount) [best, bestCount] = [k, n];
  return best;
}
/** "market" as a word of its own, after whitespace. */
const MARKET_WORD = /(?<=\s)market(?!\w)/gi;

const NO_PHRASES: readonly string[] = Object.freeze([]);

/** The words (at most five) before each "market" of a text, as written. Remembered across a batch: read only. */
const marketPhrasesIn = memoByText((text): readonly string[] => {
  const out: string[] = [];
  MARKET_WORD.lastIndex = 0;
  for (let m = MARKET_WORD.exec(text); m !== null; m = MARKET_WORD.exec(text)) {
    const words = wordsBefore(text, m.index, 160, 7);
    if (words.length > 0) out.push(words.slice(-5).join(' '));
  }
  return out.length > 0 ? out : NO_PHRASES;
});

/**
 * The run of words that ends in whitespace at `end`, read backwards: at most `max` words, none
 * starting before `end - reach`. A word is a letter followed by word characters and hyphens, and the
 * run stops at a token that does not start with a letter or is not preceded by whitespace.
 */
export function wordsBefore(text: string, end: number, reach: number, max: number): string[] {
  const lo = Math.max(0, end - reach);
  const words: string[] = [];
  let at = end;
  while (words.length < max) {
    // Whitespace first: every word of the run is followed by some.
    let wordEnd = at;
    while (wordEnd > lo && isSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === at || wordEnd === lo) break;
    let start = wordEnd;
    while (start > lo && isWordOrHyphen(text.charCodeAt(start - 1))) start--;
    if (start === wordEnd || !isAsciiLetter(text.charCodeAt(start))) break;
    words.push(text.slice(start, wordEnd));
    if (start === lo || !isSpace(text.charCodeAt(start - 1))) break;
    at = start;
  }
  return words.reverse();
}
const isWordOrHyphen = (code: number) => isWordChar(code) || code === 0x2d;

/** Lower case, no determiners or "global": the key by which market names are compared. */
export function normaliseMarket(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9&+\- ]+/g, ' ')
    .replace(/\b(the|global|worldwide|this|a|an|overall|entire|total)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function extractMetadata(blocks: Block[], _sections: Section[], rawTitle: string | null, spans: Spans): Metadata {
  const title = chooseTitle(blocks, rawTitle);
  let titleHorizon: YearRange | null = null;
  let market: string | null = null;
  if (title) {
    const m = TITLE_RANGE.exec(title.text);
    if (m && title.block !== null) {
      titleHorizon = { from: Number(m[1]), to: Number(m[2]), evidence: spans.of(title.block, m.index, m.index + m[0].length, 'title horizon') };
    }
    const mm = MARKET_IN_TITLE.exec(title.text);
    if (mm) market = normaliseMarket(mm[1]);
  }
  market ??= dominantMarketPhrase(blocks);

  let baseYear: Metadata['baseYear'] = null;
  let publishDate: Metadata['publishDate'] = null;
  for (const b of blocks) {
    // One cheap test per block before the costly patterns: most blocks name no period or date.
    if (!hasCue(b.text, DATE_CUE)) continue;
    if (!baseYear) {
      const m = BASE_YEAR.exec(b.text);
      if (m) baseYear = { year: Number(m[1]), evidence: spans.of(b.index, m.index, m.index + m[0].length, 'base year') };
    }
    if (!publishDate) {
      const m = PUBLISHED.exec(b.text);
      if (m) {
        let y: number, mo: number, d: number;
        if (m[1]) [d, mo, y] = [Number(m[1]), monthNumber(m[2]), Number(m[3])];
        else if (m[4]) [mo, d, y] = [monthNumber(m[4]), Number(m[5]), Number(m[6])];
        else if (m[7]) [mo, d, y] = [monthNumber(m[7]), 1, Number(m[8])];
        else [y, mo, d] = [Number(m[9]), Number(m[10]), Number(m[11])];
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
          publishDate = { iso: `${y}-${pad(mo)}-${pad(d)}`, year: y, evidence: spans.of(b.index, m.index, m.index + m[0].length, 'publish date') };
        }
      }
    }
    if (baseYear && publishDate) break;
  }

  return {
    title: title?.text ?? null,
    titleHorizon,
    forecastPeriod: findRange(blocks, FORECAST, spans, FORECAST_CUE),
    historicalRange: findRange(blocks, HISTORICAL, spans, HISTORICAL_CUE),
    baseYear,
    publishDate,
    market,
  };
}

/** The period the report forecasts: as stated, else the horizon in its title. */
export function forecastOf(meta: Metadata): { from: number; to: number } | null {
  const p = meta.forecastPeriod ?? meta.titleHorizon;
  return p ? { from: p.from, to: p.to } : null;
}
