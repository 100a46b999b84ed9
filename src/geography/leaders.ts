import type { Sentence } from '../schema/document.js';
import { belongsTo, findPlaces, type Place, type PlaceMatch } from '../lexicon/gazetteer.js';

/**
 * Countries a sentence names as a macro-region's leaders: "Led by countries such as Vietnam,
 * Thailand and Peru, the market in Asia-Pacific …", "Asia-Pacific, driven by China,
 * Japan and India, …". Offsets are the block's.
 */
export interface LeaderGroup {
  region: PlaceMatch & { block: number };
  countries: Array<PlaceMatch & { block: number }>;
}

/** Longer sentences are paragraphs run together; they are not read. */
const MAX_SENTENCE = 600;
/** How far the region may stand from the list it heads. */
const MAX_GAP = 80;
/** A list of leaders names at least this many countries, most of them in the region. */
const MIN_COUNTRIES = 3;

/** Words that introduce the leaders, at the end of the text before the first country ("led by", "countries such as"). */
const CUE =
  /\b(?:led|driven|dominated|headed|spearheaded|fu?ell?ed|propelled)\s+by(?:\s+(?:countries|nations|markets|economies)\s+(?:such as|like|including))?\s+(?:the\s+)?$|\b(?:such as|including|notably|particularly|especially|like|namely)\s+(?:the\s+)?$/i;
/** What may stand between two names of one list. */
const SEPARATOR = /^\s*(?:,\s*(?:and\s+|&\s+)?|\s(?:and|&)\s+)(?:the\s+)?$/i;

/** The runs of countries joined by commas and "and" in a sentence's places. */
function runs(text: string, places: readonly PlaceMatch[]): PlaceMatch[][] {
  const out: PlaceMatch[][] = [];
  let run: PlaceMatch[] = [];
  for (const p of places) {
    const joined = run.length > 0 && p.place.kind === 'country' && SEPARATOR.test(' ' + text.slice(run[run.length - 1].to, p.from) + ' ');
    if (joined) run.push(p);
    else {
      if (run.length > 0) out.push(run);
      run = p.place.kind === 'country' ? [p] : [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

function isMacro(p: Place): boolean {
  return p.kind === 'region' || p.kind === 'group';
}

/**
 * The leader lists of one sentence. Only a sentence that names exactly one macro-region, within
 * MAX_GAP characters of a cued list of at least MIN_COUNTRIES countries most of which belong to it,
 * says clearly whose leaders they are.
 */
export function leaderGroups(sentence: Sentence): LeaderGroup[] {
  if (sentence.text.length > MAX_SENTENCE) return [];
  const text = sentence.text;
  const places = findPlaces(text);
  const macros = places.filter((p) => isMacro(p.place));
  if (macros.length === 0 || new Set(macros.map((m) => m.place.code)).size !== 1) return [];
  const out: LeaderGroup[] = [];
  for (const run of runs(text, places)) {
    if (run.length < MIN_COUNTRIES || !CUE.test(text.slice(Math.max(0, run[0].from - 60), run[0].from))) continue;
    const [first, last] = [run[0], run[run.length - 1]];
    const region = macros.find((m) => (m.to <= first.from && first.from - m.to <= MAX_GAP) || (m.from >= last.to && m.from - last.to <= MAX_GAP));
    if (!region) continue;
    // No other country between the region and its list: it is the list the region names.
    const [gapFrom, gapTo] = region.to <= first.from ? [region.to, first.from] : [last.to, region.from];
    if (places.some((p) => p.place.kind === 'country' && p.from >= gapFrom && p.to <= gapTo)) continue;
    const members = run.filter((c) => belongsTo(region.place, c.place)).length;
    if (members < 2 || members <= run.length - members) continue;
    const at = (p: PlaceMatch) => ({ ...p, block: sentence.block, from: sentence.from + p.from, to: sentence.from + p.to });
    out.push({ region: at(region), countries: run.map(at) });
  }
  return out;
}
