// White space as JavaScript's `\s` and `String.prototype.trim` define it, tested one UTF-16 code
// unit at a time: hot loops over short texts avoid a regular expression call per text.

const WHITESPACE_RUNS = /\s+/g;

/** Exactly what `\s` matches, for one code unit. */
export function isWhitespaceCode(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * `text.replace(/\s+/g, ' ').trim()`. Short names are nearly always tidy already, and a loop that
 * confirms it costs a fraction of the replacement.
 */
export function collapseWhitespace(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i === 0 || i === last || text.charCodeAt(i + 1) === 32 : isWhitespaceCode(c)) return text.replace(WHITESPACE_RUNS, ' ').trim();
  }
  return text;
}
