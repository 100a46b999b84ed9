import { COPIES_RULE } from '../../corpus/ids.js';
import type { AuditResult, MarketView, PublisherSummary } from '../../schema/result.js';
import type { SvgLine, SvgText } from './charts.js';
import { formatUsd, plural, trimNumber } from './format.js';
import { relativeHref } from './href.js';

// The index page's cross-source sections: groups of copies, publishers and markets. Everything
// here is data for {{ }} in the template (escaped); coordinates are numbers we compute.

export interface SourceLink {
  name: string;
  href: string | null;
}

export interface CopyGroupView {
  findingId: string;
  original: SourceLink;
  /** Each copy with the separator written before it. */
  copies: Array<SourceLink & { sep: string }>;
  why: string;
}

export interface PublisherRow {
  name: string;
  sources: SourceLink[];
  more: string;
  count: string;
  score: string;
  scoreSort: string;
  errors: string;
  errorsSort: string;
  families: string;
  reuse: string;
  reuseSort: string;
}

export interface DotView {
  cx: string;
  cy: string;
  classes: string;
  title: string;
  href: string | null;
}

export interface DotPlotView {
  width: number;
  height: number;
  label: string;
  caption: string;
  consensus: boolean;
  lines: SvgLine[];
  texts: SvgText[];
  median: { x: string; title: string } | null;
  dots: DotView[];
}

export interface MarketRow {
  source: SourceLink;
  copies: string;
  sizes: string;
  rates: string;
  flagged: Array<{ href: string; label: string }>;
}

export interface MarketSection {
  id: string;
  name: string;
  summary: string;
  rows: MarketRow[];
  plots: DotPlotView[];
}

export interface CorpusSections {
  copies: CopyGroupView[];
  publishers: PublisherRow[];
  markets: MarketSection[];
  moreMarkets: string;
}

/** Markets shown on the page (all are in audit.json). */
const MAX_MARKETS = 200;
/** Sources listed per publisher before "and N more". */
const MAX_LISTED = 12;

/** Where each cross-source finding is listed on the index page. */
export const corpusFindingId = (index: number) => `c-${index + 1}`;

const W = 360;
const H = 58;
const PAD = 16;
const AXIS_Y = 38;
const n = (v: number) => trimNumber(v, 1);

const STATUS: Record<MarketView['years'][number]['consensus'], string> = {
  consensus: 'the sources agree: a figure far from them is flagged',
  'too-few-sources': 'no consensus: too few independent sources to judge any of them',
  'wide-spread': 'no consensus: the sources disagree too widely to judge any of them',
};

interface Point {
  value: number;
  title: string;
  href: string | null;
  projected: boolean;
}

/**
 * One dot per source on a line (sizes on a log scale, rates on a linear one), the median marked,
 * figures out of line coloured and linked to their finding; dots that would overlap are stacked.
 */
function dotPlot(
  points: Point[],
  median: number | null,
  log: boolean,
  format: (v: number) => string,
  label: string,
  caption: string,
  consensus: boolean,
): DotPlotView {
  const scale = (v: number) => (log ? Math.log(v) : v);
  const all = [...points.map((p) => p.value), ...(median === null ? [] : [median])].filter((v) => Number.isFinite(scale(v)));
  let lo = scale(Math.min(...all));
  let hi = scale(Math.max(...all));
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const x = (v: number) => PAD + ((scale(v) - lo) / (hi - lo)) * (W - 2 * PAD);
  const placed: number[] = [];
  const dots = [...points]
    .sort((a, b) => a.value - b.value)
    .map((p) => {
      const cx = x(p.value);
      const level = Math.min(3, placed.filter((px) => Math.abs(px - cx) < 9).length);
      placed.push(cx);
      return {
        cx: n(cx),
        cy: n(AXIS_Y - 10 - level * 9),
        classes: ['dot', p.href ? 'outlier' : '', p.projected ? 'projected' : ''].filter(Boolean).join(' '),
        title: p.title,
        href: p.href,
      };
    });
  const min = Math.min(...all);
  const max = Math.max(...all);
  return {
    width: W,
    height: H,
    label,
    caption,
    consensus,
    lines: [{ x1: n(PAD), y1: n(AXIS_Y), x2: n(W - PAD), y2: n(AXIS_Y), classes: 'axis' }],
    texts: [
      { x: n(PAD), y: n(H - 4), anchor: 'start', classes: 'tick-label', text: format(min) },
      { x: n(W - PAD), y: n(H - 4), anchor: 'end', classes: 'tick-label', text: format(max) },
    ],
    median: median === null ? null : { x: n(x(median)), title: `median ${format(median)}` },
    dots,
  };
}

const percent = (v: number) => `${trimNumber(v, 2)}%`;
const withCopies = (name: string, copies: number) => (copies ? `${name} (and ${plural(copies, 'copy', 'copies')})` : name);

