import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { Claims } from '../schema/claims.js';
import type { DocumentModel } from '../schema/document.js';
import { memoByText } from '../cache/block-cache.js';
import { classifyPercent, growthClaim } from './growth.js';
import { moneyIn, type PercentMatch, percentsIn } from './numbers.js';
import { mentionsIn, type SegmentIndex } from './segments.js';
import { SubjectReader } from './subject.js';
import { vocabularyOf } from './vocabulary.js';
import { dominanceClaims, fastestClaims, shareClaims } from './share.js';
import { sizeClaims } from './size.js';
import { labelledReadings, tableClaims } from './tables.js';

// Cheap pre-filters: most sentences carry no figure and no dominance wording.
const HAS_PERCENT = /%|\bper ?cent\b/i;
const HAS_MONEY =
  /[$€£₹¥₩]|\b(?:USD|EUR|GBP|INR|Rs|JPY|CNY|RMB|AUD|CAD|CHF|KRW|SGD|HKD|NZD|BRL|SEK|NOK|DKK|ZAR|AED|SAR|dollars|euros?|pounds|rupees|yen|yuan|won|crores?|lakhs?)\b/;
const HAS_DOMINANCE =
  /\bdomina|\blead(?:s|ing)? the\b|\b(?:largest|highest|biggest|major|leading) (?:market )?(?:share|segment|region|revenue)|\b(?:fastest|quickest|most rapidly)[- ]|\bgrow(?:s|ing)? (?:the )?fastest|\bhighest (?:growth|CAGR)|\bfaster[- ]growing|^\s*(?:largest|dominant|leading|biggest)\s+[a-z -]{0,30}:/i;
const PERCENT = 1;
const MONEY = 2;
const DOMINANCE = 4;
/** The cues of a block's or a sentence's text, remembered across a batch. */
const cuesOf = memoByText(
  (text): number => (HAS_PERCENT.test(text) ? PERCENT : 0) | (HAS_MONEY.test(text) ? MONEY : 0) | (HAS_DOMINANCE.test(text) ? DOMINANCE : 0),
);

/** Extract growth, size, share and dominance claims from a parsed document. */
export function extractClaims(doc: DocumentModel, spans: Spans, sentences: Sentence[], forecast: { from: number; to: number } | null): Claims {
  const claims: Claims = { growth: [], sizes: [], shares: [], dominance: [] };
  let n = 0;
  const nextId = () => `c${++n}`;
  const vocabulary = vocabularyOf(doc);
  const segments: SegmentIndex = vocabulary.segments;
  const subjects = new SubjectReader(doc, vocabulary);
  let nextBlock = 0;
  // Figures with no cue of their own ("Europe follows closely with around 31%") count as shares
  // when a share is stated in the same block: the paragraph is a breakdown.
  const weak: Array<{ s: Sentence; p: PercentMatch }> = [];
  // The cues are tested on a block first, and on its sentences only when the block has one.
  let cueBlock = -1;
  let cuesInBlock = 0;
  // Key-value rows and "Name: figure" items are read with their labels; data tables cell by cell.
  const labelled = labelledReadings(doc);
  const reading = [...sentences.filter((s) => !labelled.replaced.has(s.block)), ...labelled.sentences].sort((a, b) => a.block - b.block || a.from - b.from);
  for (const s of reading) {
    // Headings set the topic of their section, in document order.
    for (; nextBlock <= s.block; nextBlock++) subjects.enterBlock(doc.blocks[nextBlock]);
    if (s.block !== cueBlock) {
      cuesInBlock = cuesOf(doc.blocks[s.block].text);
      cueBlock = s.block;
    }
    // A labelled reading's cues may lie in its label, outside the block.
    const withLabel = s.from < 0;
    if (cuesInBlock === 0 && !withLabel) continue;
    const cues = withLabel ? cuesOf(s.text) : cuesInBlock & cuesOf(s.text);
    const hasPercent = (cues & PERCENT) !== 0;
    const hasMoney = (cues & MONEY) !== 0;
    const hasDominance = (cues & DOMINANCE) !== 0;
    if (!hasPercent && !hasMoney && !hasDominance) continue;
    subjects.note(s);
    if (hasMoney) claims.sizes.push(...sizeClaims(nextId, s, moneyIn(s.text), spans, subjects));
    let mentions = null;
    if (hasPercent) {
      const shares = [];
      for (const p of percentsIn(s.text)) {
        const kind = classifyPercent(s.text, p);
        if (kind === 'growth') claims.growth.push(growthClaim(nextId(), s, p, spans, subjects, forecast, claims.growth.at(-1) ?? null));
        else if (kind === 'share') shares.push(p);
        else weak.push({ s, p });
      }
      if (shares.length) {
        mentions = mentionsIn(s.text, segments);
        claims.shares.push(...shareClaims(nextId, s, shares, mentions, spans, doc.metadata.market));
      }
    }
    if (hasDominance) {
      mentions ??= mentionsIn(s.text, segments);
      claims.dominance.push(...dominanceClaims(nextId, s, mentions, spans));
      claims.dominance.push(...fastestClaims(nextId, s, mentions, spans, (at) => subjects.subjectAt(s, at)));
    }
  }
  const shareBlocks = new Set(claims.shares.map((c) => c.evidence.block));
  for (const { s, p } of weak) {
    if (!shareBlocks.has(s.block)) continue;
    const found = shareClaims(nextId, s, [p], mentionsIn(s.text, segments), spans, doc.metadata.market).filter((c) => c.role === 'segment');
    claims.shares.push(...found);
  }
  for (const t of labelled.dataTables) {
    const found = tableClaims(doc, t, { nextId, spans, nameSubject: (name) => subjects.nameSubject(name) });
    claims.growth.push(...found.growth);
    claims.sizes.push(...found.sizes);
    claims.shares.push(...found.shares);
  }
  const byOffset = (a: { evidence: { start: { offset: number } } }, b: { evidence: { start: { offset: number } } }) =>
    a.evidence.start.offset - b.evidence.start.offset;
  claims.growth.sort(byOffset);
  claims.sizes.sort(byOffset);
  claims.shares.sort(byOffset);
  // A remainder ("the remaining 5%") belongs to the breakdown stated just before it, in its
  // paragraph or in its list ("Rest of World contributed 3%." after the regions' items).
  const listOf = (e: { block: number | null }) => (e.block === null ? undefined : doc.blocks[e.block].list);
  claims.shares.forEach((c, i) => {
    if (c.role !== 'remainder' || c.dimension !== 'unknown') return;
    const list = listOf(c.evidence);
    const prev = claims.shares
      .slice(0, i)
      .reverse()
      .find((o) => o.role === 'segment' && (o.evidence.block === c.evidence.block || (list !== undefined && listOf(o.evidence) === list)));
    if (prev) {
      c.dimension = prev.dimension;
      c.year ??= prev.year;
    }
  });
  return claims;
}
