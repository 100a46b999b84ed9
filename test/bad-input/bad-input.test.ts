// Hostile and broken inputs, all in one run of the built CLI on a pool of workers: each gets a
// clear result or error entry within the time budget, and the good file beside them is audited.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditResultSchema, type SourceResult } from '../../src/schema/result.js';
import { ROOT, SEEDS } from '../helpers/harness.js';
import { buildOnce } from '../cli/build.js';

const BIN = path.join(ROOT, 'dist', 'src', 'bin.js');
const REPORT =
  'Widget Market 2025-2032\n\nThe widget market will grow at a CAGR of 5% during the forecast period.\n\nThe widget market will grow at a CAGR of 25% during the forecast period.\n';

function credence(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as unknown as { code: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A file no one can read. As root permissions do not stop reads, so use a path whose read fails. */
function unreadable(dir: string): string | null {
  const file = path.join(dir, 'locked.txt');
  writeFileSync(file, REPORT);
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
  } catch {
    return file; // permissions work: not root
  }
  // Root: reading /proc/self/mem from offset 0 fails with EIO on Linux.
  if (!existsSync('/proc/self/mem')) return null;
  const link = path.join(dir, 'locked-proc.txt');
  symlinkSync('/proc/self/mem', link);
  return link;
}

let dir: string;
let out: string;
let run: { code: number; stdout: string; stderr: string };
let byName: Map<string, SourceResult>;
let locked: string | null;
const inputs = path.join('inputs');

beforeAll(async () => {
  await buildOnce();
  dir = mkdtempSync(path.join(tmpdir(), 'credence-bad-'));
  out = path.join(dir, 'out');
  const at = (...p: string[]) => path.join(dir, inputs, ...p);
  mkdirSync(at('weird dir'), { recursive: true });
  mkdirSync(at('no-docs'), { recursive: true });
  mkdirSync(at('looping'), { recursive: true });
  copyFileSync(
    path.join(
      SEEDS,
      readdirSync(SEEDS).find((f) => f.startsWith('000_'))!,
    ),
    at('good.txt'),
  );
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(at('archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0x21, 0, 0x62, 0x63]));
  writeFileSync(
    at('invalid-utf8.txt'),
    Buffer.concat([
      Buffer.from('Café Market 2025-2030\n\nThe café market will grow at a CAGR of 5% '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' during the forecast period.\n'),
    ]),
  );
  writeFileSync(at('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
  writeFileSync(at('utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(REPORT, 'utf16le').swap16()]));
  // 50 MB, sparse: created in an instant, and must be refused by its size, never read.
  const big = openSync(at('huge.txt'), 'w');
  ftruncateSync(big, 50 * 1024 * 1024);
  closeSync(big);
  writeFileSync(at('one-line.txt'), 'x'.repeat(5 * 1024 * 1024));
  writeFileSync(at('deep.html'), `<html><body>${'<div>'.repeat(100_000)}The widget market will grow at a CAGR of 5%.${'</div>'.repeat(100_000)}</body></html>`);
  writeFileSync(
    at('long-list.html'),
    `<html><body><h1>Widget Market 2025-2030</h1><ul>${Array.from({ length: 10_000 }, (_, i) => `<li>Widget type ${i}</li>`).join('')}</ul></body></html>`,
  );
  writeFileSync(
    at('unbalanced.html'),
    '<html><body><div><p>The widget market <b>will grow <i>at a CAGR of 5%</b></p></div></span></ul><li>orphan<td>cell</table><h2>Heading<p>text <a href="x">link',
  );
  writeFileSync(at('weird dir', '..réport ünïcode (final).txt'), REPORT);
  symlinkSync('..', at('looping', 'up'));
  symlinkSync('loop-b.txt', at('looping', 'loop-a.txt'));
  symlinkSync('loop-a.txt', at('looping', 'loop-b.txt'));
  writeFileSync(at('looping', 'inside.txt'), REPORT);
  locked = unreadable(at());
  const args = [
    'audit',
    inputs,
    path.join(inputs, 'weird dir', '..', 'weird dir', '..réport ünïcode (final).txt'),
    path.join(inputs, 'looping', 'loop-a.txt'),
    path.join(inputs, 'no-docs'),
    '--out',
    out,
    '--format',
    'html,json,text',
    '--jobs',
    '2',
    '--max-bytes',
    String(8 * 1024 * 1024),
    '--fail-on',
    'never',
  ];
  if (locked) args.push(path.relative(dir, locked));
  run = await credence(args, dir);
  const audit = AuditResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')));
  byName = new Map(audit.sources.map((s) => [path.basename(s.name), s]));
}, 300_000);

const entry = (name: string) => {
  const s = byName.get(name);
  if (!s) throw new Error(`no result for ${name}; have ${[...byName.keys()].join(', ')}`);
  return s;
};

describe('bad input', () => {
  it('finishes the run and audits the good file; exit code 2 because some inputs could not be audited', () => {
    expect(run.code).toBe(2);
    expect(entry('good.txt').status).toBe('ok');
    expect(entry('good.txt').findings.length).toBeGreaterThan(0);
  });

  it('an empty file', () => {
    expect(entry('empty.txt').error).toEqual({ reason: 'empty', message: 'the file is empty' });
    expect(run.stderr).toContain('empty.txt: the file is empty');
  });

  it('binary files: an image, a zip', () => {
    expect(entry('image.html').error).toMatchObject({ reason: 'binary', message: expect.stringContaining('PNG image') });
    expect(entry('archive.txt').error).toMatchObject({ reason: 'binary', message: expect.stringContaining('ZIP archive') });
  });

  it('invalid UTF-8: audited, with the bad bytes counted', () => {
    const s = entry('invalid-utf8.txt');
    expect(s.status).toBe('ok');
    expect(s.encoding!.invalidSequences).toBeGreaterThan(0);
  });

  it('UTF-16 with a byte-order mark, both byte orders: decoded and audited', () => {
    for (const [name, enc] of [
      ['utf16le.txt', 'utf-16le'],
      ['utf16be.txt', 'utf-16be'],
    ]) {
      const s = entry(name);
      expect(s.encoding).toMatchObject({ name: enc, bom: true });
      expect(s.findings.map((f) => f.ruleId)).toContain('numbers/cagr-conflict');
    }
  });

  it('a 50 MB file is refused by its size', () => {
    expect(entry('huge.txt').error).toEqual({
      reason: 'too-large',
      message: `${50 * 1024 * 1024} bytes exceeds the limit of ${8 * 1024 * 1024} bytes (--max-bytes)`,
    });
    expect(entry('huge.txt').bytes).toBe(50 * 1024 * 1024);
  });

  it('a single 5 MB line with no white space: audited', () => {
    expect(entry('one-line.txt').status).toBe('ok');
  });

  it('HTML nested 100,000 levels deep: a result or a clear error, not a crash of the run', () => {
    const s = entry('deep.html');
    if (s.status === 'error') expect(s.error).toMatchObject({ reason: 'crash', message: expect.stringMatching(/nesting too deep/) });
    else expect(s.format).toBe('html');
  });

  it('10,000 list items and unbalanced tags: audited', () => {
    expect(entry('long-list.html').status).toBe('ok');
    expect(entry('unbalanced.html').status).toBe('ok');
    expect(entry('unbalanced.html').format).toBe('html');
  });

  it('a name with "..", spaces and non-ASCII characters: audited once, its report inside --out', () => {
    const s = entry('..réport ünïcode (final).txt');
    expect(s.status).toBe('ok');
    expect([...byName.keys()].filter((n) => n.includes('réport'))).toHaveLength(1);
    for (const r of byName.values()) {
      if (!r.report) continue;
      expect(r.report).toMatch(/^[a-z0-9._-]+$/);
      expect(path.dirname(path.resolve(out, r.report))).toBe(out);
      expect(existsSync(path.join(out, r.report))).toBe(true);
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.html')).length).toBe([...byName.values()].filter((r) => r.report).length + 1);
  });

  it('an unreadable file', () => {
    if (!locked) return; // no way to make a file unreadable here (reported in the run's notes)
    expect(entry(path.basename(locked)).error).toMatchObject({ reason: 'unreadable', message: expect.stringMatching(/cannot (open|read): E(ACCES|IO)/) });
  });

  it('a symbolic link loop in an input folder: the walk does not follow it; the named link gets an error', () => {
    expect(entry('inside.txt').status).toBe('ok');
    expect([...byName.values()].filter((s) => s.name.includes('/up/'))).toEqual([]);
    expect(entry('loop-a.txt').status).toBe('error');
  });

  it('a folder with no documents', () => {
    expect(entry('no-docs').error).toMatchObject({ reason: 'missing', message: expect.stringContaining('no documents') });
  });
});
