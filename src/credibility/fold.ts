// Length-preserving folding for literal matching: every UTF-16 code unit maps to exactly one ASCII
// character, so offsets in the folded text are offsets in the original. Pure-ASCII input also keeps
// modern-ahocorasick on its fast path (non-ASCII input makes it segment graphemes, ~100× slower).

const NON_ASCII = /[^\x00-\x7f]/g;
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
