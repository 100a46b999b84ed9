import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import type { Entity } from '../schema/claims.js';
import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';

// The CommonJS build loads in half the time of the ESM source tree (measured in research/toolchain.md).
const require = createRequire(import.meta.url);
let nlp: typeof nlpType | null = null;
function compromise(): typeof nlpType {
  nlp ??= require('compromise') as typeof nlpType;
  return nlp;
}

// Only sentences that can hold an entity are given to compromise: a capitalised word after the
// first, a digit, or a currency sign. Most boilerplate sentences have none of these.
const CANDIDATE = /\S\s+[A-Z]|\d|[$€£¥]/;
const KINDS: Array<[Entity['kind'], string]> = [
  ['place', 'places'],
  ['organization', 'organizations'],
  ['percentage', 'percentages'],
  ['money', 'money'],
];

type View = { out(format: 'offset'): Array<{ text: string; offset: { start: number; length: number } }> };

// compromise's matches carry the punctuation around a name ("Novartis," "Germany;" "Bayer”."),
// and its text can include an opening quote its offset leaves out: the entity is the sentence's
// own text over the match, without that punctuation.
const OPENING = new Set([' ', '"', "'", '“', '‘', '(', '[']);
const CLOSING = new Set([' ', '"', "'", '”', '’', ')', ']', ',', ';', ':', '!', '?']);

/** [from, to) of the name within sentence[start, end), or null when nothing but punctuation is left. */
export function nameRange(sentence: string, start: number, end: number): [number, number] | null {
  let from = start;
  let to = end;
  while (from < to && OPENING.has(sentence[from])) from++;
  for (;;) {
    if (to > from && CLOSING.has(sentence[to - 1])) to--;
    // A full stop after a closing quote or bracket ends the sentence; one after a letter can be an
    // abbreviation's ("Inc.", "U.S.") and stays.
    else if (to - 1 > from && sentence[to - 1] === '.' && CLOSING.has(sentence[to - 2])) to--;
    else break;
  }
  return from < to ? [from, to] : null;
}

/** Named entities of the given sentences, with evidence spans. Results are cached by sentence text. */
export function extractEntities(sentences: Sentence[], spans: Spans, cache = new Map<string, Array<[Entity['kind'], string, number, number]>>()): Entity[] {
  const out: Entity[] = [];
  for (const s of sentences) {
    if (!CANDIDATE.test(s.text)) continue;
    let found = cache.get(s.text);
    if (!found) {
      found = [];
      const doc = compromise()(s.text) as unknown as Record<string, () => View>;
      for (const [kind, method] of KINDS) {
        const view = doc[method]?.call(doc);
        if (!view) continue;
        for (const m of view.out('offset')) {
          const range = nameRange(s.text, m.offset.start, m.offset.start + m.offset.length);
          if (range) found.push([kind, s.text.slice(range[0], range[1]), range[0], range[1]]);
        }
      }
      const dates = /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}\b/g;
      for (const m of s.text.matchAll(dates)) found.push(['date', m[0], m.index!, m.index! + m[0].length]);
      if (cache.size < 50000) cache.set(s.text, found);
    }
    for (const [kind, text, from, to] of found) out.push({ kind, text, evidence: spans.of(s.block, s.from + from, s.from + to, kind) });
  }
  return out;
}
