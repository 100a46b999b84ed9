import type { RawBlock, RawCell, RawDocument, RawList } from './raw.js';

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

// A pipe-table row ("| Region | 2024 |"), its header separator ("|---|:--:|"), and a dot-leader line
// ("Europe ........ 34%"); every repetition is bounded, so no line makes them backtrack.
const PIPE_ROW = /^\|?(?:[^|\n]{0,400}\|){1,60}[^|\n]{0,400}$/;
const PIPE_SEPARATOR = /^\|?\s{0,4}:?-{3,}:?\s{0,4}(?:\|\s{0,4}:?-{3,}:?\s{0,4}){0,60}\|?$/;
const LEADER = /^(\S.{0,120}?)[ \t]{0,8}\.{4,}[ \t]{0,8}(\S.{0,120})$/;

/** Cells of a row line: [text, offset in the line] for each cell, trimmed. */
function cellsOf(text: string, pipe: boolean): Array<[string, number]> {
  if (!pipe) {
    const m = LEADER.exec(text)!;
    return [
      [m[1].trimEnd(), 0],
      [m[2].trimEnd(), text.lastIndexOf(m[2])],
    ];
  }
  const out: Array<[string, number]> = [];
  let start = text.startsWith('|') ? 1 : 0;
  const end = text.endsWith('|') ? text.length - 1 : text.length;
  while (start <= end) {
    let stop = text.indexOf('|', start);
    if (stop < 0 || stop > end) stop = end;
    const raw = text.slice(start, stop);
    const lead = raw.length - raw.trimStart().length;
    out.push([raw.trim(), start + lead]);
    start = stop + 1;
  }
  return out;
}

/** The lines of a table starting at line i (at least two rows), or 0. */
function tableRun(lines: Line[], i: number): { length: number; pipe: boolean } {
  const isPipe = (l: Line) => !l.bullet && l.text.length <= 24_000 && l.text.includes('|') && PIPE_ROW.test(l.text) && (l.text.match(/\|/g)?.length ?? 0) >= 2;
  const isLeader = (l: Line) => !l.bullet && l.text.length <= 260 && l.text.includes('....') && LEADER.test(l.text);
  for (const [test, pipe] of [
    [isPipe, true],
    [isLeader, false],
  ] as const) {
    let n = 0;
    while (i + n < lines.length && lines[i + n].text.length > 0 && test(lines[i + n])) n++;
    if (n < 2) continue;
    // A line of links joined by bars ("Request Sample | Buy Now") is not a table: a pipe table has a
    // header separator, or bars at both ends of every row.
    const run = lines.slice(i, i + n);
    if (pipe && !run.some((l) => PIPE_SEPARATOR.test(l.text)) && !run.every((l) => l.text.startsWith('|') && l.text.endsWith('|'))) continue;
    return { length: n, pipe };
  }
  return { length: 0, pipe: false };
}

/**
 * Plain text keeps its own structure: each line (or run of wrapped lines) is a block, bullet lines
 * are list items nested by indentation, short title-case lines are headings.
 */
export function parsePlainText(source: string): RawDocument {
  const lines = splitLines(source);
  const doc: RawDocument = { blocks: [], lists: [], tables: [], links: [], title: null };
  // Open lists, innermost last, with the indentation of their items.
  let open: Array<{ list: number; indent: number }> = [];
  let previousBlank = true;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length === 0) {
      previousBlank = true;
      continue;
    }
    const run = tableRun(lines, i);
    if (run.length > 0) {
      open = [];
      const table = doc.tables.length;
      const rows: RawCell[][] = [];
      for (let r = i; r < i + run.length; r++) {
        const l = lines[r];
        if (run.pipe && PIPE_SEPARATOR.test(l.text)) {
          // The rows above a separator are the table's header.
          for (const row of rows) for (const cell of row) cell.header = true;
          continue;
        }
        rows.push(
          cellsOf(l.text, run.pipe).map(([text, at]) => {
            const cell: RawCell = { blocks: [], header: false, colspan: 1, rowspan: 1 };
            if (text.length > 0) {
              const block = blockFrom(text, l.contentStart + at, 'tableCell');
              block.table = table;
              cell.blocks.push(doc.blocks.length);
              doc.blocks.push(block);
            }
            return cell;
          }),
        );
      }
      doc.tables.push({ rows, caption: null });
      i += run.length - 1;
      previousBlank = false;
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
