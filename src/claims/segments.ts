import { findPlaces, type Place } from '../geo/gazetteer.js';
import type { DocumentModel } from '../schema/document.js';
import { labelDimension } from '../segments/label.js';

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

/** Item name as prose mentions it: no parenthetical, no "Insights (Revenue…)" tail, lower case. */
export function segmentName(item: string): string {
  return item
    .replace(/\([^()]{0,200}\)/g, ' ')
    .replace(/\b(?:insights?|segment|outlook)\b.*$/i, ' ')
    .replace(/[:–-]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface SegmentIndex {
  names: Array<{ name: string; dimension: string | null }>;
}

/** Segment names from the document's non-geographic lists, each with its breakdown. */
export function segmentIndex(doc: DocumentModel): SegmentIndex {
  const seen = new Set<string>();
  const names: SegmentIndex['names'] = [];
  for (const list of doc.lists) {
    const dimension = labelDimension(list.label);
    if (dimension === 'region') continue;
    for (const item of list.items.slice(0, 200)) {
      // An item that heads a nested list is a category ("Source Insights"), not a segment.
      if (item.lists.length > 0) continue;
      const text = doc.blocks[item.block].text;
      if (text.length > 80) continue;
      const name = segmentName(text);
      if (name.length < 3 || GENERIC_ITEM.test(name) || seen.has(name)) continue;
      seen.add(name);
      names.push({ name, dimension });
      if (names.length >= 2000) return { names };
    }
  }
  // Longest first so "lung cancer" wins over "cancer".
  names.sort((a, b) => b.name.length - a.name.length);
  return { names };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Places and known segments mentioned in a sentence, in order, not overlapping. */
export function mentionsIn(sentence: string, index: SegmentIndex): Mention[] {
  const out: Mention[] = [];
  for (const p of findPlaces(sentence)) {
    out.push({ text: p.text, key: `place:${p.place.code}`, dimension: 'region', place: p.place, from: p.from, to: p.to });
  }
  const lower = sentence.toLowerCase();
  for (const { name, dimension } of index.names) {
    let at = lower.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const boundary = (at === 0 || !/\w/.test(lower[at - 1])) && (end === lower.length || !/\w/.test(lower[end]) || /^(?:s|es)\b/.test(lower.slice(end, end + 3)));
      if (boundary && !out.some((m) => at < m.to && end > m.from)) {
        out.push({ text: sentence.slice(at, end), key: `segment:${name}`, dimension, place: null, from: at, to: end });
      }
      at = lower.indexOf(name, end);
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

const APPOSITIVE = /\b(?:particularly|including|especially|notably|such as|led by|mainly|primarily|like|excluding|except|besides|apart from|along with|together with)\s+(?:in\s+)?(?:the\s+)?$/i;

/** Whether a mention is an aside ("Asia-Pacific, particularly China, …") rather than a subject. */
export function isAside(sentence: string, m: Mention): boolean {
  return APPOSITIVE.test(sentence.slice(Math.max(0, m.from - 30), m.from));
}

export { escape as escapeRegExp };
