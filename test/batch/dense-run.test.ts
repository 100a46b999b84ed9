// A whole run on dense documents (issue 16): generated pages of many dated sizes, a long country
// list and big tables, audited on the worker pool within the default time budget with every output
// format. Findings stay few and bounded, each document's defects are found, the HTML report stays
// within about ten times its source, and audit.json grows with claims and findings, not pairs.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { denseDocument, denseExtension, type DenseKind } from '../../src/bench/dense.js';
import { DEFAULT_MAX_FINDINGS_PER_RULE } from '../../src/engine/config.js';
import { runAudit } from '../../src/run/audit.js';
import { AuditResultSchema } from '../../src/schema/result.js';
import { buildOnce } from '../cli/build.js';

beforeAll(async () => {
  await buildOnce();
}, 300_000);

/** The HTML report's fixed part (stylesheet, script, header, empty sections) is well under this. */
const FIXED = 200 * 1024;

// In the order a run lists its sources (by path).
const DOCS: Array<{ kind: DenseKind; bytes: number; rule: string }> = [
  { kind: 'country-list', bytes: 300 * 1024, rule: 'geography/misplaced' },
  { kind: 'dated-sizes', bytes: 400 * 1024, rule: 'numbers/size-conflict' },
  { kind: 'table', bytes: 300 * 1024, rule: 'numbers/cagr-arithmetic' },
];

describe('a run on dense documents', () => {
  it('finishes within the time budget with every format, a bounded number of findings and bounded outputs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-dense-'));
    const out = path.join(dir, 'out');
    const sourceBytes = new Map<string, number>();
    for (const d of DOCS) {
      const name = `${d.kind}.${denseExtension(d.kind)}`;
      const text = denseDocument(d.kind, d.bytes, 11);
      writeFileSync(path.join(dir, name), text);
      sourceBytes.set(name, Buffer.byteLength(text));
    }
    let terminal = '';
    const started = Date.now();
    const run = await runAudit([dir], { cwd: dir, out, formats: ['html', 'json', 'text', 'sarif'], jobs: 1, text: (chunk) => (terminal += chunk) });
    const wall = Date.now() - started;
    const json = AuditResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')));
    // No file was stopped at the default budget (30 s) or failed.
    expect(json.sources.map((s) => [s.name, s.status])).toEqual(DOCS.map((d) => [`${d.kind}.${denseExtension(d.kind)}`, 'ok']));
    expect(wall).toBeLessThan(3 * 30_000);
    for (const d of DOCS) {
      const s = json.sources.find((x) => x.name.startsWith(d.kind))!;
      // Its sown defects are found, as few findings as contradictions: one per list, subject and year, or row.
      expect(s.findings.some((f) => f.ruleId === d.rule)).toBe(true);
      const byRule = new Map<string, number>();
      for (const f of s.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      expect(Math.max(...byRule.values())).toBeLessThanOrEqual(DEFAULT_MAX_FINDINGS_PER_RULE);
      expect(s.findings.length).toBeLessThanOrEqual(150);
      // What the limit left out is counted in the counts, not lost.
      const omitted = (s.omitted ?? []).reduce((n, o) => n + o.count, 0);
      expect(s.counts.error + s.counts.warning + s.counts.info).toBe(s.findings.length + omitted);
      const source = sourceBytes.get(s.name)!;
      expect(statSync(path.join(out, s.report!)).size).toBeLessThan(10 * source + FIXED);
    }
    // audit.json: linear in what the sources hold (a claim or a piece of evidence is well under 2 KB).
    const items = json.sources.reduce(
      (n, s) =>
        n +
        (s.claims ? s.claims.sizes.length + s.claims.growth.length + s.claims.shares.length + s.claims.dominance.length : 0) +
        s.findings.reduce((k, f) => k + 1 + f.related.length, 0),
      0,
    );
    expect(statSync(path.join(out, 'audit.json')).size).toBeLessThan(2048 * items + 100 * 1024);
    const sarif = JSON.parse(readFileSync(path.join(out, 'audit.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0].results.length).toBe(json.sources.reduce((n, s) => n + s.findings.length, 0) + json.corpusFindings.length);
    expect(terminal).toContain('table.html');
    expect(run.result.summary.sources).toBe(DOCS.length);
  }, 180_000);
});
