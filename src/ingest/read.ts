import { open } from 'node:fs/promises';
import type { SourceError } from '../schema/result.js';

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; bytes: number; error: SourceError };

/** Read a file, refusing more than `maxBytes` before reading it (a 50 MB file is not loaded). */
export async function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, bytes: 0, error: { reason: 'missing', message: 'no such file' } };
    return { ok: false, bytes: 0, error: { reason: 'unreadable', message: `cannot open: ${code ?? String(err)}` } };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, bytes: 0, error: { reason: 'not-a-file', message: 'not a regular file' } };
    if (st.size > maxBytes) {
      return {
        ok: false,
        bytes: st.size,
        error: { reason: 'too-large', message: `${st.size} bytes exceeds the limit of ${maxBytes} bytes (--max-bytes)` },
      };
    }
    const bytes = await handle.readFile();
    return { ok: true, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, bytes: 0, error: { reason: 'unreadable', message: `cannot read: ${code ?? String(err)}` } };
  } finally {
    await handle.close();
  }
}

/** Read standard input, up to maxBytes. */
export async function readStdin(maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > maxBytes) {
      return { ok: false, bytes: total, error: { reason: 'too-large', message: `standard input exceeds ${maxBytes} bytes (--max-bytes)` } };
    }
    chunks.push(b);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
