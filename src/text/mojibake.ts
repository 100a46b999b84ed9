import iconv from 'iconv-lite';
import { CODE_PAGES, charClass, shown, shownRange, webCharacter, type CodePage } from './code-pages.js';
import { findLossyMojibake } from './lossy-mojibake.js';

// Mojibake is UTF-8 bytes decoded as a single-byte code page: "’" (E2 80 99) shows as "â€™" under
// Windows-1252. A run is a lead character (the 8-bit reading of a UTF-8 lead byte C2–F4) followed
// by as many characters as its sequence needs, each the 8-bit reading of a continuation byte
// (80–BF). Which characters those are comes from iconv-lite itself, not from a hand-typed table.
// Windows-1252 and Latin-1 are read first and in full; the Central European, Baltic and Turkish
// pages (code-pages.ts) only where the repair is a character an English web page carries, since
// their letters make real words; what is left when a page dropped bytes is lossy-mojibake.ts's.

const CONTINUATION_BYTES = Buffer.from(Array.from({ length: 0x40 }, (_, i) => 0x80 + i));
const CONTINUATION_CHARS = new Set<string>([...iconv.decode(CONTINUATION_BYTES, 'windows-1252'), ...iconv.decode(CONTINUATION_BYTES, 'latin1')]);
CONTINUATION_CHARS.delete('\ufffd');

const C = `[${charClass(CONTINUATION_CHARS)}]`;
// Two-, three- and four-byte sequences; "Â"/"Ã" before a plain space is a no-break space (A0)
// that a parser turned into a space — unless it ends an upper-case word ("IRMÃ"). Every
// quantifier is fixed, so matching is linear.
const SEQUENCE = `[\\u00c2-\\u00df]${C}|[\\u00e0-\\u00ef]${C}{2}|[\\u00f0-\\u00f4]${C}{3}|(?<![A-Z\\u00c0-\\u00de])[\\u00c2\\u00c3](?= )`;
const RUN = new RegExp(SEQUENCE, 'g');
const HAS_RUN = new RegExp(SEQUENCE);

const MAX_SCAN = 2_000_000;
/** Every run starts with one of these (a lead byte as some code page shows it); most text has none and is skipped at once. */
const LEAD = new RegExp(`[${charClass(CODE_PAGES.flatMap((p) => shownRange(p, 0xc2, 0xf4)))}]`);
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Code points a repaired run may yield: Latin, Greek, Cyrillic, punctuation, symbols, CJK, emoji. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x52f) ||
    (cp >= 0x2000 && cp <= 0x2bff) ||
    (cp >= 0x3000 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    cp === 0xfeff ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

/** The bytes an 8-bit reading came from: Windows-1252 where it maps the character, else Latin-1 (C1 controls). */
function bytesOf(text: string): { bytes: Buffer; charset: 'Windows-1252' | 'Latin-1' } | null {
  const out: number[] = [];
  let charset: 'Windows-1252' | 'Latin-1' = 'Windows-1252';
  for (const c of text) {
    const w = iconv.encode(c, 'windows-1252');
    if (w.length === 1 && (w[0] !== 0x3f || c === '?')) {
      out.push(w[0]);
      continue;
    }
    const cp = c.codePointAt(0)!;
    if (cp > 0xff) return null;
    out.push(cp);
    charset = 'Latin-1';
  }
  return { bytes: Buffer.from(out), charset };
}

interface RepairedText {
  text: string;
  charset: 'Windows-1252' | 'Latin-1';
}

/** Decode `text` once as UTF-8 bytes misread as 8-bit text, or null when it is not such a misreading. */
function repairOnce(text: string): RepairedText | null {
  const read = bytesOf(text.replace(/ /g, '\u00a0'));
  if (!read) return null;
  let repaired: string;
  try {
    repaired = decoder.decode(read.bytes);
  } catch {
    return null;
  }
  for (const c of repaired) if (!plausible(c.codePointAt(0)!)) return null;
  return { text: repaired, charset: read.charset };
}

export interface Mojibake {
  from: number;
  to: number;
  /** The garbled text as it appears ("â€™"). */
  form: string;
  /**
   * What it should read ("’"), after undoing up to three rounds of double encoding; for a lossy
   * form the character it most likely was, or null when what is left cannot tell.
   */
  repaired: string | null;
  /** The code page that explains it (the first of `charsets`). */
  charset: string;
  /** Every code page that shows the form so, most common first. */
  charsets: string[];
  /** Whether bytes of the character were dropped, so that only part of it is left. */
  lossy: boolean;
}

/** Windows-1252 and Latin-1 runs; adjacent sequences form one run so double encoding is undone as a whole. */
function findWestern(scan: string): Mojibake[] {
  const runs: Array<{ from: number; to: number; open: boolean }> = [];
  for (const m of scan.matchAll(RUN)) {
    // The no-break-space form ends at its space, so "Â Â£" is two forms an editor replaces separately.
    const spaceForm = m[0].length === 1;
    const to = m.index + (spaceForm ? 2 : m[0].length);
    const last = runs[runs.length - 1];
    if (last && last.open && last.to === m.index) {
      last.to = to;
      last.open = !spaceForm;
    } else runs.push({ from: m.index, to, open: !spaceForm });
  }
  const out: Mojibake[] = [];
  for (const r of runs) {
    const form = scan.slice(r.from, r.to);
    const first = repairOnce(form);
    if (!first) continue;
    let fixed: RepairedText = first;
    for (let round = 0; round < 2 && HAS_RUN.test(fixed.text); round++) {
      const again = repairOnce(fixed.text);
      if (!again) break;
      fixed = again;
    }
    out.push({ from: r.from, to: r.to, form, repaired: fixed.text, charset: first.charset, charsets: [first.charset], lossy: false });
  }
  return out;
}

/**
 * Complete sequences through one non-Western page, leads limited to those of web characters: C2
 * and C3 (Latin-1 range), E2 (punctuation and symbols), EF (variation selector, BOM), F0 (emoji).
 */
function pagePattern(page: CodePage): RegExp {
  const c = `[${charClass(shownRange(page, 0x80, 0xbf))}]`;
  const lead = (...bytes: number[]) => `[${charClass(bytes.map((b) => shown(page, b)!))}]`;
  return new RegExp(`${lead(0xc2, 0xc3)}${c}|${lead(0xe2, 0xef)}${c}{2}|${lead(0xf0)}${c}{3}`, 'g');
}
const OTHER_PAGES = CODE_PAGES.filter((p) => !p.western).map((page) => ({ page, pattern: pagePattern(page) }));
const upper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);

