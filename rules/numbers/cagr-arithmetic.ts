import { z } from 'zod';
import type { GrowthClaim, SizeClaim } from '../../src/schema/claims.js';
import { defineRule, output } from '../../src/engine/rule.js';
import { impliedRate } from '../../src/numbers/cagr.js';
import { describePeriod, fixed, percent, usd } from '../../src/numbers/format.js';
import { effectivePeriod, groupBy, growthSignature } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, intervalOf, round, type Interval } from '../../src/numbers/interval.js';
import { distinctSizes, sizeInterval } from '../../src/numbers/sizes.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/cagr-arithmetic',
  severity: 'error',
  description: 'A stated growth rate that the stated market sizes and their years cannot produce.',
  rationale:
    'Two sizes of the same market in two years fix its compound annual growth rate. As statcheck recomputes reported statistics, every figure is read as the interval its stated precision allows ("USD 4.38 Bn" is 4.375–4.385), the period is counted both as the years between the figures and inclusively, and a rate is flagged only when it lies outside everything those readings imply. Findings show the implied rate and its bounds.',
  messages: {
    inconsistent:
      'Stated growth rate {stated} ({period}) does not follow from {start} in {from} to {end} in {to}: that implies {implied}% a year (between {low}% and {high}% allowing for rounding and period convention).',
    implied:
      '{start} in {from} and {end} in {to} imply {implied}% a year (between {low}% and {high}%), which contradicts the growth rate {stated} ({period}) stated elsewhere.',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    materialGap: z.number().min(0).default(2).describe('Points beyond the implied interval after which a mismatch is an error rather than a warning.'),
    minOverlap: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe("Minimum share of the rate's period that must overlap the two sizes' years for them to be compared."),
    maxPairs: z.number().int().min(1).default(20000).describe('At most this many pairs of sizes are compared in one document.'),
  }),
  examples: {
    flagged: [
      {
        name: 'doubling in five years is not over 24% a year',
        input:
          'Widget Market 2025 - 2032\n\nAs of 2024, the widget market is valued at approximately $6 billion.\n\nThe widget market size is expected to reach $12 billion by 2029, reflecting a compound annual growth rate of over 24%.\n',
        expect: [{ messageId: 'inconsistent', quotes: ['over 24%', '$6 billion', '$12 billion'] }],
      },
    ],
    clean: [
      {
        name: 'consistent at stated precision',
        input:
          'Widget Market\n\nThe widget market is valued at USD 4.38 Bn in 2025 and is expected to reach USD 9.87 Bn by 2032, exhibiting a CAGR of 12.3% from 2025 to 2032.\n',
      },
      {
        name: 'consistent at the precision of every figure',
        input:
          'Widget Market\n\nThe widget market will grow at an 18.5% CAGR from 2023 to 2032, from its 2022 valuation of USD 9.6 billion to USD 52.4 billion by 2032.\n',
      },
      {
        name: 'consistent when the period is counted inclusively (n + 1)',
        input: 'Widget Market\n\nThe widget market was valued at USD 10.0 billion in 2025 and will reach USD 16.1 billion in 2030, a CAGR of 8.3%.\n',
      },
      {
        name: 'sizes of a different market',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 5% from 2025 to 2032.\n\nThe global gadget market was valued at $10 billion in 2025 and will reach $40 billion by 2032.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft[] = [];
    const sizes = distinctSizes(ctx.claims.sizes);
    const widen = (c: SizeClaim) => sizeInterval(c, o.approxTolerance);
    // Each rate's period and admissible interval, worked out once, grouped by subject like the sizes.
    const rates: Rate[] = groupBy(ctx.claims.growth, growthSignature).map((group) => ({
      group,
      period: effectivePeriod(group[0].period, ctx.forecast),
      stated: intervalOf(group[0].rate, group[0].qualifier, o.approxTolerance, group[0].rateTo),
    }));
    const bySubject = new Map<string, SizeClaim[]>();
    for (const g of sizes) (bySubject.get(g[0].subject.key) ?? bySubject.set(g[0].subject.key, []).get(g[0].subject.key)!).push(g[0]);
    let checked = 0;
    let pairs = 0;
    for (const [subject, list] of bySubject) {
      const subjectRates = rates.filter((r) => r.group[0].subject.key === subject);
      if (subjectRates.length === 0) continue;
      const spans = new Map<string, SpanRates>();
      for (const a of list) {
        for (const b of list) {
          if (a.year === null || b.year === null || b.year <= a.year) continue;
          // A bound on the work a hostile document full of figures can cause.
          if (++pairs > o.maxPairs) return output(findings, checked);
          const implied = impliedRate(a, b, widen);
          if (!implied) continue;
          const key = `${a.year}-${b.year}`;
          let span = spans.get(key);
          if (!span) spans.set(key, (span = spanRates(subjectRates, { from: a.year, to: b.year }, o.minOverlap)));
          checked += span.rates.length;
          for (const i of span.contradicted(implied.interval)) findings.push(finding(subjectRates[i], a, b, implied, o.materialGap));
        }
      }
    }
    return output(findings, checked);
  },
});

