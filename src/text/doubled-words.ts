// A word printed twice where a template joined a field to its own suffix ("{market} Market" with
// "Surfactants Market" in the field gives "Surfactants Market Market Size") or an edit left a
// function word behind ("the the"). Only words of report templates and function words count: a
// doubled name ("Bora Bora", "Walla Walla") or an emphatic "very very" is not residue, and "that
// that" and "had had" are grammatical.

import { memoByText } from '../cache/block-cache.js';
import type { TextMatch } from './findings.js';

const MAX_SCAN = 200_000;

const TEMPLATE_WORDS = new Set([
  'market',
  'markets',
  'industry',
  'sector',
  'report',
  'analysis',
  'size',
  'share',
  'forecast',
  'growth',
  'revenue',
  'the',
  'of',
  'and',
  'in',
  'to',
  'for',
  'by',
  'on',
  'with',
  'from',
  'at',
]);

/** Two equal words with only a space between (no punctuation, no line break); "on on-board" is not a doubled word. */
const DOUBLED = /(?<![\w-])([A-Za-z]{1,12}) \1(?![\w-])/gi;

export type DoubledWord = TextMatch;

/** Doubled template or function words in a text. Remembered across a batch: read only. */
export const findDoubledWords: (text: string) => readonly DoubledWord[] = memoByText(scan);

function scan(input: string): readonly DoubledWord[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  const out: DoubledWord[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const [a, b] = m[0].split(' ');
    // Case must agree too ("A a" in a list of grades is not a slip); the word must be a template or function word.
    if (a !== b || !TEMPLATE_WORDS.has(a.toLowerCase())) continue;
    out.push({ from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  return out;
}
