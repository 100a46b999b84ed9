import type { Finding, FindingDraft, Severity } from '../schema/finding.js';
import type { Evidence } from '../schema/position.js';
import type { ResolvedRule } from './config.js';
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

/** Turn a rule's draft into a finding: message text, severity, fingerprint. */
export function materialise(rule: Pick<Rule, 'id' | 'messages'>, severity: Severity, draft: FindingDraft): Finding {
  const template = rule.messages[draft.messageId];
  if (template === undefined) throw new Error(`${rule.id}: unknown messageId "${draft.messageId}"`);
  const related: Evidence[] = draft.related ?? [];
  const finding: Finding = {
    ruleId: rule.id,
    family: familyOf(rule.id),
    messageId: draft.messageId,
    data: draft.data,
    severity: draft.severity ?? severity,
    message: formatMessage(template, draft.data, rule.id),
    primary: draft.primary,
    related,
    fingerprint: fingerprintOf(rule.id, draft.messageId, [draft.primary, ...related], draft.key),
  };
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
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Run the per-source rules on one context. */
export function runRules(ctx: AuditContext, rules: ResolvedRule[]): RunOutput {
  const findings: Finding[] = [];
  const coverage: RunOutput['coverage'] = [];
  for (const { rule, severity, options } of rules) {
    if (rule.scope !== 'source') continue;
    try {
      const out = rule.check(ctx, options);
      const made = out.findings.map((d) => materialise(rule, severity, d));
      findings.push(...made);
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
  return { findings, coverage };
}
