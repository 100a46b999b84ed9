import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countryByCode, lookupPlace } from '../../src/lexicon/gazetteer.js';
import { describePeriod, percent } from '../../src/numbers/format.js';
import { knownPeriod, resolved } from '../../src/numbers/groups.js';
import { rivalLeaders } from '../../src/numbers/leaders.js';
import { approxToleranceOption, intervalOf } from '../../src/numbers/interval.js';
import type { GrowthClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

type MessageId = 'slower' | 'twoFastest' | 'wholeFaster';

/** A place's level ("country" or "area"), or null for a segment that is not a place. */
function placeLevel(key: string, name: string): 'country' | 'area' | null {
  if (key.startsWith('place:')) return countryByCode(key.slice(6)) ? 'country' : 'area';
  const p = lookupPlace(name.replace(/^the\s+/i, ''));
  return p ? (p.kind === 'country' ? 'country' : 'area') : null;
}

const samePeriod = (a: { from: number; to: number } | null, b: { from: number; to: number } | null) =>
  a !== null && b !== null && a.from === b.from && a.to === b.to;

export default defineRule({
  id: 'numbers/growth-ranking',
  severity: 'error',
  description:
    'A member called the fastest-growing while the page gives a peer of the same breakdown a higher rate, names two fastest-growing members, or has the whole market outgrow its fastest part.',
  rationale:
    'A growth ranking is checkable arithmetic: the fastest-growing region cannot grow more slowly than another region over the same years, and a whole made of parts cannot grow faster than the fastest of them. Rates are compared only within one breakdown (regions with regions, countries with countries, end users with end users) and over the same known period, each read as the interval its digits and qualifier admit.',
  messages: {
    slower: '{leader} is called the fastest-growing {dimension}, at {leaderRate} ({period}), but {peer} is given a higher {peerRate} over the same period.',
    twoFastest: 'Both {leader} and {other} are called the fastest-growing {dimension}.',
    wholeFaster:
      '{leader} is called the fastest-growing {dimension}, at {leaderRate} ({period}), yet the whole market is given {wholeRate} over the same period: a whole cannot outgrow its fastest part.',
  },
  options: z.object({ approxTolerance: approxToleranceOption }),
  examples: {
    flagged: [
      {
        name: 'a peer of the same breakdown grows faster',
        input:
          'Widget Market 2025 - 2032\n\nEurope is the fastest-growing region, with a CAGR of 8.1% from 2025 to 2032. North America should expand at a CAGR of 9.4% from 2025 to 2032.\n',
        expect: [{ messageId: 'slower', quotes: ['Europe is the fastest-growing', '9.4%'], data: { leaderRate: '8.1%', peerRate: '9.4%' } }],
      },
      {
        name: 'two fastest-growing members of one breakdown',
        input:
          'Widget Market\n\nEurope is the fastest-growing region of the widget market.\n\nAsia Pacific is the fastest-growing region over the forecast period.\n',
        expect: [{ messageId: 'twoFastest', quotes: ['Europe is the fastest-growing', 'Asia Pacific is the fastest-growing'] }],
      },
      {
        name: 'the whole grows faster than its fastest part',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market is expected to grow at a CAGR of 12.5% from 2025 to 2032. Asia Pacific is the fastest-growing region, at a CAGR of 9% from 2025 to 2032.\n',
        expect: [{ messageId: 'wholeFaster', quotes: ['Asia Pacific is the fastest-growing', '12.5%'], data: { wholeRate: '12.5%' } }],
      },
    ],
    clean: [
      {
        name: 'the fastest-growing member has the highest rate',
        input:
          'Widget Market 2025 - 2032\n\nAsia Pacific is the fastest-growing region, with a CAGR of 11.2% from 2025 to 2032. Europe should grow at a CAGR of 6.5% from 2025 to 2032.\n',
      },
      {
        name: 'rates that meet once rounding is allowed',
        input:
          'Widget Market 2025 - 2032\n\nAsia Pacific is the fastest-growing region, at a CAGR of about 9% from 2025 to 2032. Europe should grow at a CAGR of 9.2% from 2025 to 2032.\n',
      },
      {
        name: 'a peer rate over other years',
        input:
          'Widget Market 2025 - 2032\n\nAsia Pacific is the fastest-growing region, at a CAGR of 8% from 2025 to 2032. Europe grew at a CAGR of 10% from 2019 to 2024.\n',
      },
      {
        name: 'a country faster than the fastest-growing region: another level',
        input:
          'Widget Market 2025 - 2032\n\nAsia Pacific is the fastest-growing region, at a CAGR of 8% from 2025 to 2032. Vietnam is expected to grow at a CAGR of 12% from 2025 to 2032.\n',
      },
      {
        name: 'a fastest-growing region and the fastest-growing country inside it',
        input:
          'Widget Market\n\nAsia Pacific is the fastest-growing region of the widget market.\n\nIndia is the fastest-growing country in the widget market.\n',
      },
      {
        name: '"among the fastest-growing": a group, not a ranking',
        input:
          'Widget Market 2025 - 2032\n\nChina will stay among the fastest-growing countries, at a CAGR of 7% from 2025 to 2032. India should grow at a CAGR of 8.6% from 2025 to 2032.\n',
      },
      {
        name: 'a country slower than the whole: countries need not cover the market',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market is expected to grow at a CAGR of 12.5% from 2025 to 2032. Canada is the fastest-growing country, at a CAGR of 9% from 2025 to 2032.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<MessageId>[] = [];
    const leaders = ctx.claims.dominance.filter((d) => d.aspect === 'growth' && d.dimension !== 'unknown');
    if (leaders.length === 0) return output(findings, 0);
    const rates = resolved(ctx.claims.growth).filter((g) => g.measure === 'cagr');
    const period = (g: GrowthClaim) => knownPeriod(g.period, ctx.forecast);
    const interval = (g: GrowthClaim) => intervalOf(g.rate, g.qualifier, o.approxTolerance, g.rateTo);
    const rateText = (g: GrowthClaim) => percent(g.rate.text, g.qualifier, g.rateTo?.text);
    const dimensionOf = (g: GrowthClaim) => (g.subject.kind === 'region' ? 'region' : (g.dimension ?? g.subject.dimension ?? null));
    const reported = new Set<string>();
    const rival = rivalLeaders();
    for (const d of leaders) {
      const level = placeLevel(d.segmentKey, d.segment);
      const own = rates.find((g) => g.subject.key === d.segmentKey && period(g) !== null);
      if (own) {
        const mine = interval(own);
        const p = period(own);
        for (const peer of rates) {
          if (peer.subject.key === d.segmentKey || dimensionOf(peer) !== d.dimension || !samePeriod(period(peer), p)) continue;
          if (d.dimension === 'region' && placeLevel(peer.subject.key, peer.subject.label) !== level) continue;
          if (interval(peer)[0] <= mine[1]) continue;
          const key = `slower:${d.segmentKey}<${peer.subject.key}`;
          if (reported.has(key)) continue;
          reported.add(key);
          findings.push({
            messageId: 'slower',
            data: {
              leader: d.segment,
              dimension: d.dimension,
              leaderRate: rateText(own),
              period: describePeriod(own.period),
              peer: peer.subject.label,
              peerRate: rateText(peer),
            },
            primary: { ...d.evidence, role: 'growth ranking' },
            related: [
              { ...peer.evidence, role: `${peer.subject.label} rate` },
              { ...own.evidence, role: `${d.segment} rate` },
            ],
            key,
          });
        }
        // Countries need not cover the market; regions and segments of one breakdown do.
        const whole = level === 'country' ? undefined : rates.find((g) => g.subject.kind === 'market' && samePeriod(period(g), p));
        if (whole && interval(whole)[0] > mine[1]) {
          findings.push({
            messageId: 'wholeFaster',
            data: { leader: d.segment, dimension: d.dimension, leaderRate: rateText(own), period: describePeriod(own.period), wholeRate: rateText(whole) },
            primary: { ...d.evidence, role: 'growth ranking' },
            related: [
              { ...whole.evidence, role: 'market rate' },
              { ...own.evidence, role: `${d.segment} rate` },
            ],
            key: `whole:${d.segmentKey}`,
          });
        }
      }
      const two = rival(`${d.dimension}|${level ?? ''}`, d);
      if (two)
        findings.push({
          messageId: 'twoFastest',
          data: { leader: two.rival.segment, other: d.segment, dimension: d.dimension },
          primary: { ...two.rival.evidence, role: 'growth ranking' },
          related: [{ ...d.evidence, role: 'other growth ranking' }],
          key: two.key,
        });
    }
    return output(findings, leaders.length);
  },
});
