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
  line: number;
  classes: string;
  segments: SegmentView[];
  pin: PinView | null;
}

export interface ListItemView {
  block: BlockView;
  lists: ListView[];
}

export interface ListView {
  items: ListItemView[];
}

/** One top-level piece of the document; exactly one of heading/paragraph/list/cells is set. */
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

export interface DocumentView {
  nodes: DocNodeView[];
  /** Mark ids of every evidence ref, in text order. */
  marksByRef: Map<number, string[]>;
}

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

  const blockView = (b: Block): BlockView => {
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
        title: findingIdx.map((i) => `${labels[i].severity}: ${shortMessage(i)}`).join('\n'),
      };
    });
    const findingIdx = here.length === 0 ? [] : [...new Set(here.map((r) => r.finding))].sort((a, c) => a - c);
    return {
      id: `b-${b.index}`,
      line: spans.locator.position(b.sourceStart).line,
      classes: `blk blk-${b.kind}${findingIdx.length ? ' flagged' : ''}`,
      segments,
      pin: findingIdx.length ? pinOf(findingIdx) : null,
    };
  };
  /** One margin marker per block: how many findings it holds, in the colour of the gravest open one. */
  const pinOf = (findingIdx: number[]): PinView => {
    const { severity, accepted } = colourOf(findingIdx);
    const listed = findingIdx.slice(0, MAX_PIN_TITLES).map((i) => `#${labels[i].id.slice(2)} ${labels[i].severity}: ${shortMessage(i)}`);
    if (findingIdx.length > MAX_PIN_TITLES) listed.push(`… and ${findingIdx.length - MAX_PIN_TITLES} more`);
    return {
      href: `#${labels[findingIdx[0]].id}`,
      label: String(findingIdx.length),
      classes: `pin sev-${severity}${accepted ? ' accepted' : ''}`,
      findings: findingIdx.map((i) => labels[i].id).join(' '),
      title: `${findingIdx.length === 1 ? '1 finding' : `${findingIdx.length} findings`} here:\n${listed.join('\n')}`,
    };
  };

  const blocks = doc.blocks;
  const rendered = new Uint8Array(blocks.length);
  const validList = (i: number | undefined): i is number => i !== undefined && i >= 0 && i < doc.lists.length;

  const listView = (index: number, depth: number): ListView | null => {
    if (depth > MAX_LIST_DEPTH) return null;
    const items: ListItemView[] = [];
    for (const item of doc.lists[index].items) {
      if (item.block < 0 || item.block >= blocks.length || rendered[item.block]) continue;
      rendered[item.block] = 1;
      // The item before its nested lists, so marks are numbered in reading order.
      const block = blockView(blocks[item.block]);
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

  const nodes: DocNodeView[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (rendered[i]) continue;
    const b = blocks[i];
    if (b.kind === 'listItem' && validList(b.list)) {
      const list = listView(rootOf(b.list), 0);
      if (list && list.items.length) nodes.push({ ...emptyNode(), list });
      if (rendered[i]) continue;
    }
    rendered[i] = 1;
    if (b.kind === 'tableCell') {
      const cells = [blockView(b)];
      while (i + 1 < blocks.length && !rendered[i + 1] && blocks[i + 1].kind === 'tableCell') {
        rendered[++i] = 1;
        cells.push(blockView(blocks[i]));
      }
      nodes.push({ ...emptyNode(), cells });
    } else if (b.kind === 'heading') {
      // Page headings use h1–h2; the document's own headings nest below them.
      const level = Math.min(6, Math.max(3, (b.level || 1) + 2));
      nodes.push({ ...emptyNode(), heading: blockView(b), h3: level === 3, h4: level === 4, h5: level === 5, h6: level === 6 });
    } else {
      nodes.push({ ...emptyNode(), paragraph: blockView(b) });
    }
  }
  return { nodes, marksByRef };
}
