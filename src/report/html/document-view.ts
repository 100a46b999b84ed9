import type { Spans } from '../../parse/spans.js';
import type { Block, DocumentModel } from '../../schema/document.js';
import type { Severity } from '../../schema/finding.js';
import type { EvidenceRef, FindingLabel } from './evidence-index.js';
import { graver, truncate } from './format.js';
import { segmentText } from './segments.js';

export interface SegmentView {
  text: string;
  marked: boolean;
  id: string | null;
  href: string | null;
  classes: string;
  /** Space-separated finding ids, for the script and for the `[data-f~=…]` selector. */
  findings: string;
  title: string | null;
}

export interface PinView {
  /** The first of the block's findings. */
  href: string;
  /** How many findings the block holds. */
  label: string;
  classes: string;
  /** Space-separated ids of the block's findings (the filters hide the pin when all are hidden). */
  findings: string;
  title: string;
}

export interface BlockView {
  id: string;
  /** The source line the block starts on, shown in the margin (from the data-line attribute, by the style). */
  line: number;
  classes: string;
  segments: SegmentView[];
  /** The margin marker of a block with findings; blocks without any are written bare, the bulk of a long page. */
  pin: PinView | null;
}

export interface ListItemView {
  block: BlockView;
  lists: ListView[];
}

export interface ListView {
  items: ListItemView[];
}

/** One top-level piece of the document; exactly one of heading/paragraph/list/cells is set (a long list comes in several pieces). */
export interface DocNodeView {
  heading: BlockView | null;
  h3: boolean;
  h4: boolean;
  h5: boolean;
  h6: boolean;
  paragraph: BlockView | null;
  list: ListView | null;
  cells: BlockView[] | null;
}

/** A stretch of a long document, shown folded until opened (a native <details>, no script needed). */
export interface SectionView {
  id: string;
  /** Its first heading, or its first words. */
  title: string;
  /** "lines 1–480", and how many of its blocks carry findings. */
  summary: string;
  open: boolean;
  nodes: DocNodeView[];
}

export interface DocumentView {
  /** The whole document, when it is short enough to show at once; else empty and `sections` set. */
  nodes: DocNodeView[];
  sections: SectionView[] | null;
  /** Mark ids of every evidence ref, in text order. */
  marksByRef: Map<number, string[]>;
}

/**
 * A document up to this many blocks (or characters of text) is shown whole; a longer one in
 * sections of about that size that open on demand, so the page stays usable however long it is.
 */
export const SECTION_BLOCKS = 400;
export const SECTION_CHARS = 60_000;
/** Top-level items of one list per piece: a list of 30,000 countries is cut into pieces a section can hold. */
const LIST_PIECE = 200;

const MAX_PIN_TITLES = 8;
const MAX_LIST_DEPTH = 16;
const TITLE_MESSAGE = 160;

const emptyNode = (): DocNodeView => ({ heading: null, h3: false, h4: false, h5: false, h6: false, paragraph: null, list: null, cells: null });

/**
 * The readable document with every located piece of evidence marked: headings stay headings,
 * list items nest as their lists do, and each block with findings carries a margin pin.
 */
