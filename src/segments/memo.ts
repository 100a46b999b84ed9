/**
 * Memoise a pure function of a string. Segment names repeat across a document's lists and across
 * the rules that read them; the cache is emptied when it outgrows `limit`, so memory stays bounded.
 */
export function memoByText<R>(fn: (text: string) => R, limit = 5_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    if (cache.size >= limit) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}
