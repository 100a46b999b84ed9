import { createHash } from 'node:crypto';

/** One machine's slice of a corpus: shard `index` (1-based) of `total`, as Playwright's --shard=i/n. */
export interface Shard {
  index: number;
  total: number;
}

const SHARD = /^(\d{1,6})\/(\d{1,6})$/;

/** Parse "i/n" (1 ≤ i ≤ n); null when malformed, so the CLI can say what it expected. */
export function parseShard(value: string): Shard | null {
  const m = SHARD.exec(value.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) return null;
  return { index, total };
}

/**
 * Which shard a source belongs to: a hash of its key (the path relative to the input root, with
 * "/" separators), never its position in a listing, so every machine agrees whatever order its
 * file system lists folders in, and adding a file moves no other file between shards.
 */
export function shardOf(key: string, total: number): number {
  const h = createHash('sha1').update(key).digest();
  return (h.readUInt32BE(0) % total) + 1;
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(key, shard.total) === shard.index;
}
