import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SourceResult } from '../schema/result.js';

/**
 * Finished sources are spooled to disk as they finish, so a run never holds every result in memory
 * and what finished survives an interruption; audit.json is assembled from them at the end, in
 * input order, and the folder removed. Each thread appends to spool files of its own (one for full
 * results, one for the cross-source fingerprints, a record per rule, which each rule reads back
 * one source at a time):
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
    return this.appendAll([text])[0];
  }

  /** Several records in one write, each with its own reference. */
  appendAll(texts: readonly string[]): PartRef[] {
    const chunks = texts.map((t) => Buffer.from(t, 'utf8'));
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const fd = openSync(path.join(this.dir, this.file), 'a');
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    return chunks.map((chunk) => {
      const ref = { file: this.file, offset: this.size, length: chunk.length };
      this.size += chunk.length;
      return ref;
    });
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

/** Where a source's cross-source fingerprints are spooled: a record per rule, by rule id. */
export type FingerprintRefs = Record<string, PartRef>;

/** Spool a source's cross-source fingerprints, one record per rule; null when it has none. */
export function writeFingerprints(dir: string, fingerprints: Record<string, unknown>): FingerprintRefs | null {
  // As JSON.stringify of the whole object would: a rule that kept nothing (undefined) is left out.
  const ids = Object.keys(fingerprints).filter((id) => fingerprints[id] !== undefined);
  if (ids.length === 0) return null;
  const refs = spoolsFor(dir).fingerprints.appendAll(ids.map((id) => JSON.stringify(fingerprints[id])));
  return Object.fromEntries(ids.map((id, i) => [id, refs[i]]));
}

/**
 * Reads records back, each spool file opened once and kept open until `close` (finalize reads
 * every source's part, and each rule's fingerprint of every source).
 */
export class SpoolReader {
  private readonly fds = new Map<string, number>();

  constructor(private readonly dir: string) {}

  read(ref: PartRef): string {
    let fd = this.fds.get(ref.file);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, ref.file), 'r');
      this.fds.set(ref.file, fd);
    }
    const buf = Buffer.allocUnsafe(ref.length);
    for (let done = 0; done < ref.length;) {
      const n = readSync(fd, buf, done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error(`${ref.file}: the record at byte ${ref.offset} is cut short`);
      done += n;
    }
    return buf.toString('utf8');
  }

  /** One rule's fingerprint of a source; undefined when it has none or it cannot be read (the source is then left out of that rule's comparison). */
  fingerprint(refs: FingerprintRefs | null, ruleId: string): unknown {
    const ref = refs?.[ruleId];
    if (!ref) return undefined;
    try {
      return JSON.parse(this.read(ref)) as unknown;
    } catch {
      return undefined;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Read one record back. */
export function readPart(dir: string, ref: PartRef): string {
  const reader = new SpoolReader(dir);
  try {
    return reader.read(ref);
  } finally {
    reader.close();
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
