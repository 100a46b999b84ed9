import type { SourceView } from '../claims/source-view.js';
import type { Sentence } from '../schema/document.js';
import { moneyIn, type MoneyMatch } from '../claims/numbers.js';
import type { Evidence } from '../schema/position.js';
import { memoByText } from '../cache/block-cache.js';
import { digitFlags } from './digits.js';

/** A number the report asserts, with the sentence that carries it. */
export interface NumericClaim {
  kind: 'growth' | 'size' | 'share' | 'sales';
  evidence: Evidence;
  /** The sentence as block offsets, to look for attribution around it. */
  block: number;
  sentenceFrom: number;
  sentenceTo: number;
}

// Company sales and revenue figures are not market claims, so the extractor leaves them out.
const SALES = /\b(?:sales|revenues?|turnover|earnings|net\s{1,3}income|generated|grossed)\b/i;
const MAX_SENTENCE_SCAN = 2000;

const NONE: readonly MoneyMatch[] = Object.freeze([]);

/**
 * Money figures of a sentence about sales or revenue (its first MAX_SENTENCE_SCAN characters).
 * Remembered across a batch (they depend on the sentence alone): read only.
 */
const salesFiguresIn = memoByText((sentence): readonly MoneyMatch[] => {
  const text = sentence.length > MAX_SENTENCE_SCAN ? sentence.slice(0, MAX_SENTENCE_SCAN) : sentence;
  return SALES.test(text) ? moneyIn(text) : NONE;
});

/**
 * Every numeric claim: the extractor's growth, size and share claims, plus money figures in
 * sentences about sales or revenue that no size claim already covers.
 */
export function numericClaims(ctx: Pick<SourceView, 'claims' | 'sentences' | 'spans'>): NumericClaim[] {
  const out: NumericClaim[] = [];
  const fromClaim = (kind: NumericClaim['kind'], c: { evidence: Evidence; sentence: Evidence }) => {
    if (c.sentence.block === null) return;
    out.push({ kind, evidence: c.evidence, block: c.sentence.block, sentenceFrom: c.sentence.from, sentenceTo: c.sentence.to });
  };
  ctx.claims.growth.forEach((c) => fromClaim('growth', c));
  ctx.claims.sizes.forEach((c) => fromClaim('size', c));
  ctx.claims.shares.forEach((c) => fromClaim('share', c));
  // The extractor's claims by block, so a sales figure is checked against its own block's claims only
  // (a dense report holds tens of thousands of claims and as many sales figures).
  const byBlock = new Map<number, NumericClaim[]>();
  for (const c of out) if (c.evidence.block !== null) (byBlock.get(c.evidence.block) ?? byBlock.set(c.evidence.block, []).get(c.evidence.block)!).push(c);
  const covered = (block: number, from: number, to: number) => (byBlock.get(block) ?? []).some((c) => c.evidence.from < to && from < c.evidence.to);
  // A money figure has digits (see moneyIn), so a sentence without one is passed over at once.
  const sentences: ReadonlyArray<Sentence> = ctx.sentences();
  const digits = digitFlags(sentences);
  for (let k = 0; k < sentences.length; k++) {
    if (digits[k] === 0) continue;
    const s = sentences[k];
    for (const m of salesFiguresIn(s.text)) {
      const from = s.from + m.from;
      const to = s.from + m.to;
      if (covered(s.block, from, to)) continue;
      out.push({ kind: 'sales', evidence: ctx.spans.of(s.block, from, to, 'figure'), block: s.block, sentenceFrom: s.from, sentenceTo: s.to });
    }
  }
  return out.sort((a, b) => a.evidence.start.offset - b.evidence.start.offset);
}
