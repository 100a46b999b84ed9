import { z } from 'zod';
import promoData from '../../rules/data/promo-phrases.json' with { type: 'json' };

export const PromoKindSchema = z.enum(['purchase', 'license', 'sample', 'discount', 'enquiry', 'access']);
export type PromoKind = z.infer<typeof PromoKindSchema>;

export const PromoLexiconSchema = z.object({
  kinds: z.record(PromoKindSchema, z.object({ description: z.string().min(5), source: z.string().min(20) })),
  phrases: z.array(z.object({ phrase: z.string().min(3), kind: PromoKindSchema })).min(1),
  trackingParameters: z.object({ parameters: z.array(z.string().regex(/^[a-z_]+$/)).min(1), source: z.string().min(20) }),
});
export type PromoLexicon = z.infer<typeof PromoLexiconSchema>;

export const PROMO_LEXICON: PromoLexicon = PromoLexiconSchema.parse(promoData);
