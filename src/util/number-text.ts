import type { Qualifier } from '../schema/claims.js';

// How numbers read in messages and in the report: low enough for the claim kinds' table columns
// (src/claims/kinds), the rule messages and the report to share.

/** A qualifier as the words before an amount ("about ", "at least "); none for exact figures and ranges. */
export const QUALIFIER_PREFIX: Record<Qualifier, string> = {
  exact: '',
  over: 'over ',
  under: 'under ',
  'at-least': 'at least ',
  'at-most': 'at most ',
  approximately: 'about ',
  range: '',
};

/** Trim a number to at most `decimals` places without trailing zeros ("7.50" → "7.5"). */
export function trimNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
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
    if (Math.abs(value) >= scale) return `${QUALIFIER_PREFIX[qualifier]}${sign}${Number((value / scale).toPrecision(6))} ${word}`;
  }
  return `${QUALIFIER_PREFIX[qualifier]}${sign}${value}`;
}
