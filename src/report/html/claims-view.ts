import type { Claim, ShareClaim } from '../../schema/claims.js';
import type { ClaimColumn, ClaimKind } from '../../claims/kinds/define.js';
import { CLAIM_KINDS, type Claims } from '../../claims/kinds/index.js';
import type { Metadata } from '../../schema/document.js';
import type { Finding } from '../../schema/finding.js';
import type { Evidence } from '../../schema/position.js';
import { stackedShareChart, type ChartView } from './charts.js';
import { findingId, overlaps } from './evidence-index.js';
import { breakdownTitle, sharesOfFinding } from './findings-view.js';
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

export interface CellView {
  text: string;
  /** "quote" or "num", from the kind's column. */
  classes: string | null;
}

export interface HeaderView {
  text: string;
  num: boolean;
}

/** A claim as a table row: its kind's columns, where it is, and the findings that recomputed it. */
export interface ClaimRow {
  cells: CellView[];
  where: WhereView;
  checks: CheckLink[];
}

export interface BreakdownRow {
  cells: CellView[];
  where: WhereView;
}

/** A kind's table, or (for shares) its tables by breakdown. */
export interface ClaimTableView {
  title: string;
  /** False when the kind has no claims here (the table is left out). */
  shown: boolean;
  headers: HeaderView[];
  recomputed: boolean;
  rows: ClaimRow[];
  breakdowns: BreakdownView[] | null;
  /** Columns the sum of a breakdown spans, after its share. */
  sumSpan: number;
  /** "…and 2,400 more market sizes, not shown here (every one is in audit.json)." when rows were left out. */
  more: string | null;
}

export interface BreakdownView {
  title: string;
  rows: BreakdownRow[];
  total: string;
  state: string;
  stateClass: string;
  chart: ChartView;
  checks: CheckLink[];
}

export interface PeriodRow {
  label: string;
  value: string;
  where: WhereView | null;
}

export interface ClaimsView {
  /** One per claim kind that declares a table (shown when it has claims), in the kinds' order. */
  tables: ClaimTableView[];
  periods: PeriodRow[];
  any: boolean;
}

/** Links claims and findings to the document view; blocks exist only when a document is shown. */
export function whereOf(e: Evidence, blockCount: number | null): WhereView {
  const shown = blockCount !== null && e.block !== null && e.block >= 0 && e.block < blockCount;
  return { href: shown ? `#b-${e.block}` : null, position: formatPosition(e.start) };
}

/**
 * Rows a claims table shows: a dense report states thousands of sizes, which audit.json keeps; the
 * page shows the first ones, and any later one a finding recomputed.
 */
export const MAX_CLAIM_ROWS = 200;

/** Share breakdowns shown, each with its chart. */
const MAX_BREAKDOWNS = 50;

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

const moreText = (left: number, noun: { one: string; many?: string }) =>
  `…and ${plural(left, `more ${noun.one}`, noun.many ? `more ${noun.many}` : undefined)}, not shown here (every one is in audit.json).`;

/** The first items, and later ones that carry a check, up to twice the cap; says how many are left out. */
function capped<T extends { checks: CheckLink[] }>(items: T[], cap: number, noun: { one: string; many?: string }): { items: T[]; more: string | null } {
  if (items.length <= cap) return { items, more: null };
  const shown = [...items.slice(0, cap), ...items.slice(cap).filter((r) => r.checks.length > 0)].slice(0, 2 * cap);
  return { items: shown, more: moreText(items.length - shown.length, noun) };
}

function cellsOf<C>(columns: readonly ClaimColumn<C>[], claim: C): CellView[] {
  return columns.map((c) => ({ text: c.cell(claim), classes: c.class ?? null }));
}

function breakdowns(
  shares: readonly ShareClaim[],
  columns: readonly ClaimColumn<ShareClaim>[],
  findings: readonly Finding[],
  blocks: number | null,
): BreakdownView[] {
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
      rows: g.shares.map((s) => ({ cells: cellsOf(columns, s), where: whereOf(s.evidence, blocks) })),
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

/** A kind's claims as its table declares them. */
function tableOf(kind: ClaimKind, claims: Claim[], findings: readonly Finding[], index: ComputedIndex, blocks: number | null): ClaimTableView | null {
  const table = kind.table;
  if (!table) return null;
  const view: ClaimTableView = {
    title: table.title,
    shown: claims.length > 0,
    headers: table.columns.map((c) => ({ text: c.header, num: c.class === 'num' })),
    recomputed: table.recomputed === true,
    rows: [],
    breakdowns: null,
    sumSpan: table.columns.length - 1,
    more: null,
  };
  if (table.layout === 'breakdowns') {
    // Shares of one breakdown are read together: their sum, a chart, the findings about them.
    const all = breakdowns(claims as ShareClaim[], table.columns as ClaimColumn<ShareClaim>[], findings, blocks);
    const shown = capped(all, MAX_BREAKDOWNS, { one: 'breakdown' });
    view.breakdowns = shown.items;
    view.more = shown.more;
    return view;
  }
  const rows = capped(
    claims.map((c) => ({
      cells: cellsOf(table.columns, c),
      where: whereOf(c.evidence, blocks),
      checks: table.recomputed ? checksOf(c.evidence, findings, index) : [],
    })),
    MAX_CLAIM_ROWS,
    kind.noun ?? { one: 'claim' },
  );
  view.rows = rows.items;
  view.more = rows.more;
  return view;
}

/** The extracted claims as tables (one per kind, src/claims/kinds), with recomputed values beside the stated ones. */
export function buildClaimsView(claims: Claims | null, metadata: Metadata | null, findings: readonly Finding[], blockCount: number | null): ClaimsView {
  const byKind = (claims ?? {}) as Partial<Record<string, Claim[]>>;
  const kinds: readonly ClaimKind[] = CLAIM_KINDS;
  const index = computedIndex(findings);
  const tables = kinds.flatMap((k) => tableOf(k, byKind[k.name] ?? [], findings, index, blockCount) ?? []);
  const periods = periodRows(metadata, blockCount);
  return { tables, periods, any: tables.some((t) => t.shown) || periods.length > 0 };
}
