import type { Config } from '../schema/config.js';
import type { Finding, Severity } from '../schema/finding.js';
import type { Counts, Score } from '../schema/result.js';
import { ENGINE_FAMILY } from './run.js';

/** Findings per severity; accepted (baselined) ones, and the engine's own (a crashed rule), do not count. */
export function countBySeverity(findings: Array<{ severity: keyof Counts; family?: string; accepted?: boolean }>): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.accepted && f.family !== ENGINE_FAMILY) c[f.severity]++;
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
export function scoreFindings(findings: Finding[], scoring: Config['scoring'] = {}): Score {
  const w = { ...DEFAULT_WEIGHTS, ...scoring };
  const byRule = new Map<string, { severity: Severity; count: number; points: number }>();
  for (const f of findings) {
    if (f.accepted || f.family === ENGINE_FAMILY) continue;
    const key = `${f.ruleId}\0${f.severity}`;
    const d = byRule.get(key) ?? { severity: f.severity, count: 0, points: 0 };
    d.count++;
    d.points += w[f.severity];
    byRule.set(key, d);
  }
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
