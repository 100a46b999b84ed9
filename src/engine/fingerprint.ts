import { hexDigest } from '../runtime/digest.js';
import type { Evidence } from '../schema/position.js';
import { collapseWhitespace } from '../util/whitespace.js';

// collapseWhitespace is `replace(/\s+/g, ' ').trim()`, without the replacement when a quote is tidy already.
const norm = (s: string) => collapseWhitespace(s).toLowerCase();

/**
 * A finding's identity for baselines: rule, message id, optional key and the quoted evidence
 * text, never offsets, so edits elsewhere in the file do not change it.
 */
export function fingerprintOf(ruleId: string, messageId: string, evidence: Array<Evidence | null>, key = ''): string {
  // The joined text is the same bytes as one hash update per part (the first implementation), in one call.
  let text = `${ruleId}\0${messageId}\0${key}`;
  for (const e of evidence) text += '\0' + (e ? norm(e.quote) : '');
  return hexDigest('sha256', text).slice(0, 24);
}
