// Publisher chrome versus report body, read from the document's structure rather than from its
// phrases. A report-store or press-release page wraps its text in a header (navigation, a "Request
// Sample | Buy Now" bar), a footer (contact block, "Buy this report", copyright) and short button
// lines between sections; the body is the run of prose between the first and the last block of
// real text. A call to action in the chrome is the publisher's ordinary furniture; one woven into a
// paragraph of prose, or a page that breaks its text again and again to sell, is not.

import type { DocumentModel } from '../schema/document.js';

/** A marked stretch of a block's text (a call to action, a promotional link). */
export interface TextRange {
  block: number;
  from: number;
  to: number;
}

export type Placement = 'header' | 'body' | 'footer';

/** A block with at most this many words outside marks, links and URLs is chrome: a button bar, a "Contact:" line, a row of links. */
export const CHROME_MAX_WORDS = 8;
/** Text read per block when counting words: enough to tell a line of chrome from a paragraph. */
const MAX_READ = 4_000;
/** A URL written out in the text (plain-text scrapes have no link markup); bounded so a huge token cannot run on. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']{1,2000}/gi;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]{0,60}/gu;

interface Span {
  from: number;
  to: number;
}

/** Whether `text` has more than `limit` words outside the given spans (sorted by start); stops counting once it has. */
function moreWordsThan(text: string, spans: Span[], limit: number): boolean {
  let count = 0;
  let at = 0;
  const countIn = (from: number, to: number): boolean => {
    if (to <= from) return false;
    WORD.lastIndex = from;
    for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) if (++count > limit) return true;
    return false;
  };
  for (const s of spans) {
    if (countIn(at, Math.min(s.from, text.length))) return true;
    at = Math.max(at, s.to);
  }
  return countIn(at, text.length);
}

export interface PageLayout {
  /** First and last block of real text; -1 when the page has none. */
  firstContent: number;
  lastContent: number;
  /** Where a block stands: before the first block of text, after the last, or between. */
  placement(block: number): Placement;
  /** A block of real text: not a heading, and more than CHROME_MAX_WORDS words outside marks, links and URLs. */
  isContent(block: number): boolean;
}

/**
 * The layout of a page: which blocks carry real text once the marked ranges, every link's text
 * and every written-out URL are set aside. Linear in the text read.
 */
export function pageLayout(doc: DocumentModel, marks: readonly TextRange[]): PageLayout {
  const cut = new Map<number, Span[]>();
  const add = (block: number, from: number, to: number) => {
    const list = cut.get(block) ?? [];
    cut.set(block, list);
    list.push({ from, to });
  };
  for (const m of marks) add(m.block, m.from, m.to);
  for (const l of doc.links) if (l.block !== null) add(l.block, l.evidence.from, l.evidence.to);
  const content = doc.blocks.map((b) => {
    if (b.kind === 'heading') return false;
    const text = b.text.length > MAX_READ ? b.text.slice(0, MAX_READ) : b.text;
    const spans = [...(cut.get(b.index) ?? [])];
    if (text.indexOf('http') >= 0 || text.indexOf('www.') >= 0) for (const m of text.matchAll(URL)) spans.push({ from: m.index, to: m.index + m[0].length });
    spans.sort((a, c) => a.from - c.from);
    return moreWordsThan(text, spans, CHROME_MAX_WORDS);
  });
  const firstContent = content.indexOf(true);
  const lastContent = content.lastIndexOf(true);
  return {
    firstContent,
    lastContent,
    placement: (block) => (firstContent < 0 || block < firstContent ? 'header' : block > lastContent ? 'footer' : 'body'),
    isContent: (block) => content[block] === true,
  };
}

/** One place where the body is interrupted to sell: a run of chrome blocks, or one paragraph a call is woven into. */
export interface BodyPlace {
  /** The marked blocks of the place, in order. */
  blocks: number[];
  /** A heading just before the place that titles it ("Shop Top Brands:"), when there is one. */
  label: number | null;
  /** Whether the call sits inside a paragraph of real text rather than on a line of its own. */
  woven: boolean;
}

/**
 * The separate places in the body where marked text appears: consecutive marked blocks with no real
 * text between them are one place (a button bar under its heading), a marked block of real text is
 * a place of its own. Header and footer are not the body and have no places.
 */
export function bodyPlaces(doc: DocumentModel, layout: PageLayout, markedBlocks: ReadonlySet<number>): BodyPlace[] {
  const places: BodyPlace[] = [];
  let open: BodyPlace | null = null;
  for (const b of doc.blocks) {
    if (layout.placement(b.index) !== 'body') continue;
    const marked = markedBlocks.has(b.index);
    const content = layout.isContent(b.index);
    if (!marked) {
      if (content) open = null;
      continue;
    }
    if (content) {
      places.push({ blocks: [b.index], label: null, woven: true });
      open = null;
      continue;
    }
    if (open) {
      open.blocks.push(b.index);
      continue;
    }
    const before = doc.blocks[b.index - 1];
    const label = before && before.kind === 'heading' && !markedBlocks.has(before.index) ? before.index : null;
    open = { blocks: [b.index], label, woven: false };
    places.push(open);
  }
  return places;
}
