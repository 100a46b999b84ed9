import type { Claims, GrowthClaim, Period, Qualifier, ShareClaim, SizeClaim } from '../../schema/claims.js';
import type { Metadata } from '../../schema/document.js';
import type { Finding } from '../../schema/finding.js';
import type { Evidence } from '../../schema/position.js';
import { stackedShareChart, type ChartView } from './charts.js';
import { findingId, overlaps } from './evidence-index.js';
import { breakdownTitle, sharesOfFinding } from './findings-view.js';
import { money } from '../../numbers/format.js';
import { formatInterval, formatPosition, formatQuantity, trimNumber } from './format.js';

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
  any: boolean;
}

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

function checksOf(evidence: Evidence, findings: readonly Finding[]): CheckLink[] {
  const out: CheckLink[] = [];
  findings.forEach((f, i) => {
    if (!f.computed) return;
    if (![f.primary, ...f.related].some((e) => e !== null && overlaps(e, evidence))) return;
    const c = f.computed;
    out.push({
      href: `#${findingId(i)}`,
      classes: `check sev-${f.severity}`,
      text: `${c.quantity}: computed ${formatQuantity(c.computed, c.unit)} (allowed ${formatInterval(c.low, c.high, c.unit)})`,
    });
  });
  return out;
}

function growthRow(g: GrowthClaim, findings: readonly Finding[], blocks: number | null): GrowthRow {
  const value = g.rateTo ? `${trimNumber(g.rate.value)}–${trimNumber(g.rateTo.value)}%` : `${trimNumber(g.rate.value)}%`;
  return {
    stated: g.evidence.quote,
    value,
    qualifier: QUALIFIER_WORDS[g.qualifier],
    period: periodText(g.period),
    subject: `${g.subject.label} (${g.subject.kind})`,
    where: whereOf(g.evidence, blocks),
    checks: checksOf(g.evidence, findings),
  };
}

function sizeRow(s: SizeClaim, findings: readonly Finding[], blocks: number | null): SizeRow {
  return {
    stated: s.evidence.quote,
    usd: `${QUALIFIER_WORDS[s.qualifier] ? `${QUALIFIER_WORDS[s.qualifier]} ` : ''}${money(s.value.value, s.currency)}`,
    year: s.year !== null ? String(s.year) : '—',
    role: s.role === 'unknown' ? '' : s.role,
    subject: `${s.subject.label} (${s.subject.kind})`,
    where: whereOf(s.evidence, blocks),
    checks: checksOf(s.evidence, findings),
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
  return [...groups.values()].map((g) => {
    const total = g.shares.reduce((sum, s) => sum + s.share.value, 0);
    const diff = total - 100;
    const title = breakdownTitle(g.dimension, g.year);
    // Link the share-sum style findings whose shares belong to this breakdown.
    const checks: CheckLink[] = [];
    findings.forEach((f, i) => {
      const picked = f.ruleId.startsWith('numbers/share-sum') ? sharesOfFinding(f, shares) : null;
      if (picked && picked.dimension === g.dimension && (picked.year === null || picked.year === g.year)) {
        checks.push({ href: `#${findingId(i)}`, classes: `check sev-${f.severity}`, text: f.message });
      }
    });
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
  const view: ClaimsView = {
    growth: c.growth.map((g) => growthRow(g, findings, blockCount)),
    sizes: c.sizes.map((s) => sizeRow(s, findings, blockCount)),
    breakdowns: breakdowns(c.shares, findings, blockCount),
    dominance: c.dominance.map((d) => ({
      segment: d.segment,
      claim: d.aspect === 'growth' ? 'fastest growth' : 'largest share',
      dimension: d.dimension,
      year: d.year !== null ? String(d.year) : '—',
      where: whereOf(d.evidence, blockCount),
    })),
    periods: periodRows(metadata, blockCount),
    any: false,
  };
  view.any = view.growth.length + view.sizes.length + view.breakdowns.length + view.dominance.length + view.periods.length > 0;
  return view;
}
