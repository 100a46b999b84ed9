import { fnv1a, mix32 } from './hash.js';

/** MinHash over word shingles (Broder): the share of equal slots estimates the Jaccard similarity. */
export const PERMUTATIONS = 32;
/** Locality-sensitive hashing: 8 bands of 4 slots; two paragraphs are compared only when a band agrees. */
export const BANDS = 8;
const ROWS = PERMUTATIONS / BANDS;
const SHINGLE = 4;

// Fixed seeds make signatures comparable across runs, machines and shards.
const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

/** Hashes of the word 4-grams, combined from per-word hashes (no string building per shingle). */
function shingles(words: readonly string[]): number[] {
  const h = words.map(fnv1a);
  if (h.length < SHINGLE) return [mix32(h.reduce((a, x, i) => a ^ rotl(x, i * 7), 0))];
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= h.length; i++) out.push(mix32(h[i] ^ rotl(h[i + 1], 7) ^ rotl(h[i + 2], 14) ^ rotl(h[i + 3], 21)));
  return out;
}

/** A signature: 32 slots of 16 bits, as 128 hex characters (compact enough to keep per paragraph). */
export function signature(words: readonly string[]): string {
  const hashes = shingles(words);
  let out = '';
  for (const seed of SEEDS) {
    let min = 0xffffffff;
    for (const h of hashes) {
      const v = mix32(h ^ seed);
      if (v < min) min = v;
    }
    out += (min >>> 16).toString(16).padStart(4, '0');
  }
  return out;
}

export function similarity(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a.slice(i * 4, i * 4 + 4) === b.slice(i * 4, i * 4 + 4)) same++;
  return same / PERMUTATIONS;
}

export function bandKeys(sig: string): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) out.push(`${b}:${sig.slice(b * ROWS * 4, (b + 1) * ROWS * 4)}`);
  return out;
}

/**
 * Cluster near-identical signatures: each joins the first earlier representative it shares a band
 * with and resembles at least `threshold`, else starts a cluster. Returns a cluster id per input.
 */
export function clusterSignatures(sigs: readonly string[], threshold: number): number[] {
  const buckets = new Map<string, number[]>();
  const cluster: number[] = [];
  sigs.forEach((sig, i) => {
    const keys = bandKeys(sig);
    let found = -1;
    for (const k of keys) {
      for (const rep of buckets.get(k) ?? []) {
        if (similarity(sig, sigs[rep]) >= threshold) {
          found = cluster[rep];
          break;
        }
      }
      if (found >= 0) break;
    }
    if (found >= 0) cluster.push(found);
    else {
      cluster.push(i);
      for (const k of keys) {
        const list = buckets.get(k) ?? [];
        list.push(i);
        buckets.set(k, list);
      }
    }
  });
  return cluster;
}
