// The library API: audit documents from another program.
export { audit, type AuditOptions, type OutputFormat } from './run/audit.js';
export { auditBytes, buildContext, type SourceRef } from './pipeline/audit-source.js';
export { loadRules } from './engine/loader.js';
export { defineRule, defineCorpusRule, output, type Rule, type SourceRule, type CorpusRule, type RuleExample } from './engine/rule.js';
export type { AuditContext, Sentence } from './engine/context.js';
export { parseConfig, loadConfig, resolveRules, ConfigError } from './engine/config.js';
export { formatText } from './report/text.js';
export * from './schema/result.js';
export * from './schema/finding.js';
export * from './schema/claims.js';
export * from './schema/document.js';
export * from './schema/position.js';
export * from './schema/config.js';
