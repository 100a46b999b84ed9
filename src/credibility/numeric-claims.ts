import type { SourceView } from '../claims/source-view.js';
import type { Evidence } from '../schema/position.js';

/** A number the report asserts, with the sentence that carries it. */
export interface NumericClaim {
  kind: 'growth' | 'size' | 'share' | 'sales';
  evidence: Evidence;
  /** The sentence as block offsets, to look for attribution around it. */
  block: number;
  sentenceFrom: number;
  sentenceTo: number;
}

/** Every numeric claim: growth rates, sizes, shares and company sales figures, in document order. */
export function numericClaims(ctx: Pick<SourceView, 'claims'>): NumericClaim[] {
  const out: NumericClaim[] = [];
  const fromClaim = (kind: NumericClaim['kind'], c: { evidence: Evidence; sentence: Evidence }) => {
    if (c.sentence.block === null) return;
    out.push({ kind, evidence: c.evidence, block: c.sentence.block, sentenceFrom: c.sentence.from, sentenceTo: c.sentence.to });
  };
  ctx.claims.growth.forEach((c) => fromClaim('growth', c));
  ctx.claims.sizes.forEach((c) => fromClaim('size', c));
  ctx.claims.shares.forEach((c) => fromClaim('share', c));
  ctx.claims.sales.forEach((c) => fromClaim('sales', c));
  return out.sort((a, b) => a.evidence.start.offset - b.evidence.start.offset);
}
