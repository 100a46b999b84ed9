// The benchmark's corpus generator is reproducible, and the benchmark runs end to end on a tiny
// corpus. No timing is asserted: machines are shared and noisy.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bench } from '../../src/bench/bench.js';
import { documentOfSize, generateDocument, loadPools, varyFigures, writeCorpus } from '../../src/bench/corpus.js';
import { busyShare, parseProcStat, stealShare } from '../../src/bench/machine.js';
import { mulberry32 } from '../../src/bench/prng.js';
import { detectFormat } from '../../src/ingest/detect.js';
import { SEEDS } from '../helpers/harness.js';
import { buildOnce } from '../cli/build.js';

const pools = loadPools(SEEDS);

describe('benchmark corpus', () => {
  it('draws on both formats of the examples', () => {
    expect(pools.html.length).toBeGreaterThan(0);
    expect(pools.text.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same documents, another seed others', async () => {
    const a = Array.from({ length: 12 }, (_, i) => generateDocument(pools, 7, i));
    const b = Array.from({ length: 12 }, (_, i) => generateDocument(pools, 7, i));
    const c = Array.from({ length: 12 }, (_, i) => generateDocument(pools, 8, i));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a).size).toBe(12);
    expect(new Set(a.map(detectFormat))).toEqual(new Set(['html', 'text']));
    const one = mkdtempSync(path.join(tmpdir(), 'credence-gen-'));
    const two = mkdtempSync(path.join(tmpdir(), 'credence-gen-'));
    await writeCorpus(one, pools, 5, 3);
    await writeCorpus(two, pools, 5, 3);
    for (const f of readdirSync(one)) expect(readFileSync(path.join(two, f))).toEqual(readFileSync(path.join(one, f)));
  });

  it('varies figures but not years', () => {
    const text = 'Grows at 14.3% to USD 20 billion by 2032, from 2025.';
    const varied = varyFigures(mulberry32(1), text);
    expect(varied).toMatch(/^Grows at \d+\.\d% to USD \d+ billion by 2032, from 2025\.$/);
    expect(varied).not.toBe(text);
  });

  it('builds documents of a requested size', () => {
    for (const format of ['html', 'text'] as const) {
      const doc = documentOfSize(pools, format, 50_000, 1);
      expect(doc.length).toBeGreaterThanOrEqual(50_000);
      expect(doc.length).toBeLessThan(80_000);
      expect(detectFormat(doc)).toBe(format);
    }
  });
});

describe('machine CPU counters', () => {
  const stat = (steal: number, idle: number) => `cpu  100 5 50 ${idle} 4 0 1 ${steal} 30 0\ncpu0 50 2 25 ${idle / 2} 2 0 1 ${steal / 2} 15 0\nintr 12345\n`;

  it('reads the aggregate line: every state counted once, steal the eighth value, guest time left out', () => {
    expect(parseProcStat(stat(20, 800))).toEqual({ total: 100 + 5 + 50 + 800 + 4 + 0 + 1 + 20, steal: 20, busy: 100 + 5 + 50 + 0 + 1 });
    expect(parseProcStat('intr 1 2 3\n')).toBeNull();
    expect(parseProcStat('cpu  a b c d\n')).toBeNull();
  });

  it('gives the share of the time between two readings that was stolen', () => {
    expect(stealShare(parseProcStat(stat(20, 800)), parseProcStat(stat(70, 1250)))).toBeCloseTo(50 / 500, 10);
    expect(stealShare(parseProcStat(stat(20, 800)), parseProcStat(stat(20, 800)))).toBeNull();
    expect(stealShare(null, parseProcStat(stat(20, 800)))).toBeNull();
  });

  it('gives the share that was spent running something: neither idle, waiting for I/O nor stolen', () => {
    // 500 ticks pass: 450 idle, 50 stolen, none busy; then 500 more with 100 busy (user).
    const a = parseProcStat(stat(20, 800));
    const b = parseProcStat(stat(70, 1250));
    const c = parseProcStat(`cpu  200 5 50 1650 4 0 1 70 30 0\n`);
    expect(busyShare(a, b)).toBe(0);
    expect(busyShare(b, c)).toBeCloseTo(100 / 500, 10);
    expect(busyShare(a, null)).toBeNull();
  });
});

describe('benchmark', () => {
  beforeAll(async () => {
    await buildOnce();
  }, 300_000);

  it('runs on a tiny corpus and reports every figure', async () => {
    const lines: string[] = [];
    const r = await bench({ docs: 6, rounds: 1, rssDocs: [8], sizes: [20_000, 40_000], seed: 1, keep: false, seedsDir: SEEDS, log: (l) => lines.push(l) });
    const text = lines.join('\n');
    for (const label of [
      'parse floor',
      'engine, one thread',
      'ratio engine / floor',
      'without the block cache',
      'audit --jobs 1',
      'cores busy',
      'other processes',
      'speed-up',
      'at most',
      'processes sharing nothing',
      'size html',
      'size text',
      'RSS at --jobs 1, 8 documents',
      'findings per rule',
    ]) {
      expect(text).toContain(label);
    }
    expect(r).toMatchObject({
      docs: 6,
      ratio: expect.any(Number),
      uncachedRatio: expect.any(Number),
      speedup: expect.any(Number),
      speedupBound: expect.any(Number),
      cpuRatio: expect.any(Number),
      apartSpeedup: expect.any(Number),
    });
    expect((r.jobs1 as { cpuMs: number }).cpuMs).toBeGreaterThan(0);
    expect((r.jobs1 as { sources: number }).sources).toBe(6);
  }, 240_000);
});
