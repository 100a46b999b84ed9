import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planInputs } from '../../src/batch/inputs.js';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';

describe('--shard i/n', () => {
  it('parses i/n and refuses what is not a shard', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, total: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '1/2/3', '-1/2', '1.5/2']) expect(parseShard(bad)).toBeNull();
  });

  it('puts every key in exactly one shard, spread fairly, the same on every call', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `corpus/site-${i % 7}/report-${i}.html`);
    const sizes = [0, 0, 0, 0];
    for (const k of keys) {
      const owners = [1, 2, 3, 4].filter((i) => inShard(k, { index: i, total: 4 }));
      expect(owners).toHaveLength(1);
      expect(shardOf(k, 4)).toBe(owners[0]);
      sizes[owners[0] - 1]++;
    }
    for (const n of sizes) expect(n).toBeGreaterThan(400);
    expect(inShard('anything', undefined)).toBe(true);
  });

  it('splits a folder by path relative to it, whatever the checkout location or listing order', async () => {
    const make = () => {
      const root = mkdtempSync(path.join(tmpdir(), 'credence-shard-'));
      const dir = path.join(root, 'corpus');
      mkdirSync(path.join(dir, 'b'), { recursive: true });
      for (let i = 0; i < 30; i++) writeFileSync(path.join(dir, i % 2 ? 'b' : '', `r${i}.txt`), 'x');
      return root;
    };
    const first = make();
    const second = make();
    const names = async (root: string, index: number) => (await planInputs(['corpus'], { cwd: root, shard: { index, total: 3 } })).map((p) => p.key).sort();
    const parts = await Promise.all([1, 2, 3].map((i) => names(first, i)));
    // Disjoint, complete, and identical in another checkout.
    expect(parts.flat().sort()).toEqual((await planInputs(['corpus'], { cwd: first })).map((p) => p.key).sort());
    expect(new Set(parts.flat()).size).toBe(30);
    for (const i of [1, 2, 3]) expect(await names(second, i)).toEqual(parts[i - 1]);
    // Keys are relative to the folder given, with '/' separators.
    expect(parts.flat()).toContain('b/r1.txt');
  });
});
