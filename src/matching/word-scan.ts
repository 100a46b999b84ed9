import { ASCII_WORD, foldWordCode } from './fold.js';
import { startsUrl } from '../util/url-token.js';
import { wordHashStep, type WordFilter } from './word-filter.js';

// One walk over the words of a text (runs of a–z and 0–9 in `foldText(text)`, read one code unit
// at a time without building the folded text) that feeds word dictionaries. Every dictionary
// entry starts with a word, so a hit can only start where a word starts: each dictionary first
// tests the word's hash, computed during the walk, and only a word that may start an entry is
// matched exactly. Two dictionaries can share the walk, which is the costly part.

/** A dictionary hit: [from, to) in the text and the entry's data. */
export interface WordHit<T> {
  from: number;
  to: number;
  data: T;
}

export interface WordDictionary<T> {
  /** The hashes of the words that start its entries (a quick, probabilistic test). */
  readonly firstWords: WordFilter;
  /** The longest entry starting at the word text[start, end) (hash `hash`), reading nothing at or after `limit`, or null. */
  matchAt(text: string, start: number, end: number, hash: number, limit: number): WordHit<T> | null;
}

/** One dictionary's pass: its hits so far, and where its next hit may start (its hits do not overlap). */
export class WordScan<T> {
  readonly hits: Array<WordHit<T>> = [];
  resume = 0;
  /** The dictionary's filter, held here so the test on every word is one monomorphic call. */
  readonly firstWords: WordFilter;
  constructor(readonly dictionary: WordDictionary<T>) {
    this.firstWords = dictionary.firstWords;
  }

  /** Match at a word that may start an entry; a hit is kept and the scan moves past it. */
  visit(text: string, start: number, end: number, hash: number, limit: number): void {
    const hit = this.dictionary.matchAt(text, start, end, hash, limit);
    if (hit === null) return;
    this.hits.push(hit);
    this.resume = hit.to;
  }
}

/**
 * The words of a text by countWords' rule (doc-text.ts: white-space separated tokens with a letter
 * or digit, URLs excepted), counted while scanWords walks the text anyway. For plain ASCII the
 * rule's letters and digits are the walk's word characters; `ascii` turns false when the walk
 * meets any other character, and the count must then not be used.
 */
export class TokenCount {
  count = 0;
  ascii = true;
}

/**
 * Run one or two scans over text[0, limit): each collects its hits left to right, longest first,
 * not overlapping one another; `tokens`, when given, counts the words on the way. The two scans
 * are named rather than listed, and a caller should pass a given dictionary always in the same
 * place (null for the other): each call site then sees one kind of dictionary, which keeps this
 * loop, the hottest in the audit, fast.
 */
export function scanWords(
  text: string,
  limit: number,
  first: WordScan<unknown> | null,
  second: WordScan<unknown> | null,
  tokens: TokenCount | null = null,
): void {
  const n = Math.min(text.length, limit);
  let i = 0;
  // For the token count: the last white space seen, and the end of the last word.
  let lastSpace = -1;
  let lastWordEnd = -1;
  let ascii = true;
  while (i < n) {
    // Skip to the next word, and hash it while walking to its end. (The ASCII case of
    // `foldWordCode` is written out: this loop reads every character of every document.)
    let c = 0;
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        c = ASCII_WORD[code];
        if (c !== 0) break;
        if (code === 32 || (code >= 9 && code <= 13)) lastSpace = i;
      } else {
        ascii = false;
        c = foldWordCode(code);
        if (c !== 0) break;
      }
    }
    if (c === 0) break;
    const start = i;
    let h = 0;
    while (c !== 0) {
      h = wordHashStep(h, c);
      if (++i >= n) break;
      const code = text.charCodeAt(i);
      if (code < 0x80) c = ASCII_WORD[code];
      else {
        ascii = false;
        c = foldWordCode(code);
      }
    }
    // A word with white space since the last one starts a token (which starts after that space).
    if (tokens !== null && lastSpace >= lastWordEnd && !startsUrl(text, lastSpace + 1, n)) tokens.count++;
    lastWordEnd = i;
    if (first !== null && start >= first.resume && first.firstWords.mayHave(h)) first.visit(text, start, i, h, n);
    if (second !== null && start >= second.resume && second.firstWords.mayHave(h)) second.visit(text, start, i, h, n);
  }
  if (tokens !== null && !ascii) tokens.ascii = false;
}

/** The hits of one dictionary in text[0, limit); `slot` is where its kind of dictionary goes (see scanWords). */
export function findWords<T>(dictionary: WordDictionary<T>, text: string, limit: number, slot: 'first' | 'second'): Array<WordHit<T>> {
  const scan = new WordScan(dictionary);
  if (slot === 'first') scanWords(text, limit, scan, null);
  else scanWords(text, limit, null, scan);
  return scan.hits;
}
