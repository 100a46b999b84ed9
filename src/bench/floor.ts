import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { detectFormat } from '../ingest/detect.js';

const html = unified().use(rehypeParse);
const decoder = new TextDecoder('utf-8');

/**
 * The parse floor: the least any auditor must do with a document — decode it, tell HTML from text,
 * and turn it into text (rehype-parse and hast-util-to-text for HTML, line splitting for text).
 * Returns a size so the work cannot be optimised away.
 */
export function parseFloor(bytes: Uint8Array): number {
  const text = decoder.decode(bytes);
  if (detectFormat(text) === 'html') return toText(html.parse(text)).length;
  return text.split('\n').length;
}
