// The library API: audit documents from another program.
export { audit, runAudit, configFor, DEFAULT_JOBS, DEFAULT_TIMEOUT_MS, type AuditOptions, type OutputFormat, type RunReport } from './run/audit.js';
export { mergeShards, type MergeOptions } from './run/merge.js';
export { auditBytes, buildContext, type SourceRef } from './pipeline/audit-source.js';
export { loadRules } from './engine/loader.js';
export {
  defineRule,
  defineCorpusRule,
  output,
  type Rule,
  type SourceRule,
  type CorpusRule,
  type CorpusSource,
  type CorpusFindingDraft,
  type RuleExample,
} from './engine/rule.js';
export type { AuditContext } from './engine/context.js';
export type { SourceView } from './claims/source-view.js';
export { parseConfig, loadConfig, resolveRules, ConfigError } from './engine/config.js';
export { formatText } from './report/text.js';
export { toSarif } from './report/sarif.js';
export { parseShard, shardOf, type Shard } from './batch/shard.js';
export { loadBaseline, formatBaseline } from './baseline/file.js';
export { BaselineSchema, BaselineEntrySchema, type Baseline, type BaselineEntry, type BaselineReport } from './schema/baseline.js';
export { judge, exitCodeFor, EXIT, type Gate } from './cli.js';
export * from './schema/result.js';
export * from './schema/finding.js';
export * from './schema/claims.js';
export * from './schema/document.js';
export * from './schema/position.js';
export * from './schema/config.js';
