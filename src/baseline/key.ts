import type { BaselineEntry } from '../schema/baseline.js';

/** A finding's identity within one source, as a baseline matches it. */
export function identity(f: { ruleId: string; messageId: string; fingerprint: string }): string {
  return `${f.ruleId}\0${f.messageId}\0${f.fingerprint}`;
}

/** Entries in a stable order (source, rule, message id, fingerprint) so the file diffs cleanly. */
export function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => cmp(a.source, b.source) || cmp(a.ruleId, b.ruleId) || cmp(a.messageId, b.messageId) || cmp(a.fingerprint, b.fingerprint));
}
