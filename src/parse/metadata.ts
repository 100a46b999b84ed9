import type { Block, Metadata, Section, Table, YearRange } from '../schema/document.js';
import { marketNameIn, nameBefore } from './market-name.js';
import { isChartCaption } from './captions.js';
import { BlockCache } from '../cache/block-cache.js';
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
  String.raw`(?:published(?:\s+(?:in|on|date)|\s+by\s+[^|:.]{1,60}?\s+(?:on|in))?|publication\s+date|date\s+published|release\s+date|last\s+updated)\s*(?::\s*)?` +
    String.raw`(?:(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(${YEAR})|${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(${YEAR})|${MONTH}\.?,?\s+(${YEAR})|(${YEAR})-(\d\d)-(\d\d))`,
  'i',
);
const DATE_CUE = /base\s|publish|publication|release|updated/i;
// A date in a dateline or byline: "16 September 2025", "Sept. 16, 2025", "April 2024".
const DATE = new RegExp(
  String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(${YEAR})|${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(${YEAR})|${MONTH}\.?,?\s+(${YEAR}))\b`,
  'i',
);
// After a date, what marks a press release's dateline: the wire, a time, the dash before the text.
const WIRE_AFTER =
  /^[\s,]{0,3}(?:\d{1,2}:\d\d\s*(?:[AP]M\s*)?(?:ET|EST|EDT|GMT|UTC|CET)?|\(?\s*(?:GLOBE\s*NEWSWIRE|PRNewswire|Business\s*Wire|ACCESSWIRE|EIN\s*Presswire)|\/\s*PRNewswire|--|—|–\s)/i;
const EARLY_BLOCKS = 12;

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
 * The most frequent market name in "… X market" phrases, for documents whose title names none: one
 * the title's words contain wins over one that only recurs, and a name must recur unless the title
 * contains it. Found from each "market" by reading back over the words before it, not by a pattern
 * tried at every word.
 */
function dominantMarketPhrase(blocks: Block[], title: string | null): string | null {
  // Phrases are counted as written and read once each; counts then merge by name.
  const written = new Map<string, number>();
  for (const b of blocks.slice(0, 400)) {
    const text = b.text.length > 20000 ? b.text.slice(0, 20000) : b.text;
    for (const phrase of marketPhrasesIn(text)) written.set(phrase, (written.get(phrase) ?? 0) + 1);
  }
  // In order of first appearance, as the tie-break below needs.
  const counts = new Map<string, number>();
  for (const [phrase, n] of written) {
    const name = nameBefore(phrase.split(' '));
    const key = name ? normaliseMarket(name) : '';
    if (key.split(' ').length >= 2) counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const titled = title ? normaliseMarket(title) : '';
  const rank = (key: string, n: number) => (titled.includes(key) ? 1000 : 0) + n;
  let best: string | null = null;
  let bestRank = 1;
  for (const [k, n] of counts) if (rank(k, n) > bestRank) [best, bestRank] = [k, rank(k, n)];
  return best;
}
/** "market" as a word of its own, after whitespace. */
const MARKET_WORD = /(?<=\s)market(?!\w)/gi;

const NO_PHRASES: readonly string[] = Object.freeze([]);

/** The words (at most five) before each "market" of a text, as written. */
function marketPhrasesIn(text: string): readonly string[] {
  const out: string[] = [];
  MARKET_WORD.lastIndex = 0;
  for (let m = MARKET_WORD.exec(text); m !== null; m = MARKET_WORD.exec(text)) {
    const words = wordsBefore(text, m.index, 160, 7);
    if (words.length > 0) out.push(words.slice(-5).join(' '));
  }
  return out.length > 0 ? out : NO_PHRASES;
}

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

/** The report's market: named in its title, its first heading, its <title> or an early heading, else the phrase its text repeats. */
function marketOf(blocks: Block[], title: string | null, rawTitle: string | null): string | null {
  const early = blocks.slice(0, 8).filter((b) => b.kind === 'heading' || b.index === 0);
  for (const text of [title, rawTitle, ...early.map((b) => b.text)]) {
    const name = text ? marketNameIn(text) : null;
    if (name) return normaliseMarket(name);
  }
  return dominantMarketPhrase(blocks, title ?? rawTitle);
}

/** A key-value table row ("Forecast Period | 2025 to 2034") as one line, with the block its value is in. */
interface KeyValueLine {
  text: string;
  valueBlock: number;
}

function keyValueLines(tables: readonly Table[]): KeyValueLine[] {
  const out: KeyValueLine[] = [];
  for (const t of tables) {
    if (t.cells.length > 400) continue;
    for (let r = 0; r < t.rows; r++) {
      const row = t.cells.filter((c) => c.row === r && c.text.length > 0);
      if (row.length !== 2 || row[1].blocks.length === 0 || !/[A-Za-z]/.test(row[0].text) || row[0].text.length > 80) continue;
      out.push({ text: `${row[0].text}: ${row[1].text}`, valueBlock: row[1].blocks[0] });
    }
  }
  return out;
}

/** A dateline or byline date near the top: "LONDON, April 04, 2023 (GLOBE NEWSWIRE) --", "Site | Health | May 12, 2020". */
function datelineDate(blocks: Block[], spans: Spans): Metadata['publishDate'] {
  for (const b of blocks.slice(0, EARLY_BLOCKS)) {
    if (b.text.length > 600) continue;
    const m = DATE.exec(b.text);
    if (!m) continue;
    const end = m.index + m[0].length;
    const parts = b.text.split(/\s[|·•]\s/);
    const ownPart = parts.some((p) => p.trim() === m[0]) || b.text.trim() === m[0];
    if (!ownPart && !WIRE_AFTER.test(b.text.slice(end, end + 40))) continue;
    const date = dateOf(m);
    if (date) return { ...date, evidence: spans.of(b.index, m.index, end, 'publish date') };
  }
  return null;
}

/** ISO date of a DATE match, as precise as written ("2024-04" for "April 2024"). */
function dateOf(m: RegExpExecArray): { iso: string; year: number } | null {
  let y: number, mo: number, d: number | null;
  if (m[1]) [d, mo, y] = [Number(m[1]), monthNumber(m[2]), Number(m[3])];
  else if (m[4]) [mo, d, y] = [monthNumber(m[4]), Number(m[5]), Number(m[6])];
  else [mo, d, y] = [monthNumber(m[7]), null, Number(m[8])];
  if (mo < 1 || mo > 12 || (d !== null && (d < 1 || d > 31))) return null;
  return { iso: d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`, year: y };
}

