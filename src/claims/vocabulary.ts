// What a document itself declares: the names of its segments (list items, "Type: A; B; C" lines,
// the row headers of its tables) and of the companies it lists as players. The subject of a figure
// is read against this vocabulary, never guessed.
import { lookupPlace } from '../lexicon/gazetteer.js';
import { dimensionOf, qualifiedDimension } from '../lexicon/dimension.js';
import { labelDimension } from '../lexicon/label.js';
import type { DocumentModel } from '../schema/document.js';
import { indexed, segmentIndex, segmentName, type SegmentIndex } from './segments.js';

/** A list whose label says it names companies. */
const PLAYERS = /\b(?:compan(?:y|ies)|players?|vendors?|manufacturers?|competitors?|participants?|profiled|suppliers?|leaders)\b/i;
/** "Power-train Type: Electric; Internal Combustion Engine; Hydrogen Fuel-Cell". */
const LABELLED_ENUMERATION = /^([A-Za-z][\w &/-]{1,50}?)\s*:\s*(.{3,1500})$/;
/** Legal forms and the like, which a name may carry or drop ("Acme Corp." and "Acme"). */
const LEGAL =
  /\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|se|sa|nv|bv|gmbh|kg|spa|s\.?p\.?a|ab|asa|oyj|kk|pte|pty|holdings?|group|international|technologies|technology)\b\.?/gi;
const MAX_ITEMS = 2000;
/** Row labels of a key-value table ("Market Size in 2024", "CAGR", "Base Year") name attributes, not segments. */
const ATTRIBUTE_LABEL =
  /\b(?:market|size|cagr|growth|rate|years?|period|forecast|base|share|value|revenue|volume|units?|report|coverage|segments?|regions?|compan(?:y|ies)|players|study|historical|estimated|projected|fastest|largest|concentration|total)\b/i;

export interface Vocabulary {
  /** Segment names (lower case), longest first, each with the breakdown it belongs to. */
  segments: SegmentIndex;
  /** Company names as `companyKey` reads them. */
  companies: ReadonlySet<string>;
}

/** A company's name without its legal form, punctuation or case: "ACME Holdings Co., Ltd." → "acme". */
export function companyKey(name: string): string {
  return name
    .replace(/\([^()]{0,80}\)/g, ' ')
    .replace(LEGAL, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9&+ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isPlayerList(label: string | null): boolean {
  return label !== null && PLAYERS.test(label);
}

/** Items of "Label: A; B; C" lines whose label names a breakdown. */
function labelledEnumerations(doc: DocumentModel): Array<{ name: string; dimension: string }> {
  const out: Array<{ name: string; dimension: string }> = [];
  for (const b of doc.blocks) {
    if (b.kind === 'tableCell' || b.text.length > 1600) continue;
    const m = LABELLED_ENUMERATION.exec(b.text);
    if (!m) continue;
    const dimension = qualifiedDimension(m[1]) ?? labelDimension(m[1]);
    if (!dimension || dimension === 'region') continue;
    const items = m[2].split(/\s*[;,]\s*/);
    if (items.length < 2 || items.some((i) => i.split(/\s+/).length > 8)) continue;
    for (const item of items) out.push({ name: segmentName(item), dimension });
  }
  return out;
}

/** Row headers of tables that hold figures: the segments or places their rows give figures for. */
function tableRowHeaders(doc: DocumentModel): Array<{ name: string; dimension: string | null }> {
  const out: Array<{ name: string; dimension: string | null }> = [];
  for (const t of doc.tables) {
    if (t.cols < 2 || t.cells.length > 4000) continue;
    const header = t.cells.find((c) => c.row === 0 && c.col === 0);
    const dimension = header ? dimensionOf(header.text) : null;
    for (const c of t.cells) {
      if (c.col !== 0 || c.row === 0 || c.text.length > 60 || !/[A-Za-z]/.test(c.text) || ATTRIBUTE_LABEL.test(c.text)) continue;
      const numeric = t.cells.some((o) => o.row === c.row && o.col > 0 && /\d/.test(o.text));
      if (numeric && !lookupPlace(c.text)) out.push({ name: segmentName(c.text), dimension });
    }
  }
  return out;
}

export function vocabularyOf(doc: DocumentModel): Vocabulary {
  const fromLists = segmentIndex(doc, isPlayerList);
  const seen = new Set(fromLists.names.map((n) => n.name));
  const names = [...fromLists.names];
  for (const extra of [...labelledEnumerations(doc), ...tableRowHeaders(doc)]) {
    if (names.length >= MAX_ITEMS) break;
    if (extra.name.length < 3 || seen.has(extra.name)) continue;
    seen.add(extra.name);
    names.push(extra);
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const companies = new Set<string>();
  for (const list of doc.lists) {
    if (!isPlayerList(list.label)) continue;
    for (const item of list.items.slice(0, 500)) {
      const text = doc.blocks[item.block].text.split(/\s[-–—:]\s|:\s/)[0];
      const key = companyKey(text);
      if (key.length >= 2 && text.length <= 100) companies.add(key);
    }
  }
  return { segments: names.length === fromLists.names.length ? fromLists : indexed(names), companies };
}
