// End to end: the built CLI on a temporary folder holding a good file, an empty file, a binary
// file, and a path that does not exist.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AuditResultSchema } from '../../src/schema/result.js';
import { ROOT, SEEDS } from '../helpers/harness.js';
import { buildOnce } from './build.js';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'dist', 'src', 'bin.js');

async function credence(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // The CLI runs from dist/; built once per test run.
  await buildOnce();
}, 300_000);

describe('credence audit (CLI)', () => {
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credence-cli-'));
    out = path.join(dir, 'reports');
    const seed = readdirSync(SEEDS).find((f) => f.startsWith('000_'))!;
    copyFileSync(path.join(SEEDS, seed), path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });

  it('audits what it can, reports what it cannot, and exits 2', async () => {
    const r = await credence(['audit', 'good.txt', 'empty.txt', 'image.txt', 'missing.txt', '--out', out, '--format', 'html,json,text'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty.txt: the file is empty');
    expect(r.stderr).toMatch(/image\.txt: not a text document: looks like PNG image/);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
    // The good file is audited and its findings printed eslint-style with line:column.
    expect(r.stdout).toMatch(/good\.txt\s+score \d+/);
    expect(r.stdout).toMatch(/\d+:\d+\s+error\s+.*numbers\/cagr-conflict/);
    expect(r.stdout).toMatch(/✖ \d+ problems .* in 1 source; 3 could not be audited/);
    // Every report is written: the good one's HTML, the index and the JSON with all four entries.
    expect(existsSync(path.join(out, 'good.txt.html'))).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const audit = AuditResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')));
    expect(audit.sources.map((s) => [path.basename(s.source), s.status, s.error?.reason ?? null])).toEqual([
      ['good.txt', 'ok', null],
      ['empty.txt', 'error', 'empty'],
      ['image.txt', 'error', 'binary'],
      ['missing.txt', 'error', 'missing'],
    ]);
    expect(audit.summary).toMatchObject({ sources: 4, audited: 1, failed: 3 });
  });

  it('exits 1 when a finding reaches --fail-on, 0 when none does', async () => {
    expect((await credence(['audit', 'good.txt', '--out', out, '--fail-on', 'error'], dir)).code).toBe(1);
    expect((await credence(['audit', 'good.txt', '--out', out, '--fail-on', 'never'], dir)).code).toBe(0);
  });

  it('exits 2 on a usage error or a bad config, naming the key', async () => {
    const usage = await credence(['audit', 'good.txt', '--format', 'pdf'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown format "pdf"');
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ rules: { 'numbers/share-sum': ['warning', { minCoverage: 'lots' }] } }));
    const config = await credence(['audit', 'good.txt', '--config', 'bad.json', '--out', out], dir);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/bad\.json.*rules\.numbers\/share-sum.*minCoverage/);
    writeFileSync(path.join(dir, 'typo.json'), JSON.stringify({ rules: { 'numbers/share-summ': 'off' } }));
    const typo = await credence(['audit', 'good.txt', '--config', 'typo.json', '--out', out], dir);
    expect(typo.stderr).toContain('"rules.numbers/share-summ": no such rule');
  });

  it('honours rule settings from credence.config.json in the working folder', async () => {
    writeFileSync(path.join(dir, 'credence.config.json'), JSON.stringify({ rules: { 'numbers/cagr-conflict': 'off' } }));
    const r = await credence(['audit', 'good.txt', '--out', out], dir);
    expect(r.stdout).not.toContain('numbers/cagr-conflict');
    expect(r.stdout).toContain('numbers/share-sum');
  });

  it('reads standard input with "-"', async () => {
    const r = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile('node', [BIN, 'audit', '-', '--format', 'text', '--fail-on', 'never'], { cwd: dir }, (err, stdout) =>
        resolve({ code: err ? (err as unknown as { code: number }).code : 0, stdout }),
      );
      child.stdin!.end(
        'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 5% during the forecast period.\n\nThe widget market will grow at a CAGR of 25% during the forecast period.\n',
      );
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<stdin>');
    expect(r.stdout).toContain('numbers/cagr-conflict');
  });

  it('lists the rules', async () => {
    const r = await credence(['rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^numbers\/cagr-arithmetic\s+error\s+A stated growth rate/m);
    // Each rule's page on the line below it; outside the package the path is absolute.
    const page = /^numbers\/cagr-arithmetic .*\n\s+(\S+)$/m.exec(r.stdout)![1];
    expect(page).toBe(path.join(ROOT, 'rules', 'numbers', 'cagr-arithmetic.md'));
    expect(existsSync(page)).toBe(true);
  });

  it('stops quietly when the reader closes the pipe early (`credence rules | head -1`)', async () => {
    const child = spawn('node', [BIN, 'rules'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read one chunk, then go away as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
