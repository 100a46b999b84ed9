import { formatText } from '../report/text.js';
import type { AuditResult, SourceResult } from '../schema/result.js';

type CorpusFinding = AuditResult['corpusFindings'][number];

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };
type Paint = (code: keyof typeof COLOURS, s: string) => string;
const painter = (colour: boolean): Paint => (code, s) => (colour ? COLOURS[code] + s + COLOURS.reset : s);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const EMPTY_SUMMARY: AuditResult['summary'] = { sources: 0, audited: 0, failed: 0, counts: { error: 0, warning: 0, info: 0 }, byRule: {} };

/**
 * One source's block of the terminal report, printed as the run streams through its results.
 * It reuses the stylish formatter on a one-source audit and drops that audit's summary line.
 */
export function sourceText(result: SourceResult, colour: boolean): string {
  const one: AuditResult = {
    schema: 'credence/audit',
    version: 1,
    tool: { name: 'credence', version: '' },
    startedAt: '',
    finishedAt: '',
    interrupted: false,
    rules: [],
    sources: [result],
    corpusFindings: [],
    summary: EMPTY_SUMMARY,
  };
  const lines = formatText(one, colour).split('\n');
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.pop(); // the one-source summary line
  return lines.join('\n') + '\n';
}

/** Findings that link several sources, after the per-source blocks. */
export function corpusText(findings: readonly CorpusFinding[], nameOf: (source: string) => string, colour: boolean): string {
  const visible = findings.filter((f) => !f.accepted);
  if (!visible.length) return '';
  const paint = painter(colour);
  const lines = [paint('underline', 'Across sources')];
  for (const f of visible) {
    lines.push(`  ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
    if (f.sources.length) lines.push(`           ${paint('dim', 'sources: ' + f.sources.map(nameOf).join(', '))}`);
  }
  return lines.join('\n') + '\n\n';
}

/** The closing line: problems by severity, sources audited and failed, interruption, accepted findings. */
export function summaryText(summary: AuditResult['summary'], extra: { interrupted: boolean; accepted: number }, colour: boolean): string {
  const paint = painter(colour);
  const c = summary.counts;
  const total = c.error + c.warning + c.info;
  const text =
    `${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info) in ` +
    `${plural(summary.audited, 'source')}` +
    (summary.failed ? `; ${summary.failed} could not be audited` : '') +
    (extra.interrupted ? '; run interrupted' : '');
  return (
    paint(c.error || summary.failed ? 'error' : c.warning ? 'warning' : 'bold', `✖ ${text}`) +
    (extra.accepted ? paint('dim', ` (${extra.accepted} accepted by baseline not shown)`) : '') +
    '\n'
  );
}
