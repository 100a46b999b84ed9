import { stat } from 'node:fs/promises';
import { readSource, type ReadResult } from '../ingest/read.js';

/**
 * Read one input, refusing by `stat` what must not be opened: a folder, a FIFO or a device (opening
 * a FIFO blocks until a writer appears, which no time budget can undo) and anything over the size
 * limit, which is never read at all.
 */
export async function readBounded(file: string, maxBytes: number): Promise<ReadResult> {
  let st;
  try {
    st = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, bytes: 0, error: { reason: 'missing', message: 'no such file' } };
    if (code === 'ELOOP') return { ok: false, bytes: 0, error: { reason: 'unreadable', message: 'symbolic link loop (ELOOP)' } };
    return { ok: false, bytes: 0, error: { reason: 'unreadable', message: `cannot read: ${code ?? String(err)}` } };
  }
  if (st.isDirectory()) return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'is a folder, not a file' } };
  if (!st.isFile()) return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'not a regular file (a pipe, socket or device)' } };
  if (st.size > maxBytes) {
    return { ok: false, bytes: st.size, error: { reason: 'too-large', message: `${st.size} bytes exceeds the limit of ${maxBytes} bytes (--max-bytes)` } };
  }
  return readSource(file, maxBytes);
}
