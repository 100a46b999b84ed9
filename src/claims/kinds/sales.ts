import { z } from 'zod';
import { StatedNumberSchema } from '../../schema/claims.js';
import { EvidenceSchema } from '../../schema/position.js';
import { moneyIn } from '../numbers.js';
import { defineClaimKind } from './define.js';

/** A company's sales or revenue figure: not a market claim, but a number the report asserts. */
export const SalesClaimSchema = z.object({
  id: z.string(),
  kind: z.literal('sales'),
  value: StatedNumberSchema,
  /** ISO 4217 code. */
  currency: z.string(),
  evidence: EvidenceSchema,
  sentence: EvidenceSchema,
});
export type SalesClaim = z.infer<typeof SalesClaimSchema>;

const SALES = /\b(?:sales|revenues?|turnover|earnings|net\s{1,3}income|generated|grossed)\b/i;
const MAX_SENTENCE_SCAN = 2000;
/** The kinds whose figures a sales figure may not repeat. */
const FIGURES = ['growth', 'sizes', 'shares'];

/** Money figures in sentences about sales or revenue that no growth, size or share claim already reads. */
export default defineClaimKind({
  name: 'sales',
  schema: SalesClaimSchema,
  fromDocument({ sentences, spans, nextId }, claims) {
    const out: SalesClaim[] = [];
    // Figures by block, so a sales figure is checked against its own block's claims only: a dense
    // report holds tens of thousands of claims.
    const byBlock = new Map<number, Array<{ from: number; to: number }>>();
    const note = (block: number | null, from: number, to: number) => {
      if (block !== null) (byBlock.get(block) ?? byBlock.set(block, []).get(block)!).push({ from, to });
    };
    for (const kind of FIGURES) for (const c of claims[kind] ?? []) note(c.evidence.block, c.evidence.from, c.evidence.to);
    const covered = (block: number, from: number, to: number) => (byBlock.get(block) ?? []).some((c) => c.from < to && from < c.to);
    for (const s of sentences) {
      // Only the sentence's first MAX_SENTENCE_SCAN characters are read.
      const text = s.text.length > MAX_SENTENCE_SCAN ? s.text.slice(0, MAX_SENTENCE_SCAN) : s.text;
      if (!SALES.test(text)) continue;
      for (const m of moneyIn(text)) {
        const from = s.from + m.from;
        const to = s.from + m.to;
        if (covered(s.block, from, to)) continue;
        note(s.block, from, to);
        out.push({
          id: nextId(),
          kind: 'sales',
          value: m.amount,
          currency: m.currency,
          evidence: spans.of(s.block, from, to, 'figure'),
          sentence: spans.of(s.block, s.from, s.to, 'sentence'),
        });
      }
    }
    return out;
  },
  table: null,
});
