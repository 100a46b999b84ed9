import { dimensionOf } from '../lexicon/dimension.js';
import type { DocumentModel, List } from '../schema/document.js';
import { BlockCache, memoByText } from '../cache/block-cache.js';
import { findPlaces, type Place } from '../lexicon/gazetteer.js';
import { splitHead, splitInlineNames } from './inline.js';
import { isFiller, isNameLike, MAX_NAME, nameSpan, placeOf, regionOfLabel, trimSpan, type TextSpan } from './names.js';

/** One entry of a country list, located in its block's text. */
export interface GeoItem {
  block: number;
  from: number;
  to: number;
  /** The name as written, without footnote marks or a trailing parenthetical note. */
  text: string;
  /** What the gazetteer makes of the whole name; null for unknown or merged names. */
  place: Place | null;
}

/**
 * How the group was written: a list under a region label ("Europe:" + bullets), a nested
 * list under a region item, or one item "Region: a, b and c".
 */
export type GroupKind = 'list' | 'nested' | 'inline';

export interface RegionGroup {
  index: number;
  kind: GroupKind;
  /** The region or group the items are listed under; null for a flat list of places ("By Region: …"). */
  region: Place | null;
  label: (TextSpan & { block: number }) | null;
  items: GeoItem[];
  /** The enumeration (one country breakdown) this group is part of. */
  enumeration: number;
}

/** Sibling groups that together make one breakdown of the market by geography. */
export interface Enumeration {
  index: number;
  groups: RegionGroup[];
}

export interface GeoLayout {
  groups: RegionGroup[];
  enumerations: Enumeration[];
}

type Draft = Omit<RegionGroup, 'index' | 'enumeration'> & { key: string };

/** Whether items read as a country list: half of them name places and half look like names. */
function looksLikePlaceList(items: ReadonlyArray<Pick<GeoItem, 'text' | 'place'>>): boolean {
  if (items.length === 0) return false;
  const named = items.filter((i) => readsAsName(i.text)).length;
  if (named * 2 < items.length) return false;
  // Items that are not names themselves are searched for a place only while it can still matter:
  // most lists in a report (segments, companies, prose bullets) fail after a few.
  const need = Math.ceil(items.length / 2);
  let placed = 0;
  let left = items.length;
  for (const i of items) {
    if (placed >= need) return true;
    if (placed + left < need) return false;
    left--;
    if (i.place !== null || (i.text.length <= 2 * MAX_NAME && namesPlace(i.text))) placed++;
  }
  return placed >= need;
}

/** A list of places under a geographic breakdown label, or so plainly a list of places that it needs none. */
function isFlatPlaceList(label: string | null, items: GeoItem[]): boolean {
  if (items.length < 2 || !looksLikePlaceList(items)) return false;
  const resolved = items.filter((i) => i.place !== null).length;
  if (dimensionOf(label) === 'region') return resolved * 2 >= items.length;
  return items.length >= 3 && resolved * 3 >= items.length * 2;
}

/** A name, or filler such as "Others". */
const readsAsName = (text: string) => isNameLike(text) || isFiller(text);
/** Whether running text names a place somewhere. */
const namesPlace = (text: string) => findPlaces(text).length > 0;
/**
 * A whole block read as one item. Remembered across a batch: what an item's text reads as does not
 * depend on the document, and country lists repeat from report to report.
 */
const readWholeItem = memoByText((text) => readItem(text));

function readItem(text: string, from = 0, to = text.length): Omit<GeoItem, 'block'> {
  const span = nameSpan(text, from, to);
  return { from: span.from, to: span.to, text: span.text, place: placeOf(span.text) };
}

function itemOf(doc: DocumentModel, block: number, from?: number, to?: number): GeoItem {
  const text = doc.blocks[block].text;
  const item = from === undefined && to === undefined ? readWholeItem(text) : readItem(text, from, to);
  return { block, ...item };
}

function labelOf(doc: DocumentModel, block: number): TextSpan & { block: number } {
  const text = doc.blocks[block].text;
  let end = text.length;
  while (end > 0 && /[\s:]/.test(text[end - 1])) end--;
  return { block, ...trimSpan(text, 0, end) };
}

/** "Region: a, b, and c" in one block, as a group of its names; null when the block is not one. */
function inlineGroup(doc: DocumentModel, block: number, strict: boolean): Omit<Draft, 'key'> | null {
  const shape = inlineShapes.get(doc.blocks[block].text, (text) => inlineShape(text, strict), strict ? 'strict' : '');
  if (!shape) return null;
  return { kind: 'inline', region: shape.region, label: { block, ...shape.head }, items: shape.items.map((i) => ({ block, ...i })) };
}

