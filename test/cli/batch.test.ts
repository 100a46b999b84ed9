// The built CLI end to end: shards and merge, the quality gate, baselines, SARIF, Ctrl-C.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditResultSchema } from '../../src/schema/result.js';
import { ROOT, SEEDS } from '../helpers/harness.js';
import { sarifErrors } from '../sarif/validator.js';
import { buildOnce } from './build.js';

const BIN = path.join(ROOT, 'dist', 'src', 'bin.js');

function credence(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as unknown as { code: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const readAudit = (dir: string) => AuditResultSchema.parse(JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')));

beforeAll(async () => {
  await buildOnce();
}, 300_000);

describe('shards and merge', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credence-shards-'));
  });

  it('splits the inputs between shards, and merge gives the same result as one run, cross-source findings included', async () => {
    const whole = await credence(['audit', SEEDS, '--out', 'whole', '--format', 'json', '--fail-on', 'never'], dir);
    expect(whole.code).toBe(0);
    for (const i of [1, 2, 3])
      expect((await credence(['audit', SEEDS, '--shard', `${i}/3`, '--out', `s${i}`, '--format', 'html,json', '--fail-on', 'never', '-q'], dir)).code).toBe(0);
    const shards = [1, 2, 3].map((i) => readAudit(path.join(dir, `s${i}`)));
    const names = shards.flatMap((s) => s.sources.map((x) => x.name));
    expect(names.sort()).toEqual(
      readAudit(path.join(dir, 'whole'))
        .sources.map((s) => s.name)
        .sort(),
    );
    for (const s of shards) expect(s.corpusFindings).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 's2', 'audit.json'), 'utf8')).shard).toEqual({ index: 2, total: 3 });

    const merged = await credence(['merge', 's3', 's1', 's2', '--out', 'merged', '--format', 'html,json,sarif,text'], dir);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('Across sources');
    const m = readAudit(path.join(dir, 'merged'));
    const w = readAudit(path.join(dir, 'whole'));
    expect(m.sources.map((s) => [s.name, s.findings.map((f) => f.fingerprint)])).toEqual(w.sources.map((s) => [s.name, s.findings.map((f) => f.fingerprint)]));
    expect(m.corpusFindings.map((f) => f.fingerprint).sort()).toEqual(w.corpusFindings.map((f) => f.fingerprint).sort());
    expect(m.corpusFindings.map((f) => f.ruleId).sort()).toEqual(['corpus/recycled-figures', 'corpus/template-reuse']);
    expect(m.summary).toEqual(w.summary);
    expect(m.interrupted).toBe(false);
    // Every shard's HTML report is carried over and linked from the merged index.
    const index = readFileSync(path.join(dir, 'merged', 'index.html'), 'utf8');
    for (const s of m.sources) {
      expect(existsSync(path.join(dir, 'merged', s.report!))).toBe(true);
      expect(index).toContain(`href="./${s.report}"`);
    }
    expect(index).toContain('Across sources');
    expect(sarifErrors(JSON.parse(readFileSync(path.join(dir, 'merged', 'audit.sarif'), 'utf8')))).toEqual([]);
  }, 180_000);

  it('says so when a shard is missing, and the merged result counts as incomplete (exit 2)', async () => {
    const r = await credence(['merge', 's1', 's2', '--out', 'partial', '--format', 'json', '--fail-on', 'never'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shard 3/3 missing');
    expect(readAudit(path.join(dir, 'partial')).interrupted).toBe(true);
  }, 60_000);

  it('refuses a folder without audit.json, and a bad --shard', async () => {
    const r = await credence(['merge', 'nowhere', '--out', 'x'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere.*audit\.json.*no audit\.json here/);
    const s = await credence(['audit', SEEDS, '--shard', '4/3'], dir);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--shard expects i/n');
  }, 60_000);
});

describe('the quality gate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credence-gate-'));
    writeFileSync(
      path.join(dir, 'widgets.txt'),
      'Widget Market 2025-2032\n\nThe widget market will grow at a CAGR of 5% during the forecast period.\n\nThe widget market will grow at a CAGR of 25% during the forecast period.\n\nThe widget market will reach USD 5 billion by 2028.\n',
    );
    writeFileSync(path.join(dir, 'gadgets.txt'), 'Gadget Market 2025-2030\n\nThe gadget market is expected to grow steadily.\n');
  });

  it('documents the exit codes in --help', async () => {
    const r = await credence(['audit', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:\s+0 [\s\S]*\n {2}1 [\s\S]*gate fails[\s\S]*\n {2}2 [\s\S]*interrupted/);
    expect(r.stdout).toContain('--jobs');
    expect(r.stdout).toContain('--baseline');
  });

  it('--max-warnings and --min-score fail the gate, each saying why', async () => {
    const warn = await credence(['audit', '.', '--out', 'o', '--fail-on', 'never', '--max-warnings', '0', '--format', 'json'], dir);
    expect(warn.code).toBe(1);
    expect(warn.stderr).toContain('gate failed: 1 warning, more than --max-warnings 0');
    expect((await credence(['audit', '.', '--out', 'o', '--fail-on', 'never', '--max-warnings', '1', '--format', 'json'], dir)).code).toBe(0);
    const score = await credence(['audit', '.', '--out', 'o', '--fail-on', 'never', '--min-score', '99', '--format', 'json'], dir);
    expect(score.code).toBe(1);
    expect(score.stderr).toMatch(/gate failed: 1 source scored below --min-score 99: widgets\.txt \(\d+/);
    expect((await credence(['audit', '.', '--out', 'o', '--fail-on', 'never', '--min-score', '0', '--format', 'json'], dir)).code).toBe(0);
  }, 60_000);

  it('a baseline accepts what it records: the gate then fails only on new findings, and stale entries are pruned', async () => {
    const base = path.join(dir, 'baseline.json');
    expect((await credence(['audit', '.', '--out', 'o', '--format', 'json', '--fail-on', 'info', '--write-baseline', base], dir)).code).toBe(1);
    const accepted = await credence(['audit', '.', '--out', 'o', '--format', 'json,text', '--fail-on', 'info', '--baseline', base], dir);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/accepted by baseline not shown/);
    // Fix the report: its entries are stale, printed, then pruned.
    writeFileSync(path.join(dir, 'widgets.txt'), 'Widget Market 2025-2032\n\nThe widget market will grow at a CAGR of 5% during the forecast period.\n');
    const stale = await credence(['audit', '.', '--out', 'o', '--format', 'json', '--fail-on', 'info', '--baseline', base], dir);
    expect(stale.stderr).toMatch(/stale entr(y|ies) no longer match/);
    const pruned = await credence(['audit', '.', '--out', 'o', '--format', 'json', '--baseline', base, '--prune-baseline'], dir);
    expect(pruned.stderr).toContain('(removed)');
    const after = await credence(['audit', '.', '--out', 'o', '--format', 'json', '--baseline', base], dir);
    expect(after.stderr).not.toContain('stale');
    expect((await credence(['audit', '.', '--prune-baseline'], dir)).stderr).toContain('--prune-baseline needs --baseline');
  }, 90_000);
});

