// What is left of a UTF-8 character read through an ISO-8859 code page whose bytes 80–9F are
// control codes, after a scraper dropped those controls: "Here’s" (E2 80 99) shows as "Hereâs",
// an en dash between years (E2 80 93) as "2026ā2050" under ISO-8859-13, a no-break space (C2 A0)
// as "Ā " and an emoji's lead byte as a lone "đ". The lost bytes cannot be recovered, so a form
// is reported only where its surroundings show it cannot be a letter of a real word — between
// digits, inside an English contraction, before a space after punctuation, standing alone, or
// next to a spacing accent that no word contains ("â˘" for "™"). A Latvian "Rīgā", a Romanian
// "până" or a Polish "Łódź" stay words.

import { CODE_PAGES, charClass, sequenceLength, shown, shownRange, webCharacter, type CodePage } from './code-pages.js';

const ISO_PAGES = CODE_PAGES.filter((p) => p.controlsAt80);
/**
 * Lead bytes of the characters an English web page carries beyond ASCII: C2 (no-break space, ©,
 * ®, °), E2 (quotes, dashes, bullets, ™, arrows), EF (variation selector, byte order mark), F0
 * (emoji).
 */
const LEAD_BYTES = [0xc2, 0xe2, 0xef, 0xf0] as const;
const LEADS = ISO_PAGES.flatMap((p) => LEAD_BYTES.map((b) => shown(p, b)!));
/** Continuation bytes A0–BF as the pages show them (80–9F are the dropped controls). */
const VISIBLE = ISO_PAGES.flatMap((p) => shownRange(p, 0xa0, 0xbf));
const LEAD_SET = new Set(LEADS);
const VISIBLE_SET = new Set(VISIBLE);
const HAS_LEAD = new RegExp(`[${charClass(LEADS)}]`);
/** Spacing accents: shown for a continuation byte, they never follow a letter in real text. */
const SPACING_MARKS = new Set(['˘', '¸', 'ˇ', '˛', '´', '˝', '¨', '˙', '¯']);

const MAX_SCAN = 2_000_000;
const decoder = new TextDecoder('utf-8', { fatal: true });

export type LossyReason = 'between digits' | 'contraction' | 'between spaces' | 'no-break space' | 'spacing accent' | 'lone emoji lead' | 'beside mojibake';

export interface LossyMojibake {
  from: number;
  to: number;
  form: string;
  /** What it most likely read, when the surroundings or the bytes left decide it; null when the character is lost. */
  guess: string | null;
  /** The ISO pages that show this form, most common first (shared: read only). */
  charsets: readonly string[];
  reason: LossyReason;
}

/** The lead byte and visible continuation bytes of `run` under `page`, or null when the page does not show it so. */
function readAs(page: CodePage, run: string): { lead: number; bytes: number[] } | null {
  const chars = [...run];
  const lead = page.byteOf.get(chars[0]);
  if (lead === undefined || !(LEAD_BYTES as readonly number[]).includes(lead)) return null;
  const bytes = [lead];
  for (const c of chars.slice(1)) {
    const b = page.byteOf.get(c);
    if (b === undefined || b < 0xa0 || b > 0xbf) break;
    bytes.push(b);
  }
  // Lossy means at least one byte is missing.
  return bytes.length < sequenceLength(lead) ? { lead, bytes } : null;
}

/**
 * The character the bytes left could have been when one byte is missing, filling it with each
 * dropped control (80–9F) at each place: the one plausible character, or null when there is none
 * or several. Two or more missing bytes leave too many choices to name one.
 */
