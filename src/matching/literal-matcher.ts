import { foldCode, foldPattern } from './fold.js';
import { foldedMatchAt, isFoldedWordCode, WordFilter, wordHash } from './word-filter.js';
import { findWords, type WordDictionary, type WordHit } from './word-scan.js';

/** A dictionary hit in the original text: [from, to) and the entry's data. */
export type LiteralHit<T> = WordHit<T>;

/** No scan looks at more than this many characters of one text (scraped pages can be huge). */
export const MAX_SCAN = 2_000_000;

const FIRST_WORD = /^[a-z0-9]+/;

interface Pattern<T> {
  /** The folded phrase. */
  text: string;
  data: T;
}

/**
 * Many literal phrases found in one pass, case- and accent-insensitively, at word boundaries,
 * without overlaps (leftmost, then longest). Built once per dictionary, at module load.
 *
 * Phrases are keyed by (the hash of) their first word, so a word of the text that starts no
 * phrase costs one hash test (see word-scan.ts); a word that may is compared with the phrases
 * starting with it, longest first. A character-level automaton did the same work at several
 * times the cost per character.
 */
export class LiteralMatcher<T> implements WordDictionary<T> {
  /** Hash of a first word → the phrases starting with a word of that hash, longest first. */
  private readonly byFirstWord = new Map<number, Array<Pattern<T>>>();
  readonly firstWords: WordFilter;
  readonly size: number;

  constructor(entries: ReadonlyArray<{ phrase: string; data: T }>) {
    const seen = new Set<string>();
    const firstWords = new Set<string>();
    for (const e of entries) {
      const pattern = foldPattern(e.phrase);
      if (pattern.length === 0 || seen.has(pattern)) continue;
      const first = FIRST_WORD.exec(pattern);
      // A hit is only looked for where a word starts; a phrase that starts with punctuation would never be found.
      if (!first) throw new Error(`dictionary phrase “${e.phrase}” must start with a letter or digit`);
      seen.add(pattern);
      firstWords.add(first[0]);
      const key = wordHash(first[0]);
      const list = this.byFirstWord.get(key) ?? [];
      list.push({ text: pattern, data: e.data });
      this.byFirstWord.set(key, list);
    }
    // Longest first, so the first phrase that fits is the longest one.
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
    this.firstWords = new WordFilter(firstWords);
    this.size = seen.size;
  }

  matchAt(text: string, start: number, _end: number, hash: number, limit: number): LiteralHit<T> | null {
    const candidates = this.byFirstWord.get(hash);
    if (!candidates) return null;
    for (const p of candidates) {
      const end = start + p.text.length;
      // The phrase must be written out (its first word is then this whole word) and end where a word does.
      if (foldedMatchAt(text, start, limit, p.text) && !(end < limit && isFoldedWordCode(foldCode(text.charCodeAt(end))))) {
        return { from: start, to: end, data: p.data };
      }
    }
    return null;
  }

  /** Hits in `foldText(text)` before `limit` (what lies after it is not read: a hit cannot run into it). */
  find(text: string, limit = MAX_SCAN): Array<LiteralHit<T>> {
    return findWords(this, text, limit, 'first');
  }
}
