// Figures a page generator garbled: a number with two decimal points where an amount belongs
// ("USD 12.40.17 trillion"), a raw floating-point value printed as a rate ("6.84213395770124%"),
// and enumeration keys a template never filled ("trends.2, and trends.3"). Each pattern is
// linear (bounded repetitions, no nesting) and texts are cut at MAX_SCAN.

import { memoByText } from '../cache/block-cache.js';

export type GarbledKind = 'malformed-number' | 'raw-float' | 'template-key';

export interface GarbledFigure {
  kind: GarbledKind;
  from: number;
  to: number;
  text: string;
}

const MAX_SCAN = 200_000;

const CURRENCY = String.raw`(?:USD|US\$|EUR|GBP|INR|JPY|CNY|RMB|AUD|CAD|\$|€|£|¥)`;
const MAGNITUDE = String.raw`(?:trillion|billion|million|thousand|bn|mn|tn|mln|bln)\b`;
const UNIT_AFTER = String.raw`(?:\s?(?:%|percent\b|per cent\b|${MAGNITUDE}))`;

/**
 * Digits with two decimal points, read as an amount: a currency before it or a magnitude or
 * percent sign after it. Dates ("15.03.2024"), versions ("v2.1.3") and section numbers ("3.2.1
 * Market Overview") carry neither and are left alone.
 */
const MALFORMED = new RegExp(
  String.raw`(?<![\d.])${CURRENCY}\s?\d{1,4}\.\d{1,3}\.\d{1,3}(?![\d.])${UNIT_AFTER}?|(?<![\d.])\d{1,4}\.\d{1,3}\.\d{1,3}${UNIT_AFTER}`,
  'gi',
);

/** A rate or amount written with machine precision: at least this many decimals… */
const RAW_DECIMALS = 5;
/** …and this many significant digits ("0.00004%" is a small share, not a float dump). */
const RAW_SIGNIFICANT = 8;
const LONG_DECIMAL = new RegExp(String.raw`(?<![\d.,])(\d{1,6})\.(\d{${RAW_DECIMALS},20})(?![\d.])${UNIT_AFTER}`, 'gi');
const LONG_DECIMAL_MONEY = new RegExp(String.raw`${CURRENCY}\s?(\d{1,6})\.(\d{${RAW_DECIMALS},20})(?![\d.])${UNIT_AFTER}?`, 'gi');

/**
 * "drivers.2": a lower-case word with a dot and a small number, the key of a list item
 * ("drivers.1", "drivers.2") that the template printed instead of its text. A whole token:
 * not part of a URL, a file name or a decimal. Abbreviations that take a number ("fig.2",
 * "vol.3", "para.4") are not keys.
 */
const KEY = /(?<=^|[\s(,;:])([a-z]{4,24})\.(\d{1,2})(?=$|[\s,;:)]|\.(?:\s|$))/g;
const NUMBERED_ABBREVIATIONS = new Set(['figs', 'vols', 'para', 'paras', 'chap', 'sect', 'eqns', 'refs', 'appx', 'tabs']);

function significantDigits(intPart: string, decimals: string): number {
  const all = (intPart + decimals).replace(/^0+/, '');
  return all.length;
}

export const findGarbledFigures: (text: string) => readonly GarbledFigure[] = memoByText(scan);

function scan(input: string): readonly GarbledFigure[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  const out: GarbledFigure[] = [];
  // Every pattern needs a digit after a dot; most text has one, but a block without digits has none.
  if (!/\.\d/.test(text)) return out;
  for (const m of text.matchAll(MALFORMED)) {
    // "1.234.567" groups thousands with dots (German, Spanish…): every group after the first has three digits.
    const groups = /\d+(?:\.\d+)+/.exec(m[0])![0].split('.');
    if (groups.slice(1).every((g) => g.length === 3)) continue;
    out.push({ kind: 'malformed-number', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  for (const re of [LONG_DECIMAL, LONG_DECIMAL_MONEY]) {
    for (const m of text.matchAll(re)) {
      if (significantDigits(m[1], m[2]) < RAW_SIGNIFICANT) continue;
      out.push({ kind: 'raw-float', from: m.index, to: m.index + m[0].length, text: m[0] });
    }
  }
  const keys = [...text.matchAll(KEY)].filter((m) => !NUMBERED_ABBREVIATIONS.has(m[1]));
  for (const m of keys) {
    // A key is a key when the list goes on ("trends.2, and trends.3") or a comma, semicolon or bracket follows it;
    // "demand.2. Rising costs" is more likely a numbered list flattened by a scraper.
    const listed = keys.some((k) => k !== m && k[1] === m[1] && k[2] !== m[2]);
    if (!listed && !/^[,;)]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    out.push({ kind: 'template-key', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  out.sort((a, b) => a.from - b.from || b.to - a.to);
  // One report per stretch of text: the money reading of a float also matches as a rate.
  const kept: GarbledFigure[] = [];
  for (const g of out) if (kept.length === 0 || g.from >= kept[kept.length - 1].to) kept.push(g);
  return kept;
}
