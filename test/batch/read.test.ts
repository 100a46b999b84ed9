import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBounded } from '../../src/batch/read.js';

describe('readBounded (a worker reading one input)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'credence-read-'));

  it('reads a regular file within the limit', () => {
    writeFileSync(path.join(dir, 'ok.txt'), 'Widget Market 2025-2032');
    const read = readBounded(path.join(dir, 'ok.txt'), 1000);
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe('Widget Market 2025-2032');
  });

  it('refuses a file over the limit by its size, a folder and a missing path, each with its reason', () => {
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
    mkdirSync(path.join(dir, 'folder'));
    expect(readBounded(path.join(dir, 'big.txt'), 1000)).toEqual({
      ok: false,
      bytes: 2000,
      error: { reason: 'too-large', message: '2000 bytes exceeds the limit of 1000 bytes (--max-bytes)' },
    });
    expect(readBounded(path.join(dir, 'folder'), 1000)).toMatchObject({ ok: false, error: { reason: 'not-a-file' } });
    expect(readBounded(path.join(dir, 'absent.txt'), 1000)).toMatchObject({ ok: false, error: { reason: 'missing', message: 'no such file' } });
  });

  it('refuses a FIFO at once instead of blocking until someone writes to it', () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // A blocking open would hang here (and the test time out): the open is non-blocking.
    expect(readBounded(fifo, 1000)).toEqual({ ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'not a regular file (a pipe, socket or device)' } });
  });
});