describe('Ctrl-C', () => {
  it('stops cleanly: what finished is written, the index and audit.json say the run was interrupted, exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-sigint-'));
    const seed = readFileSync(
      path.join(
        SEEDS,
        readdirSync(SEEDS).find((f) => f.startsWith('001_'))!,
      ),
    );
    for (let i = 0; i < 80; i++) writeFileSync(path.join(dir, `doc-${String(i).padStart(3, '0')}.txt`), seed);
    const out = path.join(dir, 'out');
    const child = spawn('node', [BIN, 'audit', '.', '--out', out, '--jobs', '1', '--format', 'html,json'], {
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const parts = path.join(out, '.credence-parts');
    // Wait until a few sources have finished (their HTML reports are written just before their
    // results; one more than asserted, as the last one may not have reached the main thread yet).
    const finished = () => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.txt.html')).length : 0);
    for (let i = 0; i < 600 && finished() < 3; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    expect(code).toBe(2);
    expect(stderr).toContain('SIGINT: stopping');
    const audit = readAudit(out);
    expect(audit.interrupted).toBe(true);
    expect(audit.sources.length).toBeGreaterThanOrEqual(2);
    expect(audit.sources.length).toBeLessThan(80);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Interrupted run');
    expect(existsSync(parts)).toBe(false);
  }, 120_000);
});
