import type { Element, Root, RootContent, Text } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { RawCell, RawDocument, RawList } from './raw.js';
import { flattenDeepNesting } from './nesting.js';
import { TextBuilder } from './text-builder.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'textarea', 'button']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'address',
  'center',
  'dd',
  'dt',
  'dl',
  'pre',
  'body',
  'html',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'caption',
  'details',
  'summary',
  'hr',
]);
const STRONG = new Set(['strong', 'b']);
const HEADING = /^h([1-6])$/;

type Ctx = { kind: 'heading' | 'paragraph' | 'listItem' | 'tableCell'; level: number; builder: TextBuilder; itemDone: boolean };
type PendingLink = { href: string; builder: TextBuilder; from: number; to: number; sourceStart: number; sourceEnd: number; placed?: boolean };
type Frame = { node: Element | Root; next: number; exit?: () => void };

const parser = unified().use(rehypeParse, { fragment: false });

/** A colspan or rowspan as HTML reads it: a whole number from 1 to 1,000, else 1. */
function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 1000) : 1;
}

function offsetOf(node: RootContent | Root, which: 'start' | 'end'): number | undefined {
  return node.position?.[which]?.offset;
}

/** HTML → blocks, lists and links with source offsets. The walk is iterative: nesting depth cannot exhaust the stack. */
export function parseHtml(source: string): RawDocument {
  const tree = parser.parse(flattenDeepNesting(source)) as Root;
  const doc: RawDocument = { blocks: [], lists: [], tables: [], links: [], title: null };
  const listStack: number[] = [];
  // Open tables, innermost last; a cell's blocks are recorded in the row being read.
  const tableStack: number[] = [];
  let openCell: RawCell | null = null;
  let captionOf: number | null = null;
  const ctxStack: Ctx[] = [{ kind: 'paragraph', level: 0, builder: new TextBuilder(), itemDone: false }];
  const pending: PendingLink[] = [];
  const linksByBuilder = new Map<TextBuilder, PendingLink[]>();
  let strongDepth = 0;
  let lastItemBlock: number | null = null;

  const flush = (ctx: Ctx) => {
    const b = ctx.builder;
    ctx.builder = new TextBuilder();
    if (b.isEmpty()) return;
    const index = doc.blocks.length;
    let kind = ctx.kind;
    let level = ctx.level;
    let origin: 'markup' | 'emphasis' | undefined = kind === 'heading' ? 'markup' : undefined;
    if (kind === 'listItem' && ctx.itemDone) kind = 'paragraph';
    // A paragraph that is nothing but bold text is how these pages write their headings and labels.
    if (kind === 'paragraph' && b.isStrongOnly() && b.text.length <= 300) {
      kind = 'heading';
      level = 4;
      origin = 'emphasis';
    }
    const block = {
      kind,
      level,
      origin,
      text: b.text,
      anchors: b.anchors,
      sourceStart: b.sourceStart,
      sourceEnd: b.sourceEnd,
    } as RawDocument['blocks'][number];
    if (kind === 'tableCell' && openCell && tableStack.length > 0) {
      block.table = tableStack[tableStack.length - 1];
      openCell.blocks.push(index);
    } else if (kind === 'tableCell') kind = block.kind = 'paragraph';
    if (captionOf !== null && doc.tables[captionOf].caption === null) doc.tables[captionOf].caption = index;
    if (kind === 'listItem' && listStack.length > 0) {
      const list = listStack[listStack.length - 1];
      block.list = list;
      doc.lists[list].items.push(index);
      ctx.itemDone = true;
      lastItemBlock = index;
    }
    doc.blocks.push(block);
    for (const link of linksByBuilder.get(b) ?? []) {
      doc.links.push({ href: link.href, block: index, from: link.from, to: link.to, sourceStart: link.sourceStart, sourceEnd: link.sourceEnd });
      link.placed = true;
    }
    linksByBuilder.delete(b);
  };
  const current = () => ctxStack[ctxStack.length - 1];

  const enterElement = (el: Element, frames: Frame[]) => {
    const name = el.tagName;
    if (name === 'title' && doc.title === null) {
      doc.title =
        el.children
          .map((c) => (c.type === 'text' ? c.value : ''))
          .join('')
          .trim() || null;
      return;
    }
    if (SKIP.has(name)) return;
    const heading = HEADING.exec(name);
    if (name === 'br') {
      current().builder.space(offsetOf(el, 'start') ?? 0);
      return;
    }
    if (name === 'ul' || name === 'ol') {
      const parentCtx = current();
      const inItem = parentCtx.kind === 'listItem';
      flush(parentCtx);
      const list: RawList = { parentBlock: inItem ? lastItemBlock : null, items: [], depth: listStack.length };
      doc.lists.push(list);
      listStack.push(doc.lists.length - 1);
      frames.push({ node: el, next: 0, exit: () => listStack.pop() });
      return;
    }
    if (name === 'table') {
      flush(current());
      doc.tables.push({ rows: [], caption: null });
      tableStack.push(doc.tables.length - 1);
      const outerCell = openCell;
      openCell = null;
      frames.push({
        node: el,
        next: 0,
        exit: () => {
          flush(current());
          tableStack.pop();
          openCell = outerCell;
        },
      });
      return;
    }
    if (name === 'tr' && tableStack.length > 0) doc.tables[tableStack[tableStack.length - 1]].rows.push([]);
    if (name === 'caption' && tableStack.length > 0) {
      flush(current());
      captionOf = tableStack[tableStack.length - 1];
      ctxStack.push({ kind: 'paragraph', level: 0, builder: new TextBuilder(), itemDone: false });
      frames.push({
        node: el,
        next: 0,
        exit: () => {
          const ctx = ctxStack.pop();
          if (ctx) flush(ctx);
          captionOf = null;
        },
      });
      return;
    }
    const isItem = name === 'li';
    const isCell = name === 'td' || name === 'th';
    if (isCell && tableStack.length > 0) {
      const table = doc.tables[tableStack[tableStack.length - 1]];
      if (table.rows.length === 0) table.rows.push([]);
      openCell = { blocks: [], header: name === 'th', colspan: span(el.properties?.colSpan), rowspan: span(el.properties?.rowSpan) };
      table.rows[table.rows.length - 1].push(openCell);
    }
    if (heading || isItem || isCell || BLOCK.has(name)) {
      const parent = current();
      flush(parent);
      // A paragraph inside a cell is more of the cell's text.
      const inCell = parent.kind === 'tableCell' && openCell !== null;
      const kind = heading ? 'heading' : isItem ? 'listItem' : isCell || inCell ? 'tableCell' : 'paragraph';
      ctxStack.push({ kind, level: heading ? Number(heading[1]) : 0, builder: new TextBuilder(), itemDone: false });
      frames.push({
        node: el,
        next: 0,
        exit: () => {
          const ctx = ctxStack.pop();
          if (ctx) flush(ctx);
          if (isCell) openCell = null;
        },
      });
      return;
    }
    if (STRONG.has(name)) {
      strongDepth++;
      frames.push({ node: el, next: 0, exit: () => strongDepth-- });
      return;
    }
    if (name === 'a' && typeof el.properties?.href === 'string') {
      const builder = current().builder;
      const link: PendingLink = {
        href: el.properties.href,
        builder,
        placed: false,
        from: builder.length,
        to: builder.length,
        sourceStart: offsetOf(el, 'start') ?? 0,
        sourceEnd: offsetOf(el, 'end') ?? 0,
      };
      pending.push(link);
      const forBuilder = linksByBuilder.get(builder);
      if (forBuilder) forBuilder.push(link);
      else linksByBuilder.set(builder, [link]);
      frames.push({
        node: el,
        next: 0,
        exit: () => {
          link.to = link.builder.length;
          if (link.from < link.to && link.builder.text[link.from] === ' ') link.from++;
        },
      });
      return;
    }
    frames.push({ node: el, next: 0 });
  };

  const frames: Frame[] = [{ node: tree, next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const children = frame.node.children as RootContent[];
    if (frame.next >= children.length) {
      frames.pop();
      frame.exit?.();
      continue;
    }
    const child = children[frame.next++];
    if (child.type === 'text') {
      const t = child as Text;
      const start = offsetOf(t, 'start');
      const end = offsetOf(t, 'end');
      if (start === undefined || end === undefined) current().builder.appendSynthetic(t.value, start ?? 0);
      else current().builder.append(t.value, start, source.slice(start, end), strongDepth > 0);
    } else if (child.type === 'element') {
      enterElement(child, frames);
    }
  }
  flush(ctxStack[0]);
  // Links whose text never became a block (empty anchors) still count, for promo and tracking checks.
  for (const link of pending) {
    if (!link.placed) {
      doc.links.push({ href: link.href, block: null, from: 0, to: 0, sourceStart: link.sourceStart, sourceEnd: link.sourceEnd });
    }
  }
  doc.links.sort((a, b) => a.sourceStart - b.sourceStart);
  return doc;
}
