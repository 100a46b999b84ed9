import type { Claims, GrowthClaim, Period, Qualifier, ShareClaim, SizeClaim } from '../../schema/claims.js';
import type { Metadata } from '../../schema/document.js';
import type { Finding } from '../../schema/finding.js';
import type { Evidence } from '../../schema/position.js';
import { stackedShareChart, type ChartView } from './charts.js';
import { findingId, overlaps } from './evidence-index.js';
import { breakdownTitle, sharesOfFinding } from './findings-view.js';
import { money } from '../../numbers/format.js';
import { formatInterval, formatPosition, formatQuantity, plural, trimNumber } from './format.js';

export interface WhereView {
  /** The block in the document view, when there is one. */
  href: string | null;
  position: string;
}

/** A finding that recomputed this claim: shown beside the stated value. */
export interface CheckLink {
  href: string;
  classes: string;
  text: string;
}

export interface GrowthRow {
  stated: string;
  value: string;
  qualifier: string;
  period: string;
  subject: string;
  where: WhereView;
  checks: CheckLink[];
}

export interface SizeRow {
  stated: string;
  usd: string;
  year: string;
  role: string;
  subject: string;
  where: WhereView;
  checks: CheckLink[];
}

export interface ShareRow {
  segment: string;
  share: string;
  qualifier: string;
  note: string;
  where: WhereView;
}

export interface BreakdownView {
  title: string;
  rows: ShareRow[];
  total: string;
  state: string;
  stateClass: string;
  chart: ChartView;
  checks: CheckLink[];
}

export interface DominanceRow {
  segment: string;
  /** "largest share" or "fastest growth". */
  claim: string;
  dimension: string;
  year: string;
  where: WhereView;
}

export interface PeriodRow {
  label: string;
  value: string;
  where: WhereView | null;
}

export interface ClaimsView {
  growth: GrowthRow[];
  sizes: SizeRow[];
  breakdowns: BreakdownView[];
  dominance: DominanceRow[];
  periods: PeriodRow[];
  /** Per table, "…and 2,400 more (every one is in audit.json)." when rows were left out. */
  more: { growth: string | null; sizes: string | null; breakdowns: string | null; dominance: string | null };
  any: boolean;
}

/**
 * Rows a claims table shows: a dense report states thousands of sizes, which audit.json keeps; the
 * page shows the first ones, and any later one a finding recomputed.
 */
export const MAX_CLAIM_ROWS = 200;

/** Share breakdowns shown, each with its chart. */
const MAX_BREAKDOWNS = 50;

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'over',
  under: 'under',
  'at-least': 'at least',
  'at-most': 'at most',
  approximately: 'about',
  range: 'range',
};

const PERIOD_SOURCE: Record<Period['source'], string> = {
  explicit: 'stated',
  'forecast-period': "report's forecast period",
  inferred: 'inferred',
  none: '',
};

function periodText(p: Period): string {
  if (p.from === null && p.to === null) return '—';
  const span = `${p.from ?? '?'}–${p.to ?? '?'}`;
  const how = PERIOD_SOURCE[p.source];
  return how ? `${span} (${how})` : span;
}

/** Links claims and findings to the document view; blocks exist only when a document is shown. */
export function whereOf(e: Evidence, blockCount: number | null): WhereView {
  const shown = blockCount !== null && e.block !== null && e.block >= 0 && e.block < blockCount;
  return { href: shown ? `#b-${e.block}` : null, position: formatPosition(e.start) };
}

/** The findings with a recomputed value, by the blocks their evidence lies in: a claim looks up only its own block. */
type ComputedIndex = ReadonlyMap<number, ReadonlyArray<{ finding: number; evidence: Evidence }>>;

function computedIndex(findings: readonly Finding[]): ComputedIndex {
  const index = new Map<number, Array<{ finding: number; evidence: Evidence }>>();
  findings.forEach((f, i) => {
    if (!f.computed) return;
    for (const e of [f.primary, ...f.related]) {
      if (e === null || e.block === null) continue;
      (index.get(e.block) ?? index.set(e.block, []).get(e.block)!).push({ finding: i, evidence: e });
    }
  });
  return index;
}

