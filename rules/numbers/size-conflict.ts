import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { money } from '../../src/numbers/format.js';
import { groupBy, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, intersects, round } from '../../src/numbers/interval.js';
import { anchoredNote, maxAllPairsOption, pairsToCompare } from '../../src/numbers/pairs.js';
import { distinctSizes, sizeInterval } from '../../src/numbers/sizes.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/size-conflict',
  severity: 'error',
  description: "The same subject's market size for the same year stated as two values that rounding cannot reconcile.",
  rationale:
    'A market has one size in a given year. Two figures for the same market and year that differ beyond what their stated precision (and any "about") allows mean at least one was taken from another source, year or market.',
  messages: {
    conflict: '{subject} is sized at {a} in {year} here but {b} for the same year elsewhere ({ratio}× apart).',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    maxAllPairs: maxAllPairsOption,
  }),
  examples: {
    flagged: [
      {
        name: 'two sizes for one year',
        input: 'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025.\n\nIn 2025 the widget market size reached USD 5.2 billion.\n',
        expect: [{ messageId: 'conflict', quotes: ['USD 4.38 Bn', 'USD 5.2 billion'] }],
      },
    ],
    clean: [
      {
        name: 'the same size repeated in another unit',
        input: 'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025.\n\nThe widget market size was USD 4,380 million in 2025.\n',
      },
      {
        name: 'rounded restatement',
        input: 'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025.\n\nThe widget market was worth about $4.4 billion in 2025.\n',
      },
      { name: 'different years', input: 'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025 and will reach USD 9.87 Bn by 2032.\n' },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'conflict'>[] = [];
    // Sizes in different currencies are not compared: no exchange rate is assumed.
    const bySubjectYear = groupBy(distinctSizes(resolved(ctx.claims.sizes)), (g) => `${g[0].subject.key}|${g[0].year}|${g[0].currency}`);
    let checked = 0;
    for (const groups of bySubjectYear) {
      if (groups.length > 1) checked += groups.length;
      const anchored = anchoredNote(groups.length, o.maxAllPairs, `sizes for ${groups[0][0].year}`);
      for (const [i, j] of pairsToCompare(groups.length, o.maxAllPairs)) {
        const a = groups[i][0];
        const b = groups[j][0];
        const ia = sizeInterval(a, o.approxTolerance);
        const ib = sizeInterval(b, o.approxTolerance);
        if (intersects(ia, ib)) continue;
        findings.push({
          messageId: 'conflict',
          data: {
            subject: a.subject.kind === 'market' ? 'The market' : a.subject.label,
            a: money(a.value.value, a.currency, a.qualifier),
            b: money(b.value.value, b.currency, b.qualifier),
            year: a.year,
            ratio: round(Math.max(a.value.value, b.value.value) / Math.min(a.value.value, b.value.value), 2),
          },
          primary: { ...a.evidence, role: `size in ${a.year}` },
          related: [
            { ...b.evidence, role: `other size in ${b.year}` },
            ...[...groups[i].slice(1), ...groups[j].slice(1)].map((c) => ({ ...c.evidence, role: 'repeated' })),
          ],
          computed: {
            quantity: `market size ${a.year}`,
            unit: a.currency,
            stated: a.value.value,
            computed: b.value.value,
            low: ib[0],
            high: ib[1],
            note: `gap ${money(gap(ia, ib), a.currency)} beyond rounding${anchored ? `; ${anchored}` : ''}`,
          },
        });
      }
    }
    return output(findings, checked);
  },
});
