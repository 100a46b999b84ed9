// The worker pool runs the built worker (dist/src/batch/worker.js): worker threads do not go
// through ts-jest, so the build comes first.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Progress } from '../../src/batch/progress.js';
import { runAudit } from '../../src/run/audit.js';
import { AuditResultSchema } from '../../src/schema/result.js';
import { ROOT } from '../helpers/harness.js';
import { buildOnce } from '../cli/build.js';

beforeAll(async () => {
  await buildOnce();
}, 300_000);

/** A page heavy enough to take seconds: thousands of list items, each a claim to check. */
function heavyPage(items: number): string {
  const li = Array.from({ length: items }, (_, i) => `<li>Segment ${i} holds ${(i % 40) + 1}% share of the widget market in ${2020 + (i % 10)}</li>`).join(
    '\n',
  );
  return `<html><body><h1>Widget Market 2025-2032</h1><p>The widget market will grow at a CAGR of 5% during the forecast period.</p><ul>${li}</ul></body></html>`;
}

describe('audit on a pool of worker threads', () => {
  it('gives the same findings as auditing in this thread, and workers write the HTML reports', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'credence-pool-'));
    const pooled = await runAudit(['seeds'], { cwd: ROOT, out, formats: ['html', 'json'], jobs: 2 });
    const inline = await runAudit(['seeds'], { cwd: ROOT });
    const ids = (r: typeof pooled) => r.result.sources.map((s) => [s.name, s.findings.map((f) => f.fingerprint)]);
    expect(ids(pooled)).toEqual(ids(inline));
    expect(pooled.result.corpusFindings.map((f) => f.fingerprint)).toEqual(inline.result.corpusFindings.map((f) => f.fingerprint));
    for (const s of pooled.result.sources) expect(existsSync(path.join(out, s.report!))).toBe(true);
    // The coordinator kept digests (no claims, no evidence); audit.json has everything.
    expect(pooled.result.sources.every((s) => s.claims === null && s.findings.every((f) => f.primary === null))).toBe(true);
    const json = AuditResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')));
    expect(json.sources.every((s) => s.claims !== null)).toBe(true);
    expect(json.sources[0].findings[0].primary).not.toBeNull();
    // The spool of finished sources is gone.
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('stops a file over its time budget (its worker is terminated) and goes on with the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-timeout-'));
    writeFileSync(path.join(dir, 'a-heavy.html'), heavyPage(60_000));
    for (const n of ['b', 'c', 'd'])
      writeFileSync(path.join(dir, `${n}.txt`), `Gadget Market 2025-2030\n\nThe gadget market will grow at a CAGR of 4% during the forecast period.\n`);
    const r = await runAudit([dir], { cwd: dir, jobs: 1, timeoutMs: 1000 });
    const byName = Object.fromEntries(r.result.sources.map((s) => [s.name, s]));
    expect(byName['a-heavy.html'].error).toEqual({ reason: 'timeout', message: expect.stringContaining('1000 ms') });
    for (const n of ['b.txt', 'c.txt', 'd.txt']) expect(byName[n].status).toBe('ok');
  }, 120_000);

  it('stops cleanly when aborted: what finished is written, marked interrupted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-abort-'));
    const out = path.join(dir, 'out');
    for (let i = 0; i < 40; i++)
      writeFileSync(
        path.join(dir, `doc-${String(i).padStart(2, '0')}.txt`),
        `Gadget Market 2025-2030\n\nThe gadget market will grow at a CAGR of ${i}% during the forecast period.\n`,
      );
    const controller = new AbortController();
    let done = 0;
    const progress: Progress = { start() {}, tick: () => void (++done === 3 && controller.abort('SIGINT')), stop() {} };
    const r = await runAudit([dir], { cwd: dir, out, formats: ['html', 'json'], jobs: 2, signal: controller.signal, progress });
    expect(r.result.interrupted).toBe(true);
    expect(r.result.sources.length).toBeGreaterThanOrEqual(3);
    expect(r.result.sources.length).toBeLessThan(40);
    const json = AuditResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')));
    expect(json.interrupted).toBe(true);
    expect(json.sources.map((s) => s.name)).toEqual(r.result.sources.map((s) => s.name));
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Interrupted run');
  }, 120_000);
});