function checksOf(evidence: Evidence, findings: readonly Finding[], index: ComputedIndex): CheckLink[] {
  const hits = new Set<number>();
  for (const h of evidence.block === null ? [] : (index.get(evidence.block) ?? [])) if (overlaps(h.evidence, evidence)) hits.add(h.finding);
  return [...hits]
    .sort((a, b) => a - b)
    .map((i) => {
      const c = findings[i].computed!;
      return {
        href: `#${findingId(i)}`,
        classes: `check sev-${findings[i].severity}`,
        text: `${c.quantity}: computed ${formatQuantity(c.computed, c.unit)} (allowed ${formatInterval(c.low, c.high, c.unit)})`,
      };
    });
}

/** The first rows, and later ones that carry a check, up to twice the cap; says how many are left out. */
function capped<T extends { checks: CheckLink[] }>(rows: T[], noun: string): { rows: T[]; more: string | null } {
  if (rows.length <= MAX_CLAIM_ROWS) return { rows, more: null };
  const shown = [...rows.slice(0, MAX_CLAIM_ROWS), ...rows.slice(MAX_CLAIM_ROWS).filter((r) => r.checks.length > 0)].slice(0, 2 * MAX_CLAIM_ROWS);
  return { rows: shown, more: moreText(rows.length - shown.length, noun) };
}

const moreText = (left: number, noun: string) => `…and ${plural(left, `more ${noun}`)}, not shown here (every one is in audit.json).`;

function growthRow(g: GrowthClaim, findings: readonly Finding[], index: ComputedIndex, blocks: number | null): GrowthRow {
  const value = g.rateTo ? `${trimNumber(g.rate.value)}–${trimNumber(g.rateTo.value)}%` : `${trimNumber(g.rate.value)}%`;
  return {
    stated: g.evidence.quote,
    value,
    qualifier: QUALIFIER_WORDS[g.qualifier],
    period: periodText(g.period),
    subject: `${g.subject.label} (${g.subject.kind})`,
    where: whereOf(g.evidence, blocks),
    checks: checksOf(g.evidence, findings, index),
  };
}

function sizeRow(s: SizeClaim, findings: readonly Finding[], index: ComputedIndex, blocks: number | null): SizeRow {
  return {
    stated: s.evidence.quote,
    usd: `${QUALIFIER_WORDS[s.qualifier] ? `${QUALIFIER_WORDS[s.qualifier]} ` : ''}${money(s.value.value, s.currency)}`,
    year: s.year !== null ? String(s.year) : '—',
    role: s.role === 'unknown' ? '' : s.role,
    subject: `${s.subject.label} (${s.subject.kind})`,
    where: whereOf(s.evidence, blocks),
    checks: checksOf(s.evidence, findings, index),
  };
}

