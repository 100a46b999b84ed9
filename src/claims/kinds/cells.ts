import type { Period, Qualifier, Subject } from '../../schema/claims.js';

// How claim fields read in the report's claims tables (the kinds' columns).

/** A qualifier in a table cell: nothing for an exact figure. */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
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

/** "2024–2030 (stated)"; "—" when no year is known. */
export function periodText(p: Period): string {
  if (p.from === null && p.to === null) return '—';
  const span = `${p.from ?? '?'}–${p.to ?? '?'}`;
  const how = PERIOD_SOURCE[p.source];
  return how ? `${span} (${how})` : span;
}

/** "North America (region)". */
export function subjectText(s: Subject): string {
  return `${s.label} (${s.kind})`;
}

/** A year, or "—". */
export function yearText(year: number | null): string {
  return year !== null ? String(year) : '—';
}
