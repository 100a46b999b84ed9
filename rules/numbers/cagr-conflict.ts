import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { describePeriod, percent } from '../../src/numbers/format.js';
import { groupBy, growthSignature, knownPeriod, overlaps, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, intersects, intervalOf, round } from '../../src/numbers/interval.js';
import { maxAllPairsOption, pairsToCompare } from '../../src/numbers/pairs.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { GrowthClaim } from '../../src/schema/claims.js';

export default defineRule({
  id: 'numbers/cagr-conflict',
  severity: 'error',
  description: 'Different growth rates for the same subject over overlapping periods, beyond rounding and qualifiers.',
  rationale:
    'A report that says a market grows 11.2% a year and elsewhere "over 28%" for the same years cannot be right twice; one of the figures was copied from another market or made up. Each rate is read as the interval it admits (rounding of its stated digits, "over", "about", ranges) and only rates whose intervals cannot meet are flagged.',
  messages: {
    conflict: 'Growth rate {a} ({periodA}) for {subject} contradicts {b} ({periodB}) stated elsewhere: the two cannot both hold (gap {gap} points).',
    conflictWithFirst:
      'Growth rate {b} ({periodB}) for {subject} contradicts {a} ({periodA}), the first stated (gap {gap} points); the page gives {count} different rates for it.',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    slack: z.number().min(0).default(0).describe('Extra slack in percentage points before two rates are called different.'),
    maxAllPairs: maxAllPairsOption,
  }),
  examples: {
    flagged: [
      {
        name: 'a rate and a much higher floor for the same forecast period',
        input:
          'Widget Market Report 2025 - 2032\n\nThe widget market is expected to grow at a CAGR of 11.2% during the forecast period.\n\nThe widget market size is projected to reach $18 billion by 2029, with a CAGR exceeding 28%.\n',
        expect: [{ messageId: 'conflict', quotes: ['11.2%', 'exceeding 28%'] }],
      },
      {
        name: 'more different rates than are compared pairwise: each against the first stated',
        input:
          'Widget Market Report 2025 - 2032\n\nThe widget market will grow at a CAGR of 8% from 2025 to 2032.\n\nOne estimate has the widget market growing at a CAGR of 12% from 2025 to 2032.\n\nAnother expects the widget market to expand at a CAGR of 15% from 2025 to 2032.\n',
        options: { maxAllPairs: 2 },
        expect: [
          { messageId: 'conflictWithFirst', quotes: ['8%', '12%'], data: { count: 3 } },
          { messageId: 'conflictWithFirst', quotes: ['8%', '15%'], data: { count: 3 } },
        ],
      },
    ],
    clean: [
      {
        name: 'a qualified floor the rate satisfies',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 25% from 2025 to 2032.\n\nAnalysts expect a CAGR of over 22% over the forecast period.\n',
      },
      {
        name: 'rounding: 11.2% and 11%',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 11.2% from 2025 to 2032.\n\nIn short, growth of about 11% per annum is expected over the forecast period.\n',
      },
      {
        name: 'different subjects (a region and the market)',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market will grow at a CAGR of 8% from 2025 to 2032.\n\nThe Asia Pacific market is expected to grow at a CAGR of 15% from 2025 to 2032.\n',
      },
      {
        name: 'periods that do not overlap',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market grew at a CAGR of 3% from 2015 to 2020.\n\nThe widget market will grow at a CAGR of 9% from 2025 to 2032.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'conflict' | 'conflictWithFirst'>[] = [];
    // Repeated statements of the same rate are one statement with several pieces of evidence.
    // Only compound annual rates are compared: one year's change and a total change are other measures.
    const groups = groupBy(
      resolved(ctx.claims.growth).filter((g) => g.measure === 'cagr'),
      growthSignature,
    );
    const bySubject = groupBy(groups, (g) => g[0].subject.key);
    let checked = 0;
    const interval = (g: GrowthClaim) => intervalOf(g.rate, g.qualifier, o.approxTolerance, g.rateTo);
    for (const subjectGroups of bySubject) {
      checked += subjectGroups.length > 1 ? subjectGroups.length : 0;
      const anchored = subjectGroups.length > o.maxAllPairs;
      for (const [i, j] of pairsToCompare(subjectGroups.length, o.maxAllPairs)) {
        const a = subjectGroups[i][0];
        const b = subjectGroups[j][0];
        const pa = knownPeriod(a.period, ctx.forecast);
        const pb = knownPeriod(b.period, ctx.forecast);
        if (!pa || !pb || !overlaps(pa, pb)) continue;
        const ia = interval(a);
        const ib = interval(b);
        if (intersects(ia, ib, o.slack)) continue;
        const data = {
          a: percent(a.rate.text, a.qualifier, a.rateTo?.text),
          b: percent(b.rate.text, b.qualifier, b.rateTo?.text),
          periodA: describePeriod(a.period),
          periodB: describePeriod(b.period),
          subject: a.subject.label,
          gap: round(gap(ia, ib), 2),
        };
        findings.push({
          messageId: anchored ? 'conflictWithFirst' : 'conflict',
          data: anchored ? { ...data, count: subjectGroups.length } : data,
          primary: { ...a.evidence, role: 'stated rate' },
          related: [...subjectGroups[i].slice(1), ...subjectGroups[j]].map((c) => ({
            ...c.evidence,
            role: c === b ? 'contradicting rate' : 'same rate, repeated',
          })),
          key: `${growthSignature(a)}~${growthSignature(b)}`,
        });
      }
    }
    return output(findings, checked);
  },
});
