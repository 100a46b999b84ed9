import type { Period } from '../schema/claims.js';

const Y = String.raw`(19[5-9]\d|20\d\d)`;
const RANGE = new RegExp(
  String.raw`(?:(?:from|between|during|over|for)\s+)?(?:the\s+(?:period|years?)\s+)?${Y}\s*(?:-|–|—|to|and|through|till|until)\s*${Y}`,
  'i',
);
const TO = new RegExp(String.raw`\b(?:through|till|until|to|by|up to|in)\s+${Y}\b`, 'gi');
const FROM = new RegExp(String.raw`\b(?:from|since|starting(?: in| from)?|beginning(?: in)?)\s+${Y}(?:\s+onwards?)?|\bas of\s+${Y}|${Y}\s+onwards?`, 'i');
const FORECAST = /\b(?:forecast(?:ed)?|projection|review|assessment|study)\s+period\b|\bforecast years?\b/i;

/**
 * The period a growth rate in this sentence refers to: explicit years ("from 2025 to 2032", "through
 * 2030", "from 2023 onwards"), the report's forecast period when the sentence says so, or the year
 * of a size projection in the same sentence ("reach $12 billion by 2029, a CAGR of …").
 */
export function periodOf(sentence: string, forecast: { from: number; to: number } | null): Period {
  const range = RANGE.exec(sentence);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b > a) return { from: a, to: b, source: 'explicit' };
  }
  const fromM = FROM.exec(sentence);
  const from = fromM ? Number(fromM[1] ?? fromM[2] ?? fromM[3]) : null;
  let to: number | null = null;
  let toSource: Period['source'] = 'explicit';
  for (const m of sentence.matchAll(TO)) {
    const y = Number(m[1]);
    if (from === null || y > from) {
      to = y;
      toSource = /^(?:by|in)\b/i.test(m[0]) ? 'inferred' : 'explicit';
    }
  }
  if (to !== null) return { from, to, source: from !== null ? 'explicit' : toSource };
  if (FORECAST.test(sentence) && forecast) return { from: forecast.from, to: forecast.to, source: 'forecast-period' };
  if (from !== null) return { from, to: null, source: 'explicit' };
  return { from: null, to: null, source: 'none' };
}
