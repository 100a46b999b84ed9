import { createHash } from 'node:crypto';
import type { Evidence } from '../schema/position.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A finding's identity for baselines: rule, message id, optional key and the quoted evidence
 * text, never offsets, so edits elsewhere in the file do not change it.
 */
export function fingerprintOf(ruleId: string, messageId: string, evidence: Array<Evidence | null>, key = ''): string {
  // One update of the joined text hashes the same bytes as one update per part, with one call into the hash.
  let text = `${ruleId}\0${messageId}\0${key}`;
  for (const e of evidence) text += '\0' + (e ? norm(e.quote) : '');
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
