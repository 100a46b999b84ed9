import type { Period } from '../schema/claims.js';

const Y = String.raw`(19[5-9]\d|20\d\d)`;
const RANGE = new RegExp(
  String.raw`(?:(?:from|between|during|over|for)\s+)?(?:the\s+(?:period|years?)\s+)?${Y}\s*(?:-|–|—|to|and|through|till|until)\s*${Y}`,
  'i',
);
// "in 2024" dates a point, not the end of a rate's period.
const TO = new RegExp(String.raw`\b(?:through|till|until|to|by|up to)\s+${Y}\b`, 'gi');
const FROM = new RegExp(
  String.raw`\b(?:from|since|after|beyond|starting(?: in| from)?|beginning(?: in)?)\s+${Y}(?:\s+onwards?)?|\bas of\s+${Y}|${Y}\s+onwards?`,
  'i',
);
const YEAR_G = new RegExp(String.raw`\b${Y}\b`, 'g');
const FORECAST = /\b(?:forecast(?:ed)?|projection|review|assessment|study)\s+period\b|\bforecast years?\b/i;
/** A rate said of the future with no years of its own: the report's forecast. */
const FUTURE =
  /\b(?:will|shall|expected|projected|forecast(?:ed)?|anticipated|predicted|poised|set to|likely to|estimated to|going forward|in the coming years|over the next)\b/i;
/** "over the same period": the period of the rate stated before it. */
const SAME_PERIOD = /\b(?:the\s+)?same\s+(?:period|time\s?frame|years|horizon)\b/i;

// The clause around a figure: from the previous ";", ", " or " and "/" while " to the next.
const CLAUSE_END = /;|,\s|\s(?:and|while|whereas|but)\s/g;

/** The period of the figure at `index`: read in its own clause first ("… in 2024 and is expanding at 7.4% over the forecast period"), then in the whole sentence. */
export function periodAt(sentence: string, index: number, forecast: { from: number; to: number } | null, previous: Period | null = null): Period {
  let from = 0;
  let to = sentence.length;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(sentence); m !== null; m = CLAUSE_END.exec(sentence)) {
    if (m.index < index) from = m.index + m[0].length;
    else {
      to = m.index;
      break;
    }
  }
  const clause = sentence.slice(from, to);
  const own = periodOf(clause, forecast);
  const whole = periodOf(sentence, forecast);
  // "… reach $9 billion by 2028, with a CAGR of over 25% from 2023 onwards": the clause gives the
  // start, the sentence the end.
  if (own.source !== 'none' && own.to === null && whole.to !== null && (own.from === null || whole.to > own.from)) return { ...own, to: whole.to };
  if (own.source !== 'none') return own;
  if (whole.source !== 'none') return whole;
  if (previous && previous.source !== 'none' && SAME_PERIOD.test(sentence)) return { ...previous, source: 'inferred' };
  // "… from $39.1 billion in 2020 to $47.0 billion in 2021, a CAGR of 20.4%": the years of the sentence.
  const years = [...new Set([...sentence.matchAll(YEAR_G)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  if (years.length >= 2 && /\$|\b(?:USD|EUR|GBP|billion|million|trillion)\b|[€£₹¥]/i.test(sentence))
    return { from: years[0], to: years[years.length - 1], source: 'inferred' };
  if (forecast && FUTURE.test(sentence)) return { from: forecast.from, to: forecast.to, source: 'forecast-period' };
  return whole;
}

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
