import { mkdtempSync, truncateSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshPartsDir, readPart, SpoolReader, writeFingerprints, writePart } from '../../src/batch/parts.js';
import type { SourceResult } from '../../src/schema/result.js';

async function partsDir(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'credence-parts-test-')), 'parts');
  await freshPartsDir(dir);
  return dir;
}

describe('spooled fingerprints', () => {
  it('keep a record per rule, each read back on its own, in one spool file', async () => {
    const dir = await partsDir();
    const a = writeFingerprints(dir, { 'corpus/one': { hashes: ['ab', 'cd'], quote: 'Größe – 45 %' }, 'corpus/two': [1, 2, 3] })!;
    const b = writeFingerprints(dir, { 'corpus/one': { hashes: [] }, 'corpus/two': null })!;
    expect(Object.keys(a)).toEqual(['corpus/one', 'corpus/two']);
    expect(new Set([...Object.values(a), ...Object.values(b)].map((r) => r.file)).size).toBe(1);
    const reader = new SpoolReader(dir);
    try {
      expect(reader.fingerprint(a, 'corpus/two')).toEqual([1, 2, 3]);
      expect(reader.fingerprint(a, 'corpus/one')).toEqual({ hashes: ['ab', 'cd'], quote: 'Größe – 45 %' });
      expect(reader.fingerprint(b, 'corpus/one')).toEqual({ hashes: [] });
      expect(reader.fingerprint(b, 'corpus/two')).toBeNull();
      expect(reader.fingerprint(b, 'corpus/three')).toBeUndefined();
      expect(reader.fingerprint(null, 'corpus/one')).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it('leave out what a rule did not keep, as JSON of the whole would', async () => {
    const dir = await partsDir();
    expect(writeFingerprints(dir, {})).toBeNull();
    expect(writeFingerprints(dir, { 'corpus/one': undefined })).toBeNull();
    expect(Object.keys(writeFingerprints(dir, { 'corpus/one': undefined, 'corpus/two': 0 })!)).toEqual(['corpus/two']);
  });

  it('read as missing when their record is cut short, so the source is only left out of that rule', async () => {
    const dir = await partsDir();
    const refs = writeFingerprints(dir, { 'corpus/one': { n: 1 }, 'corpus/two': { n: 2 } })!;
    truncateSync(path.join(dir, refs['corpus/two'].file), refs['corpus/two'].offset + 3);
    const reader = new SpoolReader(dir);
    try {
      expect(reader.fingerprint(refs, 'corpus/one')).toEqual({ n: 1 });
      expect(reader.fingerprint(refs, 'corpus/two')).toBeUndefined();
      expect(() => reader.read(refs['corpus/two'])).toThrow(/cut short/);
    } finally {
      reader.close();
    }
  });
});

describe('spooled results', () => {
  it('read back in any order, through one reader or one at a time', async () => {
    const dir = await partsDir();
    const results = ['a', 'b', 'c'].map((name) => ({ name, findings: [] }) as unknown as SourceResult);
    const refs = results.map((r) => writePart(dir, r));
    expect(readdirSync(dir)).toHaveLength(1);
    const reader = new SpoolReader(dir);
    try {
      expect([2, 0, 1].map((i) => JSON.parse(reader.read(refs[i])).name)).toEqual(['c', 'a', 'b']);
    } finally {
      reader.close();
    }
    expect(JSON.parse(readPart(dir, refs[1])).name).toBe('b');
  });
});
