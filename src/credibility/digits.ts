import type { Sentence } from '../schema/document.js';

// Several rules only read sentences with a figure or a year in them, and most sentences have
// neither: which sentences have a digit is worked out once per document (`ctx.sentenceDigits()`).

const DIGIT = /\d/;
const MAX_SENTENCE_SCAN = 2000;

/** For each sentence (by position), 1 when its first 2,000 characters hold a digit 0–9. */
export function digitFlags(sentences: ReadonlyArray<Sentence>): Uint8Array {
  const flags = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    const text = s.text.length > MAX_SENTENCE_SCAN ? s.text.slice(0, MAX_SENTENCE_SCAN) : s.text;
    if (DIGIT.test(text)) flags[i] = 1;
  });
  return flags;
}
