// Captions whose figure is not there. A numbered caption ("Figure 1: Health expenditure as a share
// of GDP (%), 2018", "Exhibit 3 – Revenue by region") titles an image; in HTML the image markup
// stands next to it, and a plain-text scrape has no images at all, so a numbered caption there, or
// one in HTML with no image beside it, is the label of a chart the scrape dropped. Title-shaped
// captions without a number are recognised in parse/captions.ts.

import type { Block } from '../schema/document.js';

const NUMBERED_CAPTION = /^(?:figure|fig\.|chart|exhibit|graph|infographic|illustration)\s?\d{1,3}[a-z]?\s?[:.–—-]\s?\S/i;
const MAX_CAPTION = 200;

/** Whether a line opens like the caption of a numbered figure. */
export function isNumberedCaption(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_CAPTION && NUMBERED_CAPTION.test(text);
}

const IMAGE_MARKUP = /<(?:img|amp-img|svg|picture|figure|canvas|iframe|object|embed|video)\b/i;
/** Source read around a caption when looking for its image. */
const MAX_WINDOW = 20_000;
/** A source or note line under a caption ("Source: …", "Note: …") belongs to the caption, not to the text. */
const CAPTION_NOTE = /^(?:sources?|notes?)\s?:/i;

/**
 * Whether image markup stands in the source next to block `index`: between the end of the block
 * before it and the start of the block after it (and its source line, if one follows).
 */
export function imageNear(source: string, blocks: readonly Block[], index: number): boolean {
  const before = blocks[index - 1];
  let after = blocks[index + 1];
  if (after && CAPTION_NOTE.test(after.text)) after = blocks[index + 2];
  const from = Math.max(before ? before.sourceEnd : 0, blocks[index].sourceStart - MAX_WINDOW);
  const to = Math.min(after ? after.sourceStart : source.length, blocks[index].sourceEnd + MAX_WINDOW);
  return to > from && IMAGE_MARKUP.test(source.slice(from, to));
}
