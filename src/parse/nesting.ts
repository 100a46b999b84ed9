/**
 * Hostile HTML can nest elements tens of thousands deep; the hast conversion behind rehype-parse
 * recurses once per level. Tags past `limit` levels are blanked out with spaces of the same
 * length, so every offset (and so every line:column) stays where it was. One linear scan.
 */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,30})\b[^<>]{0,4000}?(\/?)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

export const NESTING_LIMIT = 400;

/** Cheap upper bound: a document with fewer tags than the limit cannot be nested past it. */
function mayBeDeep(source: string, limit: number): boolean {
  let count = 0;
  for (let i = source.indexOf('<'); i >= 0; i = source.indexOf('<', i + 1)) if (++count > limit) return true;
  return false;
}

export function flattenDeepNesting(source: string, limit = NESTING_LIMIT): string {
  if (!mayBeDeep(source, limit)) return source;
  let depth = 0;
  let excess = 0;
  const cuts: Array<[number, number]> = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      if (excess > 0) {
        excess--;
        cuts.push([m.index, m.index + m[0].length]);
      } else if (depth > 0) depth--;
    } else if (depth >= limit) {
      excess++;
      cuts.push([m.index, m.index + m[0].length]);
    } else depth++;
  }
  if (cuts.length === 0) return source;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    parts.push(source.slice(at, from), ' '.repeat(to - from));
    at = to;
  }
  parts.push(source.slice(at));
  return parts.join('');
}
