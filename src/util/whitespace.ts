// White space collapsed as a reader sees it, tested one UTF-16 code unit at a time (isSpace): hot
// loops over short texts avoid a regular expression call per text.

import { isSpace } from './chars.js';

const WHITESPACE_RUNS = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ').trim()`. Short names are nearly always tidy already, and a loop that
 * confirms it costs a fraction of the replacement.
 */
export function collapseWhitespace(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i === 0 || i === last || text.charCodeAt(i + 1) === 32 : isSpace(c)) return text.replace(WHITESPACE_RUNS, ' ').trim();
  }
  return text;
}
