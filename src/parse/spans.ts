import type { Block, Format } from '../schema/document.js';
import type { Evidence } from '../schema/position.js';
import { Locator } from './locator.js';
import { CHARACTER_REFERENCE, toSource } from './text-builder.js';

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
