import { ENGINE_FAMILY } from '../engine/run.js';
import { countBySeverity } from '../engine/score.js';
import type { AuditResult, SourceResult } from '../schema/result.js';
import type { Severity } from '../schema/finding.js';

type Countable = { ruleId: string; family?: string; severity: Severity; accepted?: boolean };
type CountableSource = Pick<SourceResult, 'status' | 'omitted'> & { findings: readonly Countable[] };

/** Run totals from the per-source results (findings accepted by a baseline are not counted). */
export function summarise(sources: ReadonlyArray<CountableSource>, corpusFindings: readonly Countable[] = []): AuditResult['summary'] {
  const all = [...sources.flatMap((s) => s.findings), ...corpusFindings];
  const byRule: Record<string, number> = {};
  for (const f of all) if (!f.accepted) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  // Findings past a rule's limit are counted with the rule's others, though not listed.
  const omitted = sources.flatMap((s) => s.omitted ?? []);
  for (const o of omitted) byRule[o.ruleId] = (byRule[o.ruleId] ?? 0) + o.count;
  return {
    sources: sources.length,
    audited: sources.filter((s) => s.status === 'ok').length,
    failed: sources.filter((s) => s.status === 'error').length,
    counts: countBySeverity(all, omitted),
    byRule,
    engine: all.filter((f) => f.family === ENGINE_FAMILY).length,
    omitted: omitted.reduce((n, o) => n + o.count, 0),
  };
}
