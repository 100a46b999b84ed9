import type { DocumentModel } from '../schema/document.js';
import type { SegmentItem } from './breakdowns.js';

/**
 * Labels of lists of growth drivers: "Market Drivers", "Growth of the market is driven mainly by:",
 * "Key growth factors". Bounded alternatives, no nested repetition.
 */
const DRIVERS_LABEL = /\b(?:drivers?|driven|driving|growth factors?|fuel(?:l?ed|l?ing)|propell(?:ed|ing)|boost(?:ed|ing))\b/i;
/** A driver longer than this is a paragraph; only its start is read. */
const MAX_DRIVER = 300;
const MAX_LABEL = 200;
const MAX_ITEMS = 50;

export interface DriverList {
  labelBlock: number;
  items: SegmentItem[];
}

/** The document's bulleted lists of growth drivers, each item read as a whole (up to MAX_DRIVER characters). */
export function driverLists(doc: DocumentModel): DriverList[] {
  const lists: DriverList[] = [];
  for (const list of doc.lists) {
    if (list.label === null || list.labelBlock === null || list.label.length > MAX_LABEL || !DRIVERS_LABEL.test(list.label)) continue;
    const items = list.items.slice(0, MAX_ITEMS).map((i) => {
      const text = doc.blocks[i.block].text;
      const to = Math.min(text.length, MAX_DRIVER);
      return { block: i.block, from: 0, to, text: text.slice(0, to) };
    });
    lists.push({ labelBlock: list.labelBlock, items });
  }
  return lists;
}