export function buildDocumentView(doc: DocumentModel, spans: Spans, refs: readonly EvidenceRef[], labels: readonly FindingLabel[]): DocumentView {
  const byBlock = new Map<number, EvidenceRef[]>();
  for (const r of refs) {
    if (!r.located || r.evidence.block === null) continue;
    const list = byBlock.get(r.evidence.block) ?? [];
    list.push(r);
    byBlock.set(r.evidence.block, list);
  }
  const refFinding = new Map(refs.map((r) => [r.ref, r.finding]));
  // A finding's shortened message titles every mark and pin it has: shortened once per finding.
  const shortMessages: Array<string | undefined> = [];
  const shortMessage = (i: number) => (shortMessages[i] ??= truncate(labels[i].message, TITLE_MESSAGE));
  // A mark or pin takes the colour of its gravest open finding; accepted ones only count when alone.
  const colourOf = (findingIdx: number[]): { severity: Severity; accepted: boolean } => {
    const open = findingIdx.filter((i) => !labels[i].accepted);
    const severity = (open.length ? open : findingIdx).map((i) => labels[i].severity).reduce<Severity>(graver, 'info');
    return { severity, accepted: open.length === 0 };
  };
  const marksByRef = new Map<number, string[]>();
  let markCounter = 0;
  // Blocks rendered, and those of them with findings: what each node, and so each section, holds.
  let renderedBlocks = 0;
  let flaggedBlocks = 0;

  const blockView = (b: Block): BlockView => {
    renderedBlocks++;
    const here = byBlock.get(b.index) ?? [];
    const segments = segmentText(
      b.text.length,
      here.map((r) => ({ from: r.evidence.from, to: r.evidence.to, ref: r.ref })),
    ).map((seg): SegmentView => {
      const text = b.text.slice(seg.from, seg.to);
      if (seg.refs.length === 0) return { text, marked: false, id: null, href: null, classes: '', findings: '', title: null };
      const id = `m-${++markCounter}`;
      const findingIdx = [...new Set(seg.refs.map((ref) => refFinding.get(ref)!))].sort((a, c) => a - c);
      for (const ref of seg.refs) {
        const marks = marksByRef.get(ref) ?? [];
        marks.push(id);
        marksByRef.set(ref, marks);
      }
      const { severity, accepted } = colourOf(findingIdx);
      const classes = ['hl', `sev-${severity}`];
      if (findingIdx.length > 1) classes.push('multi');
      if (accepted) classes.push('accepted');
      return {
        text,
        marked: true,
        id,
        href: `#${labels[findingIdx[0]].id}`,
        classes: classes.join(' '),
        findings: findingIdx.map((i) => labels[i].id).join(' '),
        title: titles(findingIdx, (i) => `${labels[i].severity}: ${shortMessage(i)}`),
      };
    });
    const findingIdx = here.length === 0 ? [] : [...new Set(here.map((r) => r.finding))].sort((a, c) => a - c);
    if (findingIdx.length) flaggedBlocks++;
    return {
      id: `b-${b.index}`,
      line: spans.locator.position(b.sourceStart).line,
      classes: findingIdx.length ? 'blk flagged' : 'blk',
      segments,
      pin: findingIdx.length ? pinOf(findingIdx) : null,
    };
  };
  /** One margin marker per block: how many findings it holds, in the colour of the gravest open one. */
  const pinOf = (findingIdx: number[]): PinView => {
    const { severity, accepted } = colourOf(findingIdx);
    return {
      href: `#${labels[findingIdx[0]].id}`,
      label: String(findingIdx.length),
      classes: `pin sev-${severity}${accepted ? ' accepted' : ''}`,
      findings: findingIdx.map((i) => labels[i].id).join(' '),
      title: `${findingIdx.length === 1 ? '1 finding' : `${findingIdx.length} findings`} here:\n${titles(findingIdx, (i) => `#${labels[i].id.slice(2)} ${labels[i].severity}: ${shortMessage(i)}`)}`,
    };
  };

  const blocks = doc.blocks;
  const rendered = new Uint8Array(blocks.length);
  // The block each list item shows, so a piece of a long list knows the line it starts on.
  const firstBlock = new WeakMap<BlockView, Block>();
  const validList = (i: number | undefined): i is number => i !== undefined && i >= 0 && i < doc.lists.length;

  const listView = (index: number, depth: number): ListView | null => {
    if (depth > MAX_LIST_DEPTH) return null;
    const items: ListItemView[] = [];
    for (const item of doc.lists[index].items) {
      if (item.block < 0 || item.block >= blocks.length || rendered[item.block]) continue;
      rendered[item.block] = 1;
      // The item before its nested lists, so marks are numbered in reading order.
      const block = blockView(blocks[item.block]);
      firstBlock.set(block, blocks[item.block]);
      const nested = item.lists
        .filter(validList)
        .map((l) => listView(l, depth + 1))
        .filter((l): l is ListView => l !== null && l.items.length > 0);
      items.push({ block, lists: nested });
    }
    return { items };
  };
  const rootOf = (index: number): number => {
    let at = index;
    for (let steps = 0; steps < MAX_LIST_DEPTH; steps++) {
      const parent = doc.lists[at].parent;
      if (!parent || !validList(parent.list)) break;
      at = parent.list;
    }
    return at;
  };

  // Each node with what it holds, for cutting a long document into sections.
  const pieces: Piece[] = [];
  const push = (node: DocNodeView, from: { blocks: number; flagged: number; chars: number }, first: Block) => {
    pieces.push({ node, blocks: renderedBlocks - from.blocks, flagged: flaggedBlocks - from.flagged, chars: from.chars, first });
  };
  for (let i = 0; i < blocks.length; i++) {
    if (rendered[i]) continue;
    const b = blocks[i];
    const before = { blocks: renderedBlocks, flagged: flaggedBlocks, chars: 0 };
    if (b.kind === 'listItem' && validList(b.list)) {
      const list = listView(rootOf(b.list), 0);
      if (list && list.items.length) {
        // A long list in pieces, so a section can end inside it.
        for (let at = 0; at < list.items.length; at += LIST_PIECE) {
          const items = list.items.slice(at, at + LIST_PIECE);
          const counted = countList(items);
          pieces.push({ node: { ...emptyNode(), list: { items } }, ...counted, first: firstBlock.get(items[0].block) ?? b });
        }
      }
      if (rendered[i]) continue;
      before.blocks = renderedBlocks;
      before.flagged = flaggedBlocks;
    }
    rendered[i] = 1;
    if (b.kind === 'tableCell') {
      const cells = [blockView(b)];
      let chars = b.text.length;
      while (i + 1 < blocks.length && !rendered[i + 1] && blocks[i + 1].kind === 'tableCell') {
        rendered[++i] = 1;
        cells.push(blockView(blocks[i]));
        chars += blocks[i].text.length;
      }
      push({ ...emptyNode(), cells }, { ...before, chars }, b);
    } else if (b.kind === 'heading') {
      // Page headings use h1–h2; the document's own headings nest below them.
      const level = Math.min(6, Math.max(3, (b.level || 1) + 2));
      push(
        { ...emptyNode(), heading: blockView(b), h3: level === 3, h4: level === 4, h5: level === 5, h6: level === 6 },
        { ...before, chars: b.text.length },
        b,
      );
    } else {
      push({ ...emptyNode(), paragraph: blockView(b) }, { ...before, chars: b.text.length }, b);
    }
  }
  const total = pieces.reduce((n, p) => ({ blocks: n.blocks + p.blocks, chars: n.chars + p.chars }), { blocks: 0, chars: 0 });
  if (total.blocks <= SECTION_BLOCKS && total.chars <= SECTION_CHARS) return { nodes: pieces.map((p) => p.node), sections: null, marksByRef };
  return { nodes: [], sections: sectionsOf(pieces, spans), marksByRef };

  /** Blocks, flagged blocks and characters of list items and everything nested in them. */
  function countList(items: readonly ListItemView[]): { blocks: number; flagged: number; chars: number } {
    const out = { blocks: 0, flagged: 0, chars: 0 };
    const walk = (list: readonly ListItemView[], depth: number) => {
      for (const item of list) {
        out.blocks++;
        if (item.block.pin) out.flagged++;
        for (const seg of item.block.segments) out.chars += seg.text.length;
        if (depth < MAX_LIST_DEPTH) for (const nested of item.lists) walk(nested.items, depth + 1);
      }
    };
    walk(items, 0);
    return out;
  }
}

