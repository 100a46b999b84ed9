import type { Finding, Severity } from '../../schema/finding.js';
import type { AuditResult, SourceResult } from '../../schema/result.js';
import { findingId } from './evidence-index.js';
import { buildCorpusSections, corpusFindingId, type CorpusSections } from './index-corpus-view.js';
import { plural, severityRank, trimNumber, truncate } from './format.js';
import { relativeHref } from './href.js';
import { gradeClass } from './summary-view.js';

export interface IndexRow {
  name: string;
  href: string | null;
  classes: string;
  rules: string;
  status: string;
  score: string;
  scoreSort: string;
  grade: string;
  gradeClass: string;
  errors: string;
  errorsSort: string;
  warnings: string;
  warningsSort: string;
  info: string;
  infoSort: string;
  top: { severity: Severity; message: string; href: string | null } | null;
  topSort: string;
  failure: { reason: string; message: string } | null;
}

export interface IndexView extends CorpusSections {
  sourcesLabel: string;
  startedAt: string;
  finishedAt: string;
  ruleCount: number;
  tool: string;
  interrupted: boolean;
  stats: Array<{ value: string; label: string; classes: string }>;
  ruleOptions: Array<{ value: string; label: string }>;
  sortOptions: Array<{ value: string; label: string }>;
  columns: Array<{ label: string; type: 'number' | 'text'; numeric: boolean }>;
  rows: IndexRow[];
  byRule: Array<{ ruleId: string; count: number; description: string }>;
  failures: Array<{ name: string; reason: string; message: string }>;
  corpus: Array<{ id: string; severity: Severity; ruleId: string; message: string; sources: string }>;
}

const TOP_MESSAGE = 220;

const COLUMNS: IndexView['columns'] = [
  { label: 'Source', type: 'text', numeric: false },
  { label: 'Status', type: 'text', numeric: false },
  { label: 'Score', type: 'number', numeric: true },
  { label: 'Grade', type: 'text', numeric: false },
  { label: 'Errors', type: 'number', numeric: true },
  { label: 'Warnings', type: 'number', numeric: true },
  { label: 'Info', type: 'number', numeric: true },
  { label: 'Top finding', type: 'text', numeric: false },
];

/** The finding an editor should read first: the gravest open one, earliest in the document. */
export function topFinding(findings: readonly Finding[]): { finding: Finding; index: number } | null {
  let best: { finding: Finding; index: number } | null = null;
  findings.forEach((finding, index) => {
    if (finding.accepted) return;
    if (!best || severityRank(finding.severity) < severityRank(best.finding.severity)) best = { finding, index };
  });
  return best;
}

function row(s: SourceResult): IndexRow {
  const failed = s.status === 'error';
  const top = topFinding(s.findings);
  const report = s.report ? relativeHref(s.report) : null;
  const count = (n: number) => (failed ? '—' : String(n));
  const sortable = (n: number) => (failed ? '' : String(n));
  return {
    name: s.name,
    href: failed ? null : report,
    classes: failed ? 'failed' : '',
    rules: [...new Set(s.findings.map((f) => f.ruleId))].join(' '),
    status: failed ? 'failed' : 'audited',
    score: s.score ? trimNumber(s.score.value, 1) : '—',
    scoreSort: s.score ? String(s.score.value) : '',
    grade: s.score?.grade ?? '—',
    gradeClass: gradeClass(s.score?.grade),
    errors: count(s.counts.error),
    errorsSort: sortable(s.counts.error),
    warnings: count(s.counts.warning),
    warningsSort: sortable(s.counts.warning),
    info: count(s.counts.info),
    infoSort: sortable(s.counts.info),
    top: top
      ? {
          severity: top.finding.severity,
          message: truncate(top.finding.message, TOP_MESSAGE),
          href: report && !failed ? `${report}#${findingId(top.index)}` : null,
        }
      : null,
    topSort: top ? `${severityRank(top.finding.severity)} ${top.finding.message}` : '9',
    failure: failed ? { reason: s.error?.reason ?? 'error', message: s.error?.message ?? 'the source could not be audited' } : null,
  };
}

export function buildIndexView(audit: AuditResult): IndexView {
  const meta = new Map(audit.rules.map((r) => [r.id, r]));
  const byRule = Object.entries(audit.summary.byRule)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([ruleId, count]) => ({ ruleId, count, description: meta.get(ruleId)?.description ?? '' }));
  const seenRules = new Set([...audit.rules.map((r) => r.id), ...audit.sources.flatMap((s) => s.findings.map((f) => f.ruleId))]);
  const sum = audit.summary;
  const names = new Map(audit.sources.map((s) => [s.source, s.name]));
  return {
    sourcesLabel: plural(sum.sources, 'source'),
    startedAt: audit.startedAt,
    finishedAt: audit.finishedAt,
    ruleCount: audit.rules.length,
    tool: `${audit.tool.name} ${audit.tool.version}`,
    interrupted: audit.interrupted,
    stats: [
      { value: String(sum.sources), label: 'sources', classes: '' },
      { value: String(sum.audited), label: 'audited', classes: '' },
      { value: String(sum.failed), label: 'failed', classes: sum.failed ? 'sev-error' : '' },
      { value: String(sum.counts.error), label: 'errors', classes: 'sev-error' },
      { value: String(sum.counts.warning), label: 'warnings', classes: 'sev-warning' },
      { value: String(sum.counts.info), label: 'info', classes: 'sev-info' },
    ],
    ruleOptions: [...seenRules].sort().map((id) => ({ value: id, label: sum.byRule[id] ? `${id} (${sum.byRule[id]})` : id })),
    sortOptions: [
      { value: '0:ascending', label: 'Source name' },
      { value: '2:ascending', label: 'Score, lowest first' },
      { value: '2:descending', label: 'Score, highest first' },
      { value: '4:descending', label: 'Most errors' },
      { value: '5:descending', label: 'Most warnings' },
      { value: '6:descending', label: 'Most info findings' },
      { value: '1:ascending', label: 'Status' },
    ],
    columns: COLUMNS,
    rows: audit.sources.map(row),
    byRule,
    failures: audit.sources
      .filter((s) => s.status === 'error')
      .map((s) => ({ name: s.name, reason: s.error?.reason ?? 'error', message: s.error?.message ?? 'the source could not be audited' })),
    corpus: audit.corpusFindings.map((f, i) => ({
      id: corpusFindingId(i),
      severity: f.severity,
      ruleId: f.ruleId,
      message: f.message,
      sources: f.sources.map((src) => names.get(src) ?? src).join(', '),
    })),
    ...buildCorpusSections(audit),
  };
}
