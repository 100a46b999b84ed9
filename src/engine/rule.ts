import type { z } from 'zod';
import type { CorpusSource } from '../schema/corpus.js';
import type { FindingDraft, Severity } from '../schema/finding.js';
import type { RuleMeta } from '../schema/result.js';
import type { AuditContext } from './context.js';

/** A runnable documentation example: flagged ones must yield exactly `expect`, clean ones nothing. */
export interface RuleExample {
  name: string;
  /** A whole document (plain text or HTML); its format is detected as in a real run. */
  input: string;
  options?: Record<string, unknown>;
  /** For flagged examples: the expected findings in order, by message id, with quotes that must be among their evidence. */
  expect?: Array<{ messageId: string; quotes?: string[]; data?: Record<string, string | number | boolean | null> }>;
}

export interface RuleOutput {
  findings: FindingDraft[];
  /** How many claims or items the rule could actually check (coverage). */
  checked: number;
}

// The options schema is a zod object whose every field has a default, so `parse({})` works; the
// engine parses a config's options strictly, so a misspelled option is an error, not a no-op.
export type OptionsSchema = z.ZodObject;

interface RuleBase<O extends OptionsSchema> {
  /** "family/name", matching rules/<family>/<name>.ts. */
  id: string;
  severity: Severity;
  description: string;
  rationale: string;
  /** Message templates by stable message id; `{name}` placeholders are filled from the finding's data. */
  messages: Record<string, string>;
  options: O;
  examples: { flagged: RuleExample[]; clean: RuleExample[] };
}

export interface SourceRule<O extends OptionsSchema = OptionsSchema> extends RuleBase<O> {
  scope: 'source';
  check(ctx: AuditContext, options: z.infer<O>): RuleOutput;
}

export type { CorpusSource } from '../schema/corpus.js';

export interface CorpusFindingDraft extends FindingDraft {
  /** The sources the finding links (first is where it is reported). */
  sources: string[];
}

export interface CorpusRule<O extends OptionsSchema = OptionsSchema> extends RuleBase<O> {
  scope: 'corpus';
  /** Runs per source, in the worker: a compact, JSON-serialisable summary. */
  fingerprint(ctx: AuditContext, options: z.infer<O>): unknown;
  /** Runs once after every source (and after merging shards). */
  check(sources: CorpusSource[], options: z.infer<O>): { findings: CorpusFindingDraft[]; checked: number };
}

export type Rule = SourceRule | CorpusRule;

/** Declares a per-source rule; types the options passed to `check` from its schema. */
export function defineRule<O extends OptionsSchema>(def: Omit<SourceRule<O>, 'scope'>): SourceRule<O> {
  return { ...def, scope: 'source' };
}

export function defineCorpusRule<O extends OptionsSchema>(def: Omit<CorpusRule<O>, 'scope'>): CorpusRule<O> {
  return { ...def, scope: 'corpus' };
}

/** Shorthand for a rule's return value. */
export function output(findings: FindingDraft[], checked: number): RuleOutput {
  return { findings, checked };
}

export function familyOf(id: string): string {
  return id.split('/')[0];
}

/** A rule's serialisable description (for JSON, SARIF and the reports). */
export function ruleMeta(rule: Rule): RuleMeta {
  return {
    id: rule.id,
    family: familyOf(rule.id),
    severity: rule.severity,
    description: rule.description,
    rationale: rule.rationale,
    messages: rule.messages,
    scope: rule.scope,
  };
}
