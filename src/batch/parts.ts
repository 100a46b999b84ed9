import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SourceResult } from '../schema/result.js';

/**
 * Finished sources are spooled to disk as they finish, so a run never holds every result in memory
 * and what finished survives an interruption; audit.json is assembled from them at the end, in
 * input order, and the folder removed. Each thread appends to spool files of its own (one for full
 * results, one for the cross-source fingerprints, which are read back one source at a time):
 * creating and renaming two files per source cost more than auditing a small one, and file
 * creation in one folder serialised the threads. A record is referred to only once it is whole
 * (the reference travels with the task's outcome), so a thread stopped mid-write leaves at most an
 * unreferenced tail.
 */
export const PARTS_DIR = '.credence-parts';

/** Where one record sits: a spool file in the parts folder, and its byte range. */
export interface PartRef {
  file: string;
  offset: number;
  length: number;
}

// One line per source inside audit.json's "sources" array, indented as it sits there, so assembling
// is concatenation. Not pretty-printed: that doubled the size of audit.json and tripled the cost of
// writing each part; a line per source still reads and diffs one source at a time.
const INDENT = '    ';

export function serialisePart(result: SourceResult): string {
  return INDENT + JSON.stringify(result);
}

/**
 * An append-only file of records, written by one thread. It is opened for each record rather than
 * held open: a pool's threads end without a hook to close it, and opening an existing file is cheap.
 */
class Spool {
  private size = 0;

  constructor(
    private readonly dir: string,
    readonly file: string,
  ) {}

  append(text: string): PartRef {
    const bytes = Buffer.from(text, 'utf8');
    const fd = openSync(path.join(this.dir, this.file), 'a');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    const ref = { file: this.file, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return ref;
  }
}

// This thread's spools, by parts folder (a process may run several audits, one after another).
const spools = new Map<string, { parts: Spool; fingerprints: Spool }>();

function spoolsFor(dir: string) {
  let s = spools.get(dir);
  if (!s) {
    const tag = `${process.pid}-${threadId}`;
    s = { parts: new Spool(dir, `parts-${tag}.jsonl`), fingerprints: new Spool(dir, `fingerprints-${tag}.jsonl`) };
    spools.set(dir, s);
  }
  return s;
}

/** Spool a full result (synchronously: parts are written by the thread that audited the source). */
export function writePart(dir: string, result: SourceResult): PartRef {
  return spoolsFor(dir).parts.append(serialisePart(result));
}

/** Spool a source's cross-source fingerprints; null when it has none. */
export function writeFingerprints(dir: string, fingerprints: Record<string, unknown>): PartRef | null {
  if (Object.keys(fingerprints).length === 0) return null;
  return spoolsFor(dir).fingerprints.append(JSON.stringify(fingerprints));
}

/** Read a record back (finalize reads each once, in input order). */
export function readPart(dir: string, ref: PartRef): string {
  const fd = openSync(path.join(dir, ref.file), 'r');
  try {
    const buf = Buffer.allocUnsafe(ref.length);
    for (let done = 0; done < ref.length; ) {
      const n = readSync(fd, buf, done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error(`${ref.file}: the record at byte ${ref.offset} is cut short`);
      done += n;
    }
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A source's fingerprints ({} when it has none or they cannot be read: it is then left out of the comparison). */
export function readFingerprints(dir: string, ref: PartRef | null): Record<string, unknown> {
  if (!ref) return {};
  try {
    return JSON.parse(readPart(dir, ref)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function freshPartsDir(dir: string): Promise<void> {
  spools.delete(dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

export async function removePartsDir(dir: string): Promise<void> {
  spools.delete(dir);
  await rm(dir, { recursive: true, force: true });
}
