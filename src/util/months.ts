/** English month names and abbreviations ("Aug", "Sept", "August"), as a non-capturing pattern. */
export const MONTH_PATTERN = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Month number (1–12) of an English month name or abbreviation, or 0. */
export function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === key) + 1;
}
