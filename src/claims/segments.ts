import { findPlaces, type Place } from '../lexicon/gazetteer.js';
import type { DocumentModel } from '../schema/document.js';
import { labelDimension } from '../lexicon/label.js';
import { memoByText } from '../cache/block-cache.js';

/** A segment or place named in a sentence. */
export interface Mention {
  text: string;
  key: string;
  dimension: string | null;
  place: Place | null;
  from: number;
  to: number;
}

const GENERIC_ITEM = /^(?:others?|other types?|others? \(.*\)|miscellaneous|n\/?a|none|all|total)$/i;

/**
 * Item name as prose mentions it: no parenthetical, no "Insights (Revenue…)" tail, lower case.
 * Remembered across a batch: list items repeat from report to report.
 */
export const segmentName: (item: string) => string = memoByText(nameOf);

function nameOf(item: string): string {
  return item
    .replace(/\([^()]{0,200}\)/g, ' ')
    .replace(/\b(?:insights?|segment|outlook)\b.*$/i, ' ')
    .replace(/[:–-]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface SegmentIndex {
  /** Longest first, so "lung cancer" wins over "cancer". */
  names: Array<{ name: string; dimension: string | null }>;
  /** Indexes into `names` by their first word, so a sentence is looked up word by word. */
  byFirstWord: Map<string, number[]>;
  /** Names that do not start with a word character, searched the slow way. */
  others: number[];
}

export function indexed(names: SegmentIndex['names']): SegmentIndex {
  const byFirstWord = new Map<string, number[]>();
  const others: number[] = [];
  names.forEach(({ name }, i) => {
    const first = /^\w+/.exec(name);
    if (!first) others.push(i);
    else (byFirstWord.get(first[0]) ?? byFirstWord.set(first[0], []).get(first[0])!).push(i);
  });
  return { names, byFirstWord, others };
}

/** Segment names from the document's non-geographic lists, each with its breakdown. */
export function segmentIndex(doc: DocumentModel, skipList: (label: string | null) => boolean = () => false): SegmentIndex {
  const seen = new Set<string>();
  const names: SegmentIndex['names'] = [];
  for (const list of doc.lists) {
    const dimension = labelDimension(list.label);
    if (dimension === 'region' || skipList(list.label)) continue;
    for (const item of list.items.slice(0, 200)) {
      // An item that heads a nested list is a category ("Source Insights"), not a segment.
      if (item.lists.length > 0) continue;
      const text = doc.blocks[item.block].text;
      // A sentence in a list ("The market was worth USD 4 billion in 2024.") is not a segment's name.
      if (text.length > 80 || /[.!?]$/.test(text.trim()) || /\d\s?%|[$€£₹]\s?\d/.test(text) || text.split(/\s+/).length > 8) continue;
      const name = segmentName(text);
      if (name.length < 3 || GENERIC_ITEM.test(name) || seen.has(name)) continue;
      seen.add(name);
      names.push({ name, dimension });
      if (names.length >= 2000) break;
    }
  }
  names.sort((a, b) => b.name.length - a.name.length);
  return indexed(names);
}

/** Places and known segments mentioned in a sentence, in order, not overlapping. */
export function mentionsIn(sentence: string, index: SegmentIndex): Mention[] {
  const out: Mention[] = [];
  for (const p of findPlaces(sentence)) {
    out.push({ text: p.text, key: `place:${p.place.code}`, dimension: 'region', place: p.place, from: p.from, to: p.to });
  }
  const lower = sentence.toLowerCase();
  const boundaryAfter = (end: number) => end === lower.length || !/\w/.test(lower[end]) || /^(?:s|es)\b/.test(lower.slice(end, end + 3));
  // Every occurrence of every name, found from the words of the sentence; then taken longest name
  // first, left to right, skipping any that overlaps one already taken.
  const hits: Array<[number, number]> = []; // [name index, offset]
  for (const w of lower.matchAll(/\w+/g)) {
    for (const i of index.byFirstWord.get(w[0]) ?? []) if (lower.startsWith(index.names[i].name, w.index!)) hits.push([i, w.index!]);
  }
  for (const i of index.others) {
    const name = index.names[i].name;
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
      if (at === 0 || !/\w/.test(lower[at - 1])) hits.push([i, at]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let lastEnd = -1;
  let lastName = -1;
  for (const [i, at] of hits) {
    const { name, dimension } = index.names[i];
    const end = at + name.length;
    // The same name does not match again inside its own accepted occurrence.
    if (i === lastName && at < lastEnd) continue;
    if (!boundaryAfter(end) || out.some((m) => at < m.to && end > m.from)) continue;
    out.push({ text: sentence.slice(at, end), key: `segment:${name}`, dimension, place: null, from: at, to: end });
    lastName = i;
    lastEnd = end;
  }
  return out.sort((a, b) => a.from - b.from);
}

const APPOSITIVE =
  /\b(?:particularly|including|especially|notably|such as|led by|mainly|primarily|like|excluding|except|besides|apart from|along with|together with)\s+(?:in\s+)?(?:the\s+)?$/i;

/** Whether a mention is an aside ("Asia-Pacific, particularly China, …") rather than a subject. */
export function isAside(sentence: string, m: Mention): boolean {
  return APPOSITIVE.test(sentence.slice(Math.max(0, m.from - 30), m.from)) || AFTER_ASIDE.test(sentence.slice(m.to, m.to + 30));
}

/** "Asia Pacific, and China in particular, controls …": the marker after the name. */
const AFTER_ASIDE = /^\s+(?:in particular|especially|above all|notably|in the lead)\b/i;
