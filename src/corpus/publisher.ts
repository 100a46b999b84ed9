import { z } from 'zod';
import { PROMO_LEXICON } from '../lexicon/promo-lexicon.js';
import type { Block, Link } from '../schema/document.js';

const HOST = /^[a-z][a-z0-9+.-]{0,20}:\/\/([^/?#:\s]{1,253})/i;

/** A link's host without "www.", lower case; null for relative or odd links. */
export function hostOf(href: string): string | null {
  const m = HOST.exec(href.trim());
  if (!m) return null;
  return m[1].toLowerCase().replace(/^www\d*\./, '');
}

/**
 * The host a link leads to: a redirect that carries its target in a parameter ("…/click?url=https%3A…")
 * leads to that target's host.
 */
function targetHost(href: string): string | null {
  const query = href.indexOf('?');
  if (query >= 0) {
    const m = /=(https?(?::|%3A)(?:\/\/|%2F%2F)[^&#\s]{1,500})/i.exec(href.slice(query, query + 1000));
    if (m) {
      let target = m[1];
      try {
        target = decodeURIComponent(target);
      } catch {
        // a malformed escape: read it as written
      }
      const inner = hostOf(target);
      if (inner) return inner;
    }
  }
  return hostOf(href);
}

const TRACKING = new RegExp(String.raw`[?&#;](?:${PROMO_LEXICON.trackingParameters.parameters.join('|')})=`, 'i');

/** The host most links name (ties: the alphabetically first), counting at most 2,000 links. */
function mostNamed(hosts: Iterable<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const h of hosts) if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [h, c] of counts) if (c > n || (c === n && best !== null && h < best)) [best, n] = [h, c];
  return best;
}

// <link …> and <meta …> tags of the page head: each tag bounded, the head read no further than this.
const HEAD_CHARS = 200_000;
// A quoted attribute value may hold ">"; each alternative starts with its own character, so there is one way to match.
const TAG = /<(?:link|meta)\b(?:[^>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,1000}>/gi;
const ATTRIBUTE = /([a-z:_-]{1,40})\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\s"'>]{1,2000}))/gi;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) out.set(m[1].toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').trim());
  return out;
}

/** The page's own address and site name as its head declares them: `<link rel="canonical">`, `og:url`, `og:site_name`. */
export function declaredAddress(html: string): { url: string | null; siteName: string | null } {
  let url: string | null = null;
  let og: string | null = null;
  let siteName: string | null = null;
  const head = html.length > HEAD_CHARS ? html.slice(0, HEAD_CHARS) : html;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(head); m !== null; m = TAG.exec(head)) {
    const a = attributes(m[0]);
    const rel = a.get('rel')?.toLowerCase().split(/\s+/) ?? [];
    const property = (a.get('property') ?? a.get('name') ?? '').toLowerCase();
    if (!url && rel.includes('canonical') && hostOf(a.get('href') ?? '')) url = a.get('href')!;
    else if (!og && property === 'og:url' && hostOf(a.get('content') ?? '')) og = a.get('content')!;
    else if (!siteName && property === 'og:site_name' && a.get('content')) siteName = a.get('content')!.slice(0, 80);
  }
  return { url: (url ?? og)?.slice(0, 300) ?? null, siteName };
}

// "© 2024 Alpha Research Ltd. All rights reserved." / "Copyright (c) 2023-2024 Alpha Research" /
// "About Alpha Research": the holder's name, capitalised words (with "&", "-" and "." inside).
// A name starts with a letter (a year before it is not the name; "alpha.example" is), and goes on
// over capitalised words.
const NAME = String.raw`([A-Za-z][\w&'.-]{0,30}(?:[ \t][A-Z0-9&][\w&'.-]{0,30}){0,5})`;
const COPYRIGHT = new RegExp(
  String.raw`(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)(?:\s{0,3}(?:©|\([cC]\)))?\s{0,3}(?:(?:19|20)\d\d(?:\s{0,3}[-–]\s{0,3}(?:19|20)\d\d)?\s{0,3},?\s{0,3})?` +
    NAME,
);
const ABOUT = new RegExp(String.raw`^[Aa]bout\s{1,3}` + NAME + String.raw`\s{0,3}:?$`);
const NOT_A_NAME = /^(?:all|rights|the|us|our|this|these|company|report|reports|study|author|authors|publisher|website|site|page|me|you|them|it|inc|ltd|llc)$/i;
const LEGAL = /\s+(?:inc|ltd|llc|plc|gmbh|co|corp|pvt|private|limited|llp|sa|ag|bv)\b\.?/gi;

function holderName(raw: string): string | null {
  // The name ends with its sentence ("Alpha Ltd. All rights reserved", "Alpha. Reuse requires…").
  const name = raw
    .replace(/^by\s+/i, '')
    .split(/\.\s/)[0]
    .replace(/\s+(?:all|rights|reserved)\b.*$/i, '')
    .replace(/[.,\s]+$/, '')
    .trim();
  const core = name.replace(/^the\s+/i, '');
  if (core.length < 2 || NOT_A_NAME.test(core.split(/\s+/)[0])) return null;
  return name;
}

/** A publisher named by the page's boilerplate: "About X" (a heading or label), else "© 2024 X". */
export function boilerplateName(blocks: readonly Block[]): string | null {
  let copyright: string | null = null;
  for (const b of blocks) {
    const text = b.text.length > 400 ? b.text.slice(0, 400) : b.text;
    if (text.length <= 80 && /^about\s/i.test(text)) {
      const m = ABOUT.exec(text.trim());
      const name = m ? holderName(m[1]) : null;
      if (name) return name;
    }
    if (!copyright && /©|\(c\)|copyright/i.test(text)) {
      const m = COPYRIGHT.exec(text);
      copyright = m ? holderName(m[1]) : null;
    }
  }
  return copyright;
}

/** Second-level labels under which country domains register names ("alpha.co.uk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ltd', 'plc']);

/** A publisher's comparable id: the registered name of a host ("reports.alpha.co.uk" → "alpha"), or a name's letters ("Alpha Research Ltd" → "alpharesearch"). */
export function publisherId(host: string | null, name: string | null): string | null {
  if (host) {
    const labels = host.split('.');
    if (labels.length === 1) return labels[0];
    const tld = labels[labels.length - 1];
    const second = labels[labels.length - 2];
    const at = tld.length === 2 && SECOND_LEVEL.has(second) && labels.length >= 3 ? labels.length - 3 : labels.length - 2;
    return labels[at].replace(/[^a-z0-9]+/g, '') || labels[at];
  }
  if (name) {
    const letters = name
      .replace(LEGAL, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    return letters || null;
  }
  return null;
}

export const PublisherSchema = z.object({
  /** Comparable across sources: a host's registered name or a name's letters; null when unknown. */
  id: z.string().nullable(),
  /** What to call it: the site's host, with the name its boilerplate gives when there is one. */
  name: z.string().nullable(),
  host: z.string().nullable(),
  via: z.enum(['canonical', 'tracking', 'links', 'boilerplate']).nullable(),
  /** The address the page declares as its own (canonical link or og:url), clipped. */
  canonical: z.string().nullable(),
});
export type Publisher = z.infer<typeof PublisherSchema>;

/**
 * One model of a source's publisher, from the strongest evidence it has: the site its canonical
 * link names; else the site its tracking links lead to (a publisher tags the links that bring
 * readers back to it); else the site its links name most; else the name its boilerplate gives
 * ("About …", "© 2024 …"); else unknown.
 */
export function publisherModel(doc: { links: readonly Pick<Link, 'href'>[]; blocks: readonly Block[] }, html: string | null): Publisher {
  const declared = html ? declaredAddress(html) : { url: null, siteName: null };
  const links = doc.links.slice(0, 2000);
  let host: string | null = declared.url ? hostOf(declared.url) : null;
  let via: Publisher['via'] = host ? 'canonical' : null;
  if (!host) {
    host = mostNamed(links.filter((l) => TRACKING.test(l.href)).map((l) => targetHost(l.href)));
    if (host) via = 'tracking';
  }
  const named = declared.siteName ?? boilerplateName(doc.blocks);
  if (!host) {
    // Report pages link their own site most (samples, purchases, related reports), unless a linked
    // site bears the name the boilerplate gives: share buttons can outnumber a page's own links.
    const hosts = links.map((l) => hostOf(l.href));
    const namedId = named ? publisherId(null, named) : null;
    host = (namedId && hosts.find((h) => h && publisherId(h, null) === namedId)) || mostNamed(hosts);
    if (host) via = 'links';
  }
  if (!host && named) via = 'boilerplate';
  const name = host && named && named.toLowerCase().replace(/^www\./, '') !== host ? `${named} (${host})` : (host ?? named);
  return { id: publisherId(host, named), name, host, via, canonical: declared.url };
}

/**
 * publisherModel of a parsed source (its raw text is read for the head's links when it is HTML). The
 * rules' context computes it once per document: `ctx.publisher()`.
 */
export function sourcePublisher(ctx: { doc: { format: string; links: readonly Pick<Link, 'href'>[]; blocks: readonly Block[] }; text: string }): Publisher {
  return publisherModel(ctx.doc, ctx.doc.format === 'html' ? ctx.text : null);
}

/** How the cross-source messages name a publisher: its site, else the name its boilerplate gives. */
export function publisherLabel(p: Publisher): string | null {
  return p.host ?? p.name;
}
