import type { SourceView } from '../claims/source-view.js';
import type { Entity } from '../schema/claims.js';

/** Everything a rule may read about one source. Rules never do I/O. */
export interface AuditContext extends SourceView {
  /** Named entities (places, organisations, money, percentages, dates), computed on first use. */
  entities(): Entity[];
}
