import type { SourceView } from '../claims/source-view.js';
import type { Evidence } from '../schema/position.js';
import type { DatedEvent } from './dated-events.js';
import { copyrightYearOf, datelineOf, forecastStartOf, latestStatedYearOf, reportYearOf, type DateCue } from './report-date-cues.js';
import { formatDate, parseIsoDate, type PartialDate } from '../util/dates.js';

/** The date against which "current" is judged, and where it comes from. */
export interface ReferenceDate {
  date: PartialDate;
  /** "publish date", "dateline", "forecast start", "base year", "report year", "copyright year", "latest stated year" or "latest dated event". */
  basis: string;
  label: string;
  evidence: Evidence | null;
}

/** A page date this many years later than every year the report itself gives is the site's, not the report's. */
const MAX_LEAD = 2;

interface YearCandidate {
  year: number;
  basis: string;
  evidence: Evidence | null;
}

/**
 * The report's own date: its stated publish date; otherwise its dateline; otherwise the latest year
 * the report itself treats as present or past (forecast start, base year, edition year, copyright
 * year, a value stated as reached, latest dated event), known to the year only. A dateline or
 * copyright year far later than every year the report gives belongs to the page that carries it
 * (a scrape date, a site footer) and is not used. `events` are the document's dated events.
 */
export function referenceDate(ctx: Pick<SourceView, 'doc' | 'spans'>, events: ReadonlyArray<DatedEvent>): ReferenceDate | null {
  const meta = ctx.doc.metadata;
  if (meta.publishDate) {
    const date = parseIsoDate(meta.publishDate.iso);
    if (date) return { date, basis: 'publish date', label: formatDate(date), evidence: meta.publishDate.evidence };
  }
  const blocks = ctx.doc.blocks;
  const fromCue = (cue: DateCue): YearCandidate => ({ year: cue.date.year, basis: cue.basis, evidence: ctx.spans.of(cue.block, cue.from, cue.to, cue.basis) });
  const candidates: YearCandidate[] = [];
  const forecast = meta.forecastPeriod ?? meta.titleHorizon;
  let forecastStart: number | undefined = forecast?.from;
  if (forecast) candidates.push({ year: forecast.from, basis: 'forecast start', evidence: forecast.evidence });
  else {
    const start = forecastStartOf(blocks);
    if (start) candidates.push(fromCue(start));
    forecastStart = start?.date.year;
  }
  if (meta.baseYear) candidates.push({ year: meta.baseYear.year, basis: 'base year', evidence: meta.baseYear.evidence });
  for (const cue of [reportYearOf(blocks), latestStatedYearOf(blocks, forecastStart)]) if (cue) candidates.push(fromCue(cue));
  for (const e of events) {
    candidates.push({ year: e.date.year, basis: 'latest dated event', evidence: ctx.spans.of(e.sentence.block, e.from, e.to, 'latest dated event') });
  }
  const latestOwn = candidates.length > 0 ? Math.max(...candidates.map((c) => c.year)) : null;
  const plausible = (year: number) => latestOwn === null || year <= latestOwn + MAX_LEAD;

  const dateline = datelineOf(blocks);
  if (dateline && plausible(dateline.date.year)) {
    return {
      date: dateline.date,
      basis: 'dateline',
      label: formatDate(dateline.date),
      evidence: ctx.spans.of(dateline.block, dateline.from, dateline.to, 'dateline'),
    };
  }
  const copyright = copyrightYearOf(blocks);
  if (copyright && plausible(copyright.date.year)) candidates.push(fromCue(copyright));
  if (candidates.length === 0) return null;
  // The first candidate wins ties, so a forecast start is preferred to an event of the same year.
  const best = candidates.reduce((a, b) => (b.year > a.year ? b : a));
  return { date: { year: best.year, month: null, day: null }, basis: best.basis, label: String(best.year), evidence: best.evidence };
}
