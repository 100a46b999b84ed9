import { groupCopies, type CopyKey } from './copies.js';

/**
 * Figures against the consensus of other sources on the same market. Publishers define markets
 * differently and disagree by a factor of two as a matter of course, so a figure is out of line
 * only when at least `minOthers` other independent sources (copies of one page count once) agree
 * among themselves and it lies far from them: a size more than `sizeFactor` times their median
 * (or less than 1/`sizeFactor` of it), a growth rate more than `ratePoints` points from theirs.
 */
export interface ConsensusOptions {
  /** A size this many times the others' median (or that fraction of it) is out of line. */
  sizeFactor: number;
  /** Others agree when their sizes lie within this factor of their median. */
  agreementFactor: number;
  /** A growth rate this many percentage points from the others' median is out of line. */
  ratePoints: number;
  /** Others agree when their rates lie within this many points of their median. */
  rateAgreement: number;
  /** Other independent sources that must agree before any figure is judged against them. */
  minOthers: number;
  /** A source's size may be carried to a year at most this far from a year it states, by its own growth rate. */
  projectYears: number;
}

/** What the analysis reads of a source (its fingerprint without evidence). */
export interface MarketMember {
  name: string;
  market: string | null;
  label: string | null;
  sizes: ReadonlyArray<{ year: number; usd: number; text: string }>;
  rates: ReadonlyArray<{ rate: number; from: number; to: number; text: string }>;
  copy: CopyKey | null;
}

/** One independent source's figure for a comparison: stated, or projected from a year it states by a rate it states. */
export interface SizeValue {
  /** Index of the independent source (group of copies) within its market. */
  group: number;
  /** The member (index into the analysed members) whose figure this is. */
  member: number;
  usd: number;
  /** The stated year it was carried from, and the rate (percent), when projected. */
  projected: { from: number; rate: number } | null;
}

export interface RateValue {
  group: number;
  member: number;
  rate: number;
  from: number;
  to: number;
}

export type ConsensusStatus = 'consensus' | 'too-few-sources' | 'wide-spread';

export interface SizeOutlier {
  kind: 'size';
  group: number;
  member: number;
  year: number;
  usd: number;
  median: number;
  /** The range of the other sources that agree. */
  low: number;
  high: number;
  /** How many times the median (≥ 1 above, < 1 below). */
  ratio: number;
  others: SizeValue[];
  /** Other years in which the same source is out of line too. */
  alsoYears: number[];
}

export interface RateOutlier {
  kind: 'rate';
  group: number;
  member: number;
  rate: number;
  from: number;
  to: number;
  median: number;
  low: number;
  high: number;
  others: RateValue[];
  /** Other periods in which the same source is out of line too, as "from–to". */
  alsoPeriods: string[];
}

