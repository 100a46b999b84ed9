import type { Block } from '../schema/document.js';
import type { Sentence } from '../schema/document.js';
import { BlockCache, canonicalText } from '../cache/block-cache.js';
import { isSpace } from '../util/chars.js';

// A sentence ends at . ! or ? (and any closing quotes or brackets) followed by white space.
const TERMINATOR = /[.!?]+["'”’)\]]*\s+/g;
// Not an end when the next sentence would start in lower case, with a digit, "(" or "%"…
const CONTINUES = /[a-z0-9(%]/;
// …or when the "sentence" ends with an abbreviation ("U.S.", "Inc.", "vs.", "e.g.").
const ABBREVIATION =
  /(?:\b(?:[A-Za-z]\.){2,}|\b(?:vs|etc|inc|ltd|co|corp|plc|dr|mr|mrs|ms|no|nos|approx|fig|est|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|al|bn|mn)\.)["'”’)\]]*$/i;
const MAX_SENTENCE = 4000;

/**
 * Sentences with block offsets, in one linear pass. The boundaries are those of Unicode sentence
 * segmentation (Intl.Segmenter) as this project used it, with its breaks after abbreviations or
 * before a lower-case word undone — written out because the ICU segmenter cost more than
 * parsing the HTML. Over-long runs (no punctuation) are cut so no later pattern sees more than
 * MAX_SENTENCE characters at once.
 */
export function splitSentences(block: Pick<Block, 'index' | 'text'>): Sentence[] {
  const { bounds, texts } = byBlock.get(block.text, sentencesOf);
  const out: Sentence[] = [];
  for (let i = 0; i < texts.length; i++) out.push({ block: block.index, from: bounds[2 * i], to: bounds[2 * i + 1], text: texts[i] });
  return out;
}

/** A block's sentences as its text alone gives them. */
interface BlockSentences {
  /** from₀, to₀, from₁, to₁, … */
  bounds: readonly number[];
  texts: readonly string[];
}

// Across a batch (see BlockCache): a block's sentences depend on its text alone. The texts of a
// cached block are canonical copies (see canonicalText), so the per-sentence caches find them by
// identity; a longer block's are plain slices.
const byBlock = new BlockCache<BlockSentences>();

function sentencesOf(text: string): BlockSentences {
  const bounds = sentenceBounds(text);
  const cached = text.length <= byBlock.maxKey;
  const texts: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const sentence = text.slice(bounds[i], bounds[i + 1]);
    texts.push(cached ? canonicalText(sentence) : sentence);
  }
  return { bounds, texts };
}

/** The [from, to) offsets of each sentence of a text, flattened: from₀, to₀, from₁, to₁, … */
function sentenceBounds(text: string): readonly number[] {
  const out: number[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to - from > MAX_SENTENCE) {
      out.push(from, from + MAX_SENTENCE);
      from += MAX_SENTENCE;
    }
    let end = to;
    while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > from) out.push(from, end);
  };
  let from = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= text.length || CONTINUES.test(text[end])) continue;
    const closing = m[0].trimEnd();
    if (ABBREVIATION.test(text.slice(Math.max(from, m.index - 12), m.index + closing.length))) continue;
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return out;
}

export function splitAll(blocks: ReadonlyArray<Pick<Block, 'index' | 'text'>>): Sentence[] {
  return blocks.flatMap((b) => splitSentences(b));
}
