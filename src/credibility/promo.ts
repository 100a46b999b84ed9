import type { SourceView } from '../claims/source-view.js';
import type { Evidence } from '../schema/position.js';
import { MAX_SCAN } from '../matching/literal-matcher.js';
import type { LiteralScan } from './literal-scan.js';
import { PROMO_LEXICON, type PromoKind } from '../lexicon/promo-lexicon.js';

// One alternation over a closed list of parameter names: linear, no nested quantifiers.
const TRACKING = new RegExp(String.raw`[?&#;](?:${PROMO_LEXICON.trackingParameters.parameters.join('|')})=`, 'i');
// Bare URLs in text (plain-text sources have no link markup); bounded so a huge token cannot run on.
const BARE_URL = /\bhttps?:\/\/[^\s"'<>()]{1,2000}/gi;

export interface PromoOccurrence {
  kind: PromoKind | 'tracking link';
  /** The text as written. */
  quote: string;
  /** Document order: block, then offset in the block (links outside any block come first). */
  block: number;
  from: number;
  /** End of the occurrence in the block's text. */
  to: number;
  /** Evidence is built on demand: a page can hold thousands of occurrences, a finding quotes a few. */
  evidence(): Evidence;
}

/** True when a URL carries campaign-tracking parameters (utm_*, click identifiers). */
export function isTrackingUrl(href: string): boolean {
  return TRACKING.test(href.slice(0, 4000));
}

/**
 * Every call to action (`phrases`: the lexicon's, from the one dictionary pass over the whole
 * document) and every tracked link (marked-up links, plus bare URLs written in the text that no
 * link already covers), in document order.
 */
export function findPromotion(ctx: Pick<SourceView, 'doc' | 'spans'>, phrases: LiteralScan['promo']): PromoOccurrence[] {
  const out: PromoOccurrence[] = [];
  for (const hit of phrases) {
    const quote = ctx.doc.blocks[hit.block].text.slice(hit.from, hit.to);
    out.push({
      kind: hit.kind,
      quote,
      block: hit.block,
      from: hit.from,
      to: hit.to,
      evidence: () => ctx.spans.of(hit.block, hit.from, hit.to, 'call to action'),
    });
  }
  const linked = new Map<number, Array<[number, number]>>();
  for (const link of ctx.doc.links) {
    if (link.block !== null) {
      const ranges = linked.get(link.block) ?? [];
      ranges.push([link.evidence.from, link.evidence.to]);
      linked.set(link.block, ranges);
    }
    if (!isTrackingUrl(link.href)) continue;
    const evidence = { ...link.evidence, role: 'tracking link' };
    out.push({
      kind: 'tracking link',
      quote: evidence.quote,
      block: link.block ?? -1,
      from: link.evidence.from,
      to: link.evidence.to,
      evidence: () => evidence,
    });
  }
  for (const b of ctx.doc.blocks) {
    if (b.text.indexOf('http') < 0) continue;
    for (const m of b.text.slice(0, MAX_SCAN).matchAll(BARE_URL)) {
      const from = m.index!;
      const to = from + m[0].length;
      if (!isTrackingUrl(m[0])) continue;
      if ((linked.get(b.index) ?? []).some(([f, t]) => f < to && from < t)) continue;
      out.push({ kind: 'tracking link', quote: m[0], block: b.index, from, to, evidence: () => ctx.spans.of(b.index, from, to, 'tracking link') });
    }
  }
  return out.sort((a, b) => a.block - b.block || a.from - b.from);
}
