import { z } from 'zod';
import type { Block, List } from '../schema/document.js';
import { memoByText } from '../cache/block-cache.js';
import { clipJoined, compact, CompactEvidenceSchema, spanning } from './evidence.js';
import { passageHash } from './hash.js';
import { textSignature } from './minhash.js';
import { MAX_TEXT, marketWords } from './normalise.js';
import { CopyKeySchema } from './copies.js';
import { publisherLabel } from './publisher.js';
import type { CorpusSource } from './source-facts.js';
import { normalisedBlock, templateText, type TemplateText } from './template-text.js';

/** Limits that keep a fingerprint to a few kilobytes whatever the document. */
export const LIMITS = {
  lists: 8,
  lines: 40,
  paragraphs: 16,
  quote: 80,
  lineWords: { min: 6, max: 80 },
  /** Longest block considered a template line, in characters (about 80 words). */
  lineChars: 600,
  paragraphWords: 30,
  /** Paragraphs are compared on their first 1,500 characters (about 250 words): enough to tell copies. */
  paragraphChars: 1500,
  listEntries: 4,
};

export const PassageSchema = z.object({
  /** "list": a run of lists (labels and items); "text": one block, matched exactly after normalising. */
  kind: z.enum(['list', 'text']),
  hash: z.string(),
  /** Entries for a list, words for text. */
  size: z.number().int().min(1),
  at: CompactEvidenceSchema,
});
export type Passage = z.infer<typeof PassageSchema>;

export const ParagraphSchema = z.object({ sig: z.string().length(128), size: z.number().int().min(1), at: CompactEvidenceSchema });
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const TemplateFingerprintSchema = z.object({
  publisher: z.string().nullable(),
  market: z.string().nullable(),
  passages: z.array(PassageSchema),
  paragraphs: z.array(ParagraphSchema),
  /** Copies of one page count once (optional: shards written before it still compare). */
  copy: CopyKeySchema.optional(),
});
export type TemplateFingerprint = z.infer<typeof TemplateFingerprintSchema>;

const URLISH = /https?:\/\/|www\./i;

/** Top-level lists that follow each other with at most a label between them form one run. */
function listRuns(lists: readonly List[], blocks: readonly Block[]): Array<{ lists: List[]; first: number; last: number }> {
  const lastBlockOf = (l: List): number => {
    let last = -1;
    const walk = (list: List) => {
      for (const item of list.items) {
        last = Math.max(last, item.block);
        for (const sub of item.lists) walk(lists[sub]);
      }
    };
    walk(l);
    return last;
  };
  const runs: Array<{ lists: List[]; first: number; last: number }> = [];
  for (const l of lists) {
    if (l.parent || l.items.length === 0) continue;
    const first = l.items[0].block;
    const last = lastBlockOf(l);
    const prev = runs[runs.length - 1];
    const joinable = prev && first - prev.last <= 2 && (first - prev.last === 1 || l.labelBlock === prev.last + 1);
    if (joinable) {
      prev.lists.push(l);
      prev.last = last;
    } else {
      const start = l.labelBlock !== null && l.labelBlock === first - 1 && blocks[l.labelBlock].kind !== 'listItem' ? l.labelBlock : first;
      runs.push({ lists: [l], first: start, last });
    }
  }
  return runs;
}

/** The entries of a run in order: each list's label (when it sits right before it) and its items, nested ones included. */
function runEntries(run: { lists: List[]; first: number }, lists: readonly List[], blocks: readonly Block[]): number[] {
  const out: number[] = [];
  const walk = (list: List) => {
    for (const item of list.items) {
      out.push(item.block);
      for (const sub of item.lists) walk(lists[sub]);
    }
  };
  for (const l of run.lists) {
    if (l.labelBlock !== null && l.labelBlock >= run.first && blocks[l.labelBlock].kind !== 'listItem') out.push(l.labelBlock);
    walk(l);
  }
  return out;
}

// Across a batch (see BlockCache): a paragraph's signature.
const signatureOf = memoByText(textSignature);

// A line's hash, kept beside its normalised text: the block cache shares that text between documents.
const lineHashes = new WeakMap<TemplateText, string>();
function lineHash(normal: TemplateText): string {
  let hash = lineHashes.get(normal);
  if (hash === undefined) lineHashes.set(normal, (hash = passageHash(normal.text)));
  return hash;
}

