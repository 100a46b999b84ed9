import { mkdirSync } from 'node:fs';
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

// Folders this thread has already made: a batch writes hundreds of files into the same few.
const made = new Set<string>();

/**
 * writeAtomic for worker threads, synchronously: a worker has nothing else to do while its file
 * is written, and the asynchronous write's hops through libuv's thread pool left it idle.
 */
export function writeAtomicSync(file: string, content: string): void {
  const dir = path.dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileAtomic.sync(file, content, { encoding: 'utf8', fsync: false });
}
