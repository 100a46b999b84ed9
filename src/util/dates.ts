import { MONTH_NAMES } from './months.js';
/** A calendar date known to year, month or day precision. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** "2020", "2020-06", "2020-06-15" → PartialDate (null when malformed). */
export function parseIsoDate(iso: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year: Number(m[1]), month, day };
}

export { monthNumber } from './months.js';

/** "6 March 2018", "March 2018" or "2018", as precise as the date is known. */
export function formatDate(d: PartialDate): string {
  if (d.month === null) return String(d.year);
  const month = MONTH_NAMES[d.month - 1];
  return d.day === null ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

/**
 * True only when `a` is certainly earlier than `b` at the precision both are known:
 * "2022" is not before "2022-08-19", but "2022-07" is.
 */
export function certainlyBefore(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.month === null || b.month === null) return false;
  if (a.month !== b.month) return a.month < b.month;
  if (a.day === null || b.day === null) return false;
  return a.day < b.day;
}