/** A node of the document view and what it holds. */
interface Piece {
  node: DocNodeView;
  blocks: number;
  flagged: number;
  chars: number;
  /** Its first block, for the section's lines and title. */
  first: Block;
}

const SECTION_TITLE = 80;

/**
 * Consecutive pieces in sections of about SECTION_BLOCKS blocks or SECTION_CHARS characters,
 * ending before a heading where one comes once a section is half full. The first section is open.
 */
function sectionsOf(pieces: readonly Piece[], spans: Spans): SectionView[] {
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let blocks = 0;
  let chars = 0;
  for (const p of pieces) {
    const full = blocks >= SECTION_BLOCKS || chars >= SECTION_CHARS;
    const halfFull = blocks >= SECTION_BLOCKS / 2 || chars >= SECTION_CHARS / 2;
    if (current.length && (full || (halfFull && p.node.heading !== null))) {
      groups.push(current);
      current = [];
      blocks = chars = 0;
    }
    current.push(p);
    blocks += p.blocks;
    chars += p.chars;
  }
  if (current.length) groups.push(current);
  // A section with no heading of its own is named after the last heading (or list label) before it.
  let lastTitle: string | null = null;
  return groups.map((group, i) => {
    const firstLine = spans.locator.position(group[0].first.sourceStart).line;
    const next = groups[i + 1]?.[0].first;
    const lastLine = next ? Math.max(firstLine, spans.locator.position(next.sourceStart).line - 1) : null;
    const heading = group.find((p) => isTitle(p))?.first;
    const title = heading ? oneLine(heading.text) : lastTitle ? `${lastTitle} (continued)` : oneLine(group[0].first.text);
    for (const p of group) if (isTitle(p)) lastTitle = oneLine(p.first.text);
    const flagged = group.reduce((n, p) => n + p.flagged, 0);
    const lines = lastLine === null ? `from line ${firstLine}` : `lines ${firstLine}–${lastLine}`;
    return {
      id: `s-${i + 1}`,
      title: truncate(title || `Section ${i + 1}`, SECTION_TITLE),
      summary: flagged ? `${lines} · ${flagged === 1 ? '1 passage' : `${flagged} passages`} with findings` : lines,
      open: i === 0,
      nodes: group.map((p) => p.node),
    };
  });
}

/** A heading, or a short paragraph that labels what follows ("Europe:"). */
const isTitle = (p: Piece) => p.node.heading !== null || (p.node.paragraph !== null && p.first.text.length <= SECTION_TITLE && /:\s*$/.test(p.first.text));
const oneLine = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim();

/** A mark's or pin's title: the first findings' lines, then how many more. */
function titles(findingIdx: readonly number[], line: (i: number) => string): string {
  const listed = findingIdx.slice(0, MAX_PIN_TITLES).map(line);
  if (findingIdx.length > MAX_PIN_TITLES) listed.push(`… and ${findingIdx.length - MAX_PIN_TITLES} more`);
  return listed.join('\n');
}
