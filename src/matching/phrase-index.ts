import { foldCode, foldText, foldWordCode } from './fold.js';
import { foldedMatchAt, WordFilter, wordHash, wordHashStep } from './word-filter.js';
import { findWords, type WordDictionary, type WordHit } from './word-scan.js';

// A dictionary of multi-word phrases matched word by word, as a trie of words: a word of the text
// that may start a phrase (see word-scan.ts) is looked up and followed word by word. For a lexicon
// of a few hundred phrases this is several times faster than a character-level automaton, and it
// matches whole words by construction.

export type PhraseHit<T> = WordHit<T>;

const WORD = /[a-z0-9]+/g;
/** No text longer than this is scanned. */
export const MAX_SCAN = 2_000_000;

/** Words of a phrase as the index keys them (hyphens and slashes fold to spaces, so "CAR-T" is "car t"). */
function wordsOf(phrase: string): string[] {
  return foldText(phrase).match(WORD) ?? [];
}

/** A phrase prefix ending in `word`: the entry when the prefix is itself a phrase, and the words that can follow. */
interface Node<T> {
  word: string;
  data: T | undefined;
  /** Next word's hash → the nodes for words of that hash (one, bar collisions). */
  next: Map<number, Array<Node<T>>> | null;
  /** The first characters of the words in `next` (see firstCharBit): most following words are turned away by it. */
  nextFirst: number;
}

/** One bit per letter a–z, and one for all digits, for a word's first (folded) character. */
function firstCharBit(code: number): number {
  return code >= 97 ? 1 << (code - 97) : 1 << 26;
}

type Level<T> = Map<number, Array<Node<T>>>;

/** A space or an apostrophe, which may stand between the words of a phrase ("crohn's disease"). */
function isJoiner(code: number): boolean {
  return code === 32 || code === 39;
}

/** The node of `level` for the folded word text[start, end) with hash `h`, if any. */
function lookup<T>(level: Level<T>, h: number, text: string, start: number, end: number): Node<T> | undefined {
  const nodes = level.get(h);
  if (!nodes) return undefined;
  for (const node of nodes) if (node.word.length === end - start && foldedMatchAt(text, start, end, node.word)) return node;
  return undefined;
}

export class PhraseIndex<T> implements WordDictionary<T> {
  private readonly root: Level<T> = new Map();
  readonly firstWords: WordFilter;
  private phraseCount = 0;

  /** `merge` combines the data of two entries that fold to the same phrase. */
  constructor(entries: Iterable<{ phrase: string; data: T }>, merge: (a: T, b: T) => T) {
    const firsts = new Set<string>();
    for (const { phrase, data } of entries) {
      const words = wordsOf(phrase);
      if (words.length === 0) continue;
      firsts.add(words[0]);
      let level = this.root;
      let node: Node<T> | undefined;
      for (const word of words) {
        if (node) node.nextFirst |= firstCharBit(word.charCodeAt(0));
        const h = wordHash(word);
        const nodes = level.get(h) ?? [];
        level.set(h, nodes);
        node = nodes.find((x) => x.word === word);
        if (!node) nodes.push((node = { word, data: undefined, next: null, nextFirst: 0 }));
        level = node.next ??= new Map();
      }
      if (node!.data === undefined) this.phraseCount++;
      node!.data = node!.data === undefined ? data : merge(node!.data, data);
    }
    this.firstWords = new WordFilter(firsts);
  }

  get size(): number {
    return this.phraseCount;
  }

  matchAt(text: string, start: number, end: number, hash: number, limit: number): PhraseHit<T> | null {
    const first = lookup(this.root, hash, text, start, end);
    if (!first) return null;
    // Follow the trie while the next words continue a phrase; keep the longest phrase passed.
    let node: Node<T> = first;
    let found = node.data;
    let foundEnd = end;
    for (let at = end; node.next !== null;) {
      // The next word of a phrase: one to three spaces or apostrophes, then a whole word.
      let gap = at;
      while (gap < limit && gap - at < 4 && isJoiner(foldCode(text.charCodeAt(gap)))) gap++;
      if (gap === at || gap - at > 3 || gap >= limit) break;
      const opening = foldWordCode(text.charCodeAt(gap));
      if (opening === 0 || (node.nextFirst & firstCharBit(opening)) === 0) break;
      let wordEnd = gap;
      let next = 0;
      for (let c = opening; c !== 0; c = ++wordEnd < limit ? foldWordCode(text.charCodeAt(wordEnd)) : 0) next = wordHashStep(next, c);
      const child: Node<T> | undefined = lookup(node.next, next, text, gap, wordEnd);
      if (!child) break;
      node = child;
      at = wordEnd;
      if (node.data !== undefined) {
        found = node.data;
        foundEnd = wordEnd;
      }
    }
    return found === undefined ? null : { from: start, to: foundEnd, data: found };
  }

  /** Phrases in `text`, case- and accent-insensitively, left to right, longest first, not overlapping. */
  find(text: string): Array<PhraseHit<T>> {
    return findWords(this, text, MAX_SCAN, 'second');
  }
}
