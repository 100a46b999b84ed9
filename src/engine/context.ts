import type { Claims, Entity } from '../schema/claims.js';
import type { DocumentModel } from '../schema/document.js';
import type { EncodingInfo } from '../schema/result.js';
import type { Spans } from '../parse/assemble.js';

/** A sentence of a block, with its offsets in the block text. */
export interface Sentence {
  block: number;
  from: number;
  to: number;
  text: string;
}

/** Everything a rule may read about one source. Rules never do I/O. */
export interface AuditContext {
  source: { path: string; name: string };
  /** Decoded source text. */
  text: string;
  encoding: EncodingInfo;
  doc: DocumentModel;
  spans: Spans;
  claims: Claims;
  /** The report's forecast period: as stated, else the horizon of its title. */
  forecast: { from: number; to: number } | null;
  /** Sentences of every block, computed once and shared by all rules. */
  sentences(): Sentence[];
  /** Named entities (places, organisations, money, percentages, dates), computed on first use. */
  entities(): Entity[];
}
