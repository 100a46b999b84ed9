import type { SourceView } from '../claims/source-view.js';
import type { Evidence } from '../schema/position.js';
import { findDatedEvents } from './dated-events.js';
import { formatDate, parseIsoDate, type PartialDate } from '../util/dates.js';

/** The date against which "current" is judged, and where it comes from. */
export interface ReferenceDate {
  date: PartialDate;
  /** "publish date", "forecast start", "base year" or "latest dated event". */
  basis: string;
  label: string;
  evidence: Evidence | null;
}

/**
 * The report's own date: its stated publish date; otherwise the latest year the report itself
 * treats as present or past (forecast start, base year, latest dated event), known to the year only.
 */
export function referenceDate(ctx: Pick<SourceView, 'doc' | 'spans' | 'sentences'>): ReferenceDate | null {
  const meta = ctx.doc.metadata;
  if (meta.publishDate) {
    const date = parseIsoDate(meta.publishDate.iso);
    if (date) return { date, basis: 'publish date', label: formatDate(date), evidence: meta.publishDate.evidence };
  }
  const candidates: Array<{ year: number; basis: string; evidence: Evidence | null }> = [];
  const forecast = meta.forecastPeriod ?? meta.titleHorizon;
  if (forecast) candidates.push({ year: forecast.from, basis: 'forecast start', evidence: forecast.evidence });
  if (meta.baseYear) candidates.push({ year: meta.baseYear.year, basis: 'base year', evidence: meta.baseYear.evidence });
  for (const e of findDatedEvents(ctx.sentences())) {
    candidates.push({ year: e.date.year, basis: 'latest dated event', evidence: ctx.spans.of(e.sentence.block, e.from, e.to, 'latest dated event') });
  }
  if (candidates.length === 0) return null;
  // The first candidate wins ties, so a forecast start is preferred to an event of the same year.
  const best = candidates.reduce((a, b) => (b.year > a.year ? b : a));
  return { date: { year: best.year, month: null, day: null }, basis: best.basis, label: String(best.year), evidence: best.evidence };
}
