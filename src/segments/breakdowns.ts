import type { DocumentModel } from '../schema/document.js';
import { memoByText } from '../cache/block-cache.js';
import { inlineBreakdowns } from './inline.js';
import { labelDimension } from '../lexicon/label.js';
import { stripParentheticals } from '../lexicon/normalise.js';

/** A place in a block's text. */
export interface BlockRange {
  block: number;
  from: number;
  to: number;
}

export interface SegmentItem extends BlockRange {
  text: string;
  /** Names listed under the item in a nested list: its sub-segments. */
  children?: readonly string[];
}

/**
 * One set of peer segments: the items of one list (nested lists are breakdowns of their own, so a
 * parent is never a peer of its children), or one "By End User (…)" enumeration in prose.
 */
export interface Breakdown {
  origin: 'list' | 'inline';
  label: string | null;
  labelRange: BlockRange | null;
  /** The dimension its label names (region, end user, application, …), or null. */
  dimension: string | null;
  items: SegmentItem[];
}

/** A list item longer than this is a sentence, not a segment name. */
const MAX_ITEM_WORDS = 12;
const MAX_ITEMS = 200;

/** Whether a list item is short enough, without its asides, to name a segment. */
function isSegmentName(text: string): boolean {
  const bare = stripParentheticals(text);
  return bare.length > 0 && spacesUpTo(bare, MAX_ITEM_WORDS) < MAX_ITEM_WORDS;
}

/** How many spaces `text` has, counting no further than `limit` (words = spaces + 1 in a normalised name). */
function spacesUpTo(text: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(' '); i >= 0 && n < limit; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/**
 * A run-in head: "Stand-alone Cyber Insurance: a dedicated policy that covers …" names its segment
 * before the colon; the description after it is a sentence (it starts in lower case), or too long to
 * be a name itself. "Europe: Germany, France, Italy" is not one.
 */
const RUN_IN = /^([A-Z][^:\d]{1,60}):\s+(\S+)(?:\s+\S+){2}/;
const MAX_HEAD_WORDS = 6;

/** The stretch of a list item that names its segment: the whole item, or the run-in head of a described one; null for prose. */
const segmentNameIn = memoByText((text): { from: number; to: number } | null => {
  const whole = isSegmentName(text);
  const head = RUN_IN.exec(text.slice(0, 300));
  const described = head !== null && (!whole || /^[a-z]/.test(head[2])) && spacesUpTo(head[1].trim(), MAX_HEAD_WORDS) < MAX_HEAD_WORDS;
  if (described) return { from: 0, to: head[1].trimEnd().length };
  return whole ? { from: 0, to: text.length } : null;
});

function listBreakdowns(doc: DocumentModel): Breakdown[] {
  const out: Breakdown[] = [];
  for (const list of doc.lists) {
    const items: SegmentItem[] = [];
    for (const i of list.items.slice(0, MAX_ITEMS)) {
      const b = doc.blocks[i.block];
      const name = segmentNameIn(b.text);
      if (!name) continue;
      const children = i.lists.flatMap((n) => doc.lists[n].items.slice(0, MAX_ITEMS).map((c) => doc.blocks[c.block].text));
      items.push({ text: b.text.slice(name.from, name.to), block: b.index, ...name, ...(children.length > 0 ? { children } : {}) });
    }
    if (items.length < 2) continue;
    const labelBlock = list.labelBlock;
    out.push({
      origin: 'list',
      label: list.label,
      labelRange: labelBlock !== null ? { block: labelBlock, from: 0, to: doc.blocks[labelBlock].text.length } : null,
      dimension: labelDimension(list.label),
      items,
    });
  }
  return out;
}

const NONE: ReturnType<typeof inlineBreakdowns> = [];
/** A block's "By …" ("In terms of …", "Based on …") enumerations. Remembered across a batch (they depend on its text alone): read only. */
const enumerationsIn = memoByText((text) => (/\b(?:[Bb]y|[Ii]n terms of|[Bb]ased on|[Oo]n the basis of) [A-Za-z]/.test(text) ? inlineBreakdowns(text) : NONE));

function proseBreakdowns(doc: DocumentModel): Breakdown[] {
  const out: Breakdown[] = [];
  // Headings are read too: titles and plain-text layout put "By Type (…), By Application (…)" there.
  for (const b of doc.blocks) {
    for (const found of enumerationsIn(b.text)) {
      out.push({
        origin: 'inline',
        label: b.text.slice(found.cue.from, found.cue.to),
        labelRange: { block: b.index, ...found.cue },
        dimension: found.dimension,
        items: found.items.map((i) => ({ ...i, block: b.index })),
      });
    }
  }
  return out;
}

/** Every breakdown of the document: its lists, then its inline enumerations (the rules read them as `ctx.segmentBreakdowns()`). */
export function breakdownsOf(doc: DocumentModel): Breakdown[] {
  return [...listBreakdowns(doc), ...proseBreakdowns(doc)];
}
