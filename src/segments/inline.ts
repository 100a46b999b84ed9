import { labelDimension } from '../lexicon/label.js';
import { stripParentheticals } from '../lexicon/normalise.js';

/** A breakdown written into a sentence: "By Channel (Retail, Online, and Others)". */
export interface InlineBreakdown {
  dimension: string;
  /** Offsets of the cue ("By End User") and of each item in the block text. */
  cue: { from: number; to: number };
  items: Array<{ text: string; from: number; to: number }>;
}

/** Only this much of a block is searched for cues; one enumeration is at most MAX_CONTENT long. */
const MAX_BLOCK = 20_000;
const MAX_CONTENT = 3_000;
/** An enumeration item longer than this is prose, and the "enumeration" is not one. */
const MAX_ITEM_WORDS = 12;

// "By Therapy Type (", "By Source:" or "By application, the market is divided into": up to four
// words naming the dimension, then the character that says how the items follow.
const CUE = /\b(?:[Bb]y|[Ii]n terms of|[Bb]ased on|[Oo]n the basis of) ([A-Za-z][A-Za-z-]{0,30}(?: [A-Za-z][A-Za-z-]{0,30}){0,3}) ?([(:,])/g;

/**
 * After "By X," the clause that introduces the items: "the global market is segmented into",
 * "the market covers". Read on a short slice (the subject is a few words), so the lazy run is bounded.
 */
const INTRODUCER =
  /^[^.;:()]{0,100}?\b(?:(?:is|are|has been|have been|can be|was|were) (?:further |broadly |mainly |primarily )?(?:segmented|divided|categori[sz]ed|classified|split|bifurcated|segregated|grouped|broken down|sub-?divided|sub-?segmented)(?: (?:in)?to| as| across| among)?|covers|includes|comprises|spans|encompasses|consists of|is covered across) /;
const MAX_INTRODUCER = 140;

/** Split [from, to) of text at top-level commas/semicolons (or at " and " when there are none). */
function splitTopLevel(text: string, from: number, to: number): Array<{ from: number; to: number }> {
  const cuts: Array<{ from: number; to: number }> = [];
  const ands: number[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ';')) {
      cuts.push({ from: start, to: i });
      start = i + 1;
    } else if (depth === 0 && c === ' ' && text.startsWith(' and ', i)) ands.push(i);
  }
  cuts.push({ from: start, to });
  if (cuts.length > 1 || ands.length === 0) return cuts;
  const out: Array<{ from: number; to: number }> = [];
  let s = from;
  for (const a of ands) {
    out.push({ from: s, to: a });
    s = a + 5;
  }
  out.push({ from: s, to });
  return out;
}

/** Trim spaces, a leading "and"/"or" and trailing punctuation from [from, to). */
function trimItem(text: string, from: number, to: number): { from: number; to: number } {
  let f = from;
  let t = to;
  while (f < t && /\s/.test(text[f])) f++;
  while (t > f && /[\s.]/.test(text[t - 1])) t--;
  const lead = /^(?:and|or) /i.exec(text.slice(f, Math.min(t, f + 4)));
  if (lead) f += lead[0].length;
  return { from: f, to: t };
}

/** End of a parenthesised enumeration starting after "(" at `from`, or -1 when unbalanced. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  const end = Math.min(text.length, from + MAX_CONTENT);
  for (let i = from; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** End of a "By X: a, b and c" enumeration: the end of the sentence (a top-level ". " or ";"), of the block, or the next cue. */
function colonEnd(text: string, from: number, nextCue: number): number {
  const end = Math.min(text.length, from + MAX_CONTENT, nextCue);
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (
      depth === 0 &&
      (c === ';' || (c === '.' && /\s/.test(text[i + 1] ?? ' ') && !/\b(?:e\.g|i\.e|etc|inc|ltd|co|vs)$/i.test(text.slice(Math.max(from, i - 4), i))))
    )
      return i;
  }
  return end;
}

/**
 * Where the items of a cue start and end: inside "(…)" after "By X (" or "By X: (", to the end
 * of the sentence after "By X:", and after the introducing clause of "By X, the market is divided
 * into …". Null when the cue introduces no enumeration.
 */
function itemsRange(text: string, open: number, delimiter: string, nextCue: number): { from: number; to: number } | null {
  let from = open;
  if (delimiter === ',') {
    const clause = INTRODUCER.exec(text.slice(open, open + MAX_INTRODUCER));
    if (!clause) return null;
    from = open + clause[0].length;
  } else if (delimiter === ':') {
    while (from < text.length && text[from] === ' ') from++;
    if (text[from] === '(') delimiter = '(';
    else from = open;
    if (delimiter === '(') from++;
  }
  const to = delimiter === '(' ? closingParen(text, from) : colonEnd(text, from, nextCue);
  return to < 0 ? null : { from, to };
}

/** Enumerations introduced by "By <dimension>" (or "In terms of", "Based on") in a block's text. */
export function inlineBreakdowns(blockText: string): InlineBreakdown[] {
  const text = blockText.length > MAX_BLOCK ? blockText.slice(0, MAX_BLOCK) : blockText;
  const cues = [...text.matchAll(CUE)];
  const out: InlineBreakdown[] = [];
  cues.forEach((m, k) => {
    const dimension = labelDimension(m[1]);
    if (!dimension) return;
    const nextCue = k + 1 < cues.length ? cues[k + 1].index : text.length;
    const range = itemsRange(text, m.index + m[0].length, m[2], nextCue);
    if (!range) return;
    const items = splitTopLevel(text, range.from, range.to)
      .map((r) => trimItem(text, r.from, r.to))
      .filter((r) => r.to > r.from)
      .map((r) => ({ text: text.slice(r.from, r.to), from: r.from, to: r.to }));
    if (items.length < 2 || items.some((i) => stripParentheticals(i.text).split(' ').length > MAX_ITEM_WORDS)) return;
    const cueEnd = m.index + m[0].length - m[2].length;
    out.push({ dimension, cue: { from: m.index, to: text[cueEnd - 1] === ' ' ? cueEnd - 1 : cueEnd }, items });
  });
  return out;
}
