import type { AuditResult, SourceResult } from '../schema/result.js';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };

type Paint = (code: keyof typeof COLOURS, s: string) => string;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sourceBlock(r: SourceResult, paint: Paint): string[] {
  const lines: string[] = [];
  if (r.status === 'error') {
    lines.push(paint('underline', r.name), `  ${paint('error', 'error')}  could not audit: ${r.error?.message ?? 'unknown error'}  ${paint('dim', `(${r.error?.reason})`)}`, '');
    return lines;
  }
  const visible = r.findings.filter((f) => !f.accepted);
  const score = r.score ? `  score ${r.score.value} (${r.score.grade})` : '';
  if (visible.length === 0) {
    const note = r.coverage && !r.coverage.checkable ? ' — nothing in it could be checked' : '';
    lines.push(`${paint('underline', r.name)}${paint('dim', score)}  no problems${note}`, '');
    return lines;
  }
  lines.push(paint('underline', r.name) + paint('dim', score));
  const loc = (f: (typeof visible)[number]) => (f.primary ? `${f.primary.start.line}:${f.primary.start.column}` : '-');
  const width = Math.max(...visible.map((f) => loc(f).length));
  for (const f of visible) {
    lines.push(`  ${paint('dim', loc(f).padEnd(width))}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
  }
  lines.push('');
  return lines;
}

/** Terminal output in the manner of eslint's "stylish" formatter, with a summary line. */
export function formatText(audit: AuditResult, colour = false): string {
  const paint: Paint = (code, s) => (colour ? COLOURS[code] + s + COLOURS.reset : s);
  const lines: string[] = [];
  for (const r of audit.sources) lines.push(...sourceBlock(r, paint));
  const c = audit.summary.counts;
  const total = c.error + c.warning + c.info;
  const summary =
    `${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info) in ` +
    `${plural(audit.summary.audited, 'source')}` +
    (audit.summary.failed ? `; ${audit.summary.failed} could not be audited` : '') +
    (audit.interrupted ? '; run interrupted' : '');
  const accepted = audit.sources.reduce((n, r) => n + r.findings.filter((f) => f.accepted).length, 0);
  lines.push(paint(c.error || audit.summary.failed ? 'error' : c.warning ? 'warning' : 'bold', `✖ ${summary}`) + (accepted ? paint('dim', ` (${accepted} accepted by baseline not shown)`) : ''));
  return lines.join('\n') + '\n';
}
