import type { BlockKind } from '../schema/document.js';

/** What a format parser produces; `assemble` turns it into the document model. */
export interface RawBlock {
  kind: BlockKind;
  level: number;
  origin?: 'markup' | 'emphasis' | 'layout';
  text: string;
  anchors: Array<[number, number]>;
  sourceStart: number;
  sourceEnd: number;
  /** Index into RawDocument.lists for list items. */
  list?: number;
  /** Index into RawDocument.tables for table cells. */
  table?: number;
}

export interface RawList {
  /** Block index of the list item this list is nested in. */
  parentBlock: number | null;
  items: number[];
  depth: number;
}

export interface RawCell {
  /** Blocks the cell's content became (usually one; none for an empty cell). */
  blocks: number[];
  header: boolean;
  colspan: number;
  rowspan: number;
}

export interface RawTable {
  rows: RawCell[][];
  /** Block of the table's caption, when it has one. */
  caption: number | null;
}

export interface RawLink {
  href: string;
  block: number | null;
  from: number;
  to: number;
  sourceStart: number;
  sourceEnd: number;
}

export interface RawDocument {
  blocks: RawBlock[];
  lists: RawList[];
  tables: RawTable[];
  links: RawLink[];
  /** <title> or equivalent, when the format has one. */
  title: string | null;
}
