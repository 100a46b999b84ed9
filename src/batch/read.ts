import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ReadResult } from '../ingest/read.js';

function openError(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, bytes: 0, error: { reason: 'missing', message: 'no such file' } };
  if (code === 'ELOOP') return { ok: false, bytes: 0, error: { reason: 'unreadable', message: 'symbolic link loop (ELOOP)' } };
  if (code === 'EISDIR') return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'is a folder, not a file' } };
  return { ok: false, bytes: 0, error: { reason: 'unreadable', message: `cannot read: ${code ?? String(err)}` } };
}

const tooLarge = (bytes: number, maxBytes: number): ReadResult => ({
  ok: false,
  bytes,
  error: { reason: 'too-large', message: `${bytes} bytes exceeds the limit of ${maxBytes} bytes (--max-bytes)` },
});

/**
 * Read one input in a worker thread, synchronously: the thread has nothing else to do meanwhile,
 * and a synchronous read saves the hops through libuv's thread pool that left workers idle between
 * files. It is opened non-blocking, so a FIFO cannot block the open waiting for a writer, then
 * refused by `fstat` when it is not a regular file (a folder, FIFO, socket or device) or is over the
 * size limit, which is never read at all.
 */
export function readBounded(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return openError(err);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'is a folder, not a file' } };
    if (!st.isFile()) return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'not a regular file (a pipe, socket or device)' } };
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    const bytes = readFileSync(fd);
    // The file may have grown since fstat.
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, bytes: 0, error: { reason: 'unreadable', message: `cannot read: ${code ?? String(err)}` } };
  } finally {
    closeSync(fd);
  }
}
