import { BlockCache } from '../cache/block-cache.js';
import { MARKET, MAX_TEXT, templateWords } from './normalise.js';

/** A block as template-reuse compares it: `templateWords(...).join(' ')`, and how many words that is. */
export interface TemplateText {
  text: string;
  words: number;
}

// Fingerprinting tokenises most of every document, so this is the hot path of the cross-source
// rules. For text whose letters and digits are all ASCII (nearly all report text) the words are
// read in one scan over character codes, lower-cased and written straight into a byte buffer: no
// lower-case copy, no string per word, no array of words, no join. Other text takes
// templateWords, the definition this must agree with (the tests compare the two).

const DIGIT = 1;
const LETTER = 2;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER;

// Characters outside ASCII, classified the first time they are met. Quotes, dashes and spaces
// separate words like ASCII punctuation. A letter or digit (the Kelvin sign lower-cases to "k"),
// any surrogate (astral characters) or, as cheap insurance, any other character lower-casing
// changes (Ⓐ) sends the text to the definition.
const UNKNOWN = 0;
const SEPARATOR = 1;
const DEFINITION = 2;
const WIDE = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{N}]/u;

function needsDefinition(c: number): boolean {
  if (WIDE[c] === UNKNOWN) {
    const ch = String.fromCharCode(c);
    WIDE[c] = (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(ch) || ch.toLowerCase() !== ch ? DEFINITION : SEPARATOR;
  }
  return WIDE[c] === DEFINITION;
}

const SPACE = 32;
const HASH = 35;
const MARKET_BYTES = Buffer.from(MARKET, 'latin1');
/** ASCII letters and digits lower-case by setting this bit (digits already have it). */
const LOWER = 0x20;

// Reused between calls (fingerprints are computed one at a time), grown on demand; the text is
// at most MAX_TEXT characters, so it stays small.
let out = Buffer.allocUnsafe(4096);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => c < 128 && CLASS[c] !== 0;

/** End (≤ n) of the token at `i`, read as /\d+(?:[.,]\d+)*|[a-z\d]+/ reads lower-case text. */
function tokenEnd(s: string, i: number, n: number): number {
  if (isDigit(s.charCodeAt(i))) {
    // \d+ then any number of ([.,] \d+): a separator counts only with a digit after it.
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    while (i + 1 < n && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) && isDigit(s.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    return i;
  }
  i++;
  while (i < n && isWordChar(s.charCodeAt(i))) i++;
  return i;
}

/** Start of the next token at or after `i` (for reading ahead): n at the end, -1 at a character only the definition reads right. */
function nextToken(s: string, i: number, n: number): number {
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (CLASS[c] !== 0) return i;
    } else if (needsDefinition(c)) return -1;
  }
  return n;
}

/** Token s[start, end) (ASCII letters and digits) equals the lower-case `word`. */
function tokenIs(s: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(start + k) | LOWER) !== word.charCodeAt(k)) return false;
  return true;
}

/** Where the market's words end when they start with the token s[start, end), else -1. */
function marketEnd(s: string, start: number, end: number, n: number, market: readonly string[]): number {
  if (!tokenIs(s, start, end, market[0])) return -1;
  for (let k = 1; k < market.length; k++) {
    const next = nextToken(s, end, n);
    if (next < 0 || next >= n) return -1;
    end = tokenEnd(s, next, n);
    if (!tokenIs(s, next, end, market[k])) return -1;
  }
  return end;
}

/**
 * The fast path over s[0, n): tokens as /\d+(?:[.,]\d+)*|[a-z\d]+/g finds them in lower-case
 * text, which is how TOKEN reads text without letters or digits outside ASCII; null for other text.
 * A word is copied (lower-cased) as it is read; a market name already copied is overwritten.
 */
function asciiTemplateText(s: string, n: number, market: readonly string[] | null): TemplateText | null {
  // Output is at most twice the input ("5a 5a" → "# mkt # mkt" with the market "a"); 4× is ample.
  if (out.length < 4 * n + 8) out = Buffer.allocUnsafe(4 * n + 8);
  const buf = out;
  let at = 0;
  let words = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      if (needsDefinition(c)) return null;
      i++;
      continue;
    }
    const kind = CLASS[c];
    if (kind === 0) {
      i++;
      continue;
    }
    if (words++ > 0) buf[at++] = SPACE;
    const start = i;
    const written = at;
    if (kind === DIGIT) {
      i = tokenEnd(s, i, n);
      buf[at++] = HASH;
    } else {
      buf[at++] = c | LOWER;
      for (i++; i < n; i++) {
        const d = s.charCodeAt(i);
        if (!isWordChar(d)) break;
        buf[at++] = d | LOWER;
      }
    }
    const masked = market ? marketEnd(s, start, i, n, market) : -1;
    if (masked >= 0) {
      at = written + MARKET_BYTES.copy(buf, written);
      i = masked;
    }
  }
  return { text: buf.toString('latin1', 0, at), words };
}

/** templateWords(text.slice(0, maxChars), market).join(' ') and its length in words. */
export function templateText(text: string, market: readonly string[] | null, maxChars = MAX_TEXT): TemplateText {
  const n = Math.min(text.length, maxChars, MAX_TEXT);
  const fast = asciiTemplateText(text, n, market);
  if (fast) return fast;
  const words = templateWords(text.slice(0, n), market);
  return { text: words.join(' '), words: words.length };
}

// Across a batch (see BlockCache): a whole block's normalised text, by market and text.
const normalised = new BlockCache<TemplateText>();

/** A whole block's normalised text, shared across a batch (the market is the cache's scope: its words become a placeholder). */
export function normalisedBlock(text: string, market: readonly string[] | null, scope = market === null ? '' : market.join(' ')): TemplateText {
  return normalised.get(text, (key) => templateText(key, market), scope);
}
