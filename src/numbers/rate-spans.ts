import type { GrowthClaim, Period, SizeClaim } from '../schema/claims.js';
import type { Evidence } from '../schema/position.js';
import type { ImpliedRate } from './cagr.js';
import { fixed, money } from './format.js';
import { groupBy, growthSignature } from './groups.js';

/**
 * The [from, to] pairs of years whose sizes a rate's period lets it be checked against. Two stated
 * years fix the period (y2 − y1 years). A window stated as "2025–2032" is checked against sizes for
 * 2025 and 2032, or, failing those, for the base year 2024 and 2032 (over eight years, not seven).
 * A rate with only an end year ("to reach … by 2032") may start at any year with a size; one that
 * relies on the forecast period may start at its first year or at the base year before it.
 */
export function candidateSpans(period: Period, years: readonly number[], forecast: { from: number; to: number } | null): Array<[number, number]> {
  const has = new Set(years);
  const exact = (from: number, to: number): Array<[number, number]> =>
    has.has(to) && has.has(from) ? [[from, to]] : has.has(to) && has.has(from - 1) ? [[from - 1, to]] : [];
  if (period.source !== 'forecast-period' && period.from !== null && period.to !== null) return exact(period.from, period.to);
  if (period.to !== null && period.from === null)
    return has.has(period.to) ? years.filter((y) => y < period.to!).map((y): [number, number] => [y, period.to!]) : [];
  if (period.from !== null && period.to === null)
    return has.has(period.from) ? years.filter((y) => y > period.from!).map((y): [number, number] => [period.from!, y]) : [];
  const window = period.source === 'forecast-period' && period.from !== null && period.to !== null ? period : forecast;
  if (!window || window.from === null || window.to === null) return [];
  return [
    ...exact(window.from, window.to),
    ...(has.has(window.from) && has.has(window.from - 1) && has.has(window.to) ? [[window.from - 1, window.to] as [number, number]] : []),
  ];
}

/**
 * The spans a rate is checked over: those its period allows, or, for a rate with no period of its
 * own beside two dated sizes in its sentence, the span of those sizes.
 */
export function rateSpans(r: GrowthClaim, years: ReadonlyMap<number, SizeClaim[]>, forecast: { from: number; to: number } | null): Array<[number, number]> {
  const spans = candidateSpans(r.period, [...years.keys()], forecast);
  if (spans.length > 0 || r.period.source !== 'none') return spans;
  const own = [...years].filter(([, list]) => list.some((c) => c.sentence.start.offset === r.sentence.start.offset)).map(([y]) => y);
  return own.length >= 2 ? [[Math.min(...own), Math.max(...own)]] : [];
}

/** The pairs of sizes (same currency) a rate's spans put side by side: the start's size, then the end's. */
export function* sizePairs(spans: ReadonlyArray<[number, number]>, years: ReadonlyMap<number, SizeClaim[]>): Generator<[SizeClaim, SizeClaim]> {
  for (const [from, to] of spans) for (const a of years.get(from) ?? []) for (const b of years.get(to) ?? []) if (a.currency === b.currency) yield [a, b];
}

/** What a finding about a rate and the sizes it was checked against shows: both sizes and years, and the rate they imply. */
export function sizePairData(a: SizeClaim, b: SizeClaim, implied: ImpliedRate): Record<string, string | number> {
  return {
    start: money(a.value.value, a.currency, a.qualifier),
    from: a.year!,
    end: money(b.value.value, b.currency, b.qualifier),
    to: b.year!,
    implied: fixed(implied.value),
    low: fixed(implied.interval[0]),
    high: fixed(implied.interval[1]),
  };
}

/** The evidence beside a rate's own: the two sizes, then repeats of the rate. */
export function sizePairEvidence(a: SizeClaim, b: SizeClaim, repeats: readonly GrowthClaim[]): Array<Evidence & { role: string }> {
  return [
    { ...a.evidence, role: `size in ${a.year}` },
    { ...b.evidence, role: `size in ${b.year}` },
    ...repeats.map((c) => ({ ...c.evidence, role: 'same rate, repeated' })),
  ];
}

/** Each distinct statement of a rate (repeats grouped) that its subject's sizes can check, with those sizes and the spans allowed. */
export function* checkableRates(
  rates: GrowthClaim[],
  bySubject: ReadonlyMap<string, ReadonlyMap<number, SizeClaim[]>>,
  forecast: { from: number; to: number } | null,
): Generator<{ group: GrowthClaim[]; years: ReadonlyMap<number, SizeClaim[]>; spans: Array<[number, number]> }> {
  for (const group of groupBy(rates, growthSignature)) {
    const years = bySubject.get(group[0].subject.key);
    if (!years) continue;
    const spans = rateSpans(group[0], years, forecast);
    if (spans.length > 0) yield { group, years, spans };
  }
}
