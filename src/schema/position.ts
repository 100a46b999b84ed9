import { z } from 'zod';

/** A point in the decoded source: 1-based line and column (UTF-16 code units), 0-based offset. */
export const PositionSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
});
export type Position = z.infer<typeof PositionSchema>;

/**
 * One quoted piece of evidence. `block`/`from`/`to` locate it in the readable block text (used to
 * highlight it in the report's document view); `start`/`end` locate it in the source file.
 */
export const EvidenceSchema = z.object({
  quote: z.string(),
  start: PositionSchema,
  end: PositionSchema,
  block: z.number().int().nullable(),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  /** What this span is in the finding, e.g. "stated rate", "other statement". */
  role: z.string().optional(),
  /** For cross-source findings: the source this span is in. */
  source: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
