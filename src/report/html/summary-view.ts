import type { ClaimKind } from '../../claims/kinds/define.js';
import { CLAIM_KINDS } from '../../claims/kinds/index.js';
import type { Severity } from '../../schema/finding.js';
import type { SourceResult } from '../../schema/result.js';
import { formatBytes, plural, trimNumber } from './format.js';

export interface DeductionRow {
  ruleId: string;
  severity: Severity;
  count: number;
  points: string;
}

export interface ScoreView {
  value: string;
  grade: string;
  gradeClass: string;
  explanation: string;
  deductions: DeductionRow[];
  /** A short list is shown open; a long one would push the findings out of sight. */
  deductionsOpen: boolean;
}

export interface CoverageView {
  claims: string;
  checked: string;
  rules: Array<{ ruleId: string; checked: number }>;
  /** Plain words when nothing could be checked: then a clean result means little. */
  nothingChecked: string | null;
}

export interface SummaryView {
  title: string;
  name: string;
  source: string;
  format: string;
  size: string;
  encoding: string | null;
  encodingWarning: string | null;
  published: string | null;
  forecast: string | null;
  score: ScoreView | null;
  counts: { error: number; warning: number; info: number; accepted: number };
  coverage: CoverageView | null;
  error: { reason: string; message: string } | null;
}

const OPEN_DEDUCTIONS = 5;
const FORMAT_NAMES: Record<string, string> = { html: 'HTML', text: 'plain text' };

export function gradeClass(grade: string | null | undefined): string {
  return grade ? `grade grade-${grade.toLowerCase()}` : 'grade grade-none';
}

export function buildSummary(result: SourceResult): SummaryView {
  const m = result.metadata;
  const forecast = m?.forecastPeriod ?? null;
  const horizon = m?.titleHorizon ?? null;
  const enc = result.encoding;
  const cov = result.coverage;
  return {
    title: m?.title || result.name,
    name: result.name,
    source: result.source,
    format: result.format ? (FORMAT_NAMES[result.format] ?? result.format) : 'unknown',
    size: formatBytes(result.bytes),
    encoding: enc ? `${enc.name}${enc.bom ? ' with byte-order mark' : ''}` : null,
    encodingWarning: enc && enc.invalidSequences > 0 ? `${plural(enc.invalidSequences, 'invalid byte sequence')} replaced with “�” while decoding.` : null,
    published: m?.publishDate?.iso ?? null,
    forecast: forecast ? `${forecast.from}–${forecast.to}` : horizon ? `${horizon.from}–${horizon.to} (from the title)` : null,
    score: result.score
      ? {
          value: trimNumber(result.score.value, 1),
          grade: result.score.grade,
          gradeClass: gradeClass(result.score.grade),
          explanation: result.score.explanation,
          deductions: result.score.deductions.map((d) => ({ ruleId: d.ruleId, severity: d.severity, count: d.count, points: `−${trimNumber(d.points, 1)}` })),
          deductionsOpen: result.score.deductions.length <= OPEN_DEDUCTIONS,
        }
      : null,
    counts: { ...result.counts, accepted: result.findings.filter((f) => f.accepted).length },
    coverage: cov
      ? {
          claims: claimCountsText(cov.claims),
          checked: `${plural(cov.checked, 'check')} made by ${plural(cov.rules.filter((r) => r.checked > 0).length, 'rule')}`,
          rules: cov.rules,
          nothingChecked: cov.checkable
            ? null
            : 'Nothing in this document could be checked: no rule found a figure or claim to test, so the absence of findings says little about its credibility.',
        }
      : null,
    error: result.error ? { reason: result.error.reason, message: result.error.message } : null,
  };
}

/** "3 growth rates, 1 market size, …": the counts of the kinds that have a noun, in the kinds' order. */
function claimCountsText(counts: Record<string, number>): string {
  const kinds: readonly ClaimKind[] = CLAIM_KINDS;
  return kinds.flatMap((k) => (k.noun ? [plural(counts[k.name] ?? 0, k.noun.one, k.noun.many)] : [])).join(', ');
}
