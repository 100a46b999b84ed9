import { foldCode } from './fold.js';

// Helpers for scanners that walk a text's folded words (runs of a–z and 0–9 in `foldText(text)`)
// without building the folded text: a rolling hash computed while walking, and a probabilistic
// set (a Bloom filter with one hash) of the words that start a dictionary phrase, so almost every
// word of a document is rejected without building a string or doing a map lookup.

/** Bits per word of the set: about one word in this many of the text passes by chance. */
const BITS_PER_WORD = 32;

/** The hash after one more (folded) character code: `h = wordHashStep(h, c)` from `h = 0`. */
export function wordHashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

export function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = wordHashStep(h, word.charCodeAt(i));
  return h;
}

/** True for the characters folded text keeps in words: a–z and 0–9. */
export function isFoldedWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Whether `foldText(text)` holds `folded` (a folded string) at `at`, entirely before `limit`. */
export function foldedMatchAt(text: string, at: number, limit: number, folded: string): boolean {
  if (at + folded.length > limit) return false;
  // Text already written as the folded form (lower case, plain) compares natively.
  if (text.startsWith(folded, at)) return true;
  for (let k = 0; k < folded.length; k++) if (foldCode(text.charCodeAt(at + k)) !== folded.charCodeAt(k)) return false;
  return true;
}

export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const list = [...words];
    // A power of two, small enough to stay in the processor's fastest cache.
    let size = 1 << 12;
    while (size < list.length * BITS_PER_WORD) size <<= 1;
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
    for (const w of list) {
      const slot = wordHash(w) & this.mask;
      this.bits[slot >>> 5] |= 1 << (slot & 31);
    }
  }

  /** False when no word of the set has this hash; true when one may. */
  mayHave(hash: number): boolean {
    const slot = hash & this.mask;
    return (this.bits[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }
}
