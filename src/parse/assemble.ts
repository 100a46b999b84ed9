import type { Block, DocumentModel, Format, Link, List, Section } from '../schema/document.js';
import type { Evidence } from '../schema/position.js';
import { canonicalText } from '../text/block-cache.js';
import { Locator } from './locator.js';
import { extractMetadata } from './metadata.js';
import type { RawDocument } from './raw.js';
import { CHARACTER_REFERENCE, toSource } from './text-builder.js';

const LABEL_MAX = 300;

// The character references that stand for "&" itself, which a literal "&" cannot be told from by the text alone.
const AMPERSAND_REFERENCE = /^&(?:amp|AMP|#0*38|#[xX]0*26);?$/;

/** Turns block-text offsets into evidence with source line:column. */
export class Spans {
  readonly locator: Locator;

  constructor(
    readonly source: string,
    private readonly blocks: ReadonlyArray<Pick<Block, 'text' | 'anchors'>>,
    /** HTML decodes character references, so one character of text can stand for several of source. */
    private readonly format: Format = 'text',
  ) {
    this.locator = new Locator(source);
  }

  /** The source offset just past the text character at `at` of a block: past all of "&#37;" when it was read as "%". */
  private sourceEnd(b: Pick<Block, 'text' | 'anchors'>, at: number): number {
    const s = toSource(b.anchors, at);
    if (this.format !== 'html' || this.source.charCodeAt(s) !== 0x26) return s + 1;
    CHARACTER_REFERENCE.lastIndex = s;
    const ref = CHARACTER_REFERENCE.exec(this.source)?.[0];
    if (!ref) return s + 1;
    return b.text[at] !== '&' || AMPERSAND_REFERENCE.test(ref) ? s + ref.length : s + 1;
  }

  /** Evidence for text[from, to) of a block. */
  of(block: number, from: number, to: number, role?: string): Evidence {
    const b = this.blocks[block];
    const f = Math.max(0, Math.min(from, b.text.length));
    const t = Math.max(f, Math.min(to, b.text.length));
    const start = toSource(b.anchors, f);
    const end = t > f ? this.sourceEnd(b, t - 1) : start;
    const ev: Evidence = {
      quote: b.text.slice(f, t),
      start: this.locator.position(start),
      end: this.locator.position(end),
      block,
      from: f,
      to: t,
    };
    if (role) ev.role = role;
    return ev;
  }

  /** Evidence for a whole block. */
  block(block: number, role?: string): Evidence {
    return this.of(block, 0, this.blocks[block].text.length, role);
  }

  /** Evidence for raw source offsets that belong to no block (e.g. an attribute). */
  source_(start: number, end: number, role?: string): Evidence {
    const ev: Evidence = {
      quote: this.source.slice(start, Math.min(end, start + 500)),
      start: this.locator.position(start),
      end: this.locator.position(end),
      block: null,
      from: 0,
      to: 0,
    };
    if (role) ev.role = role;
    return ev;
  }
}

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
