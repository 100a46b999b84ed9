import { z } from 'zod';
import type { Evidence } from '../schema/position.js';

/**
 * Evidence as fingerprints carry it: positions and a short quote, a fraction of the full form's
 * size, since every source's fingerprints stay in memory until the cross-source rules run.
 */
export const CompactEvidenceSchema = z.object({
  q: z.string(),
  /** start: line, column, offset */
  s: z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(0)]),
  /** end: line, column, offset */
  e: z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(0)]),
  /** block, from, to (block −1 when the span belongs to no block) */
  b: z.tuple([z.number().int(), z.number().int().min(0), z.number().int().min(0)]),
});
export type CompactEvidence = z.infer<typeof CompactEvidenceSchema>;

// White space that collapsing would change: anything but a lone plain space.
const UNCOLLAPSED = /[^\S ]| {2}/;
const WHITE = /\s/;
const NON_WHITE = /\S/;

export function clip(text: string, max: number): string {
  // Most quotes have nothing to collapse near the start, and then only the first max + 1
  // characters matter: a text that short is the quote, trimmed; a longer one is cut at max − 1
  // when it starts with no white space (trimming would shift it) and goes on past max (so is
  // longer than max however the rest collapses).
  const head = text.slice(0, max + 1);
  if (max >= 1 && !UNCOLLAPSED.test(head)) {
    if (head.length <= max) return head.trim();
    const goesOn = !WHITE.test(head[max]) || NON_WHITE.test(text.slice(max + 1, max * 4));
    if (!WHITE.test(head[0]) && goesOn) return head.slice(0, max - 1).trimEnd() + '…';
  }
  // Slice before collapsing white space: blocks can be long, quotes are short.
  const t = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

/** clip() of `count` parts joined by `separator`, building no more of the join than clip reads. */
export function clipJoined(count: number, part: (i: number) => string, separator: string, max: number): string {
  let text = '';
  for (let i = 0; i < count && text.length < max * 4; i++) text += (i > 0 ? separator : '') + part(i);
  return clip(text, max);
}

export function compact(ev: Evidence, maxQuote = 120): CompactEvidence {
  return {
    q: clip(ev.quote, maxQuote),
    s: [ev.start.line, ev.start.column, ev.start.offset],
    e: [ev.end.line, ev.end.column, ev.end.offset],
    b: [ev.block ?? -1, ev.from, ev.to],
  };
}

export function expand(c: CompactEvidence, role?: string, source?: string): Evidence {
  const ev: Evidence = {
    quote: c.q,
    start: { line: c.s[0], column: c.s[1], offset: c.s[2] },
    end: { line: c.e[0], column: c.e[1], offset: c.e[2] },
    block: c.b[0] < 0 ? null : c.b[0],
    from: c.b[1],
    to: c.b[2],
  };
  if (role) ev.role = role;
  if (source) ev.source = source;
  return ev;
}

/** Evidence that runs from the start of one span to the end of another (a passage over several blocks). */
export function spanning(first: Evidence, last: Evidence, quote: string): Evidence {
  return { ...first, end: last.end, quote };
}

/**
 * Corpus findings cite other files: every span names its file in `source`; also, `related[i]`
 * lies in `sources[i + 1]` (the primary in `sources[0]`) and its role names that file.
 */
export function inSource(name: string): string {
  return `same passage in ${name}`;
}
