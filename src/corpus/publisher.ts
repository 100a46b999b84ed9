import type { Link } from '../schema/document.js';

const HOST = /^[a-z][a-z0-9+.-]{0,20}:\/\/([^/?#:\s]{1,253})/i;

/** A link's host without "www.", lower case; null for relative or odd links. */
export function hostOf(href: string): string | null {
  const m = HOST.exec(href.trim());
  if (!m) return null;
  return m[1].toLowerCase().replace(/^www\d*\./, '');
}

/**
 * The publisher a scraped page links to most: report pages link their own site for samples,
 * purchases and related reports. Null when the page has no absolute links (plain text).
 */
export function publisherOf(links: readonly Pick<Link, 'href'>[]): string | null {
  const counts = new Map<string, number>();
  for (const l of links.slice(0, 2000)) {
    const h = hostOf(l.href);
    if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [h, c] of counts) if (c > n || (c === n && best !== null && h < best)) [best, n] = [h, c];
  return best;
}
