import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { breakdowns, isCatchAll } from '../../src/numbers/breakdowns.js';
import { round } from '../../src/numbers/interval.js';
import { COLUMN_HEADER } from '../../src/claims/tables.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/share-sum',
  severity: 'error',
  description: 'Shares within one breakdown that add up to more than 100%, or clearly fall short of it with no remainder stated.',
  rationale:
    'Shares of one breakdown (one dimension, one year) partition the market. Past 100% is impossible; a near-complete breakdown that stops short (42 + 31 + 22 = 95) with no "others" or "remaining" share means a figure is missing or wrong. Each share is read with its rounding interval; shares of different breakdowns are never added together.',
  messages: {
    over: 'Shares of the {dimension} breakdown{year} add up to {sum}% ({parts}), more than 100% even allowing for rounding (at least {low}%).',
    short:
      'Shares of the {dimension} breakdown{year} add up to only {sum}% ({parts}) and no remainder or "others" share is stated (at most {high}% allowing for rounding).',
  },
  options: z.object({
    slack: z.number().min(0).default(0).describe('Percentage points of slack beyond rounding before a sum is called wrong.'),
    minCoverage: z
      .number()
      .min(0)
      .max(100)
      .default(80)
      .describe('A shortfall is only reported when the stated shares cover at least this much (a partial list is not a breakdown).'),
    minParts: z.number().int().min(2).default(2).describe('A breakdown needs at least this many stated shares (segments and remainders) to be summed.'),
  }),
  examples: {
    flagged: [
      {
        name: 'regional shares that stop at 95%',
        input:
          'Widget Market\n\nNorth America holds approximately 42% market share. Europe follows with around 31%. Asia-Pacific contributes roughly 22% of the market.\n',
        expect: [{ messageId: 'short', quotes: ['42%', '31%', '22%'], data: { sum: 95 } }],
      },
      {
        name: 'shares past 100%',
        input:
          'Widget Market\n\nBy type, hardware accounts for 60% of the market share in 2025, software for 35% and services hold a 15% share in 2025.\n\nBy Type\n\n• Hardware\n• Software\n• Services\n',
        expect: [{ messageId: 'over', data: { sum: 110 } }],
      },
    ],
    clean: [
      {
        name: 'an explicit remainder',
        input:
          'Widget Market\n\nNorth America holds a 42% share. Europe follows with a 31% share, while Asia-Pacific captures 22%. The remaining 5% is attributed to other regions.\n',
      },
      {
        name: 'a "Rest of" segment closes the breakdown',
        input: 'Widget Market\n\nNorth America holds a 42% share, Europe a 31% share, Asia-Pacific a 22% share and Rest of the World a 5% share.\n',
      },
      {
        name: 'a partial list is not a breakdown',
        input:
          'Widget Market\n\nNorth America is expected to lead, holding a share of 38.2% in 2025. Asia Pacific will hold a market share of 27.4% in 2025.\n',
      },
      { name: 'rounding: 33.3 × 3', input: 'Widget Market\n\nNorth America holds a 33.3% share, Europe a 33.3% share and Asia-Pacific a 33.3% share.\n' },
      {
        name: 'shares of different breakdowns are not added',
        input:
          'Widget Market\n\nBy source, autologous therapies hold a 57.8% share in 2025. North America holds a 38.2% share in 2025.\n\nBy Source\n\n• Autologous\n• Allogeneic\n',
      },
      { name: 'a floor cannot fall short', input: 'Widget Market\n\nNorth America holds over 42% of the market, Europe over 31% and Asia-Pacific over 22%.\n' },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'over' | 'short'>[] = [];
    let checked = 0;
    for (const b of breakdowns(ctx.claims.shares)) {
      if (b.parts.length + b.remainders.length < o.minParts) continue;
      checked++;
      const all = [...b.parts, ...b.remainders];
      const sum = round(
        all.reduce((s, c) => s + c.share.value, 0),
        4,
      );
      const low = all.reduce((s, c) => s + (c.qualifier === 'under' || c.qualifier === 'at-most' ? 0 : c.share.low), 0);
      const high = all.reduce((s, c) => s + (c.qualifier === 'over' || c.qualifier === 'at-least' ? Infinity : c.share.high), 0);
      const closed = b.remainders.length > 0 || b.parts.some(isCatchAll);
      const parts = all.map((c) => `${c.segment} ${c.share.text}%`).join(' + ');
      const year = b.year !== null ? ` for ${b.year}` : '';
      const evidence = all.map((c) => ({ ...c.evidence, role: `${c.segment} share` }));
      // Shares read from a table column: its header says what they are shares of.
      const header = all.map((c) => c.sentence).find((e) => e.role === COLUMN_HEADER);
      if (header) evidence.push({ ...header, role: COLUMN_HEADER });
      let messageId: 'over' | 'short' | null = null;
      if (low > 100 + o.slack) messageId = 'over';
      else if (high < 100 - o.slack && !closed && sum >= o.minCoverage) messageId = 'short';
      if (!messageId) continue;
      findings.push({
        messageId,
        severity: messageId === 'over' ? 'error' : 'warning',
        data: { dimension: b.dimension, year, sum, parts, low: round(low, 2), high: Number.isFinite(high) ? round(high, 2) : '∞' },
        primary: evidence[0],
        related: evidence.slice(1),
        computed: {
          quantity: `sum of ${b.dimension} shares`,
          unit: '%',
          stated: 100,
          computed: sum,
          low: round(low, 4),
          high: Number.isFinite(high) ? round(high, 4) : round(low, 4),
          note: Number.isFinite(high) ? parts : `${parts} (no upper bound: some shares are floors)`,
        },
        key: `${b.dimension}|${b.year}`,
      });
    }
    return output(findings, checked);
  },
});
