import type { Config } from '../schema/config.js';
import type { Finding, Severity } from '../schema/finding.js';
import type { Counts, Omitted, Score } from '../schema/result.js';
import { ENGINE_FAMILY } from './run.js';

const SEVERITY_KEYS = ['error', 'warning', 'info'] as const;

/**
 * Findings per severity; accepted (baselined) ones, and the engine's own (a crashed rule), do not
 * count. Findings a rule made beyond its limit count too: no baseline could have accepted them.
 */
export function countBySeverity(
  findings: Array<{ severity: keyof Counts; family?: string; accepted?: boolean }>,
  omitted: readonly Pick<Omitted, 'counts'>[] = [],
): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.accepted && f.family !== ENGINE_FAMILY) c[f.severity]++;
  for (const o of omitted) for (const s of SEVERITY_KEYS) c[s] += o.counts[s];
  return c;
}

export const DEFAULT_WEIGHTS = { error: 12, warning: 4, info: 1, perRuleCap: 30 };

function grade(value: number): Score['grade'] {
  if (value >= 90) return 'A';
  if (value >= 80) return 'B';
  if (value >= 65) return 'C';
  if (value >= 50) return 'D';
  return 'F';
}

/**
 * 100 minus points per finding by severity, each rule's total capped so one noisy rule cannot
 * sink a source alone. Accepted (baselined) findings cost nothing, nor do the engine's own findings:
 * a rule that crashed says nothing about the source.
 */
export function scoreFindings(findings: Finding[], scoring: Config['scoring'] = {}, omitted: readonly Omitted[] = []): Score {
  const w = { ...DEFAULT_WEIGHTS, ...scoring };
  const byRule = new Map<string, { severity: Severity; count: number; points: number }>();
  const add = (ruleId: string, severity: Severity, count: number) => {
    const key = `${ruleId}\0${severity}`;
    const d = byRule.get(key) ?? { severity, count: 0, points: 0 };
    d.count += count;
    d.points += count * w[severity];
    byRule.set(key, d);
  };
  for (const f of findings) if (!f.accepted && f.family !== ENGINE_FAMILY) add(f.ruleId, f.severity, 1);
  // Left out of the list by the per-rule limit, but found all the same.
  for (const o of omitted) for (const s of SEVERITY_KEYS) if (o.counts[s]) add(o.ruleId, s, o.counts[s]);
  const perRule = new Map<string, number>();
  const deductions = [...byRule.entries()].map(([key, d]) => {
    const ruleId = key.split('\0')[0];
    const used = perRule.get(ruleId) ?? 0;
    const points = Math.max(0, Math.min(d.points, w.perRuleCap - used));
    perRule.set(ruleId, used + points);
    return { ruleId, severity: d.severity, count: d.count, points };
  });
  deductions.sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId));
  const total = deductions.reduce((s, d) => s + d.points, 0);
  const value = Math.max(0, Math.round((100 - total) * 10) / 10);
  const explanation =
    `100 − ${w.error} per error, ${w.warning} per warning, ${w.info} per info finding, at most ${w.perRuleCap} per rule` +
    (deductions.length ? ` = 100 − ${total} = ${value}` : ' = 100 (no findings)');
  return { value, grade: grade(value), deductions, explanation };
}
