import type { Block } from '../schema/document.js';
import { foldText } from './fold.js';
import { MAX_SCAN } from './literal-matcher.js';

/**
 * The blocks joined into one text (newline between blocks), so one dictionary pass covers the whole
 * document (URLs blanked in `folded`); `locate` maps an offset of the joined text back to (block, offset in block).
 */
// URLs are blanked in the folded text: a slug like "request-sample" or a host like "oldco.com" is
// an address, not a phrase of the text.
const URL = /\b(?:https?:\/\/|www\.)[^\s]{0,2000}/g;
function blankUrls(text: string, folded: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL)) {
    out += folded.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index! + m[0].length;
  }
  return last === 0 ? folded : out + folded.slice(last);
}

export interface JoinedText {
  text: string;
  folded: string;
  locate(offset: number): { block: number; offset: number };
}

export function joinBlocks(blocks: ReadonlyArray<Pick<Block, 'index' | 'text'>>): JoinedText {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const b of blocks) {
    if (length >= MAX_SCAN) break;
    starts.push(length);
    parts.push(b.text);
    length += b.text.length + 1;
  }
  const text = parts.join('\n');
  const folded = blankUrls(text, foldText(text));
  return {
    text,
    folded,
    locate(offset: number) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { block: blocks[lo].index, offset: offset - starts[lo] };
    },
  };
}

/** Words in the blocks' text: white-space separated tokens with a letter or digit; URLs are not words. */
export function countWords(blocks: ReadonlyArray<Pick<Block, 'text'>>): number {
  let n = 0;
  const token = /\S+/g;
  const wordy = /[A-Za-z0-9\u00c0-\u024f]/;
  const url = /^(?:https?:|www\.)/i;
  for (const b of blocks) {
    const text = b.text.length > MAX_SCAN ? b.text.slice(0, MAX_SCAN) : b.text;
    for (const m of text.matchAll(token)) if (wordy.test(m[0]) && !url.test(m[0])) n++;
  }
  return n;
}
