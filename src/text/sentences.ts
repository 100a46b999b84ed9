import type { Block } from '../schema/document.js';
import type { Sentence } from '../engine/context.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Tokens after which ICU's sentence break is usually wrong in business prose.
const ABBREVIATION = /(?:\b(?:[A-Za-z]\.){2,}|\b(?:vs|etc|inc|ltd|co|corp|plc|dr|mr|mrs|ms|no|nos|approx|fig|est|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|u\.s|e\.g|i\.e|al|bn|mn)\.)\s*$/i;
const MAX_SENTENCE = 4000;

/**
 * Sentences with block offsets. ICU's segmenter does the splitting; breaks after abbreviations
 * ("U.S.", "Inc.", "vs.") or before a lower-case word are undone. Over-long runs (no punctuation)
 * are cut so no later pattern sees more than MAX_SENTENCE characters at once.
 */
export function splitSentences(block: Pick<Block, 'index' | 'text'>): Sentence[] {
  const out: Sentence[] = [];
  const text = block.text;
  let pending: { from: number; to: number } | null = null;
  const push = (from: number, to: number) => {
    while (to - from > MAX_SENTENCE) {
      out.push({ block: block.index, from, to: from + MAX_SENTENCE, text: text.slice(from, from + MAX_SENTENCE) });
      from += MAX_SENTENCE;
    }
    let end = to;
    while (end > from && /\s/.test(text[end - 1])) end--;
    if (end > from) out.push({ block: block.index, from, to: end, text: text.slice(from, end) });
  };
  for (const seg of segmenter.segment(text)) {
    const from = seg.index;
    const to = from + seg.segment.length;
    if (pending) {
      const prev = text.slice(pending.from, pending.to);
      if (ABBREVIATION.test(prev) || /^\s*[a-z0-9(%]/.test(seg.segment)) {
        pending.to = to;
        continue;
      }
      push(pending.from, pending.to);
    }
    pending = { from, to };
  }
  if (pending) push(pending.from, pending.to);
  return out;
}

export function splitAll(blocks: Block[]): Sentence[] {
  return blocks.flatMap((b) => splitSentences(b));
}
