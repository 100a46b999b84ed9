import { fnv1a, mix32 } from './hash.js';

/** MinHash over word shingles (Broder): the share of equal slots estimates the Jaccard similarity. */
export const PERMUTATIONS = 32;
/** Locality-sensitive hashing: 8 bands of 4 slots; two paragraphs are compared only when a band agrees. */
export const BANDS = 8;
const SHINGLE = 4;

// Fixed seeds make signatures comparable across runs, machines and shards.
const SEEDS = Int32Array.from({ length: PERMUTATIONS }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

// Read once: inside a vm context (Jest's test environment) every global look-up in the hot loops
// below goes through the context's interceptors, which made signing about 30 times slower there.
const { imul, min } = Math;

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

/** Two hex digits per byte, looked up rather than formatted 32 times per paragraph. */
const HEX = Array.from({ length: 0x100 }, (_, i) => i.toString(16).padStart(2, '0'));

/** x ^ (x >>> 16), mix32's first step: it distributes over ^, so shingle and seed take it apart. */
const fold16 = (x: number) => x ^ (x >>> 16);
const FOLDED_SEEDS = SEEDS.map(fold16);

/** The rest of mix32 after fold16, but its last step (x ^= x >>> 16): the top 16 bits, which it leaves unchanged. */
function top16(folded: number): number {
  const x = imul(folded, 0x85ebca6b);
  return imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 16;
}

/** Hashes of the word 4-grams of the first `count` word hashes, folded (no string building per shingle). */
function foldedShingles(h: Int32Array, count: number): Int32Array {
  if (count < SHINGLE) {
    let all = 0;
    for (let i = 0; i < count; i++) all ^= rotl(h[i], i * 7);
    return Int32Array.of(fold16(mix32(all)));
  }
  const out = new Int32Array(count - SHINGLE + 1);
  for (let i = 0; i < out.length; i++) out[i] = fold16(mix32(h[i] ^ rotl(h[i + 1], 7) ^ rotl(h[i + 2], 14) ^ rotl(h[i + 3], 21)));
  return out;
}

const hex4 = (slot: number) => HEX[slot >>> 8] + HEX[slot & 0xff];

/**
 * Slot s holds the top 16 bits of the least mix32(shingle ^ seed s). The hot loop takes mix32
 * apart (fold16, top16): the least value's top bits are the least top bits, so the slots are the
 * same. Four slots are filled per pass, so each shingle is read once for four seeds.
 */
function signatureOf(wordHashes: Int32Array, count: number): string {
  const shingles = foldedShingles(wordHashes, count);
  let out = '';
  for (let s = 0; s < PERMUTATIONS; s += 4) {
    const a = FOLDED_SEEDS[s];
    const b = FOLDED_SEEDS[s + 1];
    const c = FOLDED_SEEDS[s + 2];
    const d = FOLDED_SEEDS[s + 3];
    let minA = 0xffff;
    let minB = 0xffff;
    let minC = 0xffff;
    let minD = 0xffff;
    for (let j = 0; j < shingles.length; j++) {
      const v = shingles[j];
      minA = min(minA, top16(v ^ a));
      minB = min(minB, top16(v ^ b));
      minC = min(minC, top16(v ^ c));
      minD = min(minD, top16(v ^ d));
    }
    out += hex4(minA) + hex4(minB) + hex4(minC) + hex4(minD);
  }
  return out;
}

/** A signature: 32 slots of 16 bits, as 128 hex characters (compact enough to keep per paragraph). */
export function signature(words: readonly string[]): string {
  const hashes = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = fnv1a(words[i]);
  return signatureOf(hashes, words.length);
}

// Word hashes of the paragraph being signed, reused (signatures are computed one at a time).
let wordHashes = new Int32Array(1024);

/** signature(text.split(' ')) for words joined by spaces ('' is no words), without the split. */
export function textSignature(text: string): string {
  if (text.length === 0) return signatureOf(wordHashes, 0);
  // At most one word more than there are spaces.
  if (wordHashes.length < text.length + 1) wordHashes = new Int32Array(text.length + 1);
  // fnv1a of each word, as hash.ts computes it, restarted at every space.
  let h = 0x811c9dc5;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      wordHashes[w++] = h;
      h = 0x811c9dc5;
    } else h = imul(h ^ c, 0x01000193);
  }
  wordHashes[w++] = h;
  return signatureOf(wordHashes, w);
}

/** The share of equal slots (four hex digits each), compared in place: no substring per slot. */
export function similarity(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS * 4; i += 4) {
    if (
      a.charCodeAt(i) === b.charCodeAt(i) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 2) === b.charCodeAt(i + 2) &&
      a.charCodeAt(i + 3) === b.charCodeAt(i + 3)
    )
      same++;
  }
  return same / PERMUTATIONS;
}

/** LSH bucket keys of a signature: `bands` bands of PERMUTATIONS / bands slots (fewer slots per band find less similar pairs). */
export function bandKeys(sig: string, bands = BANDS): string[] {
  const rows = PERMUTATIONS / bands;
  const out: string[] = [];
  for (let b = 0; b < bands; b++) out.push(`${b}:${sig.slice(b * rows * 4, (b + 1) * rows * 4)}`);
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
