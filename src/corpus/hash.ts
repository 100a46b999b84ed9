import { hexDigest } from '../runtime/digest.js';

/** A short stable id for a normalised passage (collisions at 48 bits are negligible at corpus scale). */
export function passageHash(text: string): string {
  return hexDigest('sha1', text).slice(0, 12);
}

/** FNV-1a, 32 bits: fast, good enough to seed MinHash. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3's finaliser), to derive independent hash functions from one. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
