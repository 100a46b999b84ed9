import type { Spans } from '../parse/spans.js';
import type { Claims } from './kinds/index.js';
import type { DocumentModel, Sentence } from '../schema/document.js';
import type { EncodingInfo } from '../schema/result.js';

/**
 * A source as parsing and claim extraction leave it: what the fact finders below the engine read.
 * Rules get the engine's AuditContext, which adds the derived facts to this.
 */
export interface SourceView {
  source: { path: string; name: string };
  /** Decoded source text. */
  text: string;
  encoding: EncodingInfo;
  doc: DocumentModel;
  spans: Spans;
  claims: Claims;
  /** The report's forecast period: as stated, else the horizon of its title. */
  forecast: { from: number; to: number } | null;
  /** Sentences of every block, computed once. */
  sentences(): Sentence[];
}
