import { isEngineFinding } from '../engine/run.js';
import type { AuditResult, Omitted, SourceResult } from '../schema/result.js';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };

export type Paint = (code: keyof typeof COLOURS, s: string) => string;

export function painter(colour: boolean): Paint {
  return (code, s) => (colour ? COLOURS[code] + s + COLOURS.reset : s);
}

type CorpusFinding = AuditResult['corpusFindings'][number];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One source's block, in the manner of eslint's "stylish" formatter. */
export function sourceText(r: SourceResult, colour: boolean): string {
  const paint = painter(colour);
  const lines: string[] = [];
  if (r.status === 'error') {
    lines.push(
      paint('underline', r.name),
      `  ${paint('error', 'error')}  could not audit: ${r.error?.message ?? 'unknown error'}  ${paint('dim', `(${r.error?.reason})`)}`,
    );
    return lines.join('\n') + '\n\n';
  }
  const visible = r.findings.filter((f) => !f.accepted);
  const omitted = r.omitted ?? [];
  const score = r.score ? `  score ${r.score.value} (${r.score.grade})` : '';
  if (visible.length === 0 && omitted.length === 0) {
    const note = r.coverage && !r.coverage.checkable ? ' — nothing in it could be checked' : '';
    return `${paint('underline', r.name)}${paint('dim', score)}  no problems${note}\n\n`;
  }
  lines.push(paint('underline', r.name) + paint('dim', score));
  const loc = (f: (typeof visible)[number]) => (f.primary ? `${f.primary.start.line}:${f.primary.start.column}` : '-');
  const width = Math.max(1, ...visible.map((f) => loc(f).length));
  // The engine's own findings (a crashed rule) come last, labelled as such: they are not the source's problems.
  const ordered = [...visible.filter((f) => !isEngineFinding(f)), ...visible.filter(isEngineFinding)];
  for (const f of ordered) {
    const label = isEngineFinding(f) ? 'engine' : f.severity;
    lines.push(`  ${paint('dim', loc(f).padEnd(width))}  ${paint(f.severity, label.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
  }
  for (const o of omitted) lines.push(`  ${paint('dim', '…'.padEnd(width))}  ${' '.repeat(7)}  ${omittedText(o)}  ${paint('dim', o.ruleId)}`);
  return lines.join('\n') + '\n\n';
}

/** "and 312 more (300 errors, 12 warnings) past this rule's limit of 50": findings counted, not listed. */
export function omittedText(o: Omitted): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => o.counts[s] > 0)
    .map((s) => (s === 'info' ? `${o.counts.info} info` : plural(o.counts[s], s)));
  return `and ${o.count} more (${parts.join(', ')}) past this rule's limit of ${o.limit} findings per source (config maxFindingsPerRule)`;
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
    (summary.engine ? `; ${plural(summary.engine, 'rule failure')} (credence's own, not counted above)` : '') +
    (summary.omitted ? `; ${summary.omitted} of them counted but not listed (per-rule limit)` : '') +
    (extra.interrupted ? '; run interrupted' : '');
  return (
    paint(c.error || summary.failed || summary.engine ? 'error' : c.warning ? 'warning' : 'bold', `✖ ${text}`) +
    (extra.accepted ? paint('dim', ` (${extra.accepted} accepted by baseline not shown)`) : '') +
    '\n'
  );
}

/** The whole terminal report of a finished audit. */
export function formatText(audit: AuditResult, colour = false): string {
  const accepted = [...audit.sources.flatMap((s) => s.findings), ...audit.corpusFindings].filter((f) => f.accepted).length;
  const names = new Map(audit.sources.map((s) => [s.source, s.name]));
  return (
    audit.sources.map((r) => sourceText(r, colour)).join('') +
    corpusText(audit.corpusFindings, (s) => names.get(s) ?? s, colour) +
    summaryText(audit.summary, { interrupted: audit.interrupted, accepted }, colour)
  );
}
