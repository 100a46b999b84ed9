import iconv from 'iconv-lite';

// The single-byte code pages a UTF-8 page gets misread as, with what each shows for every byte
// 80–FF, taken from iconv-lite rather than typed in. Windows-1252 and Latin-1 are the common case
// (mojibake.ts has always read them); the others are the Central European, Baltic, Turkish and
// Latin-9 pages a mis-declared or mis-guessed charset produces ("ā" for the lead byte of a dash
// under ISO-8859-13, "đ" for the lead byte of an emoji under ISO-8859-2).

export interface CodePage {
  /** The name an editor knows it by ("ISO-8859-2"). */
  name: string;
  /** Whether it is a Western page (Windows-1252, Latin-1), whose forms mojibake.ts reads first. */
  western: boolean;
  /**
   * Whether bytes 80–9F are C1 control codes, which a scraper drops: a UTF-8 character misread
   * through such a page loses those bytes and leaves only the rest (the "lossy" form).
   */
  controlsAt80: boolean;
  /** What the page shows for byte b (80–FF) at index b - 0x80; null where it shows nothing or a control code. */
  shows: ReadonlyArray<string | null>;
  /** The byte a shown character stands for. */
  byteOf: ReadonlyMap<string, number>;
}

function codePage(name: string, encoding: string, western: boolean): CodePage {
  const shows: Array<string | null> = [];
  const byteOf = new Map<string, number>();
  let controls = 0;
  for (let b = 0x80; b <= 0xff; b++) {
    const c = iconv.decode(Buffer.from([b]), encoding);
    const cp = c.codePointAt(0)!;
    if (c.length !== 1 || cp === 0xfffd || (cp >= 0x80 && cp <= 0x9f)) {
      if (cp >= 0x80 && cp <= 0x9f) controls++;
      shows.push(null);
      continue;
    }
    shows.push(c);
    byteOf.set(c, b);
  }
  return { name, western, controlsAt80: controls === 0x20, shows, byteOf };
}

/** In order of preference when several pages explain a form equally well. */
export const CODE_PAGES: readonly CodePage[] = [
  codePage('Windows-1252', 'windows-1252', true),
  codePage('Latin-1', 'latin1', true),
  codePage('ISO-8859-2', 'iso-8859-2', false),
  codePage('Windows-1250', 'windows-1250', false),
  codePage('ISO-8859-13', 'iso-8859-13', false),
  codePage('Windows-1257', 'windows-1257', false),
  codePage('ISO-8859-4', 'iso-8859-4', false),
  codePage('ISO-8859-9', 'iso-8859-9', false),
  codePage('Windows-1254', 'windows-1254', false),
  codePage('ISO-8859-15', 'iso-8859-15', false),
];

/** What the page shows for a byte, or null. */
export function shown(page: CodePage, byte: number): string | null {
  return byte >= 0x80 ? page.shows[byte - 0x80] : String.fromCharCode(byte);
}

/** A regex character class of the given characters. */
export function charClass(chars: Iterable<string>): string {
  return [...new Set(chars)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** The characters a page shows for bytes lo–hi. */
export function shownRange(page: CodePage, lo: number, hi: number): string[] {
  const out: string[] = [];
  for (let b = lo; b <= hi; b++) {
    const c = shown(page, b);
    if (c !== null) out.push(c);
  }
  return out;
}

/** How many bytes a UTF-8 sequence with this lead byte has (0 when it is not a lead byte). */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Characters an English web page carries beyond ASCII: Latin-1, punctuation, currency, letterlike
 * symbols (™), arrows, enclosed and dingbat symbols, the variation selector, the byte order mark
 * and emoji. A repair through a non-Western page must yield one of these: the letters of those
 * pages spell real words ("WSPÓŁ", read as D3 A3, would be Cyrillic "ӣ").
 */
export function webCharacter(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0xff) ||
    (cp >= 0x2010 && cp <= 0x205f) ||
    (cp >= 0x20a0 && cp <= 0x20bf) ||
    (cp >= 0x2100 && cp <= 0x214f) ||
    (cp >= 0x2190 && cp <= 0x21ff) ||
    (cp >= 0x2460 && cp <= 0x27bf) ||
    (cp >= 0x2b00 && cp <= 0x2bff) ||
    cp === 0xfe0f ||
    cp === 0xfeff ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}
