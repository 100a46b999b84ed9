import { z } from 'zod';
import { ClaimsSchema, EntitySchema } from './claims.js';
import { FormatSchema, MetadataSchema } from './document.js';
import { BaselineEntrySchema } from './baseline.js';
import { FindingSchema, SeveritySchema } from './finding.js';

export const AUDIT_SCHEMA_VERSION = 1;

export const CountsSchema = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });
export type Counts = z.infer<typeof CountsSchema>;

export const DeductionSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  count: z.number().int(),
  points: z.number(),
});

export const ScoreSchema = z.object({
  value: z.number().min(0).max(100),
  grade: z.enum(['A', 'B', 'C', 'D', 'F']),
  deductions: z.array(DeductionSchema),
  /** How the value was derived, in words. */
  explanation: z.string(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const CoverageSchema = z.object({
  claims: z.object({ growth: z.number().int(), sizes: z.number().int(), shares: z.number().int(), dominance: z.number().int() }),
  /** Per rule: how many claims or items it could actually check. */
  rules: z.array(z.object({ ruleId: z.string(), checked: z.number().int() })),
  checked: z.number().int(),
  /** False when nothing in the document could be checked: a clean result then means little. */
  checkable: z.boolean(),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const EncodingInfoSchema = z.object({
  name: z.string(),
  bom: z.boolean(),
  invalidSequences: z.number().int(),
  /** Offsets (in the decoded text) of replacement characters produced by invalid bytes, first few. */
  invalidOffsets: z.array(z.number().int()),
});
export type EncodingInfo = z.infer<typeof EncodingInfoSchema>;

export const SourceErrorSchema = z.object({
  reason: z.enum(['missing', 'unreadable', 'empty', 'binary', 'too-large', 'timeout', 'crash', 'not-a-file']),
  message: z.string(),
});
export type SourceError = z.infer<typeof SourceErrorSchema>;

export const SourceResultSchema = z.object({
  source: z.string(),
  name: z.string(),
  /** File name of the HTML report inside the output folder, when written. */
  report: z.string().nullable(),
  status: z.enum(['ok', 'error']),
  error: SourceErrorSchema.optional(),
  bytes: z.number().int(),
  format: FormatSchema.nullable(),
  encoding: EncodingInfoSchema.nullable(),
  metadata: MetadataSchema.nullable(),
  claims: ClaimsSchema.nullable(),
  findings: z.array(FindingSchema),
  counts: CountsSchema,
  coverage: CoverageSchema.nullable(),
  score: ScoreSchema.nullable(),
  /** Named entities, when asked for (`--entities`, config `entities`). */
  entities: z.array(EntitySchema).optional(),
  /** Compact per-source data for cross-source rules (filled by rules that need it). */
  fingerprints: z.record(z.string(), z.unknown()).default({}),
  durationMs: z.number(),
});
export type SourceResult = z.infer<typeof SourceResultSchema>;

export const RuleMetaSchema = z.object({
  id: z.string(),
  family: z.string(),
  severity: SeveritySchema,
  description: z.string(),
  rationale: z.string(),
  messages: z.record(z.string(), z.string()),
  scope: z.enum(['source', 'corpus']),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;

export const AuditResultSchema = z.object({
  schema: z.literal('credence/audit'),
  version: z.literal(AUDIT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('credence'), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  interrupted: z.boolean(),
  rules: z.array(RuleMetaSchema),
  sources: z.array(SourceResultSchema),
  /** Findings that link several sources (cross-source rules). */
  corpusFindings: z.array(FindingSchema.extend({ sources: z.array(z.string()) })).default([]),
  /** The shard of the inputs this run covered (`--shard i/n`); absent for a whole run or a merge. */
  shard: z.object({ index: z.number().int().min(1), total: z.number().int().min(1) }).optional(),
  /** What `--baseline` did: how many findings it accepted, and entries of audited sources that matched nothing. */
  baseline: z.object({ file: z.string(), accepted: z.number().int(), stale: z.array(BaselineEntrySchema) }).optional(),
  summary: z.object({
    sources: z.number().int(),
    audited: z.number().int(),
    failed: z.number().int(),
    counts: CountsSchema,
    byRule: z.record(z.string(), z.number().int()),
    /** Findings of the engine itself (a rule that crashed on a source): not counted in `counts`; the run exits 2. */
    engine: z.number().int().default(0),
  }),
  /** Cross-source rules' coverage: how many sources (or groups) each could compare. */
  corpusCoverage: z.array(z.object({ ruleId: z.string(), checked: z.number().int() })).default([]),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;
