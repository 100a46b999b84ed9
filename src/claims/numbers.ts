import type { Qualifier, StatedNumber } from '../schema/claims.js';

/**
 * A number as written, with the interval its precision allows: "4.38" is 4.375–4.385, "20" is
 * 19.5–20.5 (statcheck's rule: a reported figure stands for every value that rounds to it).
 */
export function stated(text: string, scale = 1): StatedNumber {
  const clean = text.replace(/,/g, '');
  const value = Number(clean);
  const dot = clean.indexOf('.');
  const decimals = dot < 0 ? 0 : clean.length - dot - 1;
  const half = 0.5 * 10 ** -decimals;
  return { value: value * scale, low: (value - half) * scale, high: (value + half) * scale, decimals, text };
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,12}(?:\.\d{1,15})?`;

/** Percentages, ranges included ("10-12%", "10% to 12%"). */
export const PERCENT = new RegExp(
  String.raw`(?<![\d.,])(${NUM})\s?(?:%|percent\b|per cent\b)?(?:\s?(?:-|–|to)\s?(${NUM}))?\s?(?:%|percent\b|per cent\b)`,
  'gi',
);

const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mm: 1e6,
  mln: 1e6,
  thousand: 1e3,
  k: 1e3,
  // Indian numbering: a lakh is 100,000, a crore 10 million, a lakh crore a trillion.
  'lakh crore': 1e12,
  'lakh crores': 1e12,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
};
const UNIT = String.raw`trillion|billion|million|thousand|lakh crores?|crores?|lakhs?|lacs?|cr|bln|mln|bn|mn|mm|tn|[bmkt]`;
/** Units written as abbreviations, which may carry a full stop ("USD 4.38 bn."); "billion." ends a sentence. */
const ABBREVIATION = new Set(['bn', 'mn', 'mm', 'tn', 'bln', 'mln', 'cr', 'b', 'm', 'k', 't']);

// Currency signs and codes before the amount, and names after it, by ISO 4217 code. "$" alone is the
// US dollar, as market reports write it; "A$", "C$", "S$" are other dollars.
const PREFIX = String.raw`US\$|U\.S\.\s?\$|A\$|AU\$|C\$|CA\$|S\$|HK\$|NZ\$|\$|USD|EUR|€|GBP|£|INR|Rs\.?|₹|JPY|¥|CNY|RMB|AUD|CAD|CHF|KRW|₩|SGD|HKD|NZD|BRL|R\$|SEK|NOK|DKK|ZAR|AED|SAR`;
const SUFFIX = String.raw`USD|US dollars|U\.S\. dollars|dollars|EUR|euros?|GBP|pounds(?: sterling)?|INR|rupees|JPY|yen|CNY|yuan|renminbi|AUD|CAD|CHF|KRW|won`;
const CODE: Record<string, string> = {
  us$: 'USD',
  'u.s.$': 'USD',
  'u.s. $': 'USD',
  $: 'USD',
  usd: 'USD',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  dollars: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  aud: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  cad: 'CAD',
  s$: 'SGD',
  sgd: 'SGD',
  hk$: 'HKD',
  hkd: 'HKD',
  nz$: 'NZD',
  nzd: 'NZD',
  eur: 'EUR',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  '£': 'GBP',
  pounds: 'GBP',
  'pounds sterling': 'GBP',
  inr: 'INR',
  rs: 'INR',
  'rs.': 'INR',
  '₹': 'INR',
  rupees: 'INR',
  jpy: 'JPY',
  '¥': 'JPY',
  yen: 'JPY',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  chf: 'CHF',
  krw: 'KRW',
  '₩': 'KRW',
  won: 'KRW',
  brl: 'BRL',
  r$: 'BRL',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  zar: 'ZAR',
  aed: 'AED',
  sar: 'SAR',
};

// A number followed by another decimal point ("15.53.46") is garbled, not a figure.
/** Money: "$18 billion", "USD 4.38 Bn", "US$ 3.2 million", "€54.55bn", "Rs 2,500 crore", "5 billion USD". */
export const MONEY = new RegExp(
  String.raw`(?:(?<![A-Za-z])(${PREFIX})\s?(${NUM})(?!\d|[.,]\d)(?:\s?(${UNIT})\b(\.)?)?|(?<![\w.])(${NUM})(?!\d|[.,]\d)\s?(${UNIT})\b(\.)?\s?(${SUFFIX})\b)`,
  'gi',
);

export interface MoneyMatch {
  amount: StatedNumber;
  /** ISO 4217 code. */
  currency: string;
  unitWord: string;
  from: number;
  to: number;
}

export function moneyIn(text: string): MoneyMatch[] {
  const out: MoneyMatch[] = [];
  MONEY.lastIndex = 0;
  for (const m of text.matchAll(MONEY)) {
    const prefix = m[1] !== undefined;
    const num = prefix ? m[2] : m[5];
    const unit = ((prefix ? m[3] : m[6]) ?? '').toLowerCase().replace(/\s+/g, ' ');
    const stop = prefix ? m[4] : m[7];
    const sign = (prefix ? m[1] : m[8]).toLowerCase().replace(/\s+/g, ' ');
    const currency = CODE[sign] ?? CODE[sign.replace(/\s/g, '')] ?? 'USD';
    const scale = unit ? (SCALE[unit] ?? 1) : 1;
    // A sentence's full stop after "billion" is not part of the figure.
    const to = m.index! + m[0].length - (stop && !ABBREVIATION.has(unit) && prefix ? 1 : 0);
    out.push({ amount: stated(num, scale), currency, unitWord: unit, from: m.index!, to });
  }
  return out;
}

export interface PercentMatch {
  value: StatedNumber;
  to: StatedNumber | null;
  from: number;
  end: number;
}

export function percentsIn(text: string): PercentMatch[] {
  const out: PercentMatch[] = [];
  for (const m of text.matchAll(PERCENT)) {
    out.push({ value: stated(m[1]), to: m[2] ? stated(m[2]) : null, from: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const QUALIFIERS: Array<[Qualifier, RegExp]> = [
  [
    'over',
    /\b(?:over|more than|exceeding|exceeds?|above|in excess of|greater than|upwards of|north of|surpassing|beyond)\s+(?:an?\s+)?(?:estimated\s+)?(?:USD|US\$|\$)?\s?$/i,
  ],
  ['at-least', /\b(?:at least|no less than|a minimum of|minimum of|not less than)\s+(?:USD|US\$|\$)?\s?$/i],
  ['at-most', /\b(?:up to|at most|a maximum of|maximum of|no more than|as much as)\s+(?:USD|US\$|\$)?\s?$/i],
  ['under', /\b(?:under|below|less than|lower than|short of)\s+(?:USD|US\$|\$)?\s?$/i],
  [
    'approximately',
    /(?:\b(?:approximately|approx\.?|around|about|nearly|almost|roughly|close to|some|circa|an estimated|estimated|est\.)|~|≈)\s+(?:at\s+)?(?:USD|US\$|\$)?\s?$/i,
  ],
];

/** The qualifier written just before a figure ("over 24%", "approximately $6 billion") and where it starts. */
export function qualifierAt(text: string, index: number): { qualifier: Qualifier; start: number } {
  const offset = Math.max(0, index - 40);
  const before = text.slice(offset, index);
  for (const [q, re] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) return { qualifier: q, start: offset + m.index + (m[0].length - m[0].trimStart().length) };
  }
  return { qualifier: 'exact', start: index };
}

/**
 * The values a qualified figure admits: "over 24%" is (24, ∞), "approximately 8" widens the rounding
 * interval by `approxTolerance` (relative), "up to 12" is [0, 12.5).
 */
export function admissible(n: StatedNumber, qualifier: Qualifier, approxTolerance = 0.1, upper: StatedNumber | null = null): [number, number] {
  switch (qualifier) {
    case 'over':
    case 'at-least':
      return [n.low, Infinity];
    case 'under':
    case 'at-most':
      return [-Infinity, n.high];
    case 'approximately': {
      // "About" strays by one unit of the last digit written, at least 1% and at most the tolerance:
      // "about $2.4 trillion" is 2.3–2.5, "about $6 billion" 5.4–6.6, "about $83.27 billion" ±1%.
      const size = Math.abs(n.value);
      const stray = Math.min(Math.max(n.high - n.low, size * 0.01), size * approxTolerance);
      return [Math.min(n.low, n.value - stray), Math.max(n.high, n.value + stray)];
    }
    case 'range':
      return [n.low, (upper ?? n).high];
    default:
      return [n.low, n.high];
  }
}
