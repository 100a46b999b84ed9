import { z } from 'zod';
import type { ClaimsByKind } from '../../schema/claims.js';
import { AuditResultSchema, SourceResultSchema } from '../../schema/result.js';
import type { ClaimKind } from './define.js';
import dominance from './dominance.js';
import growth from './growth.js';
import sales from './sales.js';
import shares from './shares.js';
import sizes from './sizes.js';

/**
 * Every claim kind, in the order of a result's claims and of the report's tables. Adding a kind is
 * adding its file (src/claims/kinds/<name>.ts, `defineClaimKind`) and its line here.
 */
export const CLAIM_KINDS = [growth, sizes, shares, dominance, sales] as const;

type Kinds = (typeof CLAIM_KINDS)[number];
type ClaimOf<K> = K extends ClaimKind<string, infer S> ? z.output<S> : never;

/** A source's claims, by kind: `claims.growth`, `claims.sizes`… */
export type Claims = { [K in Kinds as K['name']]: Array<ClaimOf<K>> };
export type ClaimKindName = keyof Claims;

/** Claims as results hold them, each kind checked against its schema. */
export const ClaimsSchema = z.object(Object.fromEntries(CLAIM_KINDS.map((k) => [k.name, z.array(k.schema)]))) as unknown as z.ZodType<Claims>;

/** An audit result with each source's claims checked against their kinds' schemas (merging shards reads them so). */
export const CheckedAuditResultSchema = AuditResultSchema.extend({
  sources: z.array(SourceResultSchema.extend({ claims: ClaimsSchema.nullable() })),
});

/** No claims of any kind. */
export function emptyClaims(): Claims {
  return Object.fromEntries(CLAIM_KINDS.map((k) => [k.name, []])) as unknown as Claims;
}

/**
 * A result's claims, typed. Claims come from this extractor (or results it wrote and the result
 * schema read back); a kind the result predates has none.
 */
export function claimsOf(byKind: ClaimsByKind | null): Claims | null {
  return byKind === null ? null : ({ ...emptyClaims(), ...byKind } as unknown as Claims);
}

/** How many claims of each kind, in the kinds' order: a result's coverage. */
export function claimCounts(claims: Claims): Record<string, number> {
  return Object.fromEntries(CLAIM_KINDS.map((k) => [k.name, claims[k.name].length]));
}
