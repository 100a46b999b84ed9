// The one-shot digest must give the bytes a Hash object gives: fingerprints and passage ids depend on it.
import { createHash } from 'node:crypto';
import { hexDigest } from '../../src/runtime/digest.js';

describe('hexDigest', () => {
  it.each(['', 'Widget market', 'Türkiye · 日本 · 𝔸', 'a lone \ud800 surrogate', 'x'.repeat(100_000)])('matches createHash on %#', (text) => {
    for (const algorithm of ['sha1', 'sha256'] as const) expect(hexDigest(algorithm, text)).toBe(createHash(algorithm).update(text).digest('hex'));
  });
});
