import { z } from 'zod';
import { compact, CompactEvidenceSchema } from './evidence.js';
import { CopyKeySchema } from './copies.js';
import { publisherLabel } from './publisher.js';
import type { CorpusSource } from './source-facts.js';

/** At most this many figures per breakdown are compared (combinations grow with the square). */
const MAX_FIGURES = 8;
const MAX_BREAKDOWNS = 12;

export const FigureSchema = z.object({
  /** Normalised segment key (gazetteer code for places), so "APAC" and "Asia-Pacific" match. */
  key: z.string(),
  label: z.string(),
  value: z.number(),
  text: z.string(),
  at: CompactEvidenceSchema,
});
export type Figure = z.infer<typeof FigureSchema>;

export const FiguresFingerprintSchema = z.object({
  publisher: z.string().nullable(),
  market: z.string().nullable(),
  breakdowns: z.array(z.object({ dimension: z.string(), figures: z.array(FigureSchema) })),
  /** Copies of one page count once (optional: shards written before it still compare). */
  copy: CopyKeySchema.optional(),
});
export type FiguresFingerprint = z.infer<typeof FiguresFingerprintSchema>;

/**
 * A source's share figures by breakdown (region, type, application…): the exact or approximate
 * shares of named segments. Bounds ("over 40%") and remainders are left out: they are not a
 * figure anyone would recycle.
 */
export function figuresFingerprint(ctx: CorpusSource): FiguresFingerprint {
  const byDimension = new Map<string, Figure[]>();
  for (const c of ctx.claims.shares) {
    if (c.role !== 'segment' || (c.qualifier !== 'exact' && c.qualifier !== 'approximately')) continue;
    const list = byDimension.get(c.dimension) ?? [];
    if (list.some((f) => f.key === c.segmentKey && f.value === c.share.value)) continue;
    list.push({ key: c.segmentKey, label: c.segment, value: c.share.value, text: c.share.text, at: compact(c.sentence, 160) });
    byDimension.set(c.dimension, list);
  }
  const breakdowns = [...byDimension.entries()]
    .filter(([, figures]) => figures.length >= 2)
    .slice(0, MAX_BREAKDOWNS)
    .map(([dimension, figures]) => ({ dimension, figures: figures.slice(0, MAX_FIGURES) }));
  return {
    publisher: publisherLabel(ctx.publisher()),
    market: ctx.doc.metadata.market?.toLowerCase().trim() || null,
    breakdowns,
    copy: ctx.copyKey(),
  };
}
