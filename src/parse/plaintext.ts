import type { RawBlock, RawDocument, RawList } from './raw.js';

const BULLET = /^([ \t]*)(?:[•·▪◦‣●○■□►▸➢✓-]|\*|\d{1,3}[.)])[ \t]+(?=\S)/;
const SENTENCE_END = /[.!?;,]["'”’)]?$/;

interface Line {
  text: string;
  start: number;
  indent: number;
  bullet: boolean;
  /** Offset of the text after indentation and bullet. */
  contentStart: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const raw = source.slice(start, end > start && source.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    // Indentation by code unit (a tab counts four); the bullet pattern only where a bullet can start.
    let indentLength = 0;
    let indent = 0;
    for (let c = raw.charCodeAt(0); c === 0x20 || c === 0x09; c = raw.charCodeAt(++indentLength)) indent += c === 0x09 ? 4 : 1;
    const first = raw.charCodeAt(indentLength);
    const b = first > 0x7f || first === 0x2a || first === 0x2d || (first >= 0x30 && first <= 0x39) ? BULLET.exec(raw) : null;
    const contentOffset = b ? b[0].length : indentLength;
    lines.push({ text: raw.slice(contentOffset).trimEnd(), start, indent, bullet: b !== null, contentStart: start + contentOffset });
    if (end === source.length) break;
    start = end + 1;
  }
  return lines;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Short, unpunctuated, mostly capitalised: how plain-text pages set their headings. */
function looksLikeHeading(line: Line, next: Line | undefined): boolean {
  const t = line.text;
  if (t.length === 0 || t.length > 120 || line.bullet) return false;
  const ws = words(t);
  if (ws.length > 16) return false;
  if (SENTENCE_END.test(t) && !t.endsWith('?')) return false;
  const followedByBlank = next === undefined || next.text.length === 0;
  const significant = ws.filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  const capitalised = significant.filter((w) => /^[A-Z]/.test(w)).length;
  const titleCase = significant.length > 0 && capitalised / significant.length >= 0.6;
  if (t.endsWith(':') && next?.bullet) return true;
  return titleCase || (followedByBlank && ws.length <= 8);
}

function blockFrom(text: string, start: number, kind: RawBlock['kind'], level = 0, origin?: RawBlock['origin']): RawBlock {
  return { kind, level, origin, text, anchors: [[0, start]], sourceStart: start, sourceEnd: start + text.length };
}

/**
 * Plain text keeps its own structure: each line (or run of wrapped lines) is a block, bullet lines
 * are list items nested by indentation, short title-case lines are headings.
 */
export function parsePlainText(source: string): RawDocument {
  const lines = splitLines(source);
  const doc: RawDocument = { blocks: [], lists: [], links: [], title: null };
  // Open lists, innermost last, with the indentation of their items.
  let open: Array<{ list: number; indent: number }> = [];
  let previousBlank = true;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length === 0) {
      previousBlank = true;
      continue;
    }
    if (line.bullet) {
      while (open.length > 0 && open[open.length - 1].indent > line.indent) open.pop();
      let top = open[open.length - 1];
      if (!top || top.indent < line.indent) {
        const parentBlock = top ? (doc.lists[top.list].items[doc.lists[top.list].items.length - 1] ?? null) : null;
        const list: RawList = { parentBlock, items: [], depth: open.length };
        doc.lists.push(list);
        top = { list: doc.lists.length - 1, indent: line.indent };
        open.push(top);
      }
      const block = blockFrom(line.text, line.contentStart, 'listItem');
      block.list = top.list;
      doc.lists[top.list].items.push(doc.blocks.length);
      doc.blocks.push(block);
      previousBlank = false;
      continue;
    }
    // An indented non-bullet line right after an item continues that item (wrapped bullet text).
    const last = doc.blocks[doc.blocks.length - 1];
    if (!previousBlank && last && open.length > 0 && line.indent > 0 && last.kind === 'listItem') {
      last.text += ' ' + line.text;
      last.anchors.push([last.text.length - line.text.length, line.contentStart]);
      last.sourceEnd = line.contentStart + line.text.length;
      continue;
    }
    open = [];
    const next = lines[i + 1];
    if (looksLikeHeading(line, next)) {
      doc.blocks.push(blockFrom(line.text, line.contentStart, 'heading', doc.blocks.length === 0 && line.text === line.text.toUpperCase() ? 1 : 2, 'layout'));
      previousBlank = false;
      continue;
    }
    // Hard-wrapped prose: a line that does not end a sentence, followed by one starting in lower case.
    if (!previousBlank && last && last.kind === 'paragraph' && !/[.!?:]["'”’)]?$/.test(last.text) && /^[a-z(]/.test(line.text)) {
      last.text += ' ' + line.text;
      last.anchors.push([last.text.length - line.text.length, line.contentStart]);
      last.sourceEnd = line.contentStart + line.text.length;
      continue;
    }
    doc.blocks.push(blockFrom(line.text, line.contentStart, 'paragraph'));
    previousBlank = false;
  }
  return doc;
}
