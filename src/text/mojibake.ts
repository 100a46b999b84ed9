import iconv from 'iconv-lite';

// Mojibake is UTF-8 bytes decoded as Windows-1252 or Latin-1: "’" (E2 80 99) shows as "â€™".
// A run is a lead character (the 8-bit reading of a UTF-8 lead byte C2–F4) followed by as many
// characters as its sequence needs, each the 8-bit reading of a continuation byte (80–BF). Which
// characters those are comes from iconv-lite itself, not from a hand-typed table.

const CONTINUATION_BYTES = Buffer.from(Array.from({ length: 0x40 }, (_, i) => 0x80 + i));
const CONTINUATION_CHARS = new Set<string>([...iconv.decode(CONTINUATION_BYTES, 'windows-1252'), ...iconv.decode(CONTINUATION_BYTES, 'latin1')]);
CONTINUATION_CHARS.delete('\ufffd');

function charClass(chars: Iterable<string>): string {
  return [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

const C = `[${charClass(CONTINUATION_CHARS)}]`;
// Two-, three- and four-byte sequences; "Â"/"Ã" before a plain space is a no-break space (A0)
// that a parser turned into a space — unless it ends an upper-case word ("IRMÃ"). Every
// quantifier is fixed, so matching is linear.
const SEQUENCE = `[\\u00c2-\\u00df]${C}|[\\u00e0-\\u00ef]${C}{2}|[\\u00f0-\\u00f4]${C}{3}|(?<![A-Z\\u00c0-\\u00de])[\\u00c2\\u00c3](?= )`;
const RUN = new RegExp(SEQUENCE, 'g');
const HAS_RUN = new RegExp(SEQUENCE);

const MAX_SCAN = 2_000_000;
/** Every run starts with one of these; most text has none and is skipped at once. */
const LEAD = /[\u00c2-\u00f4]/;
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
  /** What it should read ("’"), after undoing up to three rounds of double encoding. */
  repaired: string;
  charset: 'Windows-1252' | 'Latin-1';
}

/** Mojibake runs in a text; adjacent sequences form one run so double encoding is undone as a whole. */
export function findMojibake(text: string): Mojibake[] {
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  if (!LEAD.test(scan)) return [];
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
    out.push({ from: r.from, to: r.to, form, repaired: fixed.text, charset: first.charset });
  }
  return out;
}

/** A repaired text as an editor can read it: invisible characters become "U+00A0 (no-break space)". */
export function visible(text: string): string {
  const names: Record<number, string> = { 0xa0: 'no-break space', 0xad: 'soft hyphen', 0xfeff: 'byte order mark', 0x200b: 'zero-width space' };
  return [...text]
    .map((c) => {
      const cp = c.codePointAt(0)!;
      if (c === ' ' || !/[\p{Z}\p{C}]/u.test(c)) return c;
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      return names[cp] ? `${hex} (${names[cp]})` : hex;
    })
    .join('');
}
