// Length-preserving folding for literal matching: every UTF-16 code unit maps to exactly one ASCII
// character, so offsets in the folded text are offsets in the original. Scanners fold one code
// unit at a time (`foldCode`) instead of building a folded copy of a whole document.

const NON_ASCII = /[^\x00-\x7f]/g; // eslint-disable-line no-control-regex -- the ASCII range starts at NUL
const SPECIAL: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00a0': ' ',
  '\u00df': 's',
};
const SEPARATORS = /[-_\u2010-\u2015/]/g;

function foldChar(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  // "é" → "e"; anything that does not decompose to an ASCII base letter becomes a space.
  const base = c.normalize('NFD')[0];
  return base !== undefined && base < '\x80' && base.length === 1 ? base : ' ';
}

/**
 * Lower-case ASCII text of the same length: accents stripped, curly quotes straightened, hyphens
 * and slashes turned into spaces ("Bristol-Myers" matches "bristol myers"), other non-ASCII → space.
 */
export function foldText(text: string): string {
  return text.replace(NON_ASCII, foldChar).replace(SEPARATORS, ' ').toLowerCase();
}

/** How a pattern is written in the dictionary: folded, with runs of spaces collapsed. */
export function foldPattern(pattern: string): string {
  return foldText(pattern).replace(/\s+/g, ' ').trim();
}

/** The folded code of each ASCII code unit: upper case → lower case, separators → space. */
const ASCII_FOLD = new Uint8Array(128).map((_, c) => foldText(String.fromCharCode(c)).charCodeAt(0));
/** Folded codes of non-ASCII code units, filled in as they are met (0: not yet known). */
const NON_ASCII_FOLD = new Uint8Array(0x10000);

/** `foldText(text).charCodeAt(i)` from `text.charCodeAt(i)` alone: folding is per code unit. */
export function foldCode(code: number): number {
  if (code < 0x80) return ASCII_FOLD[code];
  let folded = NON_ASCII_FOLD[code];
  if (folded === 0) folded = NON_ASCII_FOLD[code] = ASCII_FOLD[foldChar(String.fromCharCode(code)).charCodeAt(0)];
  return folded;
}

/** Folded codes of ASCII word characters (a–z, 0–9 after folding); 0 for everything else. */
export const ASCII_WORD = ASCII_FOLD.map((f) => ((f >= 97 && f <= 122) || (f >= 48 && f <= 57) ? f : 0));

/**
 * The folded code of a code unit when it folds to a word character (a–z, 0–9), else 0. Scanners
 * call this for every character, so the ASCII case is one table read.
 */
export function foldWordCode(code: number): number {
  if (code < 0x80) return ASCII_WORD[code];
  const folded = foldCode(code);
  return (folded >= 97 && folded <= 122) || (folded >= 48 && folded <= 57) ? folded : 0;
}
