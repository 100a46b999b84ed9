// Markup that leaked into the visible text when a page was scraped or generated: what is left of an
// image address ("…-Market.png&w=1920&q=75)"), a footnote marker glued to its raw link at the end
// of a paragraph ("…construction.[1]https://www.example.gov/…"), and, in HTML, tags or character
// references that were escaped twice and so show as text ("&amp;nbsp;", "<br>"). Markdown has its
// own module (markdown.ts). Patterns are bounded and linear; texts are cut at MAX_SCAN.

import { memoByText } from '../cache/block-cache.js';

export type ResidueKind = 'image-address' | 'footnote-link' | 'escaped-markup';

export interface MarkupResidue {
  kind: ResidueKind;
  from: number;
  to: number;
  text: string;
}

const MAX_SCAN = 200_000;

/**
 * An image file name followed by query parameters inside one token ("…-Market.png&w=1920&q=75)",
 * "hero.jpg?width=800"): the address of an image an optimiser served, printed as text. A plain
 * mention of a file ("see chart.png") has no parameters and is left alone.
 */
const IMAGE_ADDRESS = /[^\s"'<>]{0,300}\.(?:png|jpe?g|gif|webp|avif|svg)[?&]\w{1,12}=[^\s"'<>]{0,300}/gi;

/** "[1]https://…", "[12] www.…" glued to the text before it (a reference list item starts its block instead). */
const FOOTNOTE_LINK = /(?<=\S)\[\d{1,3}\]\s?(?:https?:\/\/|www\.)[^\s<>"']{1,300}/g;

/** Character references and tags that survived as text: decoded once too few times. */
const ESCAPED =
  /&(?:nbsp|amp|quot|lt|gt|apos|rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip|#\d{2,6}|#x[0-9a-f]{2,5});|<\/?(?:p|br|div|span|strong|b|i|em|a|li|ul|ol|h[1-6]|td|tr|table|img)(?:\s[^<>]{0,200})?\/?>/gi;

/** Markup residue in a text, in order, without overlaps. `html` adds escaped tags and references. Remembered across a batch: read only. */
export function findMarkupResidue(text: string, html: boolean): readonly MarkupResidue[] {
  return html ? scanHtml(text) : scanText(text);
}

const scanText = memoByText((text: string) => scan(text, false));
const scanHtml = memoByText((text: string) => scan(text, true));

function scan(input: string, html: boolean): readonly MarkupResidue[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  const found: MarkupResidue[] = [];
  if (text.indexOf('.') >= 0) {
    for (const m of text.matchAll(IMAGE_ADDRESS)) found.push({ kind: 'image-address', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  if (text.indexOf('[') >= 0) {
    for (const m of text.matchAll(FOOTNOTE_LINK)) found.push({ kind: 'footnote-link', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  if (html && (text.indexOf('&') >= 0 || text.indexOf('<') >= 0)) {
    for (const m of text.matchAll(ESCAPED)) found.push({ kind: 'escaped-markup', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: MarkupResidue[] = [];
  for (const r of found) if (out.length === 0 || r.from >= out[out.length - 1].to) out.push(r);
  return out;
}
