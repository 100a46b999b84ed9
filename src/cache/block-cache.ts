import { detach } from '../util/detach.js';

/**
 * Results of pure work on a short text (a block, a sentence, a clause, a list item, a label),
 * remembered across the documents of a batch by that text. Scraped corpora repeat whole paragraphs
 * from page to page (boilerplate, syndicated copies, the same report on many sites), and what a
 * dictionary or a pattern finds in a text does not depend on the page around it. Only short texts
 * are kept (long ones rarely repeat); a cache holding more than its budget of characters is
 * emptied, so memory stays bounded; keys are detached copies (shared by every cache, see
 * canonicalText), so a cache never keeps a document alive.
 */
export class BlockCache<V> {
  /** Values by scope, then by text. */
  private readonly scopes = new Map<string, Map<string, V>>();
  private chars = 0;

  constructor(
    /** Texts longer than this are not kept. */
    readonly maxKey = 2_000,
    /** Characters of keys held before the cache is emptied. */
    readonly budget = 1_000_000,
  ) {
    caches.add(this as BlockCache<unknown>);
  }

  /**
   * The remembered value for this text, or `compute`d from it (and remembered when caching is on).
   * A value that also depends on something else (a market name, say) is kept under that `scope`:
   * a key made by joining the two strings would be a new string to hash, where the block's own text
   * hashes once and V8 keeps its hash.
   */
  get(text: string, compute: (text: string) => V, scope = ''): V {
    if (!enabled || text.length > this.maxKey) return compute(text);
    const entries = this.scopes.get(scope);
    const hit = entries?.get(text);
    if (hit !== undefined) return hit;
    // Computed from the canonical copy, so that no part of the value (a substring) can reach into
    // the document, and every cache keys this text by the same string.
    const key = text.length <= CANONICAL_MAX ? canonicalText(text) : detach(text);
    const value = compute(key);
    if (this.chars + key.length + scope.length > this.budget) this.clear();
    let scoped = this.scopes.get(scope);
    if (!scoped) {
      this.scopes.set(detach(scope), (scoped = new Map()));
      this.chars += scope.length;
    }
    scoped.set(key, value);
    this.chars += key.length;
    return value;
  }

  clear(): void {
    this.scopes.clear();
    this.chars = 0;
  }
}

const caches = new Set<BlockCache<unknown>>();
let enabled = true;

/** Turn block caching on or off for this thread (the benchmark measures both); turning it off empties the caches. */
export function setBlockCaching(on: boolean): void {
  enabled = on;
  if (!on) clearBlockCaches();
}

/**
 * `fn` remembered by its argument in a BlockCache of its own: for a pure function of a short text
 * whose value depends on nothing else. Values are shared between callers: read only.
 */
export function memoByText<R>(fn: (text: string) => R, maxKey?: number, budget?: number): (text: string) => R {
  const cache = new BlockCache<R>(maxKey, budget);
  return (text) => cache.get(text, fn);
}

/** Forget every block seen so far in this thread (the benchmark starts each timed pass empty). */
export function clearBlockCaches(): void {
  for (const c of caches) c.clear();
  clearCanonical();
}

// One copy of each short text seen in this thread. A document's blocks (and a cached block's
// sentences) are replaced by their copy when parsed, and the caches key on the same copies: a
// look-up then finds its key by identity and its hash already computed, where an equal but distinct
// string is hashed and compared character by character (measured: look-ups 2–3 times faster, the
// engine 12% faster on the benchmark corpus), and a paragraph repeated on a thousand pages is held once.
const CANONICAL_MAX = 2_000;
const CANONICAL_BUDGET = 2_000_000;
const canonical = new Map<string, string>();
let canonicalChars = 0;

function clearCanonical(): void {
  canonical.clear();
  canonicalChars = 0;
}

/**
 * The one copy of `text` this thread keeps (a fresh flat string, never a slice of a document), or
 * `text` itself when it is too long to keep or caching is off.
 */
export function canonicalText(text: string): string {
  if (!enabled || text.length > CANONICAL_MAX) return text;
  const known = canonical.get(text);
  if (known !== undefined) return known;
  const copy = detach(text);
  if (canonicalChars + copy.length > CANONICAL_BUDGET) clearCanonical();
  canonical.set(copy, copy);
  canonicalChars += copy.length;
  return copy;
}
