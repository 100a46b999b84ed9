import type { Format } from '../schema/document.js';

// Tags that scraped report pages are built from; a stray "<5%" in prose matches none of them.
const TAG =
  /<\/?(?:html|head|body|p|div|span|h[1-6]|ul|ol|li|a|strong|b|em|i|table|tr|td|th|br|section|article|header|footer|nav|main|img|meta|link|script|style|title|!doctype)\b[^<>]{0,2000}>/gi;

/** Decide the format from the content, not the file name: scraped HTML is often saved as .txt. */
export function detectFormat(text: string): Format {
  const head = text.slice(0, 65536);
  let tags = 0;
  TAG.lastIndex = 0;
  while (TAG.exec(head) !== null) {
    tags++;
    if (tags >= 8) break;
  }
  const startsWithTag = /^\s*</.test(head);
  if (tags >= 8 || (startsWithTag && tags >= 2)) return 'html';
  return 'text';
}
