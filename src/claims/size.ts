import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { SizeClaim } from '../schema/claims.js';
import { type MoneyMatch, qualifierAt } from './numbers.js';
import type { SubjectReader } from './subject.js';

// A sentence is about a market's size when it says so; company sales, funding and deal values are not.
export const SIZE_CUE = /\bmarkets?\b|\bvalu(?:ed|ation)\b|\bvalue projection\b|\bmarket (?:size|value|revenue)\b|\bworth\b/i;
/** Money that is never a market's size: funding, deals, prices, costs. */
const NOT_SIZE_BEFORE =
  /\b(?:funding|investments?|invest(?:ed|ing)?|raised|raising|financing|deal|acquisition|acquired|acquire|buy|bought|price[ds]?|priced at|cost|costs|spent|budget|grants?|profit|loss|paid|payment|upfront|milestones?)\b[^$]{0,30}$/i;
/** Sales or revenue: a market's size when the figure's subject is a market, a region or a segment; a company's otherwise. */
const SALES_BEFORE = /\b(?:sales|revenues?|earnings|income|spending|turnover)\b[^$]{0,30}$/i;
const MARKET_KINDS = new Set(['market', 'region', 'segment', 'other-market']);
const PROJECTION_BEFORE =
  /\b(?:reach(?:ing|es)?|to|projected|expected|forecast(?:ed)?|anticipated|estimated to|grow to|rise to|climb to|escalate|surpass(?:ing)?|exceed(?:ing)?|hit|touch)\b[^$]{0,40}$|\bvalue projection\b[^$]{0,10}$/i;
const VALUE_BEFORE = /\b(?:valued at|valuation of|was|stood at|is|accounted for|size (?:of|was|is)|market size in \d{4}:?|worth)\b[^$]{0,30}$/i;

const YEAR_AFTER = /^[^.;$]{0,25}?\b(?:in|by|for|of|through|until|till|to|during|as)\s+(?:the\s+(?:year|end of)\s+)?(19[5-9]\d|20\d\d)\b/i;
const YEARS = /\b(19[5-9]\d|20\d\d)\b/g;
const AS_OF = /\bas of\s+(19[5-9]\d|20\d\d)\b/i;

function yearFor(text: string, m: MoneyMatch, nextFrom: number, prevEnd: number): number | null {
  const after = YEAR_AFTER.exec(text.slice(m.to, nextFrom));
  if (after) return Number(after[1]);
  // The nearest year before the figure, within its clause ("2022 valuation of", "Market Size in 2025:").
  const window = text.slice(Math.max(prevEnd, m.from - 120), m.from);
  if (!/[.;](?:\s|$)/.test(window)) {
    const years = [...window.matchAll(YEARS)];
    if (years.length) return Number(years[years.length - 1][1]);
  }
  const asOf = AS_OF.exec(text);
  if (asOf) return Number(asOf[1]);
  return null;
}

/** Market-size claims of one sentence (in USD). */
export function sizeClaims(nextId: () => string, s: Sentence, money: MoneyMatch[], spans: Spans, subjects: SubjectReader): SizeClaim[] {
  const cued = SIZE_CUE.test(s.text);
  const out: SizeClaim[] = [];
  money.forEach((m, i) => {
    const prevEnd = i > 0 ? money[i - 1].to : 0;
    const nextFrom = i + 1 < money.length ? money[i + 1].from : s.text.length;
    const before = s.text.slice(Math.max(prevEnd, m.from - 60), m.from);
    const namesMarket = /\bmarket\b/i.test(before);
    if (NOT_SIZE_BEFORE.test(before) && !namesMarket) return;
    const subject = subjects.subjectAt(s, m.from);
    // Without a word of size in the sentence, or after "sales", only a figure about a market, region or segment is a size.
    if ((!cued || (SALES_BEFORE.test(before) && !namesMarket)) && !MARKET_KINDS.has(subject.kind)) return;
    const q = qualifierAt(s.text, m.from);
    const role = PROJECTION_BEFORE.test(before) ? 'projection' : VALUE_BEFORE.test(before) ? 'value' : 'unknown';
    out.push({
      id: nextId(),
      kind: 'size',
      value: m.amount,
      currency: m.currency,
      unitWord: m.unitWord,
      qualifier: q.qualifier,
      year: yearFor(s.text, m, nextFrom, prevEnd),
      role,
      subject,
      evidence: spans.of(s.block, s.from + q.start, s.from + m.to, 'market size'),
      sentence: spans.of(s.block, s.from, s.to, 'sentence'),
    });
  });
  return out;
}
