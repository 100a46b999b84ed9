import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { DominanceClaim, ShareClaim, Subject } from '../schema/claims.js';
import { dimensionCue, dimensionOf } from '../lexicon/dimension.js';
import { type PercentMatch, qualifierAt } from './numbers.js';
import { isAside, type Mention } from './segments.js';

const REMAINDER = /\b(?:the\s+)?(?:remaining|remainder|rest of (?:the )?world|row|other regions|other countries|other segments|others|rest)\b/i;
const DOMINANCE =
  /\bdominat(?:e|es|ed|ing)\b|\bdominan(?:ce|t)\b|\blead(?:s|ing)? the (?:global |overall |\w+ )?market\b|\b(?:largest|highest|biggest|major|leading) (?:market )?(?:share|segment|region|revenue share)\b|\bleading (?:region|segment|position)\b/gi;
const YEAR_NEAR = /^[^.;%]{0,30}?\b(?:in|by|for|during|as of)\s+(19[5-9]\d|20\d\d)\b/i;
const YEARS = /\b(19[5-9]\d|20\d\d)\b/g;

function shareYear(text: string, end: number): number | null {
  const near = YEAR_NEAR.exec(text.slice(end));
  if (near) return Number(near[1]);
  const years = new Set([...text.matchAll(YEARS)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : null;
}

function dimensionFor(sentence: string, m: Mention | null): string {
  return dimensionCue(sentence) ?? m?.dimension ?? 'unknown';
}

/**
 * The segment a share belongs to: the last mention between the previous share and this one that is
 * not an aside; failing that, the first mention after it in the same clause ("42% of the market is
 * held by North America").
 */
function subjectOf(sentence: string, p: PercentMatch, prevEnd: number, mentions: Mention[]): Mention | null {
  const before = mentions.filter((m) => m.from >= prevEnd && m.to <= p.from && !isAside(sentence, m));
  if (before.length) return before[before.length - 1];
  const clauseEnd = sentence.slice(p.end).search(/[;]|, while\b|\. /);
  const limit = clauseEnd < 0 ? sentence.length : p.end + clauseEnd;
  return mentions.find((m) => m.from >= p.end && m.from < limit) ?? null;
}

// "of global lithium hydroxide production capacity", "of the market", "of revenue": what follows a share.
const OF_WHOLE =
  /^\s*(?:market\s+share\s+)?of\s+(?:the\s+)?(?:global\s+|total\s+|worldwide\s+|overall\s+|world\s+)?([a-z][a-z\s-]{0,80}?)(?=[,.;)]|\s+(?:in|by|for|during|as|while|and|with|to|from|at)\b|$)/i;
const MARKET_WHOLE = /\b(?:market|industry|revenues?|sales|spending|value|turnover|demand|share)\s*$/i;

/** What a share at `end` is of: "market" unless the words after it name another whole. */
export function wholeOf(sentence: string, end: number, market: string | null): string {
  const m = OF_WHOLE.exec(sentence.slice(end, end + 100));
  if (!m) return 'market';
  const words = m[1].trim().toLowerCase();
  if (MARKET_WHOLE.test(words) || (market !== null && (words === market || words === `${market}s`))) return 'market';
  return words.replace(/\s+/g, ' ');
}

export function shareClaims(
  nextId: () => string,
  s: Sentence,
  shares: PercentMatch[],
  mentions: Mention[],
  spans: Spans,
  market: string | null = null,
): ShareClaim[] {
  const out: ShareClaim[] = [];
  const dominantAt = [...s.text.matchAll(DOMINANCE)].map((m) => m.index!);
  shares.forEach((p, i) => {
    const prevEnd = i > 0 ? shares[i - 1].end : 0;
    const between = s.text.slice(prevEnd, p.from);
    const remainder = REMAINDER.exec(s.text.slice(Math.max(prevEnd, p.from - 40), Math.min(s.text.length, p.end + 40)));
    const subject = subjectOf(s.text, p, prevEnd, mentions);
    const isRemainder = remainder !== null && (!subject || /\b(?:remaining|remainder|rest)\b/i.test(s.text.slice(Math.max(prevEnd, p.from - 40), p.from)));
    if (!subject && !isRemainder) return;
    const segmentText = isRemainder ? remainder![0] : subject!.text;
    const segmentEvidence = isRemainder
      ? spans.of(s.block, s.from + p.from, s.from + p.end, 'remainder')
      : spans.of(s.block, s.from + subject!.from, s.from + subject!.to, 'segment');
    const q = qualifierAt(s.text, p.from);
    out.push({
      id: nextId(),
      kind: 'share',
      segment: segmentText,
      segmentKey: isRemainder ? 'remainder' : subject!.key,
      share: p.value,
      qualifier: p.to ? 'range' : q.qualifier,
      year: shareYear(s.text, p.end),
      whole: wholeOf(s.text, p.end, market),
      dimension: dimensionFor(s.text, subject),
      role: isRemainder ? 'remainder' : 'segment',
      dominant: dominantAt.some((d) => d >= prevEnd && d < p.end + 20) && !/\bfollow/i.test(between),
      evidence: spans.of(s.block, s.from + q.start, s.from + p.end, 'share'),
      segmentEvidence,
      sentence: spans.of(s.block, s.from, s.to, 'sentence'),
    });
  });
  return out;
}

// "the fastest-growing region", "is expected to grow the fastest", "Fastest Growing Market: Middle East".
export const FASTEST =
  /\b(?:fastest|quickest|most rapidly)[- ](?:growing|moving|expanding|rising)\b|\bgrow(?:s|ing)?\s+(?:the\s+)?fastest\b|\bhighest\s+(?:growth(?:\s+rate)?|CAGR)\b|\bfaster[- ]growing\s+of\s+the\s+two\b/gi;
// "among the fastest-growing markets", "one of the fastest growing": a group, not a ranking.
const ONE_OF = /\b(?:among|one\s+of)\s+(?:the\s+)?$/i;
// The noun a superlative qualifies: "fastest-growing end-user group", "… country market".
const RANKED_NOUN =
  /^[\s-]*(?:(?:market|revenue)\s+)?((?:[a-z-]+\s+){0,2}?(?:region|country|segment|application|end[- ]user|type|product|component|technology|channel|source|service|indication|group|category|market))\b/i;
// "Fastest Growing Market: Middle East": a label, then the name.
const LABELLED_LEADER = /^\s*(?:fastest[- ]growing|largest|dominant|leading|biggest)\s+([a-z -]{0,30}?)\s*:\s*(.{2,60}?)\s*(?:\(|$)/i;

/**
 * "X is the fastest-growing region" (and label forms): growth-rank claims, subject from the mention
 * before the superlative, the name after a label, or the clause's own subject.
 */
export function fastestClaims(nextId: () => string, s: Sentence, mentions: Mention[], spans: Spans, subjectAt: (index: number) => Subject): DominanceClaim[] {
  const out: DominanceClaim[] = [];
  const labelled = LABELLED_LEADER.exec(s.text);
  if (labelled) {
    const aspect = /fastest/i.test(labelled[0]) ? 'growth' : 'share';
    const nameAt = s.text.indexOf(labelled[2], labelled.index + labelled[0].indexOf(':'));
    const m = mentions.find((x) => x.from >= nameAt - 1 && x.from <= nameAt + 2);
    const key = m?.key ?? `entity:${labelled[2].toLowerCase()}`;
    out.push({
      id: nextId(),
      kind: 'dominance',
      aspect,
      segment: labelled[2],
      segmentKey: key,
      dimension: m?.place ? 'region' : (dimensionOf(labelled[1]) ?? m?.dimension ?? 'unknown'),
      year: shareYear(s.text, 0),
      evidence: spans.of(s.block, s.from + labelled.index, s.from + nameAt + labelled[2].length, 'dominance'),
      sentence: spans.of(s.block, s.from, s.to, 'sentence'),
    });
    return out;
  }
  for (const d of s.text.matchAll(FASTEST)) {
    const at = d.index!;
    if (ONE_OF.test(s.text.slice(Math.max(0, at - 20), at))) continue;
    const before = mentions.filter((m) => m.to <= at && at - m.to < 80 && !isAside(s.text, m));
    const mention = before[before.length - 1];
    const subject = mention ? null : subjectAt(at);
    if (!mention && (!subject || subject.kind === 'unknown' || subject.kind === 'market' || subject.kind === 'other-market')) continue;
    const noun = RANKED_NOUN.exec(s.text.slice(at + d[0].length, at + d[0].length + 40));
    const place = mention?.place ?? null;
    const dimension = place || subject?.kind === 'region' ? 'region' : ((noun ? dimensionOf(noun[1]) : null) ?? mention?.dimension ?? 'unknown');
    const from = mention ? mention.from : at;
    out.push({
      id: nextId(),
      kind: 'dominance',
      aspect: 'growth',
      segment: mention?.text ?? subject!.label,
      segmentKey: mention?.key ?? subject!.key,
      dimension,
      year: shareYear(s.text, at),
      evidence: spans.of(s.block, s.from + Math.min(from, at), s.from + at + d[0].length, 'growth rank'),
      sentence: spans.of(s.block, s.from, s.to, 'sentence'),
    });
  }
  return out;
}

/** "X dominates / leads the market / holds the largest share" claims, with or without a figure. */
export function dominanceClaims(nextId: () => string, s: Sentence, mentions: Mention[], spans: Spans): DominanceClaim[] {
  const out: DominanceClaim[] = [];
  for (const d of s.text.matchAll(DOMINANCE)) {
    const at = d.index!;
    const before = mentions.filter((m) => m.to <= at && at - m.to < 120 && !isAside(s.text, m));
    const after = mentions.find((m) => m.from >= at + d[0].length && m.from - (at + d[0].length) < 20 && /^dominan/i.test(d[0]));
    const subject = after ?? before[before.length - 1];
    if (!subject) continue;
    out.push({
      id: nextId(),
      kind: 'dominance',
      aspect: 'share',
      segment: subject.text,
      segmentKey: subject.key,
      dimension: dimensionFor(s.text, subject),
      year: shareYear(s.text, at),
      evidence: spans.of(s.block, s.from + Math.min(subject.from, at), s.from + Math.max(subject.to, at + d[0].length), 'dominance'),
      sentence: spans.of(s.block, s.from, s.to, 'sentence'),
    });
  }
  return out;
}
