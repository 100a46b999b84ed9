import type { MarketView } from '../schema/result.js';
import { analyseMarkets, type ConsensusOptions, type MarketMember } from './consensus.js';

/** A corpus/consensus finding as the view links to it: the flagged source is its first. */
export interface ConsensusFindingRef {
  messageId: string;
  sources: readonly string[];
  fingerprint: string;
}

/**
 * Every market two or more sources cover, for audit.json and the index page: each independent
 * source's sizes and growth rates, each year's sizes side by side (stated or carried by the
 * source's own rate), the growth rates side by side, whether they agree, and the figures
 * corpus/consensus flags, linked to its findings. Markets with the most sources first.
 */
export function marketViews(
  members: ReadonlyArray<MarketMember & { source: string }>,
  options: ConsensusOptions,
  findings: readonly ConsensusFindingRef[],
): MarketView[] {
  const flagged = new Map<string, string>();
  for (const f of findings) if (f.sources.length) flagged.set(`${f.messageId}\n${f.sources[0]}`, f.fingerprint);

  const views = analyseMarkets(members, options).map((a): MarketView => {
    const groupSource = (g: number) => members[a.groups[g][0]].source;
    const copies = (g: number) => a.groups[g].length - 1;
    // The years and periods in which each group's figures are out of line, and the finding that says so.
    const outYears = new Map<string, string | null>();
    const outPeriods = new Map<string, string | null>();
    for (const o of a.outliers) {
      const finding = flagged.get(`${o.kind}-outlier\n${members[o.member].source}`) ?? null;
      if (o.kind === 'size') for (const y of [o.year, ...o.alsoYears]) outYears.set(`${o.group}:${y}`, finding);
      else for (const p of [`${o.from}–${o.to}`, ...o.alsoPeriods]) outPeriods.set(`${o.group}:${p}`, finding);
    }
    return {
      key: a.market,
      name: a.label,
      sources: a.groups.map((group) => {
        const sizes = new Map<number, { year: number; usd: number; text: string }>();
        const rates = new Map<string, { rate: number; from: number; to: number; text: string }>();
        for (const m of group) {
          for (const s of members[m].sizes) if (!sizes.has(s.year)) sizes.set(s.year, { ...s });
          for (const r of members[m].rates) if (!rates.has(`${r.from}–${r.to}`)) rates.set(`${r.from}–${r.to}`, { ...r });
        }
        return {
          source: members[group[0]].source,
          copies: group.slice(1).map((m) => members[m].source),
          sizes: [...sizes.values()].sort((x, y) => x.year - y.year),
          rates: [...rates.values()],
        };
      }),
      years: a.years.map((y) => ({
        year: y.year,
        points: y.values.map((v) => ({
          source: groupSource(v.group),
          copies: copies(v.group),
          usd: v.usd,
          projected: v.projected,
          finding: v.projected ? null : (outYears.get(`${v.group}:${y.year}`) ?? null),
        })),
        median: y.median,
        consensus: y.status,
      })),
      rates: {
        points: a.rates.values.map((r) => ({
          source: groupSource(r.group),
          copies: copies(r.group),
          rate: r.rate,
          from: r.from,
          to: r.to,
          finding: outPeriods.get(`${r.group}:${r.from}–${r.to}`) ?? null,
        })),
        median: a.rates.median,
        consensus: a.rates.status,
      },
    };
  });
  return views.sort((x, y) => y.sources.length - x.sources.length || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
