import type { z } from 'zod';
import type { CorpusSource } from '../schema/corpus.js';
import type { FindingDraft, Severity } from '../schema/finding.js';
import type { RuleMeta } from '../schema/result.js';
import type { AuditContext } from './context.js';

/**
 * A runnable documentation example: flagged ones must yield exactly `expect`, clean ones nothing.
 * `I` is what a document may be given as: text, or (for a per-source rule) the file's bytes.
 */
export interface RuleExample<M extends string = string, I extends ExampleInput = ExampleInput> {
  name: string;
  /**
   * A whole document (plain text or HTML); its format is detected as in a real run. Bytes stand for
   * a file that is not all valid UTF-8, which a string (always encoded as UTF-8) cannot show.
   */
  input: I;
  options?: Record<string, unknown>;
  /** For flagged examples: the expected findings in order, by message id, with quotes that must be among their evidence. */
  expect?: Array<{ messageId: M; quotes?: string[]; data?: Record<string, string | number | boolean | null> }>;
}

/** What `check` returns; `M` is the rule's message ids, so a draft with an undeclared id does not compile. */
export interface RuleOutput<M extends string = string> {
  findings: FindingDraft<M>[];
  /** How many claims or items the rule could actually check (coverage). */
  checked: number;
}

// The options schema is a zod object whose every field has a default, so `parse({})` works; the
// engine parses a config's options strictly, so a misspelled option is an error, not a no-op.
export type OptionsSchema = z.ZodObject;

export type ExampleInput = string | Uint8Array;

// `M`, the rule's message ids, is inferred from the keys of `messages` alone (NoInfer elsewhere): the
// drafts `check` returns and the examples' expected ids must then be among them, or `tsc` fails.
interface RuleBase<O extends OptionsSchema, M extends string, I extends ExampleInput> {
  /** "family/name", matching rules/<family>/<name>.ts. */
  id: string;
  severity: Severity;
  description: string;
  rationale: string;
  /** Message templates by stable message id; `{name}` placeholders are filled from the finding's data. */
  messages: Record<M, string>;
  options: O;
  examples: { flagged: RuleExample<NoInfer<M>, I>[]; clean: RuleExample<NoInfer<M>, I>[] };
}

export interface SourceRule<O extends OptionsSchema = OptionsSchema, M extends string = string> extends RuleBase<O, M, ExampleInput> {
  scope: 'source';
  check(ctx: AuditContext, options: z.infer<O>): RuleOutput<NoInfer<M>>;
}

export type { CorpusSource } from '../schema/corpus.js';

export type CorpusFindingDraft<M extends string = string> = FindingDraft<M> & {
  /** The sources the finding links (first is where it is reported). */
  sources: string[];
};

// A cross-source rule's examples are several documents joined into one text (joinDocuments).
export interface CorpusRule<O extends OptionsSchema = OptionsSchema, M extends string = string> extends RuleBase<O, M, string> {
  scope: 'corpus';
  /** Runs per source, in the worker: a compact, JSON-serialisable summary. */
  fingerprint(ctx: AuditContext, options: z.infer<O>): unknown;
  /** Runs once after every source (and after merging shards). */
  check(sources: CorpusSource[], options: z.infer<O>): { findings: CorpusFindingDraft<NoInfer<M>>[]; checked: number };
}

export type Rule = SourceRule | CorpusRule;

/**
 * Declares a per-source rule; types the options passed to `check` from its schema, and the message
 * ids its findings and examples may use from its `messages`.
 */
export function defineRule<O extends OptionsSchema, M extends string>(def: Omit<SourceRule<O, M>, 'scope'>): SourceRule<O, M> {
  return { ...def, scope: 'source' };
}

export function defineCorpusRule<O extends OptionsSchema, M extends string>(def: Omit<CorpusRule<O, M>, 'scope'>): CorpusRule<O, M> {
  return { ...def, scope: 'corpus' };
}

/**
 * Shorthand for a rule's return value. Ids written inline keep their literal type (`const M`), so they
 * are checked against the rule's messages; `output([], n)` (no drafts, `M` = never) fits any rule.
 */
export function output<const M extends string = never>(findings: FindingDraft<M>[], checked: number): RuleOutput<M> {
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
