import type { Qualifier } from '../schema/claims.js';
import { money, QUALIFIER_PREFIX as WORD } from '../util/number-text.js';

export { money };

export function percent(text: string, qualifier: Qualifier = 'exact', toText?: string | null): string {
  return `${WORD[qualifier]}${text}${toText ? `–${toText}` : ''}%`;
}

/** "$4.38 billion" from a value in dollars, keeping the stated digits. */
export function usd(value: number, qualifier: Qualifier = 'exact'): string {
  return money(value, 'USD', qualifier);
}

export function years(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return `${from}–${to}`;
  if (to !== null) return `to ${to}`;
  if (from !== null) return `from ${from}`;
  return 'unstated period';
}

export function fixed(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  return n.toFixed(digits);
}

/** How a growth claim's period reads in a message. */
export function describePeriod(p: { from: number | null; to: number | null; source: string }): string {
  if (p.source === 'forecast-period') return `forecast period ${years(p.from, p.to)}`;
  if (p.source === 'none') return 'no period stated';
  return years(p.from, p.to);
}
