import { z } from 'zod';
import type { SourceView } from '../claims/source-view.js';
import type { MarketMember } from './consensus.js';
import { copyKey, CopyKeySchema } from './copies.js';
import { compact, CompactEvidenceSchema } from './evidence.js';
import { marketKey, marketLabel } from './market-key.js';

/** At most this many years of size and this many growth rates per source: a report's headline figures. */
const MAX_SIZES = 8;
const MAX_RATES = 4;
const QUOTE = 100;

export const SizeFigureSchema = z.object({ year: z.number().int(), usd: z.number().positive(), text: z.string(), at: CompactEvidenceSchema });
export type SizeFigure = z.infer<typeof SizeFigureSchema>;

export const RateFigureSchema = z.object({ rate: z.number(), from: z.number().int(), to: z.number().int(), text: z.string(), at: CompactEvidenceSchema });
export type RateFigure = z.infer<typeof RateFigureSchema>;

export const MarketFiguresSchema = z.object({
  /** The market as a key reports on the same market share (see market-key.ts); null when none is named. */
  market: z.string().nullable(),
  /** The market's name as the report gives it. */
  label: z.string().nullable(),
  sizes: z.array(SizeFigureSchema).max(MAX_SIZES),
  rates: z.array(RateFigureSchema).max(MAX_RATES),
});
export type MarketFigures = z.infer<typeof MarketFiguresSchema>;

/**
 * The headline figures a source gives for its own market (never a segment's or a region's): the
 * first size it states for each year, and each growth rate over a stated period. Bounds ("over USD
 * 5 billion") and ranges are left out: they are not a figure to compare.
 */
export function marketFigures(ctx: SourceView): MarketFigures {
  const { metadata } = ctx.doc;
  const sizes: SizeFigure[] = [];
  for (const s of ctx.claims.sizes) {
    if (sizes.length >= MAX_SIZES) break;
    if (s.subject.kind !== 'market' || s.year === null || s.currency !== 'USD' || s.value.value <= 0) continue;
    if (s.qualifier !== 'exact' && s.qualifier !== 'approximately') continue;
    if (sizes.some((x) => x.year === s.year)) continue;
    sizes.push({ year: s.year, usd: s.value.value, text: [s.currency, s.value.text, s.unitWord].filter(Boolean).join(' '), at: compact(s.evidence, QUOTE) });
  }
  const rates: RateFigure[] = [];
  for (const g of ctx.claims.growth) {
    if (rates.length >= MAX_RATES) break;
    const { from, to } = g.period;
    if (g.subject.kind !== 'market' || from === null || to === null || to <= from || g.rateTo !== null) continue;
    if (g.qualifier !== 'exact' && g.qualifier !== 'approximately') continue;
    if (rates.some((r) => r.from === from && r.to === to)) continue;
    rates.push({ rate: g.rate.value, from, to, text: `${g.rate.text}%`, at: compact(g.evidence, QUOTE) });
  }
  return { market: marketKey(metadata.market, metadata.title), label: marketLabel(metadata.market, metadata.title), sizes, rates };
}

export const ConsensusFingerprintSchema = z.object({ copy: CopyKeySchema, figures: MarketFiguresSchema });
export type ConsensusFingerprint = z.infer<typeof ConsensusFingerprintSchema>;

/** What corpus/consensus keeps of each source: its market's headline figures, and its copy key (copies count once). */
export function consensusFingerprint(ctx: SourceView): ConsensusFingerprint {
  return { copy: copyKey(ctx), figures: marketFigures(ctx) };
}

/** The fingerprint without evidence, as the comparison reads it. */
export function leanConsensus(fp: ConsensusFingerprint): Omit<MarketMember, 'name'> {
  const { market, label, sizes, rates } = fp.figures;
  return {
    market,
    label,
    sizes: sizes.map(({ year, usd, text }) => ({ year, usd, text })),
    rates: rates.map(({ rate, from, to, text }) => ({ rate, from, to, text })),
    copy: fp.copy,
  };
}