function onlyCompletion(bytes: number[], length: number): string | null {
  if (length - bytes.length !== 1) return null;
  const found = new Set<string>();
  for (let at = 1; at <= bytes.length; at++) {
    for (let b = 0x80; b <= 0x9f; b++) {
      const seq = [...bytes.slice(0, at), b, ...bytes.slice(at)];
      try {
        const c = decoder.decode(Uint8Array.from(seq));
        if ([...c].length === 1 && webCharacter(c.codePointAt(0)!)) found.add(c);
      } catch {
        // not UTF-8
      }
      if (found.size > 1) return null;
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** A letter; ASCII is decided without the Unicode property test. */
const isLetter = (c: string | undefined) => c !== undefined && (c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : /\p{L}/u.test(c));
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** English contraction endings after an apostrophe: "Here’s", "it’s", "don’t", "we’ve", "they’re", "I’ll", "I’m", "she’d". */
const CONTRACTION = /^(?:s|t|re|ve|ll|m|d)(?![\p{L}\p{N}])/u;

/**
 * Letters beyond ASCII near a run, other than the run's own character: a sign of text in a language
 * that uses them ("Latviešu dziesmās"), where the run is a letter. A page garbled through a code page
 * repeats the same form ("Hereâs … itâs … weâve"), which does not count.
 */
function foreignLettersNear(text: string, from: number, to: number): boolean {
  const own = text.slice(from, to);
  const window = text.slice(Math.max(0, from - 40), from) + text.slice(to, to + 40);
  for (const c of window) if (c > '\u007f' && c !== own && /\p{L}/u.test(c)) return true;
  return false;
}

/** Why a run cannot be a letter of a word, or null when it might be one. */
function reasonFor(text: string, from: number, to: number, lead: number, visible: string[]): { reason: LossyReason; guess: string | null } | null {
  const before = text[from - 1];
  const after = text[to];
  if (visible.some((c) => SPACING_MARKS.has(c))) return { reason: 'spacing accent', guess: null };
  if (lead === 0xe2 && visible.length === 0) {
    if (isDigit(before) && isDigit(after)) return { reason: 'between digits', guess: '–' };
    // "Here’s", "don’t" — in English text only: Latvian "dziesmās" and Romanian "atât" sit among other accented letters.
    if (isAsciiLetter(before) && isAsciiLetter(text[from - 2])) {
      const tail = CONTRACTION.exec(text.slice(to, to + 3));
      if (tail && (tail[0] !== 't' || before === 'n') && !foreignLettersNear(text, from, to)) return { reason: 'contraction', guess: '’' };
    }
    // "the trends â including": a dash between words, in English text.
    if (before === ' ' && after === ' ' && !foreignLettersNear(text, from, to)) return { reason: 'between spaces', guess: null };
  }
  if (lead === 0xc2 && visible.length === 0 && (after === ' ' || after === '\u00a0') && !isLetter(before)) {
    return { reason: 'no-break space', guess: '\u00a0' };
  }
  // An emoji's lead byte standing alone; not a currency sign after an amount ("100.000 đ").
  // Another emoji may follow at once ("đđ"); a letter may not (Vietnamese "đâu").
  if (lead === 0xf0 && !isLetter(before) && (after === undefined || !isLetter(after) || after === text[from])) {
    const previous = text.slice(Math.max(0, from - 3), from).trimEnd();
    if (!isDigit(previous[previous.length - 1])) return { reason: 'lone emoji lead', guess: null };
  }
  return null;
}

/**
 * Lossy mojibake in a text, skipping the ranges already explained (`taken`, sorted). Each run is
 * read through every ISO page that shows it; the pages are listed so a caller can settle on the
 * one that explains a whole document.
 */
interface Reading {
  lead: number;
  /** Characters of the run the reading accounts for. */
  length: number;
  visible: string[];
  charsets: string[];
  /** The one character the bytes left could have been, if there is one. */
  completion: string | null;
}

/** How the ISO pages read a run, remembered per run (runs are a few characters, and few distinct ones recur). */
const readings = new Map<string, Reading | null>();
const MAX_READINGS = 10_000;

function readingOf(run: string): Reading | null {
  const known = readings.get(run);
  if (known !== undefined) return known;
  const reads = ISO_PAGES.map((page) => ({ page, read: readAs(page, run) })).filter((r) => r.read !== null);
  let reading: Reading | null = null;
  if (reads.length > 0) {
    // The longest reading: the page that accounts for the most of the run.
    const longest = Math.max(...reads.map((r) => r.read!.bytes.length));
    const best = reads.filter((r) => r.read!.bytes.length === longest);
    const { lead, bytes } = best[0].read!;
    const chars = [...run].slice(0, bytes.length);
    reading = {
      lead,
      length: chars.join('').length,
      visible: chars.slice(1),
      charsets: best.map((r) => r.page.name),
      completion: onlyCompletion(bytes, sequenceLength(lead)),
    };
  }
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(run, reading);
  return reading;
}

/**
 * Lossy mojibake in a text, skipping the ranges already explained (`taken`, sorted). Each run is
 * read through every ISO page that shows it; the pages are listed so a caller can settle on the
 * one that explains a whole document.
 */
export function findLossyMojibake(input: string, taken: ReadonlyArray<{ from: number; to: number }> = []): LossyMojibake[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  if (!HAS_LEAD.test(text)) return [];
  const out: LossyMojibake[] = [];
  // A run that might be letters but shows a continuation byte is held, in case the next run cannot
  // be one and starts where it ends ("âĄ" before "ď¸"); one is held at a time.
  let held: LossyMojibake | null = null;
  let t = 0;
  // A walk, not a regex: lead characters are looked up in a set, and the run is the lead and up to three continuation characters after it.
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) < 0xc0 || !LEAD_SET.has(text[at])) continue;
    let end = at + 1;
    while (end < text.length && end - at <= 3 && VISIBLE_SET.has(text[end])) end++;
    while (t < taken.length && taken[t].to <= at) t++;
    if (t < taken.length && taken[t].from < end) continue;
    const reading = readingOf(text.slice(at, end));
    if (!reading) continue;
    const to = at + reading.length;
    const why = reasonFor(text, at, to, reading.lead, reading.visible);
    const last = out[out.length - 1];
    // Beside a run that cannot be a letter, a run with a continuation byte is mojibake too.
    const beside = !why && reading.visible.length > 0 && last !== undefined && last.to === at;
    if (!why && !beside && reading.visible.length === 0) continue;
    const found: LossyMojibake = {
      from: at,
      to,
      form: text.slice(at, to),
      guess: why?.guess ?? reading.completion,
      charsets: reading.charsets,
      reason: why?.reason ?? 'beside mojibake',
    };
    if (why || beside) {
      if (held && held.to === at) out.push(held);
      held = null;
      out.push(found);
    } else held = found;
    at = to - 1;
  }
  return out;
}
