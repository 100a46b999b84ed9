import { detach } from './detach.js';

/**
 * Results of pure per-block work, remembered across the documents of a batch by the block's text.
 * Scraped corpora repeat whole paragraphs from page to page (boilerplate, syndicated copies, the
 * same report on many sites), and a block's dictionary hits or hashes do not depend on the page
 * around it. Only short blocks are kept (long ones rarely repeat); a cache holding more than its
 * budget of characters is emptied, so memory stays bounded; keys are detached copies, so a cache
 * never keeps a document alive.
 */
export class BlockCache<V> {
  /** Values by scope, then by text. */
  private readonly scopes = new Map<string, Map<string, V>>();
  private chars = 0;

  constructor(
    /** Blocks longer than this are not kept. */
    readonly maxKey = 2_000,
    /** Characters of keys held before the cache is emptied. */
    readonly budget = 2_000_000,
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
    // Computed from the copy, so that no part of the value (a substring) can reach into the document.
    const key = detach(text);
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

/** Forget every block seen so far in this thread (the benchmark starts each timed pass empty). */
export function clearBlockCaches(): void {
  for (const c of caches) c.clear();
}
