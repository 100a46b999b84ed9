import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { money } from '../../src/numbers/format.js';
import { groupBy } from '../../src/numbers/groups.js';
import { round } from '../../src/numbers/interval.js';
import { nearestThousands, SLIP_LIMITS, thousandfoldApart } from '../../src/numbers/magnitude.js';
import { clauseNamesMarket } from '../../src/numbers/scope.js';
import type { FindingDraft } from '../../src/schema/finding.js';

/** More distinct sizes of one subject than a real page states (a year each, a few restated). */
const MAX_SIZES_PER_SUBJECT = 64;

const FACTOR = ['', 'a thousand', 'a million', 'a billion'];
const factorWord = (power: number) => FACTOR[power] ?? `10^${3 * power}`;

export default defineRule({
  id: 'numbers/unit-slip',
  severity: 'error',
  description:
    'A figure about a thousand (or a million) times off its own context: a segment "about $360 million" of a "$1.1 trillion" market, or a market size in millions where its other years are in billions.',
  rationale:
    'Writing "million" for "billion" leaves a figure exactly a power of 1000 away from what it should be, and the page itself shows it: the same market’s sizes in other years grow by a factor no market grows by, or a part of the market is a vanishing fraction of it. The figure is reported only when both hold: the ratio is near a power of 1000, and the stated figure is inconsistent with its context while the corrected one fits (a part then holds a plausible share of the whole, between minCorrectedShare and 100%; a market’s sizes then grow at a rate a market can). A small segment stays small: one at 0.3% of its market corrected by 1000 would exceed the market, so it is left alone. Parts larger than the whole are numbers/part-whole’s, and two sizes for the same year numbers/size-conflict’s.',
  messages: {
    part: '{part} is sized at {value} in {year}, {ratio}× smaller than the whole market’s {whole} ({fraction}% of it); at {corrected} it would hold {correctedShare}% of it, so the unit word is probably wrong.',
    years:
      '{subject} is sized at {value} in {year} but {other} in {otherYear}: {ratio}× apart, close to {factor} times, or {annual}% a year; at {corrected} it would fit, so the unit word is probably wrong.',
  },
  options: z.object({
    minCorrectedShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        'A part is a slip only if, multiplied by the power of 1000, it would hold at least this fraction of the market (0.05 = 5%) and at most all of it.',
      ),
    maxAnnualFactor: z
      .number()
      .min(1)
      .default(SLIP_LIMITS.maxAnnualFactor)
      .describe('Sizes of one subject in different years are a slip only if, as stated, they grow by more than this factor a year (3 = +200%)…'),
    maxAnnualDecline: z
      .number()
      .min(0)
      .max(1)
      .default(SLIP_LIMITS.maxAnnualDecline)
      .describe('…or fall by more than this fraction a year (0.4 = −40%): no market the pages describe shrinks that fast for years.'),
    maxCorrectedGrowth: z
      .number()
      .min(0)
      .default(SLIP_LIMITS.maxCorrectedGrowth)
      .describe('…and, corrected by the power of 1000, change by at most this fraction a year (1 = ±100%).'),
  }),
  examples: {
    flagged: [
      {
        name: 'two segments in millions of a market in trillions',
        input:
          'Foodservice Market\n\nThe foodservice market was valued at $1.1 trillion in 2019. By type, full-service restaurants accounted for about $360 million in 2019.\n\nBy Type\n\n• Full-Service Restaurants\n• Limited-Service Restaurants\n',
        expect: [{ messageId: 'part', quotes: ['about $360 million', '$1.1 trillion'], data: { corrected: 'about $360 billion' } }],
      },
      {
        name: 'a market size in millions where its other years are in billions',
        input:
          'Widget Market 2025 - 2032\n\nThe widget market was valued at USD 4.38 billion in 2024. The widget market will reach USD 5.1 billion in 2026. The widget market is expected to reach USD 9.87 million by 2032.\n',
        expect: [{ messageId: 'years', quotes: ['USD 9.87 million'], data: { corrected: '$9.87 billion', year: 2032, annual: -64.7 } }],
      },
    ],
    clean: [
      {
        name: 'a small segment is plausibly small',
        input:
          'Foodservice Market\n\nThe foodservice market was valued at $1.1 trillion in 2019. By type, food trucks accounted for about $3.3 billion in 2019.\n\nBy Type\n\n• Food Trucks\n• Restaurants\n',
      },
      {
        name: 'long steep growth, but at a rate a market can sustain',
        input: 'Charging Market\n\nThe charging market was valued at USD 63.92 billion in 2025 and is expected to reach USD 33,283.79 billion by 2050.\n',
      },
      {
        name: 'a thousandfold ratio with no plausible correction',
        input: 'Widget Market\n\nThe widget market was valued at USD 2 billion in 2024. The widget market will reach USD 9 trillion by 2026.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'part' | 'years'>[] = [];
    const sizes = ctx
      .sizeStatements()
      .map((g) => g[0])
      .filter((s) => s.value.value > 0 && s.qualifier !== 'under' && s.qualifier !== 'at-most' && s.qualifier !== 'over' && s.qualifier !== 'at-least');
    const marketOf = new Map(
      groupBy(
        sizes.filter((w) => w.subject.kind === 'market'),
        (w) => `${w.year}|${w.currency}`,
      ).map((list) => [`${list[0].year}|${list[0].currency}`, list]),
    );
    let checked = 0;
    // A part against the whole market of its year.
    for (const part of sizes) {
      if (part.subject.kind !== 'region' && part.subject.kind !== 'segment') continue;
      // A region's clause must name a market: a city's budget is not a slipped unit of its market.
      if (part.subject.kind === 'region' && !clauseNamesMarket(part)) continue;
      const wholes = marketOf.get(`${part.year}|${part.currency}`);
      if (!wholes) continue;
      checked++;
      const whole = wholes[0];
      const ratio = whole.value.value / part.value.value;
      // The largest power of 1000 that keeps the part within the whole.
      const power = Math.floor(Math.log(ratio) / Math.log(1000) + 1e-9);
      if (power < 1) continue;
      const corrected = (part.value.value * 1000 ** power) / whole.value.value;
      if (corrected < o.minCorrectedShare || corrected > 1) continue;
      // Every stated size of the market that year must make the part vanish.
      if (wholes.some((w) => w.value.value / part.value.value < 1000 ** power * o.minCorrectedShare)) continue;
      findings.push({
        messageId: 'part',
        data: {
          part: part.subject.label,
          value: money(part.value.value, part.currency, part.qualifier),
          year: part.year,
          whole: money(whole.value.value, whole.currency, whole.qualifier),
          ratio: round(ratio, 0),
          fraction: Number(((100 * part.value.value) / whole.value.value).toPrecision(2)),
          corrected: money(part.value.value * 1000 ** power, part.currency, part.qualifier),
          correctedShare: round(100 * corrected, 1),
        },
        primary: { ...part.evidence, role: `${part.subject.label} size in ${part.year}` },
        related: [{ ...whole.evidence, role: `market size in ${whole.year}` }],
        computed: {
          quantity: `${part.subject.label} share of the market`,
          unit: '%',
          stated: round((100 * part.value.value) / whole.value.value, 4),
          computed: round(100 * corrected, 2),
          low: round(100 * o.minCorrectedShare, 2),
          high: 100,
          note: `as stated ${round(ratio, 0)}× smaller than the market; × ${1000 ** power} it holds ${round(100 * corrected, 1)}%`,
        },
        key: `part|${part.subject.key}|${part.year}|${part.value.value}`,
      });
    }
    // One subject's sizes over the years: the odd one out.
    for (const list of groupBy(sizes, (s) => `${s.subject.key}|${s.currency}`)) {
      // Every size is compared with every other: a page with more sizes for one subject than any report gives is not read.
      if (list.length < 2 || list.length > MAX_SIZES_PER_SUBJECT) continue;
      checked++;
      for (const s of list) {
        // Only a figure the page presents as the subject's size ("valued at", "to reach … by"): a sum raised or spent in the market is not one.
        if (s.role === 'unknown') continue;
        const others = list.filter((t) => t.year !== s.year);
        if (others.length === 0 || !others.every((t) => thousandfoldApart(s, t, o))) continue;
        // Two sizes alone: report the pair once, at the later statement.
        if (others.length === 1 && list.length === 2 && list.indexOf(s) === 0) continue;
        const other = others.reduce((a, b) => (Math.abs(b.year! - s.year!) < Math.abs(a.year! - s.year!) ? b : a));
        const ratio = Math.max(s.value.value, other.value.value) / Math.min(s.value.value, other.value.value);
        const { power } = nearestThousands(ratio);
        const up = s.value.value < other.value.value;
        const correctedValue = up ? s.value.value * 1000 ** power : s.value.value / 1000 ** power;
        const [first, last] = s.year! < other.year! ? [s.value.value, other.value.value] : [other.value.value, s.value.value];
        findings.push({
          messageId: 'years',
          data: {
            subject: s.subject.kind === 'market' ? 'The market' : s.subject.label,
            value: money(s.value.value, s.currency, s.qualifier),
            year: s.year,
            other: money(other.value.value, other.currency, other.qualifier),
            otherYear: other.year,
            ratio: round(ratio, 0),
            factor: factorWord(power),
            annual: round(100 * ((last / first) ** (1 / Math.abs(s.year! - other.year!)) - 1), 1),
            corrected: money(correctedValue, s.currency, s.qualifier),
          },
          primary: { ...s.evidence, role: `size in ${s.year}` },
          related: others.map((t) => ({ ...t.evidence, role: `size in ${t.year}` })),
          key: `years|${s.subject.key}|${s.year}|${s.value.value}`,
        });
      }
    }
    return output(findings, checked);
  },
});
