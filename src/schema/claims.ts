import { z } from 'zod';
import { EvidenceSchema } from './position.js';

/** A number as stated, with the interval its stated precision allows (statcheck's idea). */
export const StatedNumberSchema = z.object({
  value: z.number(),
  low: z.number(),
  high: z.number(),
  decimals: z.number().int().min(0),
  text: z.string(),
});
export type StatedNumber = z.infer<typeof StatedNumberSchema>;

export const QualifierSchema = z.enum(['exact', 'over', 'under', 'at-least', 'at-most', 'approximately', 'range']);
export type Qualifier = z.infer<typeof QualifierSchema>;

export const PeriodSchema = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  /** explicit years in the sentence, the document's forecast period, or inferred from a nearby size. */
  source: z.enum(['explicit', 'forecast-period', 'inferred', 'none']),
});
export type Period = z.infer<typeof PeriodSchema>;

/**
 * "market" for the report's own market; otherwise a normalised segment, region, company or other
 * market name, or "entity" for something the text names that the document does not declare
 * elsewhere (compared only with figures naming the same words); "unknown" when the figure's subject
 * could not be read (such figures are never compared).
 */
export const SubjectSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['market', 'segment', 'region', 'company', 'other-market', 'entity', 'unknown']),
  /** For a segment the document lists: the breakdown its list belongs to. */
  dimension: z.string().nullable().optional(),
});
export type Subject = z.infer<typeof SubjectSchema>;

/**
 * What a growth percentage measures: a compound (or average) annual rate over a period, one year's
 * change ("up 62% year on year"), or the total change over a period ("grew 70% since 2019").
 */
export const GrowthMeasureSchema = z.enum(['cagr', 'year-on-year', 'change']);
export type GrowthMeasure = z.infer<typeof GrowthMeasureSchema>;

export const GrowthClaimSchema = z.object({
  id: z.string(),
  kind: z.literal('growth'),
  measure: GrowthMeasureSchema,
  rate: StatedNumberSchema,
  /** Upper bound for ranges ("10–12%"). */
  rateTo: StatedNumberSchema.nullable(),
  qualifier: QualifierSchema,
  period: PeriodSchema,
  subject: SubjectSchema,
  /** The breakdown the subject belongs to ("region", "end user"…), when the text says; null for the market or when unknown. */
  dimension: z.string().nullable(),
  evidence: EvidenceSchema,
  sentence: EvidenceSchema,
});
export type GrowthClaim = z.infer<typeof GrowthClaimSchema>;

export const SizeClaimSchema = z.object({
  id: z.string(),
  kind: z.literal('size'),
  /** The amount in its currency, with its precision interval. */
  value: StatedNumberSchema,
  /** ISO 4217 code ("USD", "EUR", "INR"…): sizes are compared only within one currency. */
  currency: z.string(),
  unitWord: z.string(),
  qualifier: QualifierSchema,
  year: z.number().int().nullable(),
  /** Whether the year is a projection target ("reach … by 2032") or a statement of a value ("valued at … in 2025"). */
  role: z.enum(['projection', 'value', 'unknown']),
  subject: SubjectSchema,
  evidence: EvidenceSchema,
  sentence: EvidenceSchema,
});
export type SizeClaim = z.infer<typeof SizeClaimSchema>;

/** What share and dominance claims have in common: a segment of a breakdown, in a year. */
const SegmentClaimSchema = z.object({
  id: z.string(),
  segment: z.string(),
  /** Normalised segment key (gazetteer code for places). */
  segmentKey: z.string(),
  /** The breakdown it belongs to: region, type, application, end user, source, indication, … or unknown. */
  dimension: z.string(),
  year: z.number().int().nullable(),
  evidence: EvidenceSchema,
  sentence: EvidenceSchema,
});

export const ShareClaimSchema = SegmentClaimSchema.extend({
  kind: z.literal('share'),
  share: StatedNumberSchema,
  qualifier: QualifierSchema,
  /**
   * What the share is of: "market" (the market, its revenue or sales, or unstated), else the words
   * that name another whole ("production capacity", "installations"): shares of different wholes
   * are different breakdowns.
   */
  whole: z.string(),
  /** "remainder" for "the remaining 5%" / "others". */
  role: z.enum(['segment', 'remainder']),
  /** The sentence also says this segment leads. */
  dominant: z.boolean(),
  segmentEvidence: EvidenceSchema,
});

export type ShareClaim = z.infer<typeof ShareClaimSchema>;

/** "X dominates / leads / holds the largest share" (aspect "share") or "X is the fastest-growing …" (aspect "growth"). */
export const DominanceClaimSchema = SegmentClaimSchema.extend({
  kind: z.literal('dominance'),
  aspect: z.enum(['share', 'growth']),
});
export type DominanceClaim = z.infer<typeof DominanceClaimSchema>;

export const EntitySchema = z.object({
  kind: z.enum(['place', 'organization', 'percentage', 'money', 'date']),
  text: z.string(),
  evidence: EvidenceSchema,
});
export type Entity = z.infer<typeof EntitySchema>;

export const ClaimsSchema = z.object({
  growth: z.array(GrowthClaimSchema),
  sizes: z.array(SizeClaimSchema),
  shares: z.array(ShareClaimSchema),
  dominance: z.array(DominanceClaimSchema),
});
export type Claims = z.infer<typeof ClaimsSchema>;
