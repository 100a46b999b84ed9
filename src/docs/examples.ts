import { splitDocuments } from '../corpus/examples.js';
import { resolveRules, type ResolvedRule } from '../engine/config.js';
import type { CorpusRule, Rule, RuleExample } from '../engine/rule.js';
import { runCorpusRules } from '../engine/run-corpus.js';
import { ENGINE_RULE, runRules } from '../engine/run.js';
import { buildContext } from '../pipeline/audit-source.js';
import type { AuditContext } from '../engine/context.js';
import type { Finding } from '../schema/finding.js';

/** A finding of a documented example as its page shows it. */
export interface ExampleFinding {
  /** "line:column" of the primary evidence; for a cross-source rule prefixed with the document's name. */
  at: string;
  severity: Finding['severity'];
  messageId: string;
  message: string;
}

function contextOf(input: string | Uint8Array, name: string): AuditContext {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const built = buildContext(bytes, { path: name, name });
  if (!built.ok) throw new Error(`${name}: ${built.error.message}`);
  return built.context;
}

const position = (f: Finding) => (f.primary ? `${f.primary.start.line}:${f.primary.start.column}` : '–');

/** The rule alone, configured as the example says (its options, its default severity). */
function configured(rule: Rule, ex: RuleExample): ResolvedRule {
  return resolveRules([rule], { rules: { [rule.id]: ['on', ex.options ?? {}] } })[0];
}

function crashed(rule: Rule, ex: RuleExample, findings: readonly Finding[]): void {
  const crash = findings.find((f) => f.ruleId === ENGINE_RULE);
  if (crash) throw new Error(`${rule.id}, example "${ex.name}": ${crash.message}`);
}

/**
 * Run a rule's documented example through the engine as an audit would (a whole document, its
 * format detected; for a cross-source rule, each document fingerprinted and the rule run over
 * them) and report what it finds. A rule that throws on its own example is an error, not a page.
 */
export function exampleFindings(rule: Rule, ex: RuleExample): ExampleFinding[] {
  const resolved = configured(rule, ex);
  if (rule.scope === 'source') {
    const { findings } = runRules(contextOf(ex.input, 'example.txt'), [resolved]);
    crashed(rule, ex, findings);
    return findings.map((f) => ({ at: position(f), severity: f.severity, messageId: f.messageId, message: f.message }));
  }
  if (typeof ex.input !== 'string') throw new Error(`${rule.id}, example "${ex.name}": a cross-source example is text (joinDocuments)`);
  const docs = splitDocuments(ex.input);
  const records = docs.map((d) => {
    // Through JSON, as fingerprints travel from workers and shards.
    const fingerprint = JSON.parse(JSON.stringify((rule as CorpusRule).fingerprint(contextOf(d.text, d.name), resolved.options) ?? null)) as unknown;
    return { source: d.name, name: d.name, fingerprint: () => fingerprint };
  });
  const { findings } = runCorpusRules([resolved], records);
  crashed(rule, ex, findings);
  return findings.map((f) => ({ at: `${f.sources[0] ?? ''} ${position(f)}`.trim(), severity: f.severity, messageId: f.messageId, message: f.message }));
}