function marketSection(
  m: MarketView,
  index: number,
  linkOf: (source: string) => SourceLink,
  findingHref: (fingerprint: string | null) => string | null,
): MarketSection {
  const flaggedBy = new Map<string, Array<{ href: string; label: string }>>();
  const flag = (source: string, href: string | null, label: string) => {
    if (!href) return;
    const list = flaggedBy.get(source) ?? [];
    if (!list.some((f) => f.href === href)) list.push({ href, label });
    flaggedBy.set(source, list);
  };
  const plots: DotPlotView[] = [];
  for (const y of m.years) {
    if (y.points.length < 2) continue;
    const points = y.points.map((p) => {
      const href = findingHref(p.finding);
      flag(p.source, href, `size ${y.year}`);
      const how = p.projected ? ` (carried from ${p.projected.from} at its own ${percent(p.projected.rate)} CAGR)` : '';
      return { value: p.usd, title: `${withCopies(linkOf(p.source).name, p.copies)}: ${formatUsd(p.usd)}${how}`, href, projected: p.projected !== null };
    });
    const median = y.median === null ? '' : `, median ${formatUsd(y.median)}`;
    const caption = `Market size ${y.year}: ${plural(points.length, 'independent source')}${median}; ${STATUS[y.consensus]}.`;
    plots.push(dotPlot(points, y.median, true, formatUsd, `${m.name} market size in ${y.year}, one dot per source`, caption, y.consensus === 'consensus'));
  }
  if (m.rates.points.length >= 2) {
    const points = m.rates.points.map((p) => {
      const href = findingHref(p.finding);
      flag(p.source, href, `CAGR ${p.from}–${p.to}`);
      return { value: p.rate, title: `${withCopies(linkOf(p.source).name, p.copies)}: ${percent(p.rate)} for ${p.from}–${p.to}`, href, projected: false };
    });
    const median = m.rates.median === null ? '' : `, median ${percent(m.rates.median)}`;
    const caption = `Growth rates (each source's first, periods as stated): ${plural(points.length, 'independent source')}${median}; ${STATUS[m.rates.consensus]}.`;
    plots.push(
      dotPlot(points, m.rates.median, false, percent, `${m.name} market growth rates, one dot per source`, caption, m.rates.consensus === 'consensus'),
    );
  }
  return {
    id: `market-${index + 1}`,
    name: m.name,
    summary: `${plural(m.sources.length, 'independent source')}${m.sources.some((s) => s.copies.length) ? ' (copies counted once)' : ''}`,
    rows: m.sources.map((s) => ({
      source: linkOf(s.source),
      copies: s.copies.length ? s.copies.map((c) => linkOf(c).name).join(', ') : '',
      sizes: s.sizes.map((z) => `${z.year}: ${z.text}`).join('; ') || '—',
      rates: s.rates.map((r) => `${r.text} (${r.from}–${r.to})`).join('; ') || '—',
      flagged: flaggedBy.get(s.source) ?? [],
    })),
    plots,
  };
}

function publisherRow(p: PublisherSummary, linkOf: (source: string) => SourceLink): PublisherRow {
  const families = Object.entries(p.findingsByFamily)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([family, count]) => `${family} ${count}`)
    .join(' · ');
  return {
    name: p.name,
    sources: p.sources.slice(0, MAX_LISTED).map(linkOf),
    more: p.sources.length > MAX_LISTED ? `and ${p.sources.length - MAX_LISTED} more` : '',
    count: String(p.sources.length),
    score: p.medianScore === null ? '—' : trimNumber(p.medianScore, 1),
    scoreSort: p.medianScore === null ? '' : String(p.medianScore),
    errors: `${trimNumber(p.errorShare * 100, 0)}%`,
    errorsSort: String(p.errorShare),
    families: families || '—',
    reuse: p.templateReuse.findings ? `${plural(p.templateReuse.findings, 'finding')}, ${plural(p.templateReuse.sources, 'page')}` : '—',
    reuseSort: String(p.templateReuse.sources),
  };
}

export function buildCorpusSections(audit: AuditResult): CorpusSections {
  const bySource = new Map(audit.sources.map((s) => [s.source, s]));
  const linkOf = (source: string): SourceLink => {
    const s = bySource.get(source);
    return { name: s?.name ?? source, href: s?.report && s.status === 'ok' ? relativeHref(s.report) : null };
  };
  const idOf = new Map(audit.corpusFindings.map((f, i) => [f.fingerprint, corpusFindingId(i)]));
  const findingHref = (fingerprint: string | null) => {
    const id = fingerprint === null ? undefined : idOf.get(fingerprint);
    return id ? `#${id}` : null;
  };
  const copies: CopyGroupView[] = [];
  audit.corpusFindings.forEach((f, i) => {
    if (f.ruleId !== COPIES_RULE || f.sources.length < 2) return;
    const [original, ...rest] = f.sources.map(linkOf);
    copies.push({
      findingId: corpusFindingId(i),
      original,
      copies: rest.map((link, k) => ({ ...link, sep: k === 0 ? '' : ', ' })),
      why: typeof f.data.why === 'string' ? f.data.why : '',
    });
  });
  const markets = (audit.markets ?? []).filter((m) => m.sources.length >= 2);
  return {
    copies,
    publishers: (audit.publishers ?? []).map((p) => publisherRow(p, linkOf)),
    markets: markets.slice(0, MAX_MARKETS).map((m, i) => marketSection(m, i, linkOf, findingHref)),
    moreMarkets: markets.length > MAX_MARKETS ? `${markets.length - MAX_MARKETS} more markets are listed in audit.json.` : '',
  };
}
