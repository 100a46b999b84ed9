import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { money } from '../../src/numbers/format.js';
import { resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, intersects, round, type Interval } from '../../src/numbers/interval.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { ShareClaim, SizeClaim } from '../../src/schema/claims.js';
import type { FindingDraft } from '../../src/schema/finding.js';

/** A member of a breakdown given both a value and a share in one sentence, and the total they imply. */
interface Member {
  share: ShareClaim;
  size: SizeClaim;
  year: number | null;
  total: Interval;
}

export default defineRule({
  id: 'numbers/share-value',
  severity: 'error',
  description:
    'Members of a breakdown given both a value and a share whose value ÷ share implies different totals, or a total other than the stated market size.',
  rationale:
    'A member worth V that holds a share s of its market implies a market of V ÷ s. Where a page gives a value and a share for two or more members of one breakdown (same year and currency), those totals must agree, and agree with the market size stated for that year. Each value and share is read as the interval its digits allow, and a tolerance is added on top, so honest rounding never fires. A value and a share are paired only when one sentence gives both for the same member and the value is not a projection (“holds 40% and will reach USD 6 billion by 2032” pairs today’s share with a later value); shares of another whole (production capacity, installations) are left out.',
  messages: {
    totals:
      '{a} ({aValue}, {aShare}%) implies a total of {aTotal}, but {b} ({bValue}, {bShare}%) implies {bTotal}{year}: {ratio}× apart, so one of the values or shares is wrong.',
    market: '{a} ({aValue}, {aShare}%) implies a total of {aTotal}, but the market is sized at {market} for {year} ({ratio}× apart).',
  },
  options: z.object({
    approxTolerance: approxToleranceOption,
    tolerance: z.number().min(0).max(1).default(0.05).describe('Relative gap allowed between implied totals beyond what the stated digits allow (0.05 = 5%).'),
  }),
  examples: {
    flagged: [
      {
        name: 'two regions imply different totals',
        input:
          'Skin Care Market\n\nIn 2013, Asia Pacific was worth EUR 54.55 billion, accounting for 32.8% of the market. Western Europe was worth EUR 36.75 billion, accounting for 26% of the market.\n',
        expect: [
          {
            messageId: 'totals',
            quotes: ['EUR 36.75 billion', '26%', 'EUR 54.55 billion', '32.8%'],
            data: { aTotal: '€166.311 billion', bTotal: '€141.346 billion' },
          },
        ],
      },
      {
        name: 'a member against the stated market size',
        input:
          'Widget Market\n\nThe widget market was valued at USD 10 billion in 2025. By type, hardware accounted for USD 6 billion in 2025, a 40% share of the market.\n\nBy Type\n\n• Hardware\n• Software\n',
        expect: [{ messageId: 'market', quotes: ['USD 6 billion', '40%', 'USD 10 billion'], data: { aTotal: '$15 billion', year: 2025 } }],
      },
    ],
    clean: [
      {
        name: 'totals that agree within rounding',
        input:
          'Skin Care Market\n\nIn 2014, Asia Pacific was worth EUR 57.2 billion, accounting for 34.7% of the market. Western Europe was worth EUR 35.94 billion, accounting for 21.8% of the market.\n',
      },
      {
        name: 'a value and a share in different sentences are not paired',
        input:
          'Widget Market\n\nThe widget market was valued at USD 10 billion in 2025. Hardware is the largest type, worth USD 6 billion in 2025.\n\nHardware holds a 40% share of the widget market.\n\nBy Type\n\n• Hardware\n• Software\n',
      },
      {
        name: 'today’s share beside a projected value',
        input:
          'Widget Market\n\nThe widget market is expected to reach USD 20 billion by 2032. By type, hardware holds a 40% share of the market and is expected to reach USD 6 billion by 2032.\n\nBy Type\n\n• Hardware\n• Software\n',
      },
      {
        name: 'values of different years',
        input:
          'Skin Care Market\n\nIn 2013, Asia Pacific was worth EUR 54.55 billion, accounting for 32.8% of the market. In 2016, Western Europe was worth EUR 36.75 billion, accounting for 26% of the market.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'totals' | 'market'>[] = [];
    const sizes = ctx.sizeStatements().map((g) => g[0]);
    // Sizes by sentence and subject (those without a year too: they may pair with a share of a dated breakdown).
    const inSentence = new Map<string, SizeClaim>();
    for (const s of resolved(ctx.claims.sizes)) {
      const k = `${s.sentence.start.offset}|${s.subject.key}`;
      if (!inSentence.has(k) && (s.qualifier === 'exact' || s.qualifier === 'approximately')) inSentence.set(k, s);
    }
    const marketOf = new Map<string, SizeClaim[]>();
    for (const s of sizes.filter((x) => x.subject.kind === 'market')) {
      const k = `${s.year}|${s.currency}`;
      marketOf.set(k, [...(marketOf.get(k) ?? []), s]);
    }
    const widened = (t: Interval): Interval => [t[0] * (1 - o.tolerance), t[1] * (1 + o.tolerance)];
    let checked = 0;
    for (const b of ctx.shareBreakdowns()) {
      const members = b.parts.flatMap((s) => memberOf(s, inSentence, b.year, o.approxTolerance));
      if (members.length === 0) continue;
      for (const cur of new Set(members.map((m) => m.size.currency))) {
        // Members of one year: a value of another year is another total.
        const byYear = new Map<string, Member[]>();
        for (const m of members.filter((x) => x.size.currency === cur)) {
          const list = byYear.get(String(m.year)) ?? byYear.set(String(m.year), []).get(String(m.year))!;
          list.push(m);
        }
        for (const group of byYear.values()) {
          const year = group[0].year;
          const markets = year === null ? [] : (marketOf.get(`${year}|${cur}`) ?? []);
          if (markets.length > 0) {
            checked += group.length;
            for (const m of group) {
              if (markets.some((w) => intersects(widened(m.total), sizeInterval(w, o.approxTolerance)))) continue;
              const w = markets[0];
              findings.push({
                messageId: 'market',
                data: {
                  ...describe(m, 'a'),
                  market: money(w.value.value, w.currency, w.qualifier),
                  year: year!,
                  ratio: apart(m.total, sizeInterval(w, o.approxTolerance)),
                },
                primary: { ...m.size.evidence, role: `${m.share.segment} value` },
                related: [
                  { ...m.share.evidence, role: `${m.share.segment} share` },
                  { ...w.evidence, role: `market size in ${year}` },
                ],
                computed: computed(m, w.value.value, 'the market size'),
                key: `market|${m.share.segmentKey}|${year}`,
              });
            }
            continue;
          }
          if (group.length < 2) continue;
          checked += group.length;
          // The member whose total agrees with most others is the reference; each that disagrees with it is reported.
          const agree = (x: Member, y: Member) => intersects(widened(x.total), widened(y.total));
          const ref = group.reduce((best, m) => (group.filter((x) => agree(x, m)).length > group.filter((x) => agree(x, best)).length ? m : best));
          for (const m of group) {
            if (m === ref || agree(m, ref)) continue;
            findings.push({
              messageId: 'totals',
              data: { ...describe(ref, 'a'), ...describe(m, 'b'), year: year === null ? '' : ` for ${year}`, ratio: apart(ref.total, m.total) },
              primary: { ...m.size.evidence, role: `${m.share.segment} value` },
              related: [
                { ...m.share.evidence, role: `${m.share.segment} share` },
                { ...ref.size.evidence, role: `${ref.share.segment} value` },
                { ...ref.share.evidence, role: `${ref.share.segment} share` },
              ],
              computed: computed(m, midpoint(ref.total), `the total ${ref.share.segment} implies`),
              key: `totals|${b.dimension}|${year}|${m.share.segmentKey}`,
            });
          }
        }
      }
    }
    return output(findings, checked);
  },
});

/** The size stated for the share's member in the same sentence, when its year agrees with the share's. */
function memberOf(share: ShareClaim, inSentence: ReadonlyMap<string, SizeClaim>, breakdownYear: number | null, approxTolerance: number): Member[] {
  if (share.qualifier !== 'exact' && share.qualifier !== 'approximately') return [];
  const size = inSentence.get(`${share.sentence.start.offset}|${share.segmentKey}`);
  if (!size) return [];
  const shareYear = share.year ?? breakdownYear;
  if (size.year !== null && shareYear !== null && size.year !== shareYear) return [];
  // "holds 40% and will reach USD 6 billion by 2032": today's share beside a projection is no pair, and
  // the claims date such a share by the projection's year; only values stated as such are paired.
  if (size.role === 'projection') return [];
  const [vLow, vHigh] = sizeInterval(size, approxTolerance);
  const [sLow, sHigh] =
    share.qualifier === 'approximately'
      ? [share.share.low * (1 - approxTolerance), share.share.high * (1 + approxTolerance)]
      : [share.share.low, share.share.high];
  if (sLow <= 0) return [];
  return [{ share, size, year: size.year ?? shareYear, total: [vLow / (sHigh / 100), vHigh / (sLow / 100)] }];
}

const midpoint = (t: Interval) => (t[0] + t[1]) / 2;
const apart = (a: Interval, b: Interval) => round(Math.max(midpoint(a), midpoint(b)) / Math.min(midpoint(a), midpoint(b)), 2);

function describe(m: Member, prefix: 'a' | 'b'): Record<string, string> {
  const total = (m.size.value.value / m.share.share.value) * 100;
  return {
    [prefix]: m.share.segment,
    [`${prefix}Value`]: money(m.size.value.value, m.size.currency, m.size.qualifier),
    [`${prefix}Share`]: m.share.share.text,
    [`${prefix}Total`]: money(Number(total.toPrecision(6)), m.size.currency),
  };
}

function computed(m: Member, against: number, what: string) {
  return {
    quantity: `total implied by ${m.share.segment}`,
    unit: m.size.currency,
    stated: round(against, 0),
    computed: round((m.size.value.value / m.share.share.value) * 100, 0),
    low: round(m.total[0], 0),
    high: round(m.total[1], 0),
    note: `${money(m.size.value.value, m.size.currency)} ÷ ${m.share.share.text}%, against ${what}`,
  };
}
