import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { describePeriod, money, percent } from '../../src/numbers/format.js';
import { effectivePeriod, groupBy, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, round } from '../../src/numbers/interval.js';
import { mayBeDecline } from '../../src/numbers/decline.js';
import { thousandfoldApart } from '../../src/numbers/magnitude.js';
import { maxAllPairsOption, pairsToCompare } from '../../src/numbers/pairs.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { GrowthClaim, SizeClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/projection-order',
  severity: 'error',
  description: 'With a positive growth rate stated for a subject, a projected size for a later year below the size given for an earlier year.',
  rationale:
    'A subject said to grow at a positive compound rate over a period is larger at each later year of it. A projection that falls below an earlier projection, or below the base-year value, over years that rate covers means one of the figures belongs to another year, market or scenario. Sizes are compared within one subject and currency, each read with its rounding interval, and only when the later one is a projection ("to reach … by 2030") inside the period of the positive rate; a historical dip (a pandemic year) before the rate’s period is left alone, as is a rate whose sentence may describe a fall (a minus sign, “decline”, “negative”), and so is a fall by a power of 1000, which numbers/unit-slip reports as a slipped unit word.',
  messages: {
    backwards:
      '{subject} is projected at {later} in {laterYear}, below {earlier} in {earlierYear} ({ratio}× the earlier figure), although it is said to grow at {rate} ({period}).',
  },
  options: z.object({ approxTolerance: approxToleranceOption, maxAllPairs: maxAllPairsOption }),
  examples: {
    flagged: [
      {
        name: 'a 2030 projection below the 2028 one',
        input:
          'Hotel Booking Market 2024 - 2030\n\nThe hotel booking market is projected to reach $1.2 trillion by 2028.\n\nThe hotel booking market is forecast to grow at a CAGR of 10.2% from 2024 to 2030, reaching $950 billion by 2030.\n',
        expect: [
          {
            messageId: 'backwards',
            quotes: ['$950 billion', '$1.2 trillion', '10.2%'],
            data: { laterYear: 2030, earlierYear: 2028, rate: '10.2%' },
          },
        ],
      },
    ],
    clean: [
      {
        name: 'projections that rise',
        input:
          'Hotel Booking Market 2024 - 2030\n\nThe hotel booking market is projected to reach $800 billion by 2028.\n\nThe hotel booking market is forecast to grow at a CAGR of 10.2% from 2024 to 2030, reaching $950 billion by 2030.\n',
      },
      {
        name: 'a pandemic dip before the period of the rate',
        input:
          'Equipment Market\n\nThe equipment market declined from $456.9 billion in 2019 to $442.5 billion in 2020. It is expected to recover and grow at a CAGR of 6% from 2021 to 2023 and reach $603.6 billion in 2023.\n',
      },
      {
        name: 'a rate of decline: the sign is in the words',
        input:
          'Film Camera Market 2025 - 2030\n\nThe film camera market was valued at $2.1 billion in 2024 and is set to decline at a CAGR of 3.4% from 2025 to 2030, to $1.7 billion by 2030.\n',
      },
      {
        name: 'no growth rate stated: a decline may be what the page forecasts',
        input: 'Film Camera Market\n\nThe film camera market was valued at $2.1 billion in 2024 and is expected to reach $1.7 billion by 2030.\n',
      },
      {
        name: 'a region’s smaller projection beside the market’s',
        input:
          'Hotel Booking Market 2024 - 2030\n\nThe hotel booking market is projected to reach $900 billion by 2028 and will grow at a CAGR of 10.2% from 2024 to 2030.\n\nEurope is expected to reach $300 billion by 2030.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'backwards'>[] = [];
    const rising = resolved(ctx.claims.growth).filter(
      (g) => g.measure === 'cagr' && g.rate.value > 0 && g.qualifier !== 'under' && g.qualifier !== 'at-most' && !mayBeDecline(g),
    );
    if (rising.length === 0) return output(findings, 0);
    const bySubject = groupBy(
      ctx.sizeStatements().map((g) => g[0]),
      (c) => `${c.subject.key}|${c.currency}`,
    );
    const interval = (c: SizeClaim) => sizeInterval(c, o.approxTolerance);
    let checked = 0;
    for (const list of bySubject) {
      const rates = rising.filter((g) => g.subject.key === list[0].subject.key);
      if (rates.length === 0 || list.length < 2) continue;
      const sorted = [...list].sort((a, b) => a.year! - b.year!);
      checked++;
      for (const [i, j] of pairsToCompare(sorted.length, o.maxAllPairs)) {
        const [earlier, later] = [sorted[i], sorted[j]];
        if (later.year === earlier.year || later.role !== 'projection') continue;
        if (interval(later)[1] >= interval(earlier)[0]) continue;
        // A fall by a power of 1000 is a unit word slipped: numbers/unit-slip's finding.
        if (thousandfoldApart(earlier, later)) continue;
        const rate = rates.find((g) => covers(g, earlier.year!, later.year!, ctx.forecast));
        if (!rate) continue;
        findings.push({
          messageId: 'backwards',
          data: {
            subject: later.subject.kind === 'market' ? 'The market' : later.subject.label,
            later: money(later.value.value, later.currency, later.qualifier),
            laterYear: later.year,
            earlier: money(earlier.value.value, earlier.currency, earlier.qualifier),
            earlierYear: earlier.year,
            ratio: round(later.value.value / earlier.value.value, 2),
            rate: percent(rate.rate.text, rate.qualifier, rate.rateTo?.text),
            period: describePeriod(rate.period),
          },
          primary: { ...later.evidence, role: `size in ${later.year}` },
          related: [
            { ...earlier.evidence, role: `size in ${earlier.year}` },
            { ...rate.evidence, role: 'positive growth rate' },
          ],
          key: `${later.subject.key}|${earlier.year}-${later.year}|${later.value.value}`,
        });
      }
    }
    return output(findings, checked);
  },
});

/** Whether a rate's period (missing ends from the forecast period) spans both years; the base year before it counts. */
function covers(g: GrowthClaim, from: number, to: number, forecast: { from: number; to: number } | null): boolean {
  const p = effectivePeriod(g.period, forecast);
  return p !== null && from >= p.from - 1 && to <= p.to;
}