/** An inline group as its block's text alone gives it: offsets in the text, no block. */
interface InlineShape {
  region: Place;
  head: TextSpan;
  items: ReadonlyArray<Omit<GeoItem, 'block'>>;
}

// Across a batch (see BlockCache), by text and by whether the line stands outside a list. Read only.
const inlineShapes = new BlockCache<InlineShape | null>();

function inlineShape(text: string, strict: boolean): InlineShape | null {
  const parts = splitHead(text);
  if (!parts) return null;
  const region = regionOfLabel(parts.head.text);
  if (!region) return null;
  const items = splitInlineNames(text, parts.tail).map((s) => readItem(text, s.from, s.to));
  if (!looksLikePlaceList(items)) return null;
  // Outside lists, a "Region: …" line is a group only if every part is a name.
  if (strict && !items.every((i) => readsAsName(i.text))) return null;
  return { region, head: parts.head, items };
}

function lastBlockOf(doc: DocumentModel, list: List): number {
  let last = -1;
  for (const item of list.items) {
    last = Math.max(last, item.block);
    for (const nested of item.lists) last = Math.max(last, lastBlockOf(doc, doc.lists[nested]));
  }
  return last;
}

/** Blocks strictly between two lists are only the next list's label (or blank). */
function adjacent(doc: DocumentModel, previousLast: number, next: List): boolean {
  const first = next.items[0]?.block ?? previousLast;
  for (let b = previousLast + 1; b < first; b++) {
    if (b !== next.labelBlock && doc.blocks[b].text.trim() !== '') return false;
  }
  return true;
}

function draftsOf(doc: DocumentModel): Draft[] {
  const drafts: Draft[] = [];
  // The run of top-level region-labelled lists that currently forms one breakdown.
  let run: { key: string; last: number; regions: Set<string> } | null = null;

  for (const list of doc.lists) {
    const inlineBlocks = new Set<number>();
    for (const item of list.items) {
      const group = inlineGroup(doc, item.block, false);
      if (!group) continue;
      inlineBlocks.add(item.block);
      drafts.push({ ...group, key: `inline:${list.index}` });
    }
    const items = list.items.filter((i) => !inlineBlocks.has(i.block)).map((i) => itemOf(doc, i.block));
    const region = list.labelBlock !== null ? regionOfLabel(list.label) : null;
    if (region && looksLikePlaceList(items)) {
      const label = labelOf(doc, list.labelBlock!);
      if (list.parent) {
        drafts.push({ kind: 'nested', region, label, items, key: `nested:${list.parent.list}` });
        continue;
      }
      if (!run || !adjacent(doc, run.last, list) || run.regions.has(region.code)) {
        run = { key: `run:${list.index}`, last: -1, regions: new Set() };
      }
      run.last = lastBlockOf(doc, list);
      run.regions.add(region.code);
      drafts.push({ kind: 'list', region, label, items, key: run.key });
    } else if (!region && isFlatPlaceList(list.label, items)) {
      const label = list.labelBlock !== null ? labelOf(doc, list.labelBlock) : null;
      drafts.push({ kind: 'list', region: null, label, items, key: `flat:${list.index}` });
    }
  }

  // "Region: a, b" lines outside lists; adjacent lines form one breakdown. Plain-text layout makes
  // short title-case lines headings, so headings are read too.
  let para: { key: string; last: number; regions: Set<string> } | null = null;
  for (const block of doc.blocks) {
    if ((block.kind !== 'paragraph' && block.kind !== 'heading') || block.list !== undefined) continue;
    const group = inlineGroup(doc, block.index, true);
    if (!group) continue;
    const code = group.region!.code;
    if (!para || para.last !== block.index - 1 || para.regions.has(code)) para = { key: `para:${block.index}`, last: -1, regions: new Set() };
    para.last = block.index;
    para.regions.add(code);
    drafts.push({ ...group, key: para.key });
  }
  return drafts;
}

/**
 * The country lists a report enumerates, grouped by the region they are listed under, and the
 * breakdowns (enumerations) they form. The geography rules read it as `ctx.geography()`.
 */
export function regionGroups(doc: DocumentModel): GeoLayout {
  const drafts = draftsOf(doc).sort((a, b) => (a.items[0]?.block ?? 0) - (b.items[0]?.block ?? 0));
  const byKey = new Map<string, Enumeration>();
  const groups: RegionGroup[] = [];
  const enumerations: Enumeration[] = [];
  for (const { key, ...draft } of drafts) {
    let e = byKey.get(key);
    if (!e) {
      e = { index: enumerations.length, groups: [] };
      enumerations.push(e);
      byKey.set(key, e);
    }
    const group: RegionGroup = { ...draft, index: groups.length, enumeration: e.index };
    groups.push(group);
    e.groups.push(group);
  }
  return { groups, enumerations };
}
