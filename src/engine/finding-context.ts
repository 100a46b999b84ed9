import type { Spans } from '../parse/spans.js';
import type { Sentence } from '../schema/document.js';
import type { FindingContext } from '../schema/finding.js';
import type { Evidence } from '../schema/position.js';

/** Characters of the sentence kept on either side of the evidence: a scraped page's run-on "sentence" can be a whole page. */
export const CONTEXT_CHARS = 240;

/** The last sentence that starts at or before offset `at` of a block (sentences are in document order), or −1. */
function startingAtOrBefore(sentences: readonly Sentence[], block: number, at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s.block < block || (s.block === block && s.from <= at)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The sentence (or sentences) around a piece of evidence, clipped to CONTEXT_CHARS either side of
 * it, as a code-scanning viewer shows a finding in its surroundings. Nothing when the evidence has
 * no block or already is its whole sentence: a context must be larger than what it surrounds.
 */
export function sentenceContext(evidence: Evidence | null, sentences: readonly Sentence[], spans: Spans): FindingContext | undefined {
  if (!evidence || evidence.block === null) return undefined;
  const { block } = evidence;
  const first = startingAtOrBefore(sentences, block, evidence.from);
  if (first < 0 || sentences[first].block !== block) return undefined;
  const last = startingAtOrBefore(sentences, block, Math.max(evidence.from, evidence.to - 1));
  const from = Math.max(Math.min(sentences[first].from, evidence.from), evidence.from - CONTEXT_CHARS);
  const to = Math.min(Math.max(sentences[last].to, evidence.to), evidence.to + CONTEXT_CHARS);
  if (from >= evidence.from && to <= evidence.to) return undefined;
  const { quote, start, end } = spans.of(block, from, to);
  return { quote, start, end };
}
