import type { Block, DocumentModel, Format, Link, List, Section } from '../schema/document.js';
import { canonicalText } from '../cache/block-cache.js';
import { extractMetadata } from './metadata.js';
import type { RawDocument } from './raw.js';
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
      if (prev.kind !== 'listItem' && (prev.kind === 'heading' || prev.text.trimEnd().endsWith(':')) && prev.text.length <= LABEL_MAX) {
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

  const spans = new Spans(source, blocks, format);
  const links: Link[] = raw.links.map((rl) => {
    const evidence = rl.block !== null && rl.to > rl.from ? spans.of(rl.block, rl.from, rl.to, 'link') : spans.source_(rl.sourceStart, rl.sourceEnd, 'link');
    return { href: rl.href, text: evidence.quote, block: rl.block, evidence };
  });
  const metadata = extractMetadata(blocks, sections, raw.title, spans);
  return { doc: { format, blocks, sections, lists, links, metadata }, spans };
}
