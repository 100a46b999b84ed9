import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { impliedRate, type ImpliedRate } from '../../src/numbers/cagr.js';
import { describePeriod, fixed, percent } from '../../src/numbers/format.js';
import { growthSignature, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, round } from '../../src/numbers/interval.js';
import { checkableRates, sizePairData, sizePairEvidence, sizePairs } from '../../src/numbers/rate-spans.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { SizeClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/floor-far-below',
  severity: 'warning',
  description: 'A growth rate stated as a floor ("over 6%") far below the rate the page’s own sizes for the same subject imply.',
  rationale:
    'A floor is literally true however far the real rate lies above it, so numbers/cagr-arithmetic accepts it; but "a CAGR of over 6%" beside sizes that imply 16% a year tells the reader the wrong story. The implied rate is computed as in numbers/cagr-arithmetic (same subject and currency, the years the rate’s period allows, every figure read with its rounding) and the floor is reported when even the lowest implied reading exceeds it by more than a margin. A floor above the implied rate is numbers/cagr-arithmetic’s finding, not this one.',
  messages: {
    farBelow:
      'The growth rate is given as {stated} ({period}), but {start} in {from} to {end} in {to} imply {implied}% a year (at least {low}% allowing for rounding), {excess} points above the floor.',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    margin: z
      .number()
      .min(0)
      .default(5)
      .describe('Percentage points by which the lowest implied rate must exceed the stated floor before the floor is reported.'),
    maxPairs: z.number().int().min(1).default(20000).describe('At most this many pairs of sizes are compared in one document.'),
  }),
  examples: {
    flagged: [
      {
        name: 'a floor of 6% beside sizes implying 16%',
        input:
          'Imaging Market\n\nThe imaging market was valued at USD 35 billion in 2023 and is expected to surpass USD 240 billion by 2036, growing at a CAGR of over 6% from 2024 to 2036.\n',
        expect: [{ messageId: 'farBelow', quotes: ['over 6%', 'USD 35 billion', 'USD 240 billion'], data: { implied: '15.96', from: 2023, to: 2036 } }],
      },
    ],
    clean: [
      {
        name: 'a floor just below the implied rate',
        input:
          'Imaging Market\n\nThe imaging market was valued at USD 35 billion in 2023 and is expected to reach USD 80 billion by 2033, growing at a CAGR of over 8% from 2023 to 2033.\n',
      },
      {
        name: 'an exact rate is numbers/cagr-arithmetic’s to check',
        input:
          'Imaging Market\n\nThe imaging market was valued at USD 35 billion in 2023 and is expected to reach USD 240 billion by 2036, growing at a CAGR of 6% from 2023 to 2036.\n',
      },
      {
        name: 'a region’s floor beside the market’s sizes',
        input:
          'Imaging Market\n\nThe imaging market was valued at USD 35 billion in 2023 and is expected to reach USD 240 billion by 2036.\n\nIn Europe, the imaging market will grow at a CAGR of over 6% from 2023 to 2036.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'farBelow'>[] = [];
    const widen = (c: SizeClaim) => sizeInterval(c, o.approxTolerance);
    const floors = resolved(ctx.claims.growth).filter((g) => g.measure === 'cagr' && (g.qualifier === 'over' || g.qualifier === 'at-least'));
    if (floors.length === 0) return output(findings, 0);
    let checked = 0;
    let pairs = 0;
    for (const { group, years, spans } of checkableRates(floors, ctx.sizesByYear(), ctx.forecast)) {
      const r = group[0];
      checked++;
      // The pair that comes closest to the floor: the floor is misleading only if every reading is far above it.
      let closest: { a: SizeClaim; b: SizeClaim; implied: ImpliedRate } | null = null;
      for (const [a, b] of sizePairs(spans, years)) {
        if (++pairs > o.maxPairs) return output(findings, checked);
        const implied = impliedRate(a, b, widen);
        if (implied && (!closest || implied.interval[0] < closest.implied.interval[0])) closest = { a, b, implied };
      }
      if (!closest) continue;
      const { a, b, implied } = closest;
      const excess = implied.interval[0] - r.rate.value;
      if (excess <= o.margin) continue;
      findings.push({
        messageId: 'farBelow',
        data: {
          stated: percent(r.rate.text, r.qualifier),
          period: describePeriod(r.period),
          ...sizePairData(a, b, implied),
          excess: fixed(excess, 1),
        },
        primary: { ...r.evidence, role: 'stated floor' },
        related: sizePairEvidence(a, b, group.slice(1)),
        computed: {
          quantity: 'CAGR',
          unit: '%',
          stated: r.rate.value,
          computed: round(implied.value, 4),
          low: round(implied.interval[0], 4),
          high: round(implied.interval[1], 4),
          note: `over ${b.year! - a.year!} years (${a.year}–${b.year}); floor exceeded by more than ${o.margin} points`,
        },
        key: `${growthSignature(r)}|${a.year}-${b.year}`,
      });
    }
    return output(findings, checked);
  },
});
