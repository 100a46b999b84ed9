import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, listMembers } from '../../src/engine/group.js';
import { money } from '../../src/numbers/format.js';
import { groupBy } from '../../src/numbers/groups.js';
import { approxToleranceOption, gap, intersects, round } from '../../src/numbers/interval.js';
import { anchoredNote, contradictionOf, maxAllPairsOption } from '../../src/numbers/pairs.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { SizeClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/size-conflict',
  severity: 'error',
  description: "The same subject's market size for the same year stated as two values that rounding cannot reconcile.",
  rationale:
    'A market has one size in a given year. Two figures for the same market and year that differ beyond what their stated precision (and any "about") allows mean at least one was taken from another source, year or market. All the sizes one subject is given for one year that contradict another are one finding, quoting each; its identity is the subject and year, so it stays one finding (and keeps its fingerprint) as sizes are added or removed.',
  messages: {
    conflict: 'Sizes of {subject} for {year} that rounding cannot reconcile ({number}): {listing}; the farthest apart, {a} and {b}, are {ratio}× apart.',
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
      {
        name: '"roughly" a figure more than one unit of its last digit away',
        input:
          'Widget Market\n\nThe widget market is expected to reach USD 1162.5 billion by 2031.\n\nThe widget market should rise to roughly $1.3 trillion by 2031.\n',
        expect: [{ messageId: 'conflict', quotes: ['USD 1162.5 billion', 'roughly $1.3 trillion'] }],
      },
      {
        name: 'three sizes for one year: one finding quoting each',
        input:
          'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025.\n\nIn 2025 the widget market size reached USD 5.2 billion.\n\nOther estimates put the widget market at USD 6.9 billion in 2025.\n',
        expect: [
          {
            messageId: 'conflict',
            quotes: ['USD 4.38 Bn', 'USD 5.2 billion', 'USD 6.9 billion'],
            data: { count: 3, listing: '$4.38 billion, $5.2 billion and $6.9 billion', a: '$4.38 billion', b: '$6.9 billion' },
          },
        ],
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
      {
        name: '"roughly" a figure within one unit of its last digit',
        input:
          'Widget Market\n\nThe widget market is expected to reach USD 1,232 billion by 2031.\n\nThe widget market should rise to roughly $1.3 trillion by 2031.\n',
      },
      { name: 'different years', input: 'Widget Market\n\nThe widget market was valued at USD 4.38 Bn in 2025 and will reach USD 9.87 Bn by 2032.\n' },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'conflict'>[] = [];
    // Sizes in different currencies are not compared: no exchange rate is assumed.
    const bySubjectYear = groupBy(ctx.sizeStatements(), (g) => `${g[0].subject.key}|${g[0].year}|${g[0].currency}`);
    let checked = 0;
    for (const groups of bySubjectYear) {
      if (groups.length > 1) checked += groups.length;
      const intervals = groups.map((g) => sizeInterval(g[0], o.approxTolerance));
      const ratio = (i: number, j: number) => {
        const [x, y] = [groups[i][0].value.value, groups[j][0].value.value];
        return Math.max(x, y) / Math.min(x, y);
      };
      // One finding per subject and year, whatever the number of sizes it is given.
      const found = contradictionOf(groups.length, o.maxAllPairs, (i, j) => (intersects(intervals[i], intervals[j]) ? null : ratio(i, j)));
      if (!found) continue;
      const { members, widest } = found;
      const [a, b] = [groups[widest.a][0], groups[widest.b][0]];
      const first = groups[members[0]][0];
      const anchored = anchoredNote(groups.length, o.maxAllPairs, `sizes for ${a.year}`);
      const value = (s: SizeClaim) => money(s.value.value, s.currency, s.qualifier);
      findings.push({
        messageId: 'conflict',
        data: {
          subject: first.subject.kind === 'market' ? 'the market' : first.subject.label,
          year: first.year,
          number: countOf(members.length, 'different size'),
          count: members.length,
          listing: listMembers(members.map((m) => value(groups[m][0]))),
          a: value(a),
          b: value(b),
          ratio: round(widest.distance, 2),
        },
        primary: { ...first.evidence, role: `size in ${first.year}` },
        related: [
          ...members.slice(1).map((m) => ({ ...groups[m][0].evidence, role: `other size in ${first.year}` })),
          ...members.flatMap((m) => groups[m].slice(1).map((c) => ({ ...c.evidence, role: 'repeated' }))),
        ],
        computed: {
          quantity: `market size ${a.year}`,
          unit: a.currency,
          stated: a.value.value,
          computed: b.value.value,
          low: intervals[widest.b][0],
          high: intervals[widest.b][1],
          note: `gap ${money(gap(intervals[widest.a], intervals[widest.b]), a.currency)} beyond rounding${anchored ? `; ${anchored}` : ''}`,
        },
        // The subject and year name the contradiction, not the sizes in it: it keeps its fingerprint as sizes come and go.
        key: `${first.subject.key}|${first.year}|${first.currency}`,
        group: true,
      });
    }
    return output(findings, checked);
  },
});
