import { z } from 'zod';
import { CopyKeySchema } from './copies.js';
import { compact, CompactEvidenceSchema } from './evidence.js';
import { marketLabel } from './market-key.js';
import { PublisherSchema } from './publisher.js';
import type { CorpusSource } from './source-facts.js';

/** What corpus/copies keeps of each source: its copy key, its publisher, its date and a passage to quote. */
export const IdentityFingerprintSchema = z.object({
  copy: CopyKeySchema,
  publisher: PublisherSchema,
  /** The market's name as the report gives it. */
  label: z.string().nullable(),
  /** Publish date (ISO) when the page states one. */
  published: z.string().nullable(),
  /** The page's longest block of running text, to quote. */
  at: CompactEvidenceSchema.nullable(),
});
export type IdentityFingerprint = z.infer<typeof IdentityFingerprintSchema>;

export function identityFingerprint(ctx: CorpusSource): IdentityFingerprint {
  let longest = -1;
  for (const b of ctx.doc.blocks) if (b.kind !== 'heading' && (longest < 0 || b.text.length > ctx.doc.blocks[longest].text.length)) longest = b.index;
  const { metadata } = ctx.doc;
  return {
    copy: ctx.copyKey(),
    publisher: ctx.publisher(),
    label: marketLabel(metadata.market, metadata.title),
    published: metadata.publishDate?.iso ?? null,
    at: longest >= 0 ? compact(ctx.spans.block(longest), 80) : null,
  };
}

/** Which copy to call the original, and why. */
export interface Canonical {
  index: number;
  why: string;
}

/**
 * The copy taken as the original: the one at the address most copies declare canonical (when at
 * least two agree), else the earliest published, else the first by name.
 */
export function canonicalCopy(members: ReadonlyArray<{ canonical: string | null; published: string | null }>): Canonical {
  const named = new Map<string, number>();
  for (const m of members) if (m.canonical) named.set(m.canonical, (named.get(m.canonical) ?? 0) + 1);
  let address: string | null = null;
  let votes = 1;
  for (const [url, n] of named) if (n > votes) [address, votes] = [url, n];
  const dated = members.map((m, index) => ({ index, date: m.published })).filter((m): m is { index: number; date: string } => m.date !== null);
  const earliest = dated.reduce<{ index: number; date: string } | null>((a, b) => (!a || b.date < a.date ? b : a), null);
  if (address !== null) {
    const atAddress = members.map((m, index) => ({ m, index })).filter((x) => x.m.canonical === address);
    const pick = atAddress.reduce((a, b) => (b.m.published && (!a.m.published || b.m.published < a.m.published) ? b : a));
    return { index: pick.index, why: `${votes} copies declare its address ${address} canonical` };
  }
  if (earliest && dated.some((d) => d.date !== earliest.date)) return { index: earliest.index, why: `published first, on ${earliest.date}` };
  return { index: 0, why: 'first by name; no copy declares a canonical address or an earlier date' };
}
