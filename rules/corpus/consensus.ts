import { z } from 'zod';
import { defineCorpusRule, type CorpusFindingDraft } from '../../src/engine/rule.js';
import { analyseMarkets, type MarketAnalysis, type RateOutlier, type SizeOutlier } from '../../src/corpus/consensus.js';
import { expand } from '../../src/corpus/evidence.js';
import { joinDocuments } from '../../src/corpus/examples.js';
import { CONSENSUS_RULE } from '../../src/corpus/ids.js';
import { consensusFingerprint, ConsensusFingerprintSchema, leanConsensus, type ConsensusFingerprint } from '../../src/corpus/market-figures.js';
import { publisherPage } from '../../src/corpus/market-page.js';
import { listNames, membersOf, type Member } from '../../src/corpus/members.js';
import { percentRounded, usdRounded } from '../../src/corpus/money.js';
import type { Evidence } from '../../src/schema/position.js';

const options = z.object({
  sizeFactor: z.number().min(1.5).default(3).describe("A size is out of line when it is more than this many times off the other sources' median."),
  agreementFactor: z
    .number()
    .min(1)
    .default(2)
    .describe('The other sources form a consensus only when every one of their sizes is within this factor of their median.'),
  ratePoints: z.number().min(1).default(10).describe("A growth rate is out of line when it is more than this many points from the other sources' median."),
  rateAgreement: z
    .number()
    .min(0)
    .default(5)
    .describe("The other sources' growth rates form a consensus only when every one is within this many points of their median."),
  minOthers: z.number().int().min(2).default(3).describe('At least this many other independent sources (a group of copies counts once) must give the figure.'),
  projectYears: z
    .number()
    .int()
    .min(0)
    .max(5)
    .default(2)
    .describe("A source's size may be carried this many years, by its own stated growth rate, to meet the others' year."),
  maxRelated: z.number().int().min(1).default(20).describe('Evidence is quoted from at most this many other sources per finding.'),
});

const sized = (sizes: string[], headings: Array<string | undefined> = []) =>
  joinDocuments(
    sizes.map((size, n) => ({
      name: `report-${n + 1}.html`,
      text: publisherPage(
        n,
        'Soil Sensor',
        `By our estimate the soil sensor market was worth ${size} in 2024 and keeps growing with irrigation demand.`,
        headings[n],
      ),
    })),
  );

const rated = (rates: string[]) =>
  joinDocuments(
    rates.map((rate, n) => ({
      name: `report-${n + 1}.html`,
      text: publisherPage(n, 'Soil Sensor', `We expect the soil sensor market to grow at a CAGR of ${rate} from 2025 to 2032 as irrigation spreads.`),
    })),
  );

type Lean = ReturnType<typeof leanConsensus>;

/** "report-2.html" or "report-2.html (and 3 copies)". */
function sourceName(analysis: MarketAnalysis, members: ReadonlyArray<Member<Lean>>, group: number): string {
  const g = analysis.groups[group];
  const name = members[g[0]].name;
  return g.length > 1 ? `${name} (and ${g.length - 1} ${g.length > 2 ? 'copies' : 'copy'})` : name;
}

function evidenceOf(
  members: ReadonlyArray<Member<Lean, ConsensusFingerprint>>,
  member: number,
  find: (fp: ConsensusFingerprint) => Evidence | null,
): Evidence | null {
  const fp = members[member].full();
  return fp ? find(fp) : null;
}

export default defineCorpusRule({
  id: CONSENSUS_RULE,
  severity: 'warning',
  description: "A source's market size or growth rate is far out of line with what the other sources on the same market agree on.",
  rationale:
    'Publishers define markets differently and their estimates differ by a factor of two as a matter of course; but a source that puts a market at ten times what four others say, or at a growth rate far above all of them, is either wrong (a unit slip, a figure copied from another market) or measures something else, and either way must be checked before it is quoted. A figure is judged only against a real consensus: at least three other independent sources (copies of one page count once) that agree among themselves, and a distance ordinary disagreement does not reach. Fewer sources, or a wide spread among them, is no consensus and never a fault.',
  messages: {
    'size-outlier':
      '{source} puts the {market} market at {figure} in {year}: {times}× {direction} the median ({median}) of {count} other independent sources that agree with each other ({others}){also}. A gap this wide is a unit slip, a figure from another market, or a different definition of the market.',
    'rate-outlier':
      '{source} gives the {market} market a growth rate of {figure} for {period}: {points} points {direction} the median ({median}) of {count} other independent sources for overlapping periods ({others}){also}. A rate this far from every other estimate is a slip, the rate of another market, or a different definition of the market.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'five sources on one market (named in several ways), one a unit slip away from the others',
        input: sized(
          ['USD 412 million', 'USD 530 million', 'USD 468 billion', 'USD 455 million', 'USD 498 million'],
          [undefined, 'Global Soil Sensors Market', undefined, 'Soil Sensor Market Size, Share and Trends'],
        ),
        expect: [{ messageId: 'size-outlier', quotes: ['USD 468 billion', 'USD 412 million'], data: { year: 2024 } }],
      },
      {
        name: 'five sources on one market, one growth rate far above the four that agree',
        input: rated(['8.1%', '9.4%', '31.5%', '8.6%', '7.9%']),
        expect: [{ messageId: 'rate-outlier', quotes: ['31.5%', '8.1%'], data: { period: '2025–2032', direction: 'above' } }],
      },
    ],
    clean: [
      {
        name: 'an honest spread of two times between five publishers',
        input: sized(['USD 410 million', 'USD 530 million', 'USD 620 million', 'USD 780 million', 'USD 840 million']),
      },
      { name: 'two sources are no consensus, however far apart', input: sized(['USD 410 million', 'USD 41 billion']) },
      {
        name: 'a far-off growth rate beside four rates that do not agree among themselves',
        input: rated(['8.1%', '15.0%', '31.5%', '8.6%', '2.5%']),
      },
    ],
  },

  fingerprint: (ctx) => consensusFingerprint(ctx),

  check(sources, opts) {
    const members = membersOf(sources, ConsensusFingerprintSchema, leanConsensus);
    const findings: CorpusFindingDraft<'size-outlier' | 'rate-outlier'>[] = [];
    for (const analysis of analyseMarkets(
      members.map((m) => ({ name: m.name, ...m.fp })),
      opts,
    )) {
      for (const outlier of analysis.outliers) {
        const draft =
          outlier.kind === 'size' ? sizeFinding(analysis, outlier, members, opts.maxRelated) : rateFinding(analysis, outlier, members, opts.maxRelated);
        if (draft) findings.push(draft);
      }
    }
    return { findings, checked: members.length };
  },
});

