import type { Sentence } from '../schema/document.js';
import { MONTH_PATTERN } from '../util/months.js';

/** "As of 2019, the segment is worth …": a dated figure stated in the present tense. */
export interface AsOfStatement {
  sentence: Sentence;
  year: number;
  /** Offsets of "as of …" within the block text. */
  from: number;
  to: number;
}

const AS_OF = new RegExp(String.raw`\bas\s{1,3}of\s{1,3}(?:${MONTH_PATTERN}\.?\s{1,3}(?:\d{1,2},?\s{1,3})?)?((?:19[5-9]|20\d)\d)\b`, 'gi');
// Present tense: the figure is offered as the current state, not as history ("there were …").
const PRESENT = /\b(?:is|are|stands?|remains?|has|have|holds?|accounts? for|represents?|amounts? to|totals)\b/i;
// A figure other than the year itself: money, a percentage or a scaled number.
const FIGURE = /(?:[$€£¥]\s?\d|\bUSD\s?\d|\d[\d,.]*\s?(?:%|percent\b|billion\b|million\b|bn\b|mn\b|trillion\b))/i;
const MAX_SENTENCE_SCAN = 2000;
const AS_OF_WORDS = /as\s{1,3}of/i;

/**
 * Every "as of <year>" statement of a figure in the present tense. `digits` flags the sentences that
 * hold a digit (see digitFlags): "as of" needs a year, so the others are passed over.
 */
export function findAsOfStatements(sentences: ReadonlyArray<Sentence>, digits: Uint8Array): AsOfStatement[] {
  const out: AsOfStatement[] = [];
  for (let k = 0; k < sentences.length; k++) {
    if (digits[k] === 0) continue;
    const s = sentences[k];
    const text = s.text.length > MAX_SENTENCE_SCAN ? s.text.slice(0, MAX_SENTENCE_SCAN) : s.text;
    if (!AS_OF_WORDS.test(text) || !FIGURE.test(text)) continue;
    AS_OF.lastIndex = 0;
    for (let m = AS_OF.exec(text); m; m = AS_OF.exec(text)) {
      // The verb that carries the figure follows "as of …" in the same clause.
      const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 200);
      if (!PRESENT.test(rest.split(/[;]/)[0])) continue;
      out.push({ sentence: s, year: Number(m[1]), from: s.from + m.index, to: s.from + m.index + m[0].length });
    }
  }
  return out;
}
