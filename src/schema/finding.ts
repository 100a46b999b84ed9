import { z } from 'zod';
import { EvidenceSchema, PositionSchema } from './position.js';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const MessageDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type MessageData = z.infer<typeof MessageDataSchema>;

/** For computed checks: the stated value beside the recomputed one and the interval rounding allows. */
export const ComputedSchema = z.object({
  quantity: z.string(),
  unit: z.string(),
  stated: z.number(),
  statedLow: z.number().optional(),
  statedHigh: z.number().optional(),
  computed: z.number(),
  low: z.number(),
  high: z.number(),
  note: z.string().optional(),
});
export type Computed = z.infer<typeof ComputedSchema>;

/** What a rule returns; the engine adds rule id, severity, message text and fingerprint. */
export const FindingDraftSchema = z.object({
  messageId: z.string(),
  data: MessageDataSchema,
  primary: EvidenceSchema.nullable(),
  related: z.array(EvidenceSchema).default([]),
  computed: ComputedSchema.optional(),
  /** Overrides the rule's severity for this finding (e.g. a material vs. a marginal inconsistency). */
  severity: SeveritySchema.optional(),
  /** Extra key for the fingerprint when several findings share message and evidence text. */
  key: z.string().optional(),
  /**
   * The finding stands for a group (a list and a kind, a subject and a year): its key names the
   * group, and the fingerprint is taken from the key alone, not from the members' text, so a group
   * that gains or loses a member keeps its fingerprint (and a baseline that accepted it).
   */
  group: z.boolean().optional(),
});
/**
 * The draft's type, with its message id narrowed to the ids a rule declares (`FindingDraft<'conflict'>`),
 * so the compiler rejects a misspelled id; the schema above stays the runtime check.
 */
export type FindingDraft<M extends string = string> = Omit<z.input<typeof FindingDraftSchema>, 'messageId'> & { messageId: M };

/** The passage around a finding's primary evidence (its sentence, clipped): where a viewer shows it in context. */
export const FindingContextSchema = z.object({ quote: z.string(), start: PositionSchema, end: PositionSchema });
export type FindingContext = z.infer<typeof FindingContextSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  family: z.string(),
  messageId: z.string(),
  data: MessageDataSchema,
  severity: SeveritySchema,
  message: z.string(),
  primary: EvidenceSchema.nullable(),
  related: z.array(EvidenceSchema),
  /** Related evidence beyond the engine's cap per finding: counted here, not listed. */
  relatedOmitted: z.number().int().optional(),
  computed: ComputedSchema.optional(),
  /** The sentence around the primary evidence, when it is longer than the evidence (SARIF's contextRegion). */
  context: FindingContextSchema.optional(),
  /** Stable across unrelated edits: rule, message id and the quoted evidence, not offsets. */
  fingerprint: z.string(),
  /** Set when a baseline accepts this finding. */
  accepted: z.boolean().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
