import type { EvalResult } from './evaluate.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const short = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

/** The eval as a terminal table, then every miss and every loud finding no label explains. */
export function formatEval(r: EvalResult, { details = true } = {}): string {
  const out: string[] = [];
  const width = Math.max(...r.categories.map((c) => c.category.length), 8);
  out.push(`credence eval — ${r.documents} documents (${r.cleanDocuments} clean controls), ${r.date.slice(0, 10)}`);
  out.push('');
  out.push(`${'category'.padEnd(width)}  found / labelled  recall   (additions)`);
  for (const c of r.categories) {
    if (c.labelled === 0 && c.added === 0) continue;
    const recall = c.labelled ? pct(c.found / c.labelled) : '—';
    const added = c.added ? `(${c.addedFound} / ${c.added})` : '';
    out.push(`${c.category.padEnd(width)}  ${String(c.found).padStart(5)} / ${String(c.labelled).padEnd(8)}  ${recall.padStart(6)}   ${added}`);
  }
  out.push('');
  out.push(`recall: ${r.found} / ${r.labelled} = ${pct(r.recall)}`);
  out.push(`errors and warnings on clean controls: ${r.cleanAlarms}`);
  out.push(`unlabelled errors and warnings: ${r.unlabelled} (${r.unlabelledPerDocument.toFixed(2)} per labelled document)`);
  if (r.failed.length) out.push(`documents that could not be audited: ${r.failed.map((f) => `${f.doc} (${f.reason})`).join(', ')}`);
  if (!details) return out.join('\n');
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    out.push('', `${title} (${lines.length})`, ...lines.map((l) => `  ${l}`));
  };
  section(
    'missed',
    r.misses.map((m) => `${m.doc}  ${m.category}${m.origin === 'addition' ? ' (addition)' : ''}: ${short(JSON.stringify(m.evidence), 70)}`),
  );
  const finding = (f: EvalResult['cleanFindings'][number]) => `${f.doc}:${f.line ?? '-'}:${f.column ?? '-'}  ${f.severity} ${f.ruleId}: ${short(f.message)}`;
  section('on clean controls', r.cleanFindings.map(finding));
  section('unlabelled', r.unlabelledFindings.map(finding));
  return out.join('\n');
}
