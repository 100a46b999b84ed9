// Lines a report took from another field's template. Two signs:
// - a heading or coverage line naming a topic of analysis that only one field has ("Prices and
//   Reimbursement Analysis", "Procedure Volumes" in a surfactants report), when the report's
//   vocabulary shows no trace of that field or of any field it serves (rules/data/field-topics.json,
//   rules/data/domains.json);
// - a ranking sentence about a different market ("Asia-Pacific is the fastest-growing region of the
//   global vaccine market" in a veterinary diagnostics report): a market the page names once, that
//   shares no word with the markets it is about and whose vocabulary belongs to a field the report
//   is not about.
// The report's fields are given by the caller (segments/report-domain.ts infers them).

import { z } from 'zod';
import topicsData from '../../rules/data/field-topics.json' with { type: 'json' };
import { memoByText } from '../cache/block-cache.js';
import { DOMAINS, RELATED, domainTermsIn } from '../lexicon/domains.js';
import { PhraseIndex } from '../matching/phrase-index.js';

const TopicsFileSchema = z.object({
  topics: z
    .array(z.object({ phrase: z.string().min(3), field: z.string(), source: z.string().min(20) }))
    .min(1)
    .superRefine((topics, issue) => {
      for (const t of topics) if (!DOMAINS.has(t.field)) issue.addIssue({ code: 'custom', message: `${t.phrase}: unknown field ${t.field}` });
    }),
});

const TOPICS = new PhraseIndex<string>(
  TopicsFileSchema.parse(topicsData).topics.map((t) => ({ phrase: t.phrase, data: t.field })),
  (a) => a,
);

/** A template line is short: a heading or an item of a coverage list, not a sentence of prose. */
const MAX_LINE_WORDS = 12;

export interface ForeignTopic {
  from: number;
  to: number;
  /** The field the topic belongs to (a domain id). */
  field: string;
}

/** What the caller knows of the report's fields: those it is about, and the weight of every field's vocabulary in it. */
export interface ReportFields {
  active: ReadonlySet<string>;
  scores: ReadonlyMap<string, number>;
}

/**
 * Whether a topic's field is foreign to a report: the report is about some field, and neither the
 * topic's field nor any field it serves leaves a trace in the report's vocabulary (a healthcare
 * topic in a report that never names a patient, a disease, a clinic or a drug). Read from the
 * report with the candidate lines set aside, so a line cannot vouch for itself.
 */
function foreignField(field: string, report: ReportFields): boolean {
  if (report.active.size === 0) return false;
  for (const f of RELATED.get(field) ?? [field]) if ((report.scores.get(f) ?? 0) > 0 || report.active.has(f)) return false;
  return true;
}

/** Whether a short line (a heading, an item of a coverage list) names a topic that belongs to one field. */
export function namesFieldTopic(line: string): boolean {
  return line.split(/\s+/).length <= MAX_LINE_WORDS && TOPICS.find(line).length > 0;
}

/** The first topic of a foreign field in a short line of a report; none when the report's field is unknown. */
export function foreignTopicIn(line: string, report: ReportFields): ForeignTopic | null {
  if (report.active.size === 0 || line.split(/\s+/).length > MAX_LINE_WORDS) return null;
  for (const hit of TOPICS.find(line)) if (foreignField(hit.data, report)) return { from: hit.from, to: hit.to, field: hit.data };
  return null;
}

/** "the fastest-growing region of the global widget market": a ranking, then the market it ranks in. */
const RANKED_MARKET =
  /\b(?:fastest[- ]growing|largest|biggest|leading|dominant|highest[- ]growth|second[- ]largest|most lucrative)\s(?:regional\s)?(?:region|segment|country|market|share|player|contributor)s?\s(?:of|in|within)\sthe\s(?:(?:global|worldwide|overall|international)\s)?([a-z][a-z -]{1,50}?)\s(?:market|industry)\b/gi;
/** Every "… market" phrase of the page, to learn which markets it is about. */
const MARKET_NAME = /\b([A-Za-z][A-Za-z -]{1,50}?)\s(?:market|industry)\b/gi;
const GENERIC = new Set(['global', 'worldwide', 'overall', 'international', 'the', 'this', 'market', 'industry', 'and', 'for', 'of']);

function contentWords(name: string): string[] {
  return (name.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !GENERIC.has(w));
}

export interface ForeignMarket {
  from: number;
  to: number;
  /** The other market's name ("vaccine"). */
  market: string;
  /** Its field (a domain id). */
  field: string;
}

/**
 * The names a text's "… market" phrases give it: each tail of each phrase's content words ("the vet
 * diagnostics market" gives "vet diagnostics" and "diagnostics"). Kept per block: pages repeat them.
 */
const marketNamesIn = memoByText((text: string): string[] => {
  if (!/market|industry/i.test(text)) return [];
  const names: string[] = [];
  for (const m of text.slice(0, 200_000).matchAll(MARKET_NAME)) {
    const words = contentWords(m[1]);
    for (let i = 0; i < words.length; i++) names.push(words.slice(i).join(' '));
  }
  return names;
});

/**
 * The words of the markets a page is about: the words of every "… market" phrase that occurs at
 * least twice (a page names its own market again and again), and of its title's market.
 */
export function ownMarketWords(texts: Iterable<string>, titleMarket: string | null): Set<string> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const name of marketNamesIn(text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const own = new Set<string>(contentWords(titleMarket ?? ''));
  for (const [name, n] of counts) if (n >= 2) for (const w of name.split(' ')) own.add(w);
  return own;
}

/** A ranking sentence's market: its name, content words, and the specific (non-umbrella) fields its vocabulary belongs to. */
interface RankedMarket {
  from: number;
  to: number;
  market: string;
  words: string[];
  fields: string[];
}

/** The markets a sentence ranks something in, read once per distinct sentence (pages repeat them). */
const rankedMarketsIn = memoByText((sentence: string): RankedMarket[] => {
  if (!/market|industry/i.test(sentence)) return [];
  return [...sentence.matchAll(RANKED_MARKET)].map((m) => ({
    from: m.index,
    to: m.index + m[0].length,
    market: m[1],
    words: contentWords(m[1]),
    fields: [...new Set(domainTermsIn(m[1]).flatMap((h) => h.data.map((s) => s.domain)))].filter((f) => !DOMAINS.get(f)!.umbrella),
  }));
});

/**
 * A ranking claim made about a market the page is not about, in a sentence of a report of
 * `reportFields`. Parent markets named by umbrella fields ("the pharmaceuticals market") are
 * context, not another report's sentence.
 */
export function foreignMarketIn(sentence: string, ownWords: ReadonlySet<string>, reportFields: ReadonlySet<string>): ForeignMarket | null {
  if (reportFields.size === 0 || sentence.length > 2_000) return null;
  for (const m of rankedMarketsIn(sentence)) {
    if (m.words.length === 0 || m.words.some((w) => ownWords.has(w))) continue;
    if (m.fields.length === 0 || m.fields.some((f) => reportFields.has(f))) continue;
    return { from: m.from, to: m.to, market: m.market, field: m.fields[0] };
  }
  return null;
}
