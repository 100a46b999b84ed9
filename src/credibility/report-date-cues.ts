import type { Block } from '../schema/document.js';
import { MONTH_PATTERN } from '../util/months.js';
import { monthNumber, type PartialDate } from '../util/dates.js';

/**
 * Where a scraped report states its own date without a "Published:" label: the dateline of a press
 * release ("LONDON, April 04, 2023 (GLOBE NEWSWIRE)", "Thu, August 26, 2021"), a copyright line,
 * the edition year of its title ("Global Market Report 2023"), the start of the period it
 * forecasts ("CAGR from 2023 to 2033", "Forecast 2025-2033") and the last year it describes as
 * past ("the market was valued at USD 5 billion in 2023").
 */
export interface DateCue {
  date: PartialDate;
  /** "dateline", "copyright year", "report year", "forecast start" or "latest stated year". */
  basis: string;
  block: number;
  from: number;
  to: number;
}

const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const MONTH = String.raw`(${MONTH_PATTERN})\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** Not the start of a year range ("2023-2030", "2023 to 2030"). */
const NOT_RANGE = String.raw`(?!\s{0,3}(?:-|–|—|to\b|through\b)\s{0,3}${YEAR})`;

// "April 04, 2023", "26 August 2021", "2023-04-04". Every repetition is bounded.
const FULL_DATE = new RegExp(String.raw`\b(?:${MONTH}\s{1,3}${DAY},?\s{1,3}(${YEAR})|${DAY}\s{1,3}${MONTH},?\s{1,3}(${YEAR})|(${YEAR})-(\d\d)-(\d\d))\b`, 'i');
// A date announced as a deadline or a future point is not the page's own date.
const DEADLINE_BEFORE = /\b(?:by|until|till|through|before|to|from|between|expected|scheduled|due)\s{1,3}(?:the\s{1,3})?(?:end\s{1,3}of\s{1,3})?$/i;
/** The head of a page, where a dateline stands: this many characters of its first blocks. */
const HEAD_CHARS = 1500;
const HEAD_BLOCKS = 15;

const COPYRIGHT = new RegExp(String.raw`(?:©|&copy;|\(c\)|\bcopyright\b)\s{0,3}(?:©\s{0,3})?(?:${YEAR}\s{0,3}[-–—]\s{0,3})?(${YEAR})\b`, 'i');
const COPYRIGHT_CUE = /©|&copy;|\(c\)|copyright/i;

// "Global Market Report 2023", "Analysis 2025", "2023 Edition". Not "Outlook 2030" or "Forecast 2033": those name a horizon.
const REPORT_YEAR = new RegExp(
  String.raw`\b(?:report|analysis|edition|update|review|study|survey)\s{1,3}(${YEAR})\b${NOT_RANGE}|\b(${YEAR})\s{1,3}(?:edition|report|update|review)\b`,
  'i',
);

// "CAGR of 5% from 2023 to 2033", "Forecast 2025-2033", "Outlook 2025 to 2034", "forecast period (2024-2031)".
const FORECAST_RANGE = new RegExp(
  String.raw`\b(?:cagr|compound annual growth rate)\b[^.;]{0,80}?\b(?:from|between|during|over|for|in)\s{1,3}(?:the\s{1,3})?(?:(?:forecast\s{1,3})?period\s{1,3})?(?:of\s{1,3})?(${YEAR})\s{0,3}(?:-|–|—|to|and|through)\s{0,3}(${YEAR})` +
    String.raw`|\b(?:forecasts?|outlook|projections?)\b[\s:(,]{1,5}(?:period\s{0,3}[:(]?\s{0,3})?(${YEAR})\s{0,3}(?:-|–|—|to|through)\s{0,3}(${YEAR})`,
  'i',
);
const FORECAST_CUE = /cagr|compound annual|forecast|outlook|projection/i;

// "was valued at USD 5 billion in 2023", "reached USD 2.1 billion in 2024", "accounted for 40% in 2022".
const PAST_VALUE = new RegExp(
  String.raw`\b(?:(?:was|were|had\s{1,3}been)\s{1,3}(?:valued|worth|estimated|sized|pegged|calculated|recorded)|reached|stood|totall?ed|amounted|accounted|registered|recorded|generated|captured|held|dominated)\b` +
    String.raw`[^.;!?]{0,100}?\b(?:in|for|during)\s{1,3}(?:the\s{1,3}year\s{1,3})?(${YEAR})\b${NOT_RANGE}`,
  'gi',
);
const PAST_CUE = /valued|worth|estimated|sized|pegged|calculated|recorded|reached|stood|total|amounted|accounted|registered|generated|captured|held|dominated/i;
// The valuation is projected, not past: "is expected to have reached", "will have accounted for".
const PROJECTED_BEFORE =
  /\b(?:will|would|could|may|might|shall|expected|projected|forecast|anticipated|predicted|set|poised|likely|to\s{1,3}have)\b[^.;]{0,40}$/i;

/** Blocks are read this far at most (scraped pages can hold huge blocks). */
const MAX_BLOCK_SCAN = 5000;
const text = (b: Block) => (b.text.length > MAX_BLOCK_SCAN ? b.text.slice(0, MAX_BLOCK_SCAN) : b.text);

function fullDate(m: RegExpExecArray): PartialDate | null {
  let year: number, month: number, day: number;
  if (m[3]) [month, day, year] = [monthNumber(m[1]), Number(m[2]), Number(m[3])];
  else if (m[6]) [day, month, year] = [Number(m[4]), monthNumber(m[5]), Number(m[6])];
  else [year, month, day] = [Number(m[7]), Number(m[8]), Number(m[9])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** The first full date in the head of the page that is not a deadline: a press release's or article's dateline. */
export function datelineOf(blocks: ReadonlyArray<Block>): DateCue | null {
  let read = 0;
  for (const b of blocks.slice(0, HEAD_BLOCKS)) {
    if (read >= HEAD_CHARS) break;
    const t = b.text.slice(0, HEAD_CHARS - read);
    read += t.length + 1;
    const m = FULL_DATE.exec(t);
    if (!m || DEADLINE_BEFORE.test(t.slice(Math.max(0, m.index - 40), m.index))) continue;
    const date = fullDate(m);
    if (date) return { date, basis: 'dateline', block: b.index, from: m.index, to: m.index + m[0].length };
  }
  return null;
}

/** The latest copyright year the page states ("© 2018-2023 Publisher" → 2023). */
export function copyrightYearOf(blocks: ReadonlyArray<Block>): DateCue | null {
  let best: DateCue | null = null;
  for (const b of blocks) {
    const t = text(b);
    if (!COPYRIGHT_CUE.test(t)) continue;
    const m = COPYRIGHT.exec(t);
    if (m && (!best || Number(m[1]) > best.date.year)) {
      best = { date: { year: Number(m[1]), month: null, day: null }, basis: 'copyright year', block: b.index, from: m.index, to: m.index + m[0].length };
    }
  }
  return best;
}

/** The edition year of the report, from its headings or the head of the page ("Global Market Report 2023"). */
export function reportYearOf(blocks: ReadonlyArray<Block>): DateCue | null {
  let read = 0;
  for (const b of blocks) {
    const head = read < HEAD_CHARS;
    read += b.text.length + 1;
    if (!head && b.kind !== 'heading') continue;
    const m = REPORT_YEAR.exec(text(b));
    if (m) {
      const year = Number(m[1] ?? m[2]);
      return { date: { year, month: null, day: null }, basis: 'report year', block: b.index, from: m.index, to: m.index + m[0].length };
    }
  }
  return null;
}

/** The start of the first forecast period the text states in passing ("CAGR from 2023 to 2033", "Forecast 2025-2033"). */
export function forecastStartOf(blocks: ReadonlyArray<Block>): DateCue | null {
  for (const b of blocks) {
    const t = text(b);
    if (!FORECAST_CUE.test(t)) continue;
    const m = FORECAST_RANGE.exec(t);
    if (!m) continue;
    const from = Number(m[1] ?? m[3]);
    const to = Number(m[2] ?? m[4]);
    // A range that runs backwards or spans decades is not a forecast period.
    if (to <= from || to - from > 30) continue;
    return { date: { year: from, month: null, day: null }, basis: 'forecast start', block: b.index, from: m.index, to: m.index + m[0].length };
  }
  return null;
}

/**
 * The latest year, up to `limit`, for which the text states a value as already reached ("was valued
 * at … in 2023"). A report with a forecast period passes its start: a "past" value inside the
 * forecast period is a careless projection, not a fact.
 */
export function latestStatedYearOf(blocks: ReadonlyArray<Block>, limit = Number.POSITIVE_INFINITY): DateCue | null {
  let best: DateCue | null = null;
  for (const b of blocks) {
    const t = text(b);
    if (!PAST_CUE.test(t)) continue;
    PAST_VALUE.lastIndex = 0;
    for (let m = PAST_VALUE.exec(t); m; m = PAST_VALUE.exec(t)) {
      if (PROJECTED_BEFORE.test(t.slice(Math.max(0, m.index - 60), m.index))) continue;
      const year = Number(m[1]);
      if (year > limit) continue;
      if (!best || year > best.date.year) {
        best = { date: { year, month: null, day: null }, basis: 'latest stated year', block: b.index, from: m.index, to: m.index + m[0].length };
      }
    }
  }
  return best;
}