function breakdowns(shares: readonly ShareClaim[], findings: readonly Finding[], blocks: number | null): BreakdownView[] {
  const groups = new Map<string, { dimension: string; year: number | null; shares: ShareClaim[] }>();
  for (const s of shares) {
    const key = `${s.dimension}\0${s.year}`;
    const g = groups.get(key) ?? { dimension: s.dimension, year: s.year, shares: [] };
    g.shares.push(s);
    groups.set(key, g);
  }
  // The breakdown each share-sum style finding is about, worked out once per finding.
  const picks = findings.flatMap((f, i) => {
    const picked = f.ruleId.startsWith('numbers/share-sum') ? sharesOfFinding(f, shares) : null;
    return picked ? [{ f, i, picked }] : [];
  });
  return [...groups.values()].map((g) => {
    const total = g.shares.reduce((sum, s) => sum + s.share.value, 0);
    const diff = total - 100;
    const title = breakdownTitle(g.dimension, g.year);
    // Link the share-sum style findings whose shares belong to this breakdown.
    const checks: CheckLink[] = picks
      .filter(({ picked }) => picked.dimension === g.dimension && (picked.year === null || picked.year === g.year))
      .map(({ f, i }) => ({ href: `#${findingId(i)}`, classes: `check sev-${f.severity}`, text: f.message }));
    return {
      title,
      rows: g.shares.map((s) => ({
        segment: s.segment,
        share: s.share.text,
        qualifier: QUALIFIER_WORDS[s.qualifier],
        note: [s.role === 'remainder' ? 'remainder' : '', s.dominant ? 'said to lead' : ''].filter(Boolean).join(', '),
        where: whereOf(s.evidence, blocks),
      })),
      total: `${trimNumber(total, 2)}%`,
      state: Math.abs(diff) < 0.05 ? 'sums to 100%' : diff < 0 ? `${trimNumber(-diff, 2)} points short of 100%` : `${trimNumber(diff, 2)} points over 100%`,
      stateClass: Math.abs(diff) < 0.05 ? 'sum-ok' : diff < 0 ? 'sum-short' : 'sum-over',
      chart: stackedShareChart(
        g.shares.map((s) => ({ label: s.segment, value: s.share.value })),
        title,
      ),
      checks,
    };
  });
}

function periodRows(m: Metadata | null, blocks: number | null): PeriodRow[] {
  if (!m) return [];
  const rows: PeriodRow[] = [];
  const range = (label: string, r: Metadata['forecastPeriod']) => {
    if (r) rows.push({ label, value: `${r.from}–${r.to}`, where: whereOf(r.evidence, blocks) });
  };
  range('Forecast period', m.forecastPeriod);
  range('Horizon in the title', m.titleHorizon);
  range('Historical range', m.historicalRange);
  if (m.baseYear) rows.push({ label: 'Base year', value: String(m.baseYear.year), where: whereOf(m.baseYear.evidence, blocks) });
  if (m.publishDate) rows.push({ label: 'Published', value: m.publishDate.iso, where: whereOf(m.publishDate.evidence, blocks) });
  if (m.market) rows.push({ label: 'Market', value: m.market, where: null });
  return rows;
}

/** The extracted claims as tables, with recomputed values beside the stated ones. */
export function buildClaimsView(claims: Claims | null, metadata: Metadata | null, findings: readonly Finding[], blockCount: number | null): ClaimsView {
  const c = claims ?? { growth: [], sizes: [], shares: [], dominance: [] };
  const index = computedIndex(findings);
  const growth = capped(
    c.growth.map((g) => growthRow(g, findings, index, blockCount)),
    'growth rate',
  );
  const sizes = capped(
    c.sizes.map((s) => sizeRow(s, findings, index, blockCount)),
    'market size',
  );
  const allBreakdowns = breakdowns(c.shares, findings, blockCount);
  const shownBreakdowns = allBreakdowns.filter((b, i) => i < MAX_BREAKDOWNS || b.checks.length > 0).slice(0, 2 * MAX_BREAKDOWNS);
  const dominance = c.dominance.slice(0, MAX_CLAIM_ROWS);
  const view: ClaimsView = {
    growth: growth.rows,
    sizes: sizes.rows,
    breakdowns: shownBreakdowns,
    dominance: dominance.map((d) => ({
      segment: d.segment,
      claim: d.aspect === 'growth' ? 'fastest growth' : 'largest share',
      dimension: d.dimension,
      year: d.year !== null ? String(d.year) : '—',
      where: whereOf(d.evidence, blockCount),
    })),
    periods: periodRows(metadata, blockCount),
    more: {
      growth: growth.more,
      sizes: sizes.more,
      breakdowns: allBreakdowns.length > shownBreakdowns.length ? moreText(allBreakdowns.length - shownBreakdowns.length, 'breakdown') : null,
      dominance: c.dominance.length > dominance.length ? moreText(c.dominance.length - dominance.length, 'dominance claim') : null,
    },
    any: false,
  };
  view.any = view.growth.length + view.sizes.length + view.breakdowns.length + view.dominance.length + view.periods.length > 0;
  return view;
}
