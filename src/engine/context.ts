import type { SourceView } from '../claims/source-view.js';
import { withFacts, type Facts } from './facts.js';

/**
 * Everything a rule may read about one source: the source as parsed, with its claims and sentences,
 * and every derived fact (facts.ts), each computed on its first use. Rules never do I/O.
 */
export type AuditContext = SourceView & Facts;

/** The context of a source view. A copy of a context with a field replaced must be passed through here again, so that its facts read the new field. */
export function auditContext(view: SourceView): AuditContext {
  return withFacts(view);
}