/** A block's normalised text (its first `maxChars`), computed once when several passages read the whole block. */
function blockText(blocks: readonly Block[], market: string[] | null) {
  const whole = new Map<number, TemplateText>();
  const scope = market === null ? '' : market.join(' ');
  return (block: number, maxChars: number): TemplateText => {
    const text = blocks[block].text;
    if (text.length > maxChars) return templateText(text, market, maxChars);
    let normal = whole.get(block);
    if (!normal) whole.set(block, (normal = normalisedBlock(text, market, scope)));
    return normal;
  };
}

/** The first `n` blocks of `sorted` that pass `keep`, testing no further than needed. */
function firstN(sorted: readonly Block[], n: number, keep: (b: Block) => boolean): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < sorted.length && out.length < n; i++) if (keep(sorted[i])) out.push(sorted[i]);
  return out;
}

/** What template-reuse compares: the lists, short template lines and long paragraphs of a source. */
export function templateFingerprint(ctx: CorpusSource): TemplateFingerprint {
  const { doc, spans } = ctx;
  const market = marketWords(doc.metadata.market);
  const textOf = blockText(doc.blocks, market);

  // The largest runs are chosen by entry count before any is normalised or quoted (the sort is
  // stable, so equal runs keep document order).
  const runs = listRuns(doc.lists, doc.blocks)
    .slice(0, 200)
    .map((run) => ({ run, entries: runEntries(run, doc.lists, doc.blocks) }))
    .filter((r) => r.entries.length >= LIMITS.listEntries)
    .sort((a, b) => b.entries.length - a.entries.length)
    .slice(0, LIMITS.lists);
  const passages: Passage[] = runs.map(({ run, entries }) => {
    const normal = entries.map((b) => textOf(b, MAX_TEXT).text).join(' | ');
    const quote = clipJoined(entries.length, (i) => doc.blocks[entries[i]].text.trim().replace(/:$/, ''), ', ', 160);
    const ev = spanning(spans.block(run.first), spans.block(run.last), quote);
    return { kind: 'list', hash: passageHash(normal), size: entries.length, at: compact(ev, 160) };
  });

  // Candidates are chosen by length before any is normalised (the costly step): the longest
  // blocks of template-line size, and the longest blocks overall for paragraphs.
  const byLength = doc.blocks
    .filter((b) => !(b.kind === 'listItem' && b.text.length < 200) && b.text.length >= 12)
    .sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const noUrl = (b: Block) => !URLISH.test(b.text);
  const normalise = (list: Block[], max: number) => list.map((b) => ({ block: b.index, normal: textOf(b.index, max) }));
  const lineBlocks = normalise(
    firstN(byLength, LIMITS.lines * 2, (b) => b.text.length <= LIMITS.lineChars && noUrl(b)),
    LIMITS.lineChars,
  ).filter((x) => x.normal.words >= LIMITS.lineWords.min && x.normal.words <= LIMITS.lineWords.max);
  const paragraphBlocks = normalise(firstN(byLength, LIMITS.paragraphs, noUrl), LIMITS.paragraphChars).filter((x) => x.normal.words >= LIMITS.paragraphWords);
  const longest = (list: Array<{ block: number; normal: TemplateText }>, n: number) =>
    list
      .sort((a, b) => b.normal.words - a.normal.words || a.block - b.block)
      .slice(0, n)
      .sort((a, b) => a.block - b.block);
  const lines: Passage[] = longest(lineBlocks, LIMITS.lines).map(({ block, normal }) => ({
    kind: 'text',
    hash: lineHash(normal),
    size: normal.words,
    at: compact(spans.block(block), LIMITS.quote),
  }));
  const paragraphs: Paragraph[] = longest(paragraphBlocks, LIMITS.paragraphs).map(({ block, normal }) => ({
    sig: signatureOf(normal.text),
    size: normal.words,
    at: compact(spans.block(block), LIMITS.quote),
  }));

  return {
    publisher: publisherLabel(ctx.publisher()),
    market: doc.metadata.market?.toLowerCase().trim() || null,
    passages: [...passages, ...lines],
    paragraphs,
    copy: ctx.copyKey(),
  };
}
