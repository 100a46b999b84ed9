import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, listMembers } from '../../src/engine/group.js';
import { describePeriod, percent } from '../../src/numbers/format.js';
import { groupBy, growthSignature, knownPeriod, overlaps, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, intersects, intervalOf, round } from '../../src/numbers/interval.js';
import { anchoredNote, contradictionOf, maxAllPairsOption } from '../../src/numbers/pairs.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { GrowthClaim } from '../../src/schema/claims.js';

export default defineRule({
  id: 'numbers/cagr-conflict',
  severity: 'error',
  description: 'Different growth rates for the same subject over overlapping periods, beyond rounding and qualifiers.',
  rationale:
    'A report that says a market grows 11.2% a year and elsewhere "over 28%" for the same years cannot be right twice; one of the figures was copied from another market or made up. Each rate is read as the interval it admits (rounding of its stated digits, "over", "about", ranges) and only rates whose intervals cannot meet are flagged. All the rates one subject is given that contradict another are one finding, quoting each, named by its subject so that it keeps its fingerprint as rates are added or removed.',
  messages: {
    conflict:
      'Growth rates for {subject} over overlapping years that cannot all hold ({number}): {listing}; the farthest apart, {a} ({periodA}) and {b} ({periodB}), are {gap} points apart.',
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
        name: 'more different rates than are compared pairwise: one finding, each against the first stated',
        input:
          'Widget Market Report 2025 - 2032\n\nThe widget market will grow at a CAGR of 8% from 2025 to 2032.\n\nOne estimate has the widget market growing at a CAGR of 12% from 2025 to 2032.\n\nAnother expects the widget market to expand at a CAGR of 15% from 2025 to 2032.\n',
        options: { maxAllPairs: 2 },
        expect: [{ messageId: 'conflict', quotes: ['8%', '12%', '15%'], data: { count: 3, a: '8%', b: '15%' } }],
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
    const findings: FindingDraft<'conflict'>[] = [];
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
      const rates = subjectGroups.map((g) => ({ claim: g[0], period: knownPeriod(g[0].period, ctx.forecast), interval: interval(g[0]) }));
      // Rates are compared only over years both are known to cover; those that contradict another are one finding.
      const found = contradictionOf(subjectGroups.length, o.maxAllPairs, (i, j) => {
        const [x, y] = [rates[i], rates[j]];
        if (!x.period || !y.period || !overlaps(x.period, y.period) || intersects(x.interval, y.interval, o.slack)) return null;
        return gap(x.interval, y.interval);
      });
      if (!found) continue;
      const { members, widest } = found;
      const [a, b] = [rates[widest.a].claim, rates[widest.b].claim];
      const rate = (g: GrowthClaim) => percent(g.rate.text, g.qualifier, g.rateTo?.text);
      const first = subjectGroups[members[0]][0];
      const anchored = anchoredNote(subjectGroups.length, o.maxAllPairs, 'rates');
      findings.push({
        messageId: 'conflict',
        data: {
          subject: first.subject.label,
          number: `${countOf(members.length, 'different rate')}${anchored ? `; ${anchored}` : ''}`,
          count: members.length,
          listing: listMembers(members.map((m) => `${rate(subjectGroups[m][0])} (${describePeriod(subjectGroups[m][0].period)})`)),
          a: rate(a),
          b: rate(b),
          periodA: describePeriod(a.period),
          periodB: describePeriod(b.period),
          gap: round(widest.distance, 2),
        },
        primary: { ...first.evidence, role: 'stated rate' },
        related: [
          ...members.slice(1).map((m) => ({ ...subjectGroups[m][0].evidence, role: 'contradicting rate' })),
          ...members.flatMap((m) => subjectGroups[m].slice(1).map((c) => ({ ...c.evidence, role: 'same rate, repeated' }))),
        ],
        // The subject names the contradiction, not the rates in it: it keeps its fingerprint as rates come and go.
        key: first.subject.key,
        group: true,
      });
    }
    return output(findings, checked);
  },
});