function findOtherPages(scan: string, taken: Mojibake[]): Mojibake[] {
  const found = new Map<number, Mojibake>();
  for (const { page, pattern } of OTHER_PAGES) {
    let t = 0;
    for (const m of scan.matchAll(pattern)) {
      const to = m.index + m[0].length;
      while (t < taken.length && taken[t].to <= m.index) t++;
      if (t < taken.length && taken[t].from < to) continue;
      // Inside an upper-case word the pair is a word's letters ("PĂŞUNE"), not a misread symbol.
      if (m[0].length === 2 && (upper(scan[m.index - 1]) || upper(scan[to]))) continue;
      let repaired: string;
      try {
        repaired = decoder.decode(Uint8Array.from([...m[0]].map((c) => page.byteOf.get(c)!)));
      } catch {
        continue;
      }
      if ([...repaired].some((c) => !webCharacter(c.codePointAt(0)!))) continue;
      const same = found.get(m.index);
      if (same && same.form === m[0] && same.repaired === repaired) same.charsets.push(page.name);
      else if (!same) found.set(m.index, { from: m.index, to, form: m[0], repaired, charset: page.name, charsets: [page.name], lossy: false });
    }
  }
  return [...found.values()];
}

/** Mojibake in a text: complete runs through any code page, then what is left of characters whose bytes were dropped. */
export function findMojibake(text: string): Mojibake[] {
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  if (!LEAD.test(scan)) return [];
  const western = findWestern(scan);
  const complete = [...western, ...findOtherPages(scan, western)].sort((a, b) => a.from - b.from);
  const lossy: Mojibake[] = findLossyMojibake(scan, complete).map((l) => ({
    from: l.from,
    to: l.to,
    form: l.form,
    repaired: l.guess,
    charset: l.charsets[0],
    charsets: [...l.charsets],
    lossy: true,
  }));
  return [...complete, ...lossy].sort((a, b) => a.from - b.from);
}

/** A repaired text as an editor can read it: invisible characters become "U+00A0 (no-break space)". */
export function visible(text: string): string {
  const names: Record<number, string> = {
    0xa0: 'no-break space',
    0xad: 'soft hyphen',
    0xfeff: 'byte order mark',
    0x200b: 'zero-width space',
    0xfe0f: 'emoji variation selector',
  };
  return [...text]
    .map((c) => {
      const cp = c.codePointAt(0)!;
      // Spaces, controls and marks that combine with the character before are invisible alone.
      if (c === ' ' || !/[\p{Z}\p{C}\p{Mn}]/u.test(c)) return c;
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      return names[cp] ? `${hex} (${names[cp]})` : hex;
    })
    .join('');
}
