import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceResult } from '../schema/result.js';

/**
 * Finished sources are spooled to one JSON file each as they finish ("parts"), so a run never
 * holds every result in memory and what finished survives an interruption; audit.json is
 * assembled from them at the end, in input order, and the folder removed. Their fingerprints for
 * the cross-source rules go to a small file beside each part, read back one source at a time.
 */
export const PARTS_DIR = '.credence-parts';


/** A part's file name: the source's position in the run, so parts sort in input order. */
export function partFor(seq: number): string {
  return `${String(seq).padStart(7, '0')}.json`;
}

// Indented as it will sit inside audit.json's "sources" array, so assembling is concatenation.
const INDENT = '    ';

export function serialisePart(result: SourceResult): string {
  return INDENT + JSON.stringify(result, null, 2).replace(/\n/g, '\n' + INDENT);
}

/** Write a part: to a temporary name, then renamed, so a part file is whole or absent. */
export async function writePart(dir: string, name: string, result: SourceResult): Promise<void> {
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, serialisePart(result), 'utf8');
  await rename(tmp, file);
}

/** Each finished source's cross-source fingerprints, spooled beside its part (small, read at the end). */
export function fingerprintsFor(part: string): string {
  return part.replace(/\.json$/, '.fp.json');
}

export async function writeFingerprints(dir: string, part: string, fingerprints: Record<string, unknown>): Promise<void> {
  const file = path.join(dir, fingerprintsFor(part));
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, JSON.stringify(fingerprints), 'utf8');
  await rename(tmp, file);
}

/** Read back one source's fingerprints (synchronously: the cross-source rules are synchronous). */
export function readFingerprints(dir: string, part: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path.join(dir, fingerprintsFor(part)), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function readPartText(dir: string, name: string): Promise<string> {
  return readFile(path.join(dir, name), 'utf8');
}

export async function freshPartsDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

export async function removePartsDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
