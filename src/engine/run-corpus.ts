import type { ResolvedRule } from './config.js';
import type { CorpusRule, CorpusSource } from './rule.js';
import { materialise, ruleErrorFinding } from './run.js';
import type { AuditResult } from '../schema/result.js';

export type CorpusFinding = AuditResult['corpusFindings'][number];

/** What each audited source contributes: its fingerprint for a rule, by rule id, loaded on demand. */
export interface FingerprintRecord {
  source: string;
  name: string;
  fingerprint(ruleId: string): unknown;
}

/**
 * A rule's view of a source whose fingerprint is read only when the rule asks for it (and again
 * if it asks again), so a rule can keep a lean projection of every source and go back for the
 * evidence of the few it reports on: memory stays small however large the corpus.
 */
function lazySource(record: FingerprintRecord, ruleId: string): CorpusSource {
  return {
    source: record.source,
    name: record.name,
    get fingerprint() {
      return record.fingerprint(ruleId);
    },
  };
}

/**
 * Run the cross-source rules once, over the fingerprints every source left (after all files, or
 * after merging shards); never from the documents. A rule that throws becomes one
 * engine/rule-error finding and the others still run.
 */
export function runCorpusRules(
  rules: readonly ResolvedRule[],
  records: readonly FingerprintRecord[],
): { findings: CorpusFinding[]; coverage: Array<{ ruleId: string; checked: number }> } {
  const out: CorpusFinding[] = [];
  const coverage: Array<{ ruleId: string; checked: number }> = [];
  for (const { rule, severity, options } of rules) {
    if (rule.scope !== 'corpus') continue;
    const sources = records.map((r) => lazySource(r, rule.id));
    try {
      const { findings, checked } = (rule as CorpusRule).check(sources, options);
      for (const draft of findings) out.push({ ...materialise(rule, severity, draft), sources: draft.sources });
      coverage.push({ ruleId: rule.id, checked });
    } catch (err) {
      out.push({ ...ruleErrorFinding(rule.id, err), sources: [] });
      coverage.push({ ruleId: rule.id, checked: 0 });
    }
  }
  return { findings: out, coverage };
}
