import type { Sentence } from '../engine/context.js';
import type { Spans } from '../parse/assemble.js';
import type { Claims } from '../schema/claims.js';
import type { DocumentModel } from '../schema/document.js';

/** Extract growth, size, share and dominance claims from a parsed document. */
export function extractClaims(_doc: DocumentModel, _spans: Spans, _sentences: Sentence[], _forecast: { from: number; to: number } | null): Claims {
  return { growth: [], sizes: [], shares: [], dominance: [] };
}
