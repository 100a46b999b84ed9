import type { Block, DocumentModel, Format, Link, List, Section, Table, TableCell } from '../schema/document.js';
import { canonicalText } from '../cache/block-cache.js';
import { extractMetadata } from './metadata.js';
import type { RawDocument, RawTable } from './raw.js';
import { Spans } from './spans.js';

const LABEL_MAX = 300;

function stripLabel(text: string): string {
  return text.replace(/\s*:\s*$/, '').trim();
}

export function assemble(format: Format, source: string, raw: RawDocument): { doc: DocumentModel; spans: Spans } {
  const sections: Section[] = [];
  const blocks: Block[] = [];
  let section: Section = { index: 0, heading: null, title: '', level: 0, blocks: [] };
  sections.push(section);
  raw.blocks.forEach((rb, index) => {
    if (rb.kind === 'heading') {
      if (section.blocks.length > 0 || section.heading !== null) {
        section = { index: sections.length, heading: index, title: rb.text, level: rb.level, blocks: [] };
        sections.push(section);
      } else {
        section.heading = index;
        section.title = rb.text;
        section.level = rb.level;
      }
    }
    section.blocks.push(index);
    const block: Block = {
      index,
      kind: rb.kind,
      level: rb.level,
      // The thread's one copy of a repeated block (see canonicalText): every cache finds it by identity.
      text: canonicalText(rb.text),
      anchors: rb.anchors,
      sourceStart: rb.sourceStart,
      sourceEnd: rb.sourceEnd,
      section: section.index,
    };
    if (rb.origin) block.origin = rb.origin;
    if (rb.list !== undefined) block.list = rb.list;
    if (rb.table !== undefined) block.table = rb.table;
    blocks.push(block);
  });

  const itemOwner = new Map<number, { list: number; item: number }>();
  raw.lists.forEach((l, li) => l.items.forEach((b, ii) => itemOwner.set(b, { list: li, item: ii })));
  const lists: List[] = raw.lists.map((l, index) => {
    const first = l.items[0];
    const sectionIndex = first !== undefined ? blocks[first].section : 0;
    let label: string | null = null;
    let labelBlock: number | null = null;
    if (l.parentBlock !== null) {
      labelBlock = l.parentBlock;
      label = stripLabel(blocks[l.parentBlock].text);
    } else if (first !== undefined && first > 0) {
      const prev = blocks[first - 1];
      // A heading, a "…:" line, or a short line that is not a sentence right before the first item ("Regional split (2022 revenue share)").
      const captionLike = prev.kind === 'paragraph' && prev.text.length <= 100 && !/[.!?]["'”’)]?$/.test(prev.text.trim());
      if (prev.kind !== 'listItem' && (prev.kind === 'heading' || prev.text.trimEnd().endsWith(':') || captionLike) && prev.text.length <= LABEL_MAX) {
        labelBlock = prev.index;
      } else if (sections[sectionIndex].heading !== null) {
        labelBlock = sections[sectionIndex].heading;
      }
      if (labelBlock !== null) label = stripLabel(blocks[labelBlock].text);
    }
    return {
      index,
      label,
      labelBlock,
      items: l.items.map((b) => ({ block: b, lists: [] as number[] })),
      parent: l.parentBlock !== null ? (itemOwner.get(l.parentBlock) ?? null) : null,
      depth: l.depth,
      section: sectionIndex,
    };
  });
  lists.forEach((l) => {
    if (l.parent) lists[l.parent.list].items[l.parent.item].lists.push(l.index);
  });

  const tables = raw.tables.map((t, index) => tableOf(t, index, blocks, sections));

  const spans = new Spans(source, blocks, format);
  const links: Link[] = raw.links.map((rl) => {
    const evidence = rl.block !== null && rl.to > rl.from ? spans.of(rl.block, rl.from, rl.to, 'link') : spans.source_(rl.sourceStart, rl.sourceEnd, 'link');
    return { href: rl.href, text: evidence.quote, block: rl.block, evidence };
  });
  const metadata = extractMetadata(blocks, sections, raw.title, spans, tables);
  return { doc: { format, blocks, sections, lists, tables, links, metadata }, spans };
}

/** Rows and columns spanned by one table: a hostile page may ask for more; the rest is not read as a grid. */
const MAX_GRID = 200_000;

/** Place a raw table's cells on its grid, honouring row and column spans, and find its caption. */
function tableOf(t: RawTable, index: number, blocks: Block[], sections: Section[]): Table {
  const taken = new Set<number>();
  const cells: TableCell[] = [];
  let cols = 0;
  let rows = 0;
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(r * 4096 + c)) c++;
      const rowspan = Math.min(cell.rowspan, t.rows.length - r);
      const colspan = Math.min(cell.colspan, 4096 - c);
      if ((rows + rowspan) * (cols + colspan) <= MAX_GRID)
        for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken.add((r + dr) * 4096 + c + dc);
      cells.push({
        row: r,
        col: c,
        rowspan,
        colspan,
        header: cell.header,
        blocks: cell.blocks,
        text: cell.blocks.map((b) => blocks[b].text).join(' '),
      });
      c += colspan;
      cols = Math.max(cols, c);
    }
    rows = r + 1;
  });
  const first = cells.find((c) => c.blocks.length)?.blocks[0];
  let caption = t.caption;
  if (caption === null && first !== undefined && first > 0) {
    // The heading or "…:" line just before the table names it, as a list's label does.
    let prev = first - 1;
    while (prev >= 0 && blocks[prev].table === index) prev--;
    const b = blocks[prev];
    if (b && b.kind !== 'tableCell' && (b.kind === 'heading' || b.text.trimEnd().endsWith(':')) && b.text.length <= LABEL_MAX) caption = b.index;
  }
  const section = first !== undefined ? blocks[first].section : (sections.at(-1)?.index ?? 0);
  return { index, section, caption, rows, cols, cells };
}
