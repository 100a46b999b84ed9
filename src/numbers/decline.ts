import type { GrowthClaim } from '../schema/claims.js';

const MINUS = /[-−–]\s?$/;
// Words that turn a rate into a fall; "negative CAGR of 4%" and "decline at a CAGR of -3%" are both read as 3–4% by the claims.
const FALLING = /\b(?:declin|decreas|shrink|shrank|contract|fall|fell|drop|negative|slump|plung|reced)/i;

/**
 * Whether a growth claim may describe a fall: its figure follows a minus sign, or its sentence speaks
 * of decline. The claims keep the magnitude only, so a rule that needs growth to be positive asks
 * here, and takes any doubt as a possible fall.
 */
export function mayBeDecline(g: GrowthClaim): boolean {
  const sentence = g.sentence.quote.slice(0, 2000);
  const at = g.evidence.start.offset - g.sentence.start.offset;
  if (at > 0 && at <= sentence.length && MINUS.test(sentence.slice(Math.max(0, at - 2), at))) return true;
  return FALLING.test(sentence);
}