export interface MarketAnalysis {
  market: string;
  label: string;
  /** Independent sources: each a group of members (copies of one page), first member first. */
  groups: number[][];
  years: Array<{ year: number; values: SizeValue[]; median: number | null; status: ConsensusStatus }>;
  /** Each source's first stated growth rate, side by side (their periods may differ). */
  rates: { values: RateValue[]; median: number | null; status: ConsensusStatus };
  outliers: Array<SizeOutlier | RateOutlier>;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The others' median and the range of those that agree with it, or null when fewer than `min` agree. */
interface Agreement {
  median: number;
  low: number;
  high: number;
}

/** Window of values that agree with a median. */
type Near = (m: number) => readonly [number, number];

function agreement(values: readonly number[], near: Near, min: number): Agreement | null {
  if (values.length < min) return null;
  const m = median(values);
  const [lo, hi] = near(m);
  const agreeing = values.filter((v) => v >= lo && v <= hi);
  if (agreeing.length < min) return null;
  return { median: m, low: Math.min(...agreeing), high: Math.max(...agreeing) };
}

/** First index of sorted `s` whose value is ≥ x (or > x when `after`). */
function bound(s: readonly number[], x: number, after = false): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid] < x || (after && s[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * agreement() of every value but the one at index k of the sorted values, read off the sorted
 * list (so judging each of n sources against the rest costs log n, not n log n).
 */
function agreementWithout(sorted: readonly number[], k: number, near: Near, min: number): Agreement | null {
  const n = sorted.length - 1;
  if (n < min) return null;
  const at = (i: number) => sorted[i < k ? i : i + 1];
  const m = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const [lo, hi] = near(m);
  let first = bound(sorted, lo);
  let last = bound(sorted, hi, true) - 1;
  if (first === k) first++;
  if (last === k) last--;
  const count = last - first + 1 - (k > first && k < last ? 1 : 0);
  if (count < min) return null;
  return { median: m, low: sorted[first], high: sorted[last] };
}

function statusOf(values: readonly number[], near: Near, minOthers: number): ConsensusStatus {
  if (values.length < minOthers + 1) return 'too-few-sources';
  return agreement(values, near, minOthers) ? 'consensus' : 'wide-spread';
}

interface Source {
  members: number[];
  sizes: Map<number, { usd: number; member: number }>;
  rates: Array<{ rate: number; from: number; to: number; member: number }>;
}

/** A group of copies as one source: for each year the first member's figure that gives one, and every distinct period's rate. */
function sourceOf(group: number[], members: readonly MarketMember[]): Source {
  const sizes = new Map<number, { usd: number; member: number }>();
  const rates: Source['rates'] = [];
  for (const m of group) {
    for (const s of members[m].sizes) if (!sizes.has(s.year)) sizes.set(s.year, { usd: s.usd, member: m });
    for (const r of members[m].rates) if (!rates.some((x) => x.from === r.from && x.to === r.to)) rates.push({ ...r, member: m });
  }
  return { members: group, sizes, rates };
}

/** A source's size for `year`: stated, else carried from the nearest year it states by a rate of its own whose period spans both. */
function sizeIn(source: Source, group: number, year: number, maxYears: number): SizeValue | null {
  const stated = source.sizes.get(year);
  if (stated) return { group, member: stated.member, usd: stated.usd, projected: null };
  let best: SizeValue | null = null;
  let bestDistance = Infinity;
  for (const [from, s] of source.sizes) {
    const distance = Math.abs(year - from);
    if (distance > maxYears || distance >= bestDistance) continue;
    const lo = Math.min(year, from);
    const hi = Math.max(year, from);
    // A CAGR "from 2024" compounds on the 2023 base as often as on 2024's: a year's slack at the start.
    const rate = source.rates.find((r) => r.from - 1 <= lo && hi <= r.to);
    if (!rate) continue;
    best = { group, member: s.member, usd: s.usd * (1 + rate.rate / 100) ** (year - from), projected: { from, rate: rate.rate } };
    bestDistance = distance;
  }
  return best;
}

/** Years two periods share, against the shorter period's length. */
function overlap(a: { from: number; to: number }, b: { from: number; to: number }): number {
  const shared = Math.min(a.to, b.to) - Math.max(a.from, b.from);
  return shared <= 0 ? 0 : shared / Math.max(1, Math.min(a.to - a.from, b.to - b.from));
}

function analyseMarket(market: string, indices: number[], members: readonly MarketMember[], options: ConsensusOptions): MarketAnalysis {
  const groups = groupCopies(indices.map((i) => members[i].copy)).map((g) => g.map((k) => indices[k]));
  const grouped = new Set(groups.flat());
  for (const i of indices) if (!grouped.has(i)) groups.push([i]);
  groups.sort((a, b) => a[0] - b[0]);
  const sources = groups.map((g) => sourceOf(g, members));

  const sizeNear: Near = (m) => [m / options.agreementFactor, m * options.agreementFactor];
  const rateNear: Near = (m) => [m - options.rateAgreement, m + options.rateAgreement];

  const allYears = [...new Set(sources.flatMap((s) => [...s.sizes.keys()]))].sort((a, b) => a - b);
  const years = allYears.map((year) => {
    const values = sources.map((s, g) => sizeIn(s, g, year, options.projectYears)).filter((v): v is SizeValue => v !== null);
    const usd = values.map((v) => v.usd);
    return { year, values, median: usd.length ? median(usd) : null, status: statusOf(usd, sizeNear, options.minOthers) };
  });

  const outliers: MarketAnalysis['outliers'] = [];
  // Sizes: each stated figure against the other sources' figures for its year.
  const sizeHits = new Map<number, SizeOutlier[]>();
  for (const { year, values } of years) {
    const order = values.map((_, i) => i).sort((a, b) => values[a].usd - values[b].usd);
    const sorted = order.map((i) => values[i].usd);
    order.forEach((i, k) => {
      const v = values[i];
      if (v.projected) return;
      const agreed = agreementWithout(sorted, k, sizeNear, options.minOthers);
      if (!agreed) return;
      const ratio = v.usd / agreed.median;
      if (Math.max(ratio, 1 / ratio) < options.sizeFactor || (v.usd >= agreed.low && v.usd <= agreed.high)) return;
      const others = values.filter((o) => o.group !== v.group);
      const hit: SizeOutlier = { kind: 'size', group: v.group, member: v.member, year, usd: v.usd, ...agreed, ratio, others, alsoYears: [] };
      const list = sizeHits.get(v.group);
      if (list) list.push(hit);
      else sizeHits.set(v.group, [hit]);
    });
  }
  for (const hits of sizeHits.values()) {
    const worst = hits.reduce((a, b) => (Math.abs(Math.log(b.ratio)) > Math.abs(Math.log(a.ratio)) ? b : a));
    worst.alsoYears = hits.filter((h) => h !== worst).map((h) => h.year);
    outliers.push(worst);
  }

  // Rates: each stated rate against the other sources' rates for overlapping periods.
  const rateHits = new Map<number, RateOutlier[]>();
  sources.forEach((source, g) => {
    for (const r of source.rates) {
      const others: RateValue[] = [];
      sources.forEach((other, h) => {
        if (h === g) return;
        let best: RateValue | null = null;
        let bestOverlap = 0.5 - 1e-9;
        for (const o of other.rates) {
          const shared = overlap(r, o);
          if (shared > bestOverlap) [best, bestOverlap] = [{ group: h, member: o.member, rate: o.rate, from: o.from, to: o.to }, shared];
        }
        if (best) others.push(best);
      });
      const agreed = agreement(
        others.map((o) => o.rate),
        rateNear,
        options.minOthers,
      );
      if (!agreed || Math.abs(r.rate - agreed.median) < options.ratePoints || (r.rate >= agreed.low && r.rate <= agreed.high)) continue;
      const hit: RateOutlier = { kind: 'rate', group: g, member: r.member, rate: r.rate, from: r.from, to: r.to, ...agreed, others, alsoPeriods: [] };
      const list = rateHits.get(g);
      if (list) list.push(hit);
      else rateHits.set(g, [hit]);
    }
  });
  for (const hits of rateHits.values()) {
    const worst = hits.reduce((a, b) => (Math.abs(b.rate - b.median) > Math.abs(a.rate - a.median) ? b : a));
    worst.alsoPeriods = hits.filter((h) => h !== worst).map((h) => `${h.from}–${h.to}`);
    outliers.push(worst);
  }
  outliers.sort((a, b) => a.group - b.group || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

  const firstRates = sources
    .map((s, g) => (s.rates[0] ? { group: g, member: s.rates[0].member, rate: s.rates[0].rate, from: s.rates[0].from, to: s.rates[0].to } : null))
    .filter((v): v is RateValue => v !== null);
  const rateValues = firstRates.map((r) => r.rate);
  const rates = {
    values: firstRates,
    median: rateValues.length ? median(rateValues) : null,
    status: statusOf(rateValues, rateNear, options.minOthers),
  };

  const labels = indices.map((i) => members[i].label).filter((l): l is string => l !== null);
  return { market, label: mostCommon(labels) ?? market, groups, years, rates, outliers };
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * Every market that two or more sources cover (by market key), in key order, with each year's
 * sizes side by side, the sources' growth rates, whether they form a consensus, and the figures
 * out of line with one. Linear in the sources but for the grouping of copies (bucketed) and the
 * comparisons within one market.
 */
export function analyseMarkets(members: readonly MarketMember[], options: ConsensusOptions): MarketAnalysis[] {
  const byMarket = new Map<string, number[]>();
  members.forEach((m, i) => {
    if (m.market === null || (m.sizes.length === 0 && m.rates.length === 0)) return;
    const list = byMarket.get(m.market);
    if (list) list.push(i);
    else byMarket.set(m.market, [i]);
  });
  return [...byMarket.entries()]
    .filter(([, indices]) => indices.length >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([market, indices]) => analyseMarket(market, indices, members, options));
}