function sizeFinding(
  analysis: MarketAnalysis,
  o: SizeOutlier,
  members: ReadonlyArray<Member<Lean, ConsensusFingerprint>>,
  maxRelated: number,
): CorpusFindingDraft<'size-outlier'> | null {
  const sizeAt = (member: number, year: number) =>
    evidenceOf(members, member, (fp) => {
      const s = fp.figures.sizes.find((x) => x.year === year);
      return s ? expand(s.at, `${members[member].name}: ${s.text} in ${year}`, members[member].source) : null;
    });
  const primary = sizeAt(o.member, o.year);
  if (!primary) return null;
  const stated = members[o.member].fp.sizes.find((s) => s.year === o.year)!;
  const others = o.others.map((v) => {
    const how = v.projected ? `, carried from ${v.projected.from} at its own ${percentRounded(v.projected.rate)} CAGR` : '';
    return { v, text: `${usdRounded(v.usd)} in ${sourceName(analysis, members, v.group)}${how}` };
  });
  const related = others.slice(0, maxRelated).map(({ v }) => sizeAt(v.member, v.projected ? v.projected.from : o.year));
  if (related.some((e) => !e)) return null;
  const above = o.ratio >= 1;
  return {
    messageId: 'size-outlier',
    data: {
      source: sourceName(analysis, members, o.group),
      market: analysis.label,
      figure: stated.text,
      year: o.year,
      times: Number((above ? o.ratio : 1 / o.ratio).toPrecision(2)),
      direction: above ? 'above' : 'below',
      median: usdRounded(o.median),
      count: o.others.length,
      others: listNames(
        others.map((x) => x.text),
        8,
      ),
      also: o.alsoYears.length ? `; its figures for ${listNames(o.alsoYears.map(String))} are out of line too` : '',
    },
    primary: { ...primary, role: 'figure out of line' },
    related: related as Evidence[],
    computed: {
      quantity: `size of the ${analysis.label} market in ${o.year}`,
      unit: 'USD',
      stated: o.usd,
      computed: o.median,
      low: o.low,
      high: o.high,
      note: `median and range of ${o.others.length} other independent sources`,
    },
    sources: [members[o.member].source, ...o.others.slice(0, maxRelated).map((v) => members[v.member].source)],
    key: `${analysis.market}\nsize\n${members[o.member].name}`,
  };
}

function rateFinding(
  analysis: MarketAnalysis,
  o: RateOutlier,
  members: ReadonlyArray<Member<Lean, ConsensusFingerprint>>,
  maxRelated: number,
): CorpusFindingDraft<'rate-outlier'> | null {
  const rateAt = (member: number, from: number, to: number) =>
    evidenceOf(members, member, (fp) => {
      const r = fp.figures.rates.find((x) => x.from === from && x.to === to);
      return r ? expand(r.at, `${members[member].name}: ${r.text} for ${from}–${to}`, members[member].source) : null;
    });
  const primary = rateAt(o.member, o.from, o.to);
  if (!primary) return null;
  const stated = members[o.member].fp.rates.find((r) => r.from === o.from && r.to === o.to)!;
  const related = o.others.slice(0, maxRelated).map((v) => rateAt(v.member, v.from, v.to));
  if (related.some((e) => !e)) return null;
  const above = o.rate >= o.median;
  return {
    messageId: 'rate-outlier',
    data: {
      source: sourceName(analysis, members, o.group),
      market: analysis.label,
      figure: stated.text,
      period: `${o.from}–${o.to}`,
      points: Number(Math.abs(o.rate - o.median).toFixed(1)),
      direction: above ? 'above' : 'below',
      median: percentRounded(o.median),
      count: o.others.length,
      others: listNames(
        o.others.map((v) => `${percentRounded(v.rate)} for ${v.from}–${v.to} in ${sourceName(analysis, members, v.group)}`),
        8,
      ),
      also: o.alsoPeriods.length ? `; its rates for ${listNames(o.alsoPeriods)} are out of line too` : '',
    },
    primary: { ...primary, role: 'rate out of line' },
    related: related as Evidence[],
    computed: {
      quantity: `growth rate of the ${analysis.label} market, ${o.from}–${o.to}`,
      unit: '%',
      stated: o.rate,
      computed: o.median,
      low: o.low,
      high: o.high,
      note: `median and range of ${o.others.length} other independent sources for overlapping periods`,
    },
    sources: [members[o.member].source, ...o.others.slice(0, maxRelated).map((v) => members[v.member].source)],
    key: `${analysis.market}\nrate\n${members[o.member].name}`,
  };
}
