import AhoCorasick from 'modern-ahocorasick';
import { foldPattern, foldText } from './fold.js';

/** A dictionary hit in the original text: [from, to) and the entry's data. */
export interface LiteralHit<T> {
  from: number;
  to: number;
  data: T;
}

const WORD_CHAR = /[a-z0-9]/;
/** No scan looks at more than this many characters of one text (scraped pages can be huge). */
export const MAX_SCAN = 2_000_000;

/**
 * Many literal phrases found in one Aho–Corasick pass, case- and accent-insensitively, at word
 * boundaries, without overlaps (leftmost, then longest). Built once per dictionary, at module load.
 */
export class LiteralMatcher<T> {
  private readonly matcher: AhoCorasick<T>;
  readonly size: number;

  constructor(entries: ReadonlyArray<{ phrase: string; data: T }>) {
    const seen = new Set<string>();
    const patterns: Array<{ pattern: string; data: T }> = [];
    for (const e of entries) {
      const pattern = foldPattern(e.phrase);
      if (pattern.length === 0 || seen.has(pattern)) continue;
      seen.add(pattern);
      patterns.push({ pattern, data: e.data });
    }
    this.matcher = new AhoCorasick(patterns);
    this.size = patterns.length;
  }

  /** Hits in `text`; pass `folded` when the caller has already folded the same text. */
  find(text: string, folded = foldText(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text)): Array<LiteralHit<T>> {
    const hay = folded.length > MAX_SCAN ? folded.slice(0, MAX_SCAN) : folded;
    const bounded = this.matcher
      .search(hay)
      .filter((m) => !WORD_CHAR.test(hay[m.start - 1] ?? ' ') && !WORD_CHAR.test(hay[m.end] ?? ' '))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Array<LiteralHit<T>> = [];
    let last = -1;
    for (const m of bounded) {
      if (m.start < last) continue;
      out.push({ from: m.start, to: m.end, data: m.data as T });
      last = m.end;
    }
    return out;
  }
}
