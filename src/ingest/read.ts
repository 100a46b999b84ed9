import type { SourceError } from '../schema/result.js';

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; bytes: number; error: SourceError };

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
