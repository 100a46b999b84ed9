import type { Config } from '../schema/config.js';
import type { Finding } from '../schema/finding.js';
import type { SourceResult } from '../schema/result.js';
import { countBySeverity } from '../engine/score.js';
import { scoreFindings } from '../engine/score.js';
import { identity } from './key.js';
import type { BaselineEntry } from '../schema/baseline.js';

export type Acceptance = Pick<BaselineEntry, 'ruleId' | 'messageId' | 'fingerprint' | 'count'>;

/**
 * Mark as accepted the findings a baseline records (each entry accepts up to `count` findings with
 * its identity); every other finding is new. Returns how many were accepted.
 */
export function acceptFindings(findings: Finding[], entries: readonly Acceptance[]): number {
  const budget = new Map<string, number>();
  for (const e of entries) budget.set(identity(e), (budget.get(identity(e)) ?? 0) + e.count);
  let accepted = 0;
  for (const f of findings) {
    delete f.accepted;
    const left = budget.get(identity(f)) ?? 0;
    if (left > 0) {
      f.accepted = true;
      budget.set(identity(f), left - 1);
      accepted++;
    }
  }
  return accepted;
}

/** Apply a source's baseline entries to its result: accepted findings stop counting and cost no score. */
export function applyBaseline(result: SourceResult, entries: readonly Acceptance[], scoring: Config['scoring']): void {
  if (result.status !== 'ok') return;
  const had = result.findings.some((f) => f.accepted);
  if (entries.length === 0 && !had) return;
  acceptFindings(result.findings, entries);
  result.counts = countBySeverity(result.findings, result.omitted);
  result.score = scoreFindings(result.findings, scoring, result.omitted);
}
