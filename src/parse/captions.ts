// Captions of charts and tables that are no longer there: a short title-case line naming a measure
// over a year span, a comparison or in a unit ("Smart Meter Revenue 2019 To 2029", "Number of
// Approved Biosimilars 2018 Vs 2019", "Heat Pump Market Size (USD Billion)") left behind when a
// scraper dropped the image.

const YEAR = String.raw`(?:19|20)\d\d`;
const MEASURE =
  /\b(?:revenues?|number of|numbers of|share of|market shares?|sales|volumes?|shipments|production|consumption|prices?|pricing|spending|expenditures?|funding|investments?|cases|deaths|approvals|incidence|prevalence|size|value|valuation|growth rate|cagr)\b/i;
/** A year span or single year ending the line, or a comparison ("2020 Vs 2021", "Cases Vs Deaths … 2022"). */
const TIME_AT_END = new RegExp(String.raw`(?:\b${YEAR}\s?(?:to|–|—|-|vs\.?|and|through)\s?${YEAR}|\b${YEAR})$`, 'i');
const COMPARISON = /\bvs\.?\s/i;
const A_YEAR = new RegExp(String.raw`\b${YEAR}\b`);
const EVERY_YEAR = new RegExp(String.raw`\b${YEAR}\b`, 'g');
/** Words of section headings and report titles, which a chart caption does not use. */
const SECTION_WORDS =
  /\b(?:forecasts?|outlook|analysis|overview|trends?|insights?|reports?|scope|dynamics|segmentation|landscape|opportunit\w*|introduction|summary|conclusions?|definitions?|methodology|key|highlights?|impact|drivers?|restraints?|challenges?|period|historical|base year|estimated year)\b/i;

/** A unit in brackets closing a chart title: "(USD Billion)", "(In Billion)", "(%)", "(Million Units)". */
const UNIT_AT_END =
  /,?\s?\(\s?(?:(?:in|value|volume)[,\s]\s?)?(?:(?:USD|US\$|EUR|GBP|€|\$|£)\s?)?(?:trillion|billion|million|thousand|bn|mn|mln|%|percent|units|tons|tonnes|kilotons|kt)(?:\s(?:units|tons|tonnes))?\s?\)$/i;

const MAX_CHARS = 140;
const MAX_WORDS = 18;

/** Whether a line reads as the caption of a chart or table. */
export function isChartCaption(line: string): boolean {
  const text = line.trim();
  if (text.length < 12 || text.length > MAX_CHARS) return false;
  const unit = UNIT_AT_END.exec(text);
  // A caption names a year or a unit: the cheapest tests, so most lines end here.
  if (!unit && !A_YEAR.test(text)) return false;
  const body = unit ? text.slice(0, unit.index) : text;
  const words = text.split(/\s+/);
  if (words.length < 3 || words.length > MAX_WORDS) return false;
  if (/[.!?:;]$/.test(body) || (!unit && !TIME_AT_END.test(text) && !COMPARISON.test(text))) return false;
  if (!MEASURE.test(body) || SECTION_WORDS.test(body)) return false;
  // Figures other than years belong to data or to a sentence, not to a caption.
  if (/\d/.test(body.replace(EVERY_YEAR, ''))) return false;
  const long = body.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
  const capitalised = long.filter((w) => /^[A-Z]/.test(w));
  return long.length > 0 && capitalised.length >= 0.6 * long.length;
}

/** A caption glued to the end of a paragraph: "…demand kept rising.Number Of Installed Heat Pumps Per Country 2020". */
export function runInCaption(text: string): { from: number; to: number } | null {
  const tail = text.length > MAX_CHARS + 2 ? text.slice(-(MAX_CHARS + 2)) : text;
  const m = /[a-z)]\.([A-Z][^.!?]{10,140})$/.exec(tail);
  if (!m) return null;
  const from = text.length - tail.length + m.index + 2;
  return isChartCaption(text.slice(from)) ? { from, to: text.length } : null;
}

/**
 * Whether a paragraph under a caption-like heading gives the figures it announces — a year of the
 * heading (if it names one) and a number that is not a year — so the heading titles real content,
 * not a lost chart.
 */
export function statesFigures(heading: string, paragraph: string): boolean {
  const years = heading.match(EVERY_YEAR) ?? [];
  const text = paragraph.slice(0, 2_000);
  // A heading with no year (one that names a unit) is answered by any figure.
  if (years.length > 0 && !years.some((y) => text.includes(y))) return false;
  return /\d/.test(text.replace(EVERY_YEAR, ''));
}
