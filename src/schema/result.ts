import { z } from 'zod';
import { ClaimsByKindSchema, EntitySchema } from './claims.js';
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
  /** How many claims of each kind (src/claims/kinds) were read. */
  claims: z.record(z.string(), z.number().int()),
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

/** Findings a rule made on one source beyond its limit (config maxFindingsPerRule): counted by severity, not listed. */
export const OmittedSchema = z.object({
  ruleId: z.string(),
  /** The limit that applied: how many of the rule's findings are listed. */
  limit: z.number().int(),
  /** How many were left out, and of which severities. */
  count: z.number().int(),
  counts: CountsSchema,
});
export type Omitted = z.infer<typeof OmittedSchema>;

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
  /** By kind; the claim layer's ClaimsSchema (src/claims/kinds) gives each kind's shape. */
  claims: ClaimsByKindSchema.nullable(),
  findings: z.array(FindingSchema),
  /** Rules that found more than their limit on this source, and what they left out; absent when none did. */
  omitted: z.array(OmittedSchema).optional(),
  /** Findings by severity, those left out by the per-rule limit included (accepted ones not). */
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

/** A publisher across the run's sources (from each source's canonical link, links, tracking links or boilerplate). */
export const PublisherSummarySchema = z.object({
  /** Comparable id (a host's registered name or a name's letters); null for sources whose publisher is unknown. */
  id: z.string().nullable(),
  name: z.string(),
  /** The sources it published (paths, as in `sources[].source`). */
  sources: z.array(z.string()),
  /** Median credibility score of its audited sources. */
  medianScore: z.number().nullable(),
  /** Findings in its sources, by rule family (cross-source findings filed under their first source included). */
  findingsByFamily: z.record(z.string(), z.number().int()),
  /** Share (0–1) of its audited sources with at least one error. */
  errorShare: z.number().min(0).max(1),
  /** Cross-source template-reuse findings naming its sources, and how many of its sources they name. */
  templateReuse: z.object({ findings: z.number().int(), sources: z.number().int() }),
});
export type PublisherSummary = z.infer<typeof PublisherSummarySchema>;

/** Whether the sources' figures for a year (or their growth rates) agree enough to judge one against the rest. */
export const ConsensusStatusSchema = z.enum(['consensus', 'too-few-sources', 'wide-spread']);

const MarketPointBase = z.object({
  /** The source (the first of its copies), and how many copies of it count with it. */
  source: z.string(),
  copies: z.number().int().min(0),
  /** Fingerprint of the corpus/consensus finding that flags this figure, when one does. */
  finding: z.string().nullable(),
});

/** One market as the run's sources cover it: their sizes and growth rates side by side (corpus/consensus). */
export const MarketViewSchema = z.object({
  key: z.string(),
  name: z.string(),
  sources: z.array(
    z.object({
      source: z.string(),
      copies: z.array(z.string()),
      sizes: z.array(z.object({ year: z.number().int(), usd: z.number(), text: z.string() })),
      rates: z.array(z.object({ rate: z.number(), from: z.number().int(), to: z.number().int(), text: z.string() })),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      points: z.array(MarketPointBase.extend({ usd: z.number(), projected: z.object({ from: z.number().int(), rate: z.number() }).nullable() })),
      median: z.number().nullable(),
      consensus: ConsensusStatusSchema,
    }),
  ),
  rates: z.object({
    points: z.array(MarketPointBase.extend({ rate: z.number(), from: z.number().int(), to: z.number().int() })),
    median: z.number().nullable(),
    consensus: ConsensusStatusSchema,
  }),
});
export type MarketView = z.infer<typeof MarketViewSchema>;

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
  /** Publishers of the run's sources (absent on a shard's run: the cross-source work waits for the merge). */
  publishers: z.array(PublisherSummarySchema).optional(),
  /** Markets that two or more sources cover, their figures side by side (absent on a shard's run). */
  markets: z.array(MarketViewSchema).optional(),
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
    /** Findings counted but not listed, past their rule's per-source limit (config maxFindingsPerRule). */
    omitted: z.number().int().default(0),
  }),
  /** Cross-source rules' coverage: how many sources (or groups) each could compare. */
  corpusCoverage: z.array(z.object({ ruleId: z.string(), checked: z.number().int() })).default([]),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;