export function extractMetadata(blocks: Block[], _sections: Section[], rawTitle: string | null, spans: Spans, tables: readonly Table[] = []): Metadata {
  const title = chooseTitle(blocks, rawTitle);
  let titleHorizon: YearRange | null = null;
  if (title) {
    const m = TITLE_RANGE.exec(title.text);
    if (m && title.block !== null) {
      titleHorizon = { from: Number(m[1]), to: Number(m[2]), evidence: spans.of(title.block, m.index, m.index + m[0].length, 'title horizon') };
    }
  }
  const market = marketOf(blocks, title?.text ?? null, rawTitle);
  const keyValues = keyValueLines(tables);

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
        else if (m[7]) [mo, d, y] = [monthNumber(m[7]), 0, Number(m[8])];
        else [y, mo, d] = [Number(m[9]), Number(m[10]), Number(m[11])];
        // A month without a day ("Published: March 2023") stays a month: "2023-03".
        if (mo >= 1 && mo <= 12 && d >= 0 && d <= 31) {
          publishDate = {
            iso: d === 0 ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`,
            year: y,
            evidence: spans.of(b.index, m.index, m.index + m[0].length, 'publish date'),
          };
        }
      }
    }
    if (baseYear && publishDate) break;
  }
  for (const kv of keyValues) {
    if (!baseYear) {
      const m = BASE_YEAR.exec(kv.text);
      if (m) baseYear = { year: Number(m[1]), evidence: spans.block(kv.valueBlock, 'base year') };
    }
  }
  publishDate ??= datelineDate(blocks, spans);
  const fromTable = (re: RegExp, role: string): YearRange | null => {
    for (const kv of keyValues) {
      const m = re.exec(kv.text);
      const years = m
        ? m
            .slice(1)
            .filter((g) => g !== undefined)
            .map(Number)
        : [];
      if (years.length >= 2) return { from: years[0], to: years[1], evidence: spans.block(kv.valueBlock, role) };
    }
    return null;
  };

  return {
    title: title?.text ?? null,
    titleHorizon,
    forecastPeriod: findRange(blocks, FORECAST, spans, FORECAST_CUE) ?? fromTable(FORECAST, 'period'),
    historicalRange: findRange(blocks, HISTORICAL, spans, HISTORICAL_CUE) ?? fromTable(HISTORICAL, 'period'),
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
