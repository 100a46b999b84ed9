// Notes of the writer or the generator left in the published text: self-corrections ("Actually,
// wait — let's correct that."), notes to an editor ("Note: figures to be updated"), the working of
// an estimate ("no CAGR is available for this market, so we estimate it", "assuming a 2024 base of
// roughly …") and a chat model talking to its user ("As an AI language model", "I hope this
// helps"). Report prose states findings and methods; it does not correct itself in mid-sentence or
// address the person who asked for it. Every pattern is a fixed phrase with bounded gaps.

import { memoByText } from '../cache/block-cache.js';

export type DraftingKind = 'self-correction' | 'editor-note' | 'estimate-working' | 'assistant-talk';

export interface DraftingNote {
  kind: DraftingKind;
  from: number;
  to: number;
  text: string;
}

const MAX_SCAN = 200_000;
const DASH = String.raw`\s?[,—–-]?\s?`;

const PATTERNS: Array<[DraftingKind, RegExp]> = [
  [
    'self-correction',
    new RegExp(
      String.raw`\b(?:actually|hmm+|oops|hold on)${DASH}wait\b|\b(?:actually|hmm+|oops|wait)${DASH}no(?=\s?[,—–.!:-])|\bwait${DASH}actually\b|\blet(?:'s|’s| me| us) (?:correct|fix|redo|recalculate|recompute|re-?check|double-check|re-?do|revise|rephrase|reconsider|re-?examine) (?:that|this|it|the (?:figure|number|math|calculation|estimate))\b|\bscratch that\b|\bon second thought\b|\bi (?:made|make) (?:a|an) (?:mistake|error)\b`,
      'gi',
    ),
  ],
  [
    'editor-note',
    new RegExp(
      String.raw`(?:^|(?<=[.!?]\s)|[([]\s?)(?:note|nb|n\.b\.|editor(?:'s|’s)? note|todo|fixme|tbd)\s?[:\-–]\s?[^.!?\n]{0,60}?\bto be (?:updated|confirmed|added|checked|verified|inserted|revised|finali[sz]ed)(?: (?:later|soon|shortly|before (?:release|publication)))?(?=\s?[.;)\]]|$)|[([]\s?(?:to be (?:updated|confirmed|added|inserted|verified)|add (?:source|citation|chart|figure|link)|citation needed|source needed|insert (?:chart|figure|graph|image|table|link|source)[^)\]]{0,40})\s?[)\]]`,
      'gi',
    ),
  ],
  [
    'estimate-working',
    new RegExp(
      String.raw`(?:\bno [\w -]{1,40}? (?:is|are|was|were) available|\b(?:is|are|was|were) (?:not available|unavailable))\b[^.!?\n]{0,60}?,? so (?:we|i|let(?:'s|’s| us| me))(?:'ll|’ll| will)? (?:estimate|assume|approximate|use|derive)(?: (?:it|this|that|them))?\b|\bso (?:we|i)(?:'ll|’ll| will)? (?:estimate|assume|approximate) (?:it|this|that|them)\b|\b(?:assuming|let(?:'s|’s| us) assume|we assume|i assume|if we assume) (?:a|an|the) (?:(?:19|20)\d\d )?(?:base|baseline|starting|start)(?: value| figure| size| year)? (?:of )?(?:roughly|about|approximately|around|some|~)`,
      'gi',
    ),
  ],
  [
    'assistant-talk',
    /\bas an ai(?: language)? model\b|\bas of my (?:last|latest) (?:update|knowledge update|training)\b|\bmy (?:knowledge|training) (?:cut-?off|data)\b|\bi (?:don't|do not|cannot|can't) (?:have )?(?:access to |browse )(?:real-time|current|the internet|live)\b|\bi hope this helps\b|\blet me know if you(?:'d| would)? (?:like|want|need)\b|\b(?:sure|certainly)[,!] here(?:'s|’s| is) (?:a|an|the|your)\b/gi,
  ],
];

/** Every pattern needs one of these words; text without them is skipped after one test. */
const TRIGGER =
  /actually|hmm|oops|hold on|wait|let(?:'s|’s| me| us)|scratch|second thought|mistake|error|note|nb|n\.b\.|todo|fixme|tbd|to be|citation|source needed|insert|add (?:source|citation|chart|figure|link)|available|assum|estimate|as an ai|my (?:last|latest|knowledge|training)|access to|browse|hope this|know if|here(?:'s|’s| is)/i;

/** Drafting notes in a text, in order, without overlaps. Remembered across a batch: read only. */
export const findDraftingNotes: (text: string) => readonly DraftingNote[] = memoByText(scan);

function scan(input: string): readonly DraftingNote[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  if (!TRIGGER.test(text)) return [];
  const found: DraftingNote[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) found.push({ kind, from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: DraftingNote[] = [];
  for (const n of found) {
    const last = out[out.length - 1];
    if (last && n.from < last.to) continue;
    // "Actually, wait — let's correct that": one note, though two phrases found it.
    if (last && last.kind === n.kind && /^[\s,.;:—–-]{0,4}$/.test(text.slice(last.to, n.from))) {
      out[out.length - 1] = { ...last, to: n.to, text: text.slice(last.from, n.to) };
      continue;
    }
    out.push(n);
  }
  return out;
}
