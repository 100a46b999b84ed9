/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 represents a substring of
 * a long string as a slice that keeps the whole parent alive, so a cache keyed by substrings of
 * documents would keep every document it has seen (measured: ~8 MB of live heap per 1,000 documents).
 * Concatenating forces a fresh flat string; the slice then only refers to that short copy.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}
