import { detach } from '../text/detach.js';

/**
 * Memoise a pure function of a string. Segment names repeat across a document's lists and across
 * the rules that read them; the cache is emptied when it outgrows `limit`, and it keeps detached
 * copies of its keys (see detach), so memory stays bounded across a batch.
 */
export function memoByText<R>(fn: (text: string) => R, limit = 5_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    if (cache.size >= limit) cache.clear();
    // The value is computed from the copy too: slices of it must not reach back into the document.
    const key = detach(text);
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
