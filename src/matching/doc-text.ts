import type { Block } from '../schema/document.js';
import { isSpace } from '../util/chars.js';
import { MAX_SCAN } from './literal-matcher.js';
import { startsUrl } from '../util/url-token.js';

// A URL (and everything up to the next white space) is an address, not a phrase of the text: a
// slug like "request-sample" or a host like "oldco.com" must not match a dictionary phrase.
const URL = /\b(?:https?:\/\/|www\.)[^\s]{0,2000}/g;

/** The text with its URLs blanked out (same length, so offsets still hold). */
export function withoutUrls(text: string): string {
  // Most blocks hold no URL; they are returned as they are after two quick searches.
  if (text.indexOf('http') < 0 && text.indexOf('www.') < 0) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL)) {
    out += text.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Per code unit: 1 = white space (as `\s`), 2 = A–Z, a–z, 0–9 or a Latin letter À–ɏ (a token with one is a word), 0 = other. */
const CHAR_CLASS = new Uint8Array(0x10000).map((_, code) =>
  isSpace(code) ? 1 : (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f) ? 2 : 0,
);

/** White space other than the plain space. */
const OTHER_WHITESPACE = /[^\S ]/;

/**
 * Words in the blocks' text: white-space separated tokens with a letter or digit; URLs are not words.
 * It avoids building a string or a match per token: where plain spaces are the only white space
 * (most blocks), it jumps from space to space; otherwise it walks the characters. (The document
 * scan counts the words of plain ASCII blocks by the same rule as it walks them; see word-scan.ts.)
 */
export function countWords(blocks: ReadonlyArray<Pick<Block, 'text'>>): number {
  let n = 0;
  for (const b of blocks) n += OTHER_WHITESPACE.test(b.text) ? countByCharacter(b.text) : countBySpace(b.text);
  return n;
}

/** Words of a text whose only white space is " ". */
function countBySpace(text: string): number {
  const end = Math.min(text.length, MAX_SCAN);
  let n = 0;
  for (let i = 0; i < end;) {
    let next = text.indexOf(' ', i);
    if (next < 0 || next > end) next = end;
    if (next > i && isWordToken(text, i, next)) n++;
    i = next + 1;
  }
  return n;
}

/** Words of any text, walking its characters. */
function countByCharacter(text: string): number {
  const end = Math.min(text.length, MAX_SCAN);
  let n = 0;
  let i = 0;
  while (i < end) {
    while (i < end && CHAR_CLASS[text.charCodeAt(i)] === 1) i++;
    if (i >= end) break;
    const start = i;
    while (i < end && CHAR_CLASS[text.charCodeAt(i)] !== 1) i++;
    if (isWordToken(text, start, i)) n++;
  }
  return n;
}

/** Whether the token text[from, to) has a letter or digit and is not a URL. */
function isWordToken(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CHAR_CLASS[text.charCodeAt(k)] === 2) return !startsUrl(text, from, to);
  return false;
}
