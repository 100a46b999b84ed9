import { ShareClaimSchema, type ShareClaim } from '../../schema/claims.js';
import type { DocumentModel } from '../../schema/document.js';
import type { PercentMatch } from '../numbers.js';
import { shareClaims } from '../share.js';
import { QUALIFIER_WORDS } from './cells.js';
import { PERCENT_CUE } from './cues.js';
import { defineClaimKind, inDocumentOrder, type SentenceReading } from './define.js';

/** Shares: a segment's or region's part of a whole (the market, unless another is named), in a year. */
export default defineClaimKind({
  name: 'shares',
  schema: ShareClaimSchema,
  noun: { one: 'share' },
  cue: PERCENT_CUE,
  read: () => {
    // Figures with no cue of their own ("Europe follows closely with around 31%") count as shares
    // when a share is stated in the same block: the paragraph is a breakdown.
    const weak: Array<{ r: SentenceReading; match: PercentMatch }> = [];
    return {
      sentence(r, out) {
        const shares = [];
        for (const { match, kind } of r.percents()) {
          if (kind === 'share') shares.push(match);
          else if (kind === null) weak.push({ r, match });
        }
        if (shares.length) out.push(...shareClaims(r.nextId, r.sentence, shares, r.mentions(), r.spans, r.doc.metadata.market));
      },
      end(out) {
        const shareBlocks = new Set(out.map((c) => c.evidence.block));
        for (const { r, match } of weak) {
          if (!shareBlocks.has(r.sentence.block)) continue;
          const found = shareClaims(r.nextId, r.sentence, [match], r.mentions(), r.spans, r.doc.metadata.market);
          out.push(...found.filter((c) => c.role === 'segment'));
        }
      },
    };
  },
  finish(out, doc) {
    inDocumentOrder(out);
    joinRemainders(out, doc);
  },
  table: {
    title: 'Shares by breakdown',
    layout: 'breakdowns',
    columns: [
      { header: 'Segment', cell: (s) => s.segment },
      { header: 'Share', class: 'num', cell: (s) => s.share.text },
      { header: 'Qualifier', cell: (s) => QUALIFIER_WORDS[s.qualifier] },
      { header: 'Note', cell: (s) => [s.role === 'remainder' ? 'remainder' : '', s.dominant ? 'said to lead' : ''].filter(Boolean).join(', ') },
    ],
  },
});

/**
 * A remainder ("the remaining 5%") belongs to the breakdown stated just before it, in its paragraph
 * or in its list ("Rest of World contributed 3%." after the regions' items).
 */
function joinRemainders(shares: ShareClaim[], doc: DocumentModel): void {
  const listOf = (e: { block: number | null }) => (e.block === null ? undefined : doc.blocks[e.block].list);
  shares.forEach((c, i) => {
    if (c.role !== 'remainder' || c.dimension !== 'unknown') return;
    const list = listOf(c.evidence);
    const prev = shares
      .slice(0, i)
      .reverse()
      .find((o) => o.role === 'segment' && (o.evidence.block === c.evidence.block || (list !== undefined && listOf(o.evidence) === list)));
    if (prev) {
      c.dimension = prev.dimension;
      c.year ??= prev.year;
    }
  });
}
