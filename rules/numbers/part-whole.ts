import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { money } from '../../src/numbers/format.js';
import { groupBy } from '../../src/numbers/groups.js';
import { approxToleranceOption, round } from '../../src/numbers/interval.js';
import { clauseNamesMarket, placeOf, regionCoversScope } from '../../src/numbers/scope.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { SizeClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/part-whole',
  severity: 'error',
  description: 'A region, country or segment sized above the whole market for the same year and currency.',
  rationale:
    'A region or segment is a part of the market it belongs to, so its size cannot exceed the market’s for the same year. Each figure is read as the interval its digits and qualifier allow ("over USD 56 billion" has no upper bound, "about" widens), and a part is reported only when even its lowest reading exceeds every size the page gives the market for that year; when one stated market size would hold it, the two market sizes disagree and that is numbers/size-conflict’s finding. A region that contains the place the report is about (North America in a US report) is not a part of it; a figure whose clause names no market (a region’s GDP, a government budget) and one far past the whole (another quantity) are left alone. Shares of one breakdown whose floors add up past 100% are numbers/share-sum’s finding.',
  messages: {
    exceeds:
      '{part} is sized at {partValue} in {year}, more than the whole market’s {whole} for the same year: {ratio}× the whole, and a part cannot exceed its whole.',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    maxRatio: z
      .number()
      .min(1)
      .default(20)
      .describe(
        'A part more than this many times the market is taken to measure something else (a region’s economy, a neighbouring industry) and is not reported.',
      ),
    slack: z.number().min(0).default(0).describe('Fraction of the market size a part may exceed it by before it is reported (0.05 = 5%).'),
  }),
  examples: {
    flagged: [
      {
        name: 'a region larger than the global market',
        input:
          'Widget Market Report 2025\n\nThe global widget market was valued at USD 9,057.83 million in 2024. North America accounted for USD 12.4 billion of the widget market in 2024.\n',
        expect: [{ messageId: 'exceeds', quotes: ['USD 12.4 billion', 'USD 9,057.83 million'], data: { part: 'North America', year: 2024, ratio: 1.37 } }],
      },
      {
        name: 'a segment of the breakdown larger than the market',
        input:
          'Widget Market Report 2025\n\nThe widget market was valued at USD 8.2 billion in 2024. By type, hardware was worth USD 10 billion in 2024.\n\nBy Type\n\n• Hardware\n• Software\n',
        expect: [{ messageId: 'exceeds', quotes: ['USD 10 billion', 'USD 8.2 billion'], data: { part: 'hardware' } }],
      },
    ],
    clean: [
      {
        name: 'a region smaller than the market',
        input:
          'Widget Market Report 2025\n\nThe global widget market was valued at USD 9.06 billion in 2024. North America accounted for USD 3.4 billion of the widget market in 2024.\n',
      },
      {
        name: 'a region’s later size above the market’s earlier one',
        input:
          'Widget Market Report 2025\n\nThe global widget market was valued at USD 9.06 billion in 2024. North America is expected to reach USD 12.4 billion by 2032.\n',
      },
      {
        name: 'a part equal to the whole once rounding is allowed',
        input:
          'Widget Market Report 2025\n\nThe widget market was valued at USD 9.5 billion in 2024. Asia Pacific accounted for about USD 10 billion in 2024.\n',
      },
      {
        name: 'a region that contains the report’s own country',
        input:
          'US Widget Market Report 2025\n\nThe widget market was valued at USD 9.06 billion in 2024. North America accounted for USD 12.4 billion of the widget market in 2024.\n',
      },
      {
        name: 'a region’s economy, not its market',
        input:
          'Widget Market Report 2025\n\nThe global widget market was valued at USD 9.06 billion in 2024. In North America, healthcare spending reached USD 4.9 trillion in 2024. The US government allocated USD 52 billion in 2024 to chip plants.\n',
      },
      {
        name: 'a market given only as a floor',
        input:
          'Widget Market Report 2025\n\nThe widget market was valued at more than USD 9 billion in 2024. North America accounted for USD 12.4 billion of the widget market in 2024.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'exceeds'>[] = [];
    const sizes = ctx.sizeStatements();
    const wholes = groupBy(
      sizes.filter((g) => g[0].subject.kind === 'market'),
      (g) => `${g[0].year}|${g[0].currency}`,
    );
    const wholesOf = new Map(wholes.map((list) => [`${list[0][0].year}|${list[0][0].currency}`, list]));
    const interval = (c: SizeClaim) => sizeInterval(c, o.approxTolerance);
    let checked = 0;
    for (const group of sizes) {
      const part = group[0];
      if (part.subject.kind !== 'region' && part.subject.kind !== 'segment') continue;
      const place = placeOf(part.subject);
      if (place && regionCoversScope(place, ctx.doc.metadata)) continue;
      // A place's GDP or a budget is no part of the market: a region's clause must name a market (a segment is one the page lists).
      if (part.subject.kind === 'region' && !clauseNamesMarket(part)) continue;
      const same = wholesOf.get(`${part.year}|${part.currency}`);
      if (!same) continue;
      checked++;
      const low = interval(part)[0];
      // Reported only when no stated market size for the year could hold the part.
      if (same.some((w) => interval(w[0])[1] * (1 + o.slack) >= low)) continue;
      // Far past the whole, the figure measures something else (or is a unit slip the other way).
      if (part.value.value > o.maxRatio * Math.max(...same.map((w) => w[0].value.value))) continue;
      const whole = same.map((w) => w[0]).reduce((a, b) => (b.value.value > a.value.value ? b : a));
      findings.push({
        messageId: 'exceeds',
        data: {
          part: part.subject.label,
          partValue: money(part.value.value, part.currency, part.qualifier),
          year: part.year,
          whole: money(whole.value.value, whole.currency, whole.qualifier),
          ratio: round(part.value.value / whole.value.value, 2),
        },
        primary: { ...part.evidence, role: `${part.subject.label} size in ${part.year}` },
        related: [
          { ...whole.evidence, role: `market size in ${whole.year}` },
          ...same
            .flatMap((w) => w)
            .filter((w) => w !== whole)
            .map((w) => ({ ...w.evidence, role: 'market size, same year' })),
          ...group.slice(1).map((c) => ({ ...c.evidence, role: 'repeated' })),
        ],
        computed: {
          quantity: `${part.subject.label} size ${part.year}`,
          unit: part.currency,
          stated: part.value.value,
          computed: whole.value.value,
          low: 0,
          high: interval(whole)[1],
          note: `a part may be at most the whole market (${money(whole.value.value, whole.currency, whole.qualifier)})`,
        },
        key: `${part.subject.key}|${part.year}|${part.value.value}`,
      });
    }
    return output(findings, checked);
  },
});
