import type { Qualifier } from '../schema/claims.js';

const WORD: Record<Qualifier, string> = {
  exact: '',
  over: 'over ',
  under: 'under ',
  'at-least': 'at least ',
  'at-most': 'at most ',
  approximately: 'about ',
  range: '',
};

export function percent(text: string, qualifier: Qualifier = 'exact', toText?: string | null): string {
  return `${WORD[qualifier]}${text}${toText ? `–${toText}` : ''}%`;
}

/** "$4.38 billion" from a value in dollars, keeping the stated digits. */
export function usd(value: number, qualifier: Qualifier = 'exact'): string {
  return money(value, 'USD', qualifier);
}

const SIGN: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', INR: '₹', JPY: '¥' };

/** "$4.38 billion", "€54.55 billion", "CAD 5 million": an amount in its currency, keeping the stated digits. */
export function money(value: number, currency: string, qualifier: Qualifier = 'exact'): string {
  const units: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  const sign = SIGN[currency] ?? `${currency} `;
  for (const [scale, word] of units) {
    if (Math.abs(value) >= scale) return `${WORD[qualifier]}${sign}${Number((value / scale).toPrecision(6))} ${word}`;
  }
  return `${WORD[qualifier]}${sign}${value}`;
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
