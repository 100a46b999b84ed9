import * as crypto from 'node:crypto';

// The one-shot digest (Node ≥ 20.12) costs half as much as a Hash object; older Node versions get
// the same digest the long way.
const oneShot = typeof crypto.hash === 'function';

/** The hex digest of a text's UTF-8 bytes. */
export function hexDigest(algorithm: 'sha1' | 'sha256', text: string): string {
  return oneShot ? crypto.hash(algorithm, text, 'hex') : crypto.createHash(algorithm).update(text).digest('hex');
}