interface Rate {
  group: GrowthClaim[];
  period: ReturnType<typeof effectivePeriod>;
  stated: Interval;
}

/** Whether a rate's period overlaps enough of the years between two sizes for them to be compared. */
function overlapsEnough(period: Rate['period'], span: { from: number; to: number }, minOverlap: number): boolean {
  const from = period ? Math.max(span.from, Number.isFinite(period.from) ? period.from : span.from) : span.from;
  const to = period ? Math.min(span.to, Number.isFinite(period.to) ? period.to : span.to) : span.to;
  const periodLength = period && Number.isFinite(period.from) && Number.isFinite(period.to) ? period.to - period.from : span.to - span.from;
  return to - from >= minOverlap * Math.min(periodLength, span.to - span.from);
}

interface SpanRates {
  /** The subject's rates (by index) comparable with sizes in these two years. */
  rates: number[];
  /** Rates not reported yet for these years that contradict an implied interval, in the subject's order. */
  contradicted(implied: Interval): number[];
}

/**
 * The rates comparable with one pair of years, each reported at most once for them. A rate
 * contradicts an implied interval when its upper bound is below the interval or its lower bound
 * above it, so with the rates sorted both ways the ones to report are a prefix of each order, and
 * a cursor that only moves forward finds them: many sizes in the same two years (a long page of
 * repeated figures) cost a pass over the rates, not one per pair of sizes.
 */
function spanRates(rates: readonly Rate[], span: { from: number; to: number }, minOverlap: number): SpanRates {
  const comparable = rates.flatMap((r, i) => (overlapsEnough(r.period, span, minOverlap) ? [i] : []));
  const byHigh = [...comparable].sort((x, y) => rates[x].stated[1] - rates[y].stated[1]);
  const byLow = [...comparable].sort((x, y) => rates[y].stated[0] - rates[x].stated[0]);
  const reported = new Set<number>();
  let high = 0;
  let low = 0;
  return {
    rates: comparable,
    contradicted(implied) {
      const now: number[] = [];
      for (; high < byHigh.length && rates[byHigh[high]].stated[1] < implied[0]; high++) if (!reported.has(byHigh[high])) now.push(byHigh[high]);
      for (; low < byLow.length && rates[byLow[low]].stated[0] > implied[1]; low++) if (!reported.has(byLow[low])) now.push(byLow[low]);
      for (const i of now) reported.add(i);
      return now.sort((x, y) => x - y);
    },
  };
}

function finding(rate: Rate, a: SizeClaim, b: SizeClaim, implied: NonNullable<ReturnType<typeof impliedRate>>, materialGap: number): FindingDraft {
  const { group, stated } = rate;
  const r = group[0];
  const together = r.sentence.quote === a.sentence.quote || r.sentence.quote === b.sentence.quote;
  const miss = gap(stated, implied.interval);
  return {
    messageId: together ? 'inconsistent' : 'implied',
    data: {
      stated: percent(r.rate.text, r.qualifier, r.rateTo?.text),
      period: describePeriod(r.period),
      start: usd(a.usd.value, a.qualifier),
      from: a.year,
      end: usd(b.usd.value, b.qualifier),
      to: b.year,
      implied: fixed(implied.value),
      low: fixed(implied.interval[0]),
      high: fixed(implied.interval[1]),
    },
    severity: miss >= materialGap ? 'error' : 'warning',
    primary: { ...r.evidence, role: 'stated rate' },
    related: [
      { ...a.evidence, role: `size in ${a.year}` },
      { ...b.evidence, role: `size in ${b.year}` },
      ...group.slice(1).map((c) => ({ ...c.evidence, role: 'same rate, repeated' })),
    ],
    computed: {
      quantity: 'CAGR',
      unit: '%',
      stated: r.rate.value,
      statedLow: round(stated[0], 4),
      statedHigh: Number.isFinite(stated[1]) ? round(stated[1], 4) : undefined,
      computed: round(implied.value, 4),
      low: round(implied.interval[0], 4),
      high: round(implied.interval[1], 4),
      note: `n = ${implied.conventions.join(' or ')} years`,
    },
    key: `${growthSignature(r)}|${a.year}-${b.year}`,
  };
}
