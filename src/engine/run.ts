import type { Finding, FindingDraft, Severity } from '../schema/finding.js';
import type { Evidence } from '../schema/position.js';
import type { Counts, Omitted } from '../schema/result.js';
import { DEFAULT_MAX_FINDINGS_PER_RULE, type ResolvedRule } from './config.js';
import type { AuditContext } from './context.js';
import { sentenceContext } from './finding-context.js';
import { fingerprintOf } from './fingerprint.js';
import { formatMessage } from './message.js';
import { familyOf, type Rule } from './rule.js';

/** Findings about credence itself (a rule that crashed), not about the source: never scored, counted apart. */
export const ENGINE_RULE = 'engine/rule-error';
export const ENGINE_FAMILY = 'engine';

export function isEngineFinding(f: Pick<Finding, 'family'>): boolean {
  return f.family === ENGINE_FAMILY;
}

/**
 * Related evidence one finding lists: a finding that stands for a group of thousands of items
 * quotes the first ones and counts the rest, so a result grows with its findings, not their members.
 */
export const MAX_RELATED_EVIDENCE = 100;

/** Turn a rule's draft into a finding: message text, severity, fingerprint. */
export function materialise(rule: Pick<Rule, 'id' | 'messages'>, severity: Severity, draft: FindingDraft): Finding {
  const template = rule.messages[draft.messageId];
  if (template === undefined) throw new Error(`${rule.id}: unknown messageId "${draft.messageId}"`);
  if (draft.group && !draft.key) throw new Error(`${rule.id}: a group finding ("${draft.messageId}") needs a key naming its group`);
  const all: Evidence[] = draft.related ?? [];
  const related = all.length > MAX_RELATED_EVIDENCE ? all.slice(0, MAX_RELATED_EVIDENCE) : all;
  // A group's identity is its key (subject and kind), so its fingerprint leaves its members out.
  const fingerprint = draft.group
    ? fingerprintOf(rule.id, draft.messageId, [], draft.key)
    : fingerprintOf(rule.id, draft.messageId, [draft.primary, ...all], draft.key);
  const finding: Finding = {
    ruleId: rule.id,
    family: familyOf(rule.id),
    messageId: draft.messageId,
    data: draft.data,
    severity: draft.severity ?? severity,
    message: formatMessage(template, draft.data, rule.id),
    primary: draft.primary,
    related,
    fingerprint,
  };
  if (related.length < all.length) finding.relatedOmitted = all.length - related.length;
  if (draft.computed) finding.computed = draft.computed;
  return finding;
}

function engineFinding(messageId: string, ruleId: string, error: unknown, message: (error: string) => string): Finding {
  const text = error instanceof Error ? error.message : String(error);
  return {
    ruleId: ENGINE_RULE,
    family: ENGINE_FAMILY,
    messageId,
    data: { rule: ruleId, error: text },
    severity: 'error',
    message: message(text),
    primary: null,
    related: [],
    fingerprint: fingerprintOf(ENGINE_RULE, messageId, [], ruleId),
  };
}

/** The finding recorded when a rule throws: the source still gets every other rule's findings. */
export function ruleErrorFinding(ruleId: string, error: unknown): Finding {
  return engineFinding('rule-threw', ruleId, error, (e) => `Rule ${ruleId} failed on this source and was skipped: ${e}`);
}

/** The finding recorded when a cross-source rule cannot fingerprint a source, which it then compares with nothing. */
export function fingerprintErrorFinding(ruleId: string, error: unknown): Finding {
  return engineFinding(
    'fingerprint-threw',
    ruleId,
    error,
    (e) => `Rule ${ruleId} could not fingerprint this source, so it is left out of that rule's cross-source comparison: ${e}`,
  );
}

export interface RunOutput {
  findings: Finding[];
  coverage: Array<{ ruleId: string; checked: number }>;
  /** Rules that made more findings than their limit, and what was left out. */
  omitted: Omitted[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A rule's drafts within its limit: the gravest first, in the rule's own order within a
 * severity; the rest are counted by severity. `limit` 0 keeps them all.
 */
export function limitDrafts(drafts: FindingDraft[], severity: Severity, limit: number): { kept: FindingDraft[]; left: Counts | null } {
  if (limit <= 0 || drafts.length <= limit) return { kept: drafts, left: null };
  const rank = (d: FindingDraft) => ORDER[d.severity ?? severity];
  const order = drafts.map((_, i) => i).sort((a, b) => rank(drafts[a]) - rank(drafts[b]) || a - b);
  const left: Counts = { error: 0, warning: 0, info: 0 };
  for (const i of order.slice(limit)) left[drafts[i].severity ?? severity]++;
  // Kept in the rule's order: the engine sorts every finding by position afterwards.
  const kept = order
    .slice(0, limit)
    .sort((a, b) => a - b)
    .map((i) => drafts[i]);
  return { kept, left };
}

/** Run the per-source rules on one context. */
export function runRules(ctx: AuditContext, rules: ResolvedRule[]): RunOutput {
  const findings: Finding[] = [];
  const coverage: RunOutput['coverage'] = [];
  const omitted: Omitted[] = [];
  for (const { rule, severity, options, maxFindings } of rules) {
    if (rule.scope !== 'source') continue;
    try {
      const out = rule.check(ctx, options);
      const limit = maxFindings ?? DEFAULT_MAX_FINDINGS_PER_RULE;
      const { kept, left } = limitDrafts(out.findings, severity, limit);
      if (left) omitted.push({ ruleId: rule.id, limit, count: out.findings.length - kept.length, counts: left });
      for (const d of kept) findings.push(materialise(rule, severity, d));
      coverage.push({ ruleId: rule.id, checked: out.checked });
    } catch (err) {
      findings.push(ruleErrorFinding(rule.id, err));
      coverage.push({ ruleId: rule.id, checked: 0 });
    }
  }
  for (const f of findings) {
    const context = sentenceContext(f.primary, ctx.sentences(), ctx.spans);
    if (context) f.context = context;
  }
  findings.sort(
    (a, b) => (a.primary?.start.offset ?? -1) - (b.primary?.start.offset ?? -1) || ORDER[a.severity] - ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
  return { findings, coverage, omitted };
}
