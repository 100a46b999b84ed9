import type { Sentence } from '../schema/document.js';
import type { Spans } from '../parse/spans.js';
import type { GrowthClaim, StatedNumber, Subject } from '../schema/claims.js';
import { dimensionCue, dimensionOf } from '../lexicon/dimension.js';
import { type PercentMatch, qualifierAt } from './numbers.js';
import { periodAt } from './period.js';
import type { SubjectReader } from './subject.js';

export const GROWTH_CUE =
  /\bCAGRs?\b|\bgrowth\s+of\b|\b(?:a|per|each)\s+year\b|\byearly\b|\bcompound(?:ed)? annual(?:\s+growth)?|\bannual(?:i[sz]ed)? growth\b|\bannual(?:i[sz]ed)?\s+(?:average\s+)?rate\s+of\b|\bgrowth rate\b|\b(?:grow|grows|growing|grew|expand|expands|expanding|increase|increasing|rise|rising|advance|advancing|register(?:ing)?|witness(?:ing)?|exhibit(?:ing)?|post(?:ing)?)\s+(?:at\s+)?(?:an?\s+)?(?:(?:rate|pace|CAGR)\s+)?(?:of\s+)?(?=[~≈]?\s?\d)|\bper annum\b|\bannually\b|\by-?o-?y\b|\byear[- ]on[- ]year\b|\byear[- ]over[- ]year\b/gi;
export const SHARE_CUE =
  /\bshares?\b|\baccount(?:s|ed|ing)? for\b|\bhold(?:s|ing)?\b|\bheld\b|\bcontribut\w*|\bcaptur\w*|\brepresent\w*|\bcompris\w*|\b(?:make|makes|made|making) up\b|\bresponsible for\b|\bconstitut\w*|\bof (?:the )?(?:(?:global|total|overall|entire|world|industry['’]s|market['’]s) )?(?:market|revenues?|sales|industry)\b|\bremaining\b|\battributed\b/gi;

/** Distance from a figure to the nearest match of a cue within its window (Infinity if none). */
// After a figure, a cue counts only up to the end of the figure's clause: in "… held 45% of revenue,
// and are expected to grow at 29%", "grow" says nothing of the 45%.
const CLAUSE_AFTER = /[;]|,\s+(?:and|while|whereas|but|with)\s|\s(?:while|whereas)\s/;

function distance(sentence: string, p: PercentMatch, cue: RegExp): number {
  let best = Infinity;
  const lo = Math.max(0, p.from - 90);
  const rest = sentence.slice(p.end, p.end + 45);
  const cut = CLAUSE_AFTER.exec(rest);
  const hi = p.end + (cut ? cut.index : rest.length);
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

// Around a figure: what says it is a yearly rate, one year's change, or a change over several years.
const ANNUAL =
  /\bCAGRs?\b|\bcompound(?:ed)?\s+annual|\bannual(?:ized|ised)?\s+(?:average\s+)?(?:growth|rate|pace|increase)|\bgrowth\s+rate\b|\brate\s+of\b|\b(?:a|per|each|every)\s+year\b|\bper\s+annum\b|\bannually\b|\byearly\b|\bp\.?a\.?(?![a-z])|\b(?:grow|grows|growing|grew|expand|expands|expanding|rise|rising|advance|advancing|increase|increasing)\s+at\b|\bat\s+an?\s+(?:\w+\s+){0,2}(?:rate|pace|CAGR)\b/i;
const ONE_YEAR =
  /\by-?o-?y\b|\byear[- ](?:on|over)[- ]year\b|\bfrom\s+(?:a|the\s+previous|the\s+prior)\s+year\b|\bover\s+the\s+(?:previous|prior|last)\s+year\b|\bcompared\s+(?:with|to)\s+(?:the\s+)?(?:previous|prior|last)\s+year\b/i;

/** What a growth percentage measures, from the words within its clause. */
export function growthMeasure(sentence: string, p: PercentMatch): GrowthClaim['measure'] {
  const window = sentence.slice(Math.max(0, p.from - 70), Math.min(sentence.length, p.end + 50));
  if (ONE_YEAR.test(window)) return 'year-on-year';
  if (ANNUAL.test(window)) return 'cagr';
  return 'change';
}

/** The breakdown a rate's subject belongs to: a region's, a listed segment's, or what its sentence names ("… share of end-user revenue"). */
export function dimensionOfSubject(subject: Subject, sentence: string): string | null {
  if (subject.kind === 'region') return 'region';
  if (subject.kind === 'segment' && subject.dimension) return subject.dimension;
  if (subject.kind === 'segment' || subject.kind === 'entity') return dimensionCue(sentence) ?? dimensionOf(sentence);
  return null;
}

// "-3%", "a CAGR of −3%": a minus sign against the figure. A spaced dash ("CAGR – 5.2%") is a separator.
const MINUS_BEFORE = /(?:^|[\s(:])[-−]$/;
// "decline at a CAGR of 3%", "fell by 18%", "a negative CAGR of 4%": the figure is the size of a fall.
const FALL_BEFORE =
  /\b(?:declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|contract(?:s|ed|ing)?|f[ae]ll(?:s|ing)?|drop(?:s|ped|ping)?|negative)\s+(?:at\s+|by\s+)?(?:an?\s+)?(?:(?:average\s+|annual\s+|compound(?:ed)?\s+annual\s+)?(?:growth\s+)?(?:CAGR|rate|pace)\s+of\s+)?$/i;

/** Whether the figure starting at `at` (its qualifier included) states a fall rather than growth. */
function isFall(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 60), at);
  return MINUS_BEFORE.test(before) || FALL_BEFORE.test(before);
}

function negated(n: StatedNumber): StatedNumber {
  return { ...n, value: -n.value, low: -n.high, high: -n.low, text: `-${n.text}` };
}

export function growthClaim(
  id: string,
  s: Sentence,
  p: PercentMatch,
  spans: Spans,
  subjects: SubjectReader,
  forecast: { from: number; to: number } | null,
  previous: GrowthClaim | null = null,
): GrowthClaim {
  const q = qualifierAt(s.text, p.from);
  const qualifier = p.to ? 'range' : q.qualifier;
  const subject = subjects.subjectAt(s, p.from);
  const falling = isFall(s.text, q.start);
  return {
    id,
    kind: 'growth',
    measure: growthMeasure(s.text, p),
    rate: falling ? negated(p.value) : p.value,
    rateTo: p.to && falling ? negated(p.to) : p.to,
    qualifier,
    period: periodAt(s.text, p.from, forecast, previous?.period ?? null),
    subject,
    dimension: dimensionOfSubject(subject, s.text),
    evidence: spans.of(s.block, s.from + q.start, s.from + p.end, 'growth rate'),
    sentence: spans.of(s.block, s.from, s.to, 'sentence'),
  };
}
