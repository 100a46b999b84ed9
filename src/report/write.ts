import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write then rename, so a crash never leaves a half-written report behind. No fsync: the rename
 * already guarantees that; fsync only guards against power loss and cost a quarter of a batch run.
 */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content, { encoding: 'utf8', fsync: false });
}
