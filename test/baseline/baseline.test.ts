import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptFindings } from '../../src/baseline/apply.js';
import { formatBaseline, loadBaseline } from '../../src/baseline/file.js';
import { BaselineSchema, type BaselineEntry } from '../../src/schema/baseline.js';
import { judge } from '../../src/cli.js';
import { ConfigError } from '../../src/engine/config.js';
import { runAudit } from '../../src/run/audit.js';
import type { Finding } from '../../src/schema/finding.js';

const REPORT = `Widget Market Report 2025-2032

The widget market will grow at a CAGR of 5% during the forecast period.

Demand comes from factories and warehouses.

The widget market will grow at a CAGR of 25% during the forecast period.
`;

describe('baseline workflow', () => {
  let dir: string;
  let baseline: string;
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
  const run = (extra: Parameters<typeof runAudit>[1] = {}) => runAudit(['.'], { cwd: dir, ...extra });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credence-baseline-'));
    baseline = path.join(dir, 'credence-baseline.json');
    write('widgets.txt', REPORT);
    write('other.txt', 'Gadget Market 2025-2030\n\nThe gadget market is large.\n');
  });

  it('records the current findings, then accepts them: the gate passes, the findings stay in the output', async () => {
    const first = await run({ writeBaseline: baseline });
    const found = first.result.sources.find((s) => s.name === 'widgets.txt')!.findings;
    expect(found.length).toBeGreaterThan(0);
    const file = BaselineSchema.parse(JSON.parse(readFileSync(baseline, 'utf8')));
    expect(file.findings.map((e) => e.ruleId).sort()).toEqual(found.map((f) => f.ruleId).sort());
    expect(file.findings.every((e) => e.source === 'widgets.txt' && e.message)).toBe(true);
    expect(judge(first.result, { failOn: 'info' }).code).toBe(1);

    const second = await run({ baseline });
    const widgets = second.result.sources.find((s) => s.name === 'widgets.txt')!;
    expect(widgets.findings.length).toBe(found.length);
    expect(widgets.findings.every((f) => f.accepted === true)).toBe(true);
    expect(widgets.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(widgets.score!.value).toBe(100);
    expect(second.result.summary.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(second.baseline).toMatchObject({ accepted: found.length, stale: [] });
    expect(judge(second.result, { failOn: 'info' }).code).toBe(0);
  });

  it('survives edits elsewhere in the file (fingerprints hash quotes, not offsets)', async () => {
    await run({ writeBaseline: baseline });
    write(
      'widgets.txt',
      REPORT.replace('Demand comes', 'A new paragraph about distribution channels and pricing.\n\nDemand comes').replace(
        'Widget Market Report 2025-2032\n',
        'Widget Market Report 2025-2032\n\nIntroduction added later.\n',
      ),
    );
    const after = await run({ baseline });
    expect(after.result.summary.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('fails only on new findings', async () => {
    await run({ writeBaseline: baseline });
    write(
      'other.txt',
      'Gadget Market 2025-2030\n\nThe gadget market will grow at a CAGR of 4% during the forecast period.\n\nThe gadget market will grow at a CAGR of 30% during the forecast period.\n',
    );
    const after = await run({ baseline });
    const other = after.result.sources.find((s) => s.name === 'other.txt')!;
    const widgets = after.result.sources.find((s) => s.name === 'widgets.txt')!;
    expect(widgets.findings.every((f) => f.accepted)).toBe(true);
    expect(other.findings.some((f) => !f.accepted && f.ruleId === 'numbers/cagr-conflict')).toBe(true);
    expect(judge(after.result, { failOn: 'error' }).code).toBe(1);
  });

  it('reports entries that no longer match as stale, and --prune-baseline removes them', async () => {
    await run({ writeBaseline: baseline });
    const before = (await loadBaseline(baseline)).findings.length;
    write('widgets.txt', REPORT.replace('25%', '5%'));
    const fixed = await run({ baseline });
    expect(fixed.baseline!.stale.length).toBeGreaterThan(0);
    expect(fixed.baseline!.stale.every((e) => e.source === 'widgets.txt')).toBe(true);

    const pruned = await run({ baseline, pruneBaseline: true });
    expect(pruned.baseline!.stale.length).toBe(fixed.baseline!.stale.length);
    const after = await loadBaseline(baseline);
    expect(after.findings.length).toBe(before - fixed.baseline!.stale.reduce((n, e) => n + e.count, 0));
    expect((await run({ baseline })).baseline!.stale).toEqual([]);
  });

  it('does not judge or drop entries of sources outside this run', async () => {
    await run({ writeBaseline: baseline });
    const all = (await loadBaseline(baseline)).findings;
    const onlyOther = await runAudit(['other.txt'], { cwd: dir, baseline, writeBaseline: baseline });
    expect(onlyOther.baseline!.stale).toEqual([]);
    expect((await loadBaseline(baseline)).findings).toEqual(all);
  });

  it('writes stale entries into audit.json', async () => {
    await run({ writeBaseline: baseline });
    write('widgets.txt', REPORT.replace('25%', '5%'));
    const out = path.join(dir, 'out');
    await run({ baseline, out, formats: ['json'] });
    const json = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as { baseline: { stale: BaselineEntry[] } };
    expect(json.baseline.stale.length).toBeGreaterThan(0);
  });
});

describe('baseline file', () => {
  const entry = (source: string, ruleId: string, fingerprint: string): BaselineEntry => ({ source, ruleId, messageId: 'm', fingerprint, count: 1 });

  it('is versioned, sorted and one key per line, so it diffs cleanly', () => {
    const text = formatBaseline([entry('b.txt', 'x/y', '2'), entry('a.txt', 'x/z', '1'), entry('a.txt', 'x/y', '9')]);
    const parsed = JSON.parse(text) as { schema: string; version: number; findings: BaselineEntry[] };
    expect(parsed.schema).toBe('credence/baseline');
    expect(parsed.version).toBe(1);
    expect(parsed.findings.map((e) => `${e.source} ${e.ruleId}`)).toEqual(['a.txt x/y', 'a.txt x/z', 'b.txt x/y']);
    expect(text).toContain('\n      "source": "a.txt",\n');
    expect(formatBaseline([...parsed.findings].reverse())).toBe(text);
  });

  it('is validated: a wrong file is a usage error naming the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-baseline-file-'));
    const cases: Array<[string, RegExp]> = [
      ['{ not json', /not valid JSON/],
      [JSON.stringify({ schema: 'credence/baseline', version: 2, findings: [] }), /"version"/],
      [
        JSON.stringify({ schema: 'credence/baseline', version: 1, findings: [{ source: 'a', ruleId: 'r', messageId: 'm', fingerprint: 'f', extra: 1 }] }),
        /findings\.0/,
      ],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const file = path.join(dir, `b${i}.json`);
      writeFileSync(file, text);
      await expect(loadBaseline(file)).rejects.toThrow(ConfigError);
      await expect(loadBaseline(file)).rejects.toThrow(message);
    }
    await expect(loadBaseline(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read baseline: ENOENT/);
  });

  it('accepts as many identical findings as an entry counts, no more', () => {
    const f = (): Finding => ({
      ruleId: 'r/x',
      family: 'r',
      messageId: 'm',
      data: {},
      severity: 'error',
      message: '',
      primary: null,
      related: [],
      fingerprint: 'abc',
    });
    const findings = [f(), f(), f()];
    expect(acceptFindings(findings, [{ ruleId: 'r/x', messageId: 'm', fingerprint: 'abc', count: 2 }])).toBe(2);
    expect(findings.map((x) => x.accepted === true)).toEqual([true, true, false]);
    expect(acceptFindings(findings, [{ ruleId: 'r/x', messageId: 'other', fingerprint: 'abc', count: 5 }])).toBe(0);
    expect(findings.some((x) => x.accepted)).toBe(false);
  });
});
