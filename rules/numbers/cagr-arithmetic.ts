import { z } from 'zod';
import type { GrowthClaim, SizeClaim } from '../../src/schema/claims.js';
import { defineRule, output } from '../../src/engine/rule.js';
import { impliedRate, type ImpliedRate } from '../../src/numbers/cagr.js';
import { describePeriod, percent } from '../../src/numbers/format.js';
import { growthSignature, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, round, statedRate, type Interval } from '../../src/numbers/interval.js';
import { checkableRates, sizePairData, sizePairEvidence, sizePairs } from '../../src/numbers/rate-spans.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { periodEvidence } from '../../src/numbers/period-evidence.js';

export default defineRule({
  id: 'numbers/cagr-arithmetic',
  severity: 'error',
  description: 'A stated growth rate that the stated market sizes and their years cannot produce.',
  rationale:
    'Two sizes of the same market in two years fix its compound annual growth rate. As statcheck recomputes reported statistics, every figure is read as the interval its stated precision allows ("USD 4.38 Bn" is 4.375–4.385), the period is counted both as the years between the figures and inclusively, and a rate is flagged only when it lies outside everything those readings imply. Findings show the implied rate and its bounds.',
  messages: {
    inconsistent:
      'Stated growth rate {stated} ({period}) does not follow from {start} in {from} to {end} in {to}: that implies {implied}% a year (between {low}% and {high}% allowing for rounding).',
    implied:
      '{start} in {from} and {end} in {to} imply {implied}% a year (between {low}% and {high}%), which contradicts the growth rate {stated} ({period}) stated elsewhere.',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    materialGap: z.number().min(0).default(2).describe('Points beyond the implied interval after which a mismatch is an error rather than a warning.'),
    maxPairs: z.number().int().min(1).default(20000).describe('At most this many pairs of sizes are compared in one document.'),
  }),
  examples: {
    flagged: [
      {
        name: 'both years stated: the period is the years between them, not one more (n + 1)',
        input: 'Widget Market\n\nThe widget market was valued at USD 10.0 billion in 2025 and will reach USD 16.1 billion in 2030, a CAGR of 8.3%.\n',
        expect: [{ messageId: 'inconsistent', quotes: ['8.3%', 'USD 10.0 billion', 'USD 16.1 billion'] }],
      },
      {
        name: 'doubling in five years is not over 24% a year',
        input:
          'Widget Market 2025 - 2032\n\nAs of 2024, the widget market is valued at approximately $6 billion.\n\nThe widget market size is expected to reach $12 billion by 2029, reflecting a compound annual growth rate of over 24%.\n',
        expect: [{ messageId: 'inconsistent', quotes: ['over 24%', '$6 billion', '$12 billion'] }],
      },
      {
        name: 'sizes in two sentences, the rate in a third',
        input:
          'Widget Market\n\nThe widget market was valued at USD 10.0 billion in 2025.\n\nThe widget market is expected to reach USD 16.1 billion by 2030.\n\nAnalysts expect the widget market to grow at a CAGR of 8.3% from 2025 to 2030.\n',
        expect: [
          {
            messageId: 'implied',
            quotes: ['8.3%', 'USD 10.0 billion', 'USD 16.1 billion', 'from 2025 to 2030'],
            data: { implied: '9.99', from: 2025, to: 2030 },
          },
        ],
      },
      {
        name: 'a hedged repeat of an exact figure gives the rate no latitude',
        input:
          'Widget Market\n\nThe widget market will be worth USD 16.0 billion by 2030.\n\nThe widget market should be worth about USD 16 billion by 2030, from USD 10.0 billion in 2025, a CAGR of 9.2% from 2025 to 2030.\n',
        expect: [{ messageId: 'inconsistent', quotes: ['9.2%', 'USD 10.0 billion', 'USD 16.0 billion'] }],
      },
    ],
    clean: [
      {
        name: 'a fall stated as a declining rate',
        input:
          'Widget Market\n\nThe widget market was valued at USD 10.0 billion in 2025 and is expected to decline to USD 8.59 billion by 2030, contracting at a CAGR of 3% from 2025 to 2030.\n',
      },
      {
        name: 'a rate within what an approximate figure admits',
        input:
          'Widget Market\n\nThe widget market should be worth about USD 16 billion by 2030, from USD 10.0 billion in 2025, a CAGR of 9.2% from 2025 to 2030.\n',
      },
      {
        name: 'consistent at stated precision',
        input:
          'Widget Market\n\nThe widget market is valued at USD 4.38 Bn in 2025 and is expected to reach USD 9.87 Bn by 2032, exhibiting a CAGR of 12.3% from 2025 to 2032.\n',
      },
      {
        name: 'a window stated from 2023 checked against the 2022 base value, over ten years',
        input:
          'Widget Market\n\nThe widget market will grow at an 18.5% CAGR from 2023 to 2032, from its 2022 valuation of USD 9.6 billion to USD 52.4 billion by 2032.\n',
      },
      {
        name: 'a rate with only an end year, consistent from one of the stated starts',
        input:
          'Widget Market\n\nThe widget market was estimated at USD 87.56 billion in 2025 and is expected to reach USD 102.09 billion in 2026, advancing at a CAGR of 17.08% to reach USD 264.19 billion by 2032.\n',
      },
      {
        name: 'sizes of a different market',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 5% from 2025 to 2032.\n\nThe global gadget market was valued at $10 billion in 2025 and will reach $40 billion by 2032.\n',
      },
      {
        name: "a region's rate beside the market's sizes",
        input:
          'Widget Market\n\nThe widget market was valued at USD 10.0 billion in 2025.\n\nThe widget market is expected to reach USD 16.1 billion by 2030.\n\nIn Europe, the widget market will grow at a CAGR of 8.3% from 2025 to 2030.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'inconsistent' | 'implied'>[] = [];
    const widen = (c: SizeClaim) => sizeInterval(c, o.approxTolerance);
    let checked = 0;
    let pairs = 0;
    for (const { group, years, spans } of checkableRates(
      resolved(ctx.claims.growth).filter((g) => g.measure === 'cagr'),
      ctx.sizesByYear(),
      ctx.forecast,
    )) {
      const r = group[0];
      checked++;
      const stated = statedRate(r, o.approxTolerance);
      // The rate holds if any pair of sizes over a span its period allows implies it; else the closest miss is reported.
      let closest: { a: SizeClaim; b: SizeClaim; implied: ImpliedRate; miss: number } | null = null;
      for (const [a, b] of sizePairs(spans, years)) {
        // A bound on the work a hostile document full of figures can cause.
        if (++pairs > o.maxPairs) return output(findings, checked);
        const implied = impliedRate(a, b, widen);
        if (!implied) continue;
        const miss = gap(stated, implied.interval);
        if (miss === 0) {
          closest = null;
          break;
        }
        if (!closest || miss < closest.miss) closest = { a, b, implied, miss };
      }
      if (closest) findings.push(finding(periodEvidence(ctx.spans, r.sentence, r.period), group, stated, closest.a, closest.b, closest.implied, o.materialGap));
    }
    return output(findings, checked);
  },
});

function finding(
  window: Evidence | null,
  group: GrowthClaim[],
  stated: Interval,
  a: SizeClaim,
  b: SizeClaim,
  implied: ImpliedRate,
  materialGap: number,
): FindingDraft<'inconsistent' | 'implied'> {
  const r = group[0];
  const together = r.sentence.quote === a.sentence.quote || r.sentence.quote === b.sentence.quote;
  const miss = gap(stated, implied.interval);
  return {
    messageId: together ? 'inconsistent' : 'implied',
    data: {
      stated: percent(r.rate.text, r.qualifier, r.rateTo?.text),
      period: describePeriod(r.period),
      ...sizePairData(a, b, implied),
    },
    severity: miss >= materialGap ? 'error' : 'warning',
    primary: { ...r.evidence, role: 'stated rate' },
    related: [...sizePairEvidence(a, b, group.slice(1)), ...(window ? [window] : [])],
    computed: {
      quantity: 'CAGR',
      unit: '%',
      stated: r.rate.value,
      statedLow: round(stated[0], 4),
      statedHigh: Number.isFinite(stated[1]) ? round(stated[1], 4) : undefined,
      computed: round(implied.value, 4),
      low: round(implied.interval[0], 4),
      high: round(implied.interval[1], 4),
      note: `over ${b.year! - a.year!} years (${a.year}–${b.year})`,
    },
    key: `${growthSignature(r)}|${a.year}-${b.year}`,
  };
}
