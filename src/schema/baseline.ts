import { z } from 'zod';

export const BASELINE_SCHEMA = 'credence/baseline';
export const BASELINE_VERSION = 1;

/** One accepted finding: matched by source, rule, message id and fingerprint (never by offsets). */
export const BaselineEntrySchema = z
  .object({
    /** The source as reports name it (relative to the working folder, "/" separators). */
    source: z.string().min(1),
    ruleId: z.string().min(1),
    messageId: z.string().min(1),
    fingerprint: z.string().min(1),
    /** How many findings with this identity are accepted (identical evidence can repeat). */
    count: z.number().int().min(1).default(1),
    /** The message when recorded, for reviewers; not used for matching. */
    message: z.string().optional(),
  })
  .strict();
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

export const BaselineSchema = z
  .object({
    schema: z.literal(BASELINE_SCHEMA),
    version: z.literal(BASELINE_VERSION),
    findings: z.array(BaselineEntrySchema),
  })
  .strict();
export type Baseline = z.infer<typeof BaselineSchema>;

/** What a run reports about its baseline. */
/** What a run's baseline did (recorded in audit.json; schema in src/schema/result.ts). */
export interface BaselineReport {
  file: string;
  accepted: number;
  /** Entries whose source was audited in this run but that matched no finding any more. */
  stale: BaselineEntry[];
}
