/**
 * A link to a file beside the page, whatever characters its name holds: each path segment is
 * percent-encoded and the result starts with "./", so a name like "javascript:x" or "#a?b"
 * can only ever be a relative file path.
 */
export function relativeHref(path: string): string {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s.length > 0 && s !== '.');
  const encoded = segments.map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
  return encoded.startsWith('..') ? encoded : `./${encoded}`;
}
