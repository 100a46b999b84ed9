// What the text rules share when they turn detections into findings: reading order, and the finding
// for something found inside a sentence of prose, quoted with its sentence.

import type { SourceView } from '../claims/source-view.js';
import type { FindingDraft, MessageData } from '../schema/finding.js';
import type { Sentence } from '../schema/document.js';

/** A stretch of a text a detector found: offsets and the text itself. */
export interface TextMatch {
  from: number;
  to: number;
  text: string;
}

/** Findings in reading order, so an editor can work down the page. */
export function inReadingOrder<M extends string>(findings: FindingDraft<M>[]): FindingDraft<M>[] {
  return findings.sort((a, b) => (a.primary?.block ?? 0) - (b.primary?.block ?? 0) || (a.primary?.from ?? 0) - (b.primary?.from ?? 0));
}

/** A detection in a sentence: offsets in the sentence, and the message data. */
export interface SentenceHit {
  from: number;
  to: number;
  data: MessageData;
}

/**
 * One finding per hit of `detect` in the sentences of paragraphs and list items (headings and table
 * cells are fragments by nature), the hit as primary evidence and its sentence as related.
 */
export function proseSentenceFindings<M extends string>(
  ctx: Pick<SourceView, 'doc' | 'spans' | 'sentences'>,
  messageId: M,
  role: string,
  detect: (sentence: Sentence) => SentenceHit | null,
): FindingDraft<M>[] {
  const out: FindingDraft<M>[] = [];
  for (const s of ctx.sentences()) {
    const kind = ctx.doc.blocks[s.block].kind;
    if (kind !== 'paragraph' && kind !== 'listItem') continue;
    const hit = detect(s);
    if (!hit) continue;
    out.push({
      messageId,
      data: hit.data,
      primary: ctx.spans.of(s.block, s.from + hit.from, s.from + hit.to, role),
      related: [ctx.spans.of(s.block, s.from, s.to, 'sentence')],
    });
  }
  return out;
}
