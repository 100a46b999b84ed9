// Unfilled template values in report text: "XX%", "USD XX million", "20XX", "USD million" with no
// figure, "[Current Year]", "{{market_name}}", "Lorem ipsum", "N/A%". Every pattern is linear: no
// nested quantifiers, bounded repetition, and texts are cut at MAX_SCAN.

import { memoByText } from '../cache/block-cache.js';

export type PlaceholderKind = 'unfilled-value' | 'missing-value' | 'template-field' | 'filler-text';

export interface Placeholder {
  kind: PlaceholderKind;
  from: number;
  to: number;
  text: string;
}

const MAX_SCAN = 200_000;

const CURRENCY = String.raw`(?:USD|US\$|EUR|GBP|INR|JPY|CNY|RMB|AUD|CAD|\$|€|£|¥)`;
const MAGNITUDE = String.raw`(?:million|billion|trillion|thousand|mn|bn|Mn|Bn|MN|BN|Million|Billion|Trillion|MILLION|BILLION)`;
const X_NUMBER = String.raw`[Xx]{1,4}(?:[.,][Xx]{1,3})?`;

/** "USD XX million", "$X.X billion", "XX%", "XX.X percent", "XX Bn", "20XX", "N/A%", "USD N/A". */
const UNFILLED: RegExp[] = [
  new RegExp(String.raw`${CURRENCY} ?${X_NUMBER}(?: ?${MAGNITUDE})?(?![\w])`, 'g'),
  new RegExp(String.raw`(?<![\w.$€£¥-])${X_NUMBER} ?(?:%|percent\b|per cent\b|${MAGNITUDE}\b)`, 'g'),
  /\b(?:FY ?)?(?:19|20)[Xx]{2}\b/g,
  new RegExp(String.raw`(?<![\w/])(?:N\/?A|TBD|TBA) ?%|${CURRENCY} ?(?:N\/A|TBD|TBA)\b`, 'g'),
];

// Words after which a figure must follow: "valued at", "reach", "of", "from", "to"… "in USD
// million", "in terms of USD million" and "(Value, USD Mn)" declare a unit and are not placeholders.
const EXPECTS_FIGURE = String.raw`\b(?:at|(?<!terms )of|to|reach|reaches|reached|reaching|about|around|approximately|nearly|over|exceed|exceeds|exceeded|exceeding|from|was|is|be|been|worth|valued|generated|surpass|surpassed|surpassing|hit|total|totalled|totaled|roughly|almost|above|below|under|than|by|hold|holds|held|estimated|projected|expected)`;
const EXPECTS_FIGURE_BEFORE = new RegExp(String.raw`${EXPECTS_FIGURE} $`, 'i');
const UNIT_WITHOUT_FIGURE = new RegExp(String.raw`${CURRENCY} ?${MAGNITUDE}\b`, 'gi');
/** Only text with one of these can hold a placeholder; the rest is skipped after one test. */
const TRIGGER = new RegExp(String.raw`[Xx]{2}|\b[Xx](?:[.,%]| ?${MAGNITUDE})|N\/?A|TB[DA]|[{[<]|%%|[Ll]orem|[Dd]olor|${CURRENCY} ?${MAGNITUDE}`);

// "{{market_name}}", "{% year %}", "${company}", "%%YEAR%%".
const TEMPLATE_SYNTAX = /\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|\$\{[A-Za-z_][\w.]{0,40}\}|%%[A-Z_]{2,30}%%/g;
// "[Current Year]", "[Company Name]", "[Insert figure]", "<Market Name>": a bracketed field name.
const BRACKETED = /[[<]([A-Za-z][A-Za-z0-9 _/-]{0,40})[\]>](?!\()/g;
const FIELD_NAME =
  /^(?:insert\b.*|(?:current|base|forecast|start|end|publish(?:ing)?|report) year|year|date|(?:company|market|report|product|region|country|segment|client|brand|author) ?(?:name|title)?|name|title|value|amount|figure|number|keyword|placeholder|tbd|tbc|x{2,}|n\/a)$/i;
const FILLER = /\blorem ipsum(?: dolor sit amet)?\b|\bdolor sit amet\b/gi;

function scanAll(re: RegExp, text: string, kind: PlaceholderKind, out: Placeholder[]): void {
  for (const m of text.matchAll(re)) out.push({ kind, from: m.index, to: m.index + m[0].length, text: m[0] });
}

const NONE: readonly Placeholder[] = Object.freeze([]);

/**
 * Unfilled placeholders in a text, in order, without overlaps. Remembered across a batch (the
 * trigger test alone reads every character of every block): read only.
 */
export const findPlaceholders: (text: string) => readonly Placeholder[] = memoByText(scanPlaceholders);

function scanPlaceholders(input: string): readonly Placeholder[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  if (!TRIGGER.test(text)) return NONE;
  const found: Placeholder[] = [];
  for (const re of UNFILLED) scanAll(re, text, 'unfilled-value', found);
  for (const m of text.matchAll(UNIT_WITHOUT_FIGURE)) {
    if (EXPECTS_FIGURE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)))
      found.push({ kind: 'missing-value', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  scanAll(TEMPLATE_SYNTAX, text, 'template-field', found);
  for (const m of text.matchAll(BRACKETED)) {
    if (FIELD_NAME.test(m[1].trim())) found.push({ kind: 'template-field', from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  scanAll(FILLER, text, 'filler-text', found);
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Placeholder[] = [];
  for (const p of found) if (out.length === 0 || p.from >= out[out.length - 1].to) out.push(p);
  return out;
}
