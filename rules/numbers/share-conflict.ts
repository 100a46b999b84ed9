import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { percent } from '../../src/numbers/format.js';
import { approxToleranceOption, gap, intersects, intervalOf, round } from '../../src/numbers/interval.js';
import type { ShareClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/share-conflict',
  severity: 'error',
  description: 'One segment given two shares of the same market and year that cannot both hold.',
  rationale:
    'A share restated elsewhere on the page ("40% of global revenue" in the summary, "more than 75%" in the regional section) must agree with itself; when the two figures cannot meet, at least one was copied from another year, market or segment. Each share is read as the interval its digits and qualifier admit; shares of different wholes (production, installations) or years are not compared.',
  messages: {
    conflict: '{segment} is given {a} of the market in {year} and elsewhere {b}: the two cannot both hold (gap {gap} points).',
  },
  options: z.object({ approxTolerance: approxToleranceOption }),
  examples: {
    flagged: [
      {
        name: 'a share restated far higher',
        input:
          'Widget Market\n\nAsia Pacific held a 40% share of the widget market in 2024.\n\nIn 2024 Asia Pacific was responsible for more than 75% of the widget market revenue.\n',
        expect: [{ messageId: 'conflict', quotes: ['40%', 'more than 75%'], data: { year: 2024 } }],
      },
    ],
    clean: [
      {
        name: 'a share restated with rounding',
        input:
          'Widget Market\n\nAsia Pacific held a 40.2% share of the widget market in 2024.\n\nIn 2024 Asia Pacific accounted for about 40% of the widget market.\n',
      },
      {
        name: 'shares of different years',
        input:
          'Widget Market\n\nAsia Pacific held a 40% share of the widget market in 2024.\n\nAsia Pacific will account for 46% of the widget market in 2032.\n',
      },
      {
        name: 'a share of another whole',
        input:
          'Widget Market\n\nAsia Pacific held a 40% share of the widget market in 2024.\n\nIn 2024 Asia Pacific accounted for 75% of global widget production capacity.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'conflict'>[] = [];
    const interval = (s: ShareClaim) => intervalOf(s.share, s.qualifier, o.approxTolerance);
    let checked = 0;
    for (const b of ctx.shareBreakdowns()) {
      if (b.year === null) continue;
      checked += b.disagreements.length;
      for (const [first, other] of b.disagreements) {
        if (first.year === null || other.year === null) continue;
        const ia = interval(first);
        const ib = interval(other);
        if (intersects(ia, ib)) continue;
        findings.push({
          messageId: 'conflict',
          data: {
            segment: first.segment,
            a: percent(first.share.text, first.qualifier),
            b: percent(other.share.text, other.qualifier),
            year: b.year,
            gap: round(gap(ia, ib), 2),
          },
          primary: { ...other.evidence, role: 'restated share' },
          related: [{ ...first.evidence, role: 'first stated share' }],
          key: `${first.segmentKey}|${b.dimension}|${b.year}|${other.share.text}`,
        });
      }
    }
    return output(findings, checked);
  },
});
