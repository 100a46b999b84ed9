import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { breakdowns } from '../../src/numbers/breakdowns.js';
import { nestedPlaces, rivalLeaders } from '../../src/numbers/leaders.js';
import type { ShareClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/dominance-conflict',
  severity: 'error',
  description: 'A segment said to dominate or hold the largest share while the document gives another segment of the same breakdown a larger share.',
  rationale:
    'Dominance claims are the headline of a breakdown; when the figures beside them put another segment ahead, either the claim or the figures are wrong.',
  messages: {
    larger: '{leader} is said to lead the {dimension} breakdown, but {other} is given a larger share ({otherShare}% against {leaderShare}).',
    majority: '{leader} is said to lead the {dimension} breakdown, but {other} is given {otherShare}%, more than half of the market.',
    twoLeaders: 'Both {leader} and {other} are said to lead the {dimension} breakdown.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'the leader has the smaller share',
        input: 'Widget Market\n\nEurope dominates the widget market. North America holds a 42% share and Europe a 31% share.\n',
        expect: [{ messageId: 'larger', quotes: ['Europe dominates', '42%'] }],
      },
      {
        name: 'the leader has no share stated while another region holds more than half',
        input: 'Widget Market\n\nEurope dominates the widget market. North America holds a 56% share of the widget market.\n',
        expect: [{ messageId: 'majority', quotes: ['Europe dominates', '56%'], data: { other: 'North America', leaderShare: 'none stated' } }],
      },
      {
        name: 'two leaders',
        input: 'Widget Market\n\nNorth America dominates the widget market.\n\nAsia Pacific leads the widget market thanks to strong demand.\n',
        expect: [{ messageId: 'twoLeaders', quotes: ['North America dominates', 'Asia Pacific leads the widget market'] }],
      },
    ],
    clean: [
      {
        name: 'the leader has the largest share',
        input: 'Widget Market\n\nNorth America dominates the widget market, holding a 42% share. Europe follows with a 31% share.\n',
      },
      {
        name: 'the leader has no share stated and another region less than half',
        input: 'Widget Market\n\nEurope dominates the widget market. North America holds a 45% share of the widget market.\n',
      },
      {
        name: 'a country leading within its leading region',
        input: 'Widget Market\n\nNorth America is expected to lead the market, holding a 38.2% share. The U.S. continues to lead the global widget market.\n',
      },
      {
        name: 'leaders of different breakdowns',
        input:
          'Widget Market\n\nBy type, hardware holds the largest share of 50%. North America dominates the widget market.\n\nBy Type\n\n• Hardware\n• Software\n',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'larger' | 'majority' | 'twoLeaders'>[] = [];
    const parts = breakdowns(ctx.claims.shares);
    const sharesOf = (dim: string, year: number | null): ShareClaim[] =>
      parts.filter((b) => b.dimension === dim && (year === null || b.year === null || b.year === year)).flatMap((b) => b.parts);
    const rival = rivalLeaders();
    const reported = new Set<string>();
    let checked = 0;
    for (const d of ctx.claims.dominance) {
      if (d.aspect !== 'share' || d.dimension === 'unknown') continue;
      checked++;
      const shares = sharesOf(d.dimension, d.year);
      const mine = shares.find((s) => s.segmentKey === d.segmentKey);
      for (const other of shares) {
        if (other.segmentKey === d.segmentKey || nestedPlaces(other.segment, d.segment)) continue;
        const beaten = mine ? other.share.low > mine.share.high : other.share.low > 50;
        const key = `${d.segmentKey}<${other.segmentKey}`;
        if (!beaten || reported.has(key)) continue;
        reported.add(key);
        findings.push({
          messageId: mine ? 'larger' : 'majority',
          data: {
            leader: d.segment,
            dimension: d.dimension,
            other: other.segment.replace(/^the\s+/i, ''),
            otherShare: other.share.text,
            leaderShare: mine ? `${mine.share.text}%` : 'none stated',
          },
          primary: { ...d.evidence, role: 'dominance claim' },
          related: [{ ...other.evidence, role: `${other.segment} share` }, ...(mine ? [{ ...mine.evidence, role: `${mine.segment} share` }] : [])],
          key,
        });
      }
      const two = rival(d.dimension, d);
      if (two)
        findings.push({
          messageId: 'twoLeaders',
          data: { leader: two.rival.segment, other: d.segment, dimension: d.dimension },
          primary: { ...two.rival.evidence, role: 'dominance claim' },
          related: [{ ...d.evidence, role: 'other dominance claim' }],
          key: two.key,
        });
    }
    return output(findings, checked);
  },
});
