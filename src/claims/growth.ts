import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { GrowthClaim } from '../schema/claims.js';
import { type PercentMatch, qualifierAt } from './numbers.js';
import { periodOf } from './period.js';
import { subjectBefore } from './subject.js';

export const GROWTH_CUE =
  /\bCAGRs?\b|\bcompound(?:ed)? annual(?:\s+growth)?|\bannual(?:ized)? growth\b|\bgrowth rate\b|\b(?:grow|grows|growing|grew|expand|expands|expanding|increase|increasing|rise|rising|advance|advancing|register(?:ing)?|witness(?:ing)?|exhibit(?:ing)?|post(?:ing)?)\s+(?:at\s+)?(?:an?\s+)?(?:(?:rate|pace|CAGR)\s+)?(?:of\s+)?(?=[~≈]?\s?\d)|\bper annum\b|\bannually\b|\by-?o-?y\b|\byear[- ]on[- ]year\b|\byear[- ]over[- ]year\b/gi;
export const SHARE_CUE =
  /\bshares?\b|\baccount(?:s|ed|ing)? for\b|\bhold(?:s|ing)?\b|\bcontribut\w*|\bcaptur\w*|\brepresent\w*|\bcompris\w*|\bmake up\b|\bmaking up\b|\bconstitut\w*|\bof the (?:global |total |overall |entire )?(?:market|revenue|sales)\b|\bremaining\b|\battributed\b/gi;

/** Distance from a figure to the nearest match of a cue within its window (Infinity if none). */
function distance(sentence: string, p: PercentMatch, cue: RegExp): number {
  let best = Infinity;
  const lo = Math.max(0, p.from - 90);
  const hi = Math.min(sentence.length, p.end + 45);
  const window = sentence.slice(lo, hi);
  cue.lastIndex = 0;
  for (const m of window.matchAll(cue)) {
    const at = lo + m.index!;
    const d = at >= p.end ? at - p.end : Math.max(0, p.from - (at + m[0].length));
    best = Math.min(best, d);
  }
  return best;
}

export type PercentKind = 'growth' | 'share' | null;

/** Whether a percentage is a growth rate, a share, or neither, by the nearest cue. */
export function classifyPercent(sentence: string, p: PercentMatch): PercentKind {
  const g = distance(sentence, p, GROWTH_CUE);
  const s = distance(sentence, p, SHARE_CUE);
  if (g === Infinity && s === Infinity) return null;
  return g <= s ? 'growth' : 'share';
}

export function growthClaim(
  id: string,
  s: Sentence,
  p: PercentMatch,
  spans: Spans,
  market: string | null,
  forecast: { from: number; to: number } | null,
): GrowthClaim {
  const q = qualifierAt(s.text, p.from);
  const qualifier = p.to ? 'range' : q.qualifier;
  return {
    id,
    kind: 'growth',
    rate: p.value,
    rateTo: p.to,
    qualifier,
    period: periodOf(s.text, forecast),
    subject: subjectBefore(s.text, p.from, market),
    evidence: spans.of(s.block, s.from + q.start, s.from + p.end, 'growth rate'),
    sentence: spans.of(s.block, s.from, s.to, 'sentence'),
  };
}
