import { between, mulberry32, pick, type Rng } from './prng.js';

/**
 * Dense documents, beside the prose ones the seeds give: what a long market report holds in bulk
 * — many dated sizes of one market, a long country list, big data tables — each with a few
 * defects sown in at a steady rate, so the findings they draw grow with the document as a real
 * report's would. Deterministic for (kind, size, seed).
 */
export type DenseKind = 'dated-sizes' | 'country-list' | 'table';

export const DENSE_KINDS: readonly DenseKind[] = ['dated-sizes', 'country-list', 'table'];

// Countries by the macro-region market reports list them under (common names, as written in reports).
const COUNTRIES: Record<string, readonly string[]> = {
  'North America': ['United States', 'Canada'],
  Europe: ['Germany', 'France', 'United Kingdom', 'Italy', 'Spain', 'Netherlands', 'Sweden', 'Poland', 'Belgium', 'Norway', 'Denmark', 'Austria'],
  'Asia-Pacific': ['China', 'Japan', 'India', 'South Korea', 'Australia', 'Indonesia', 'Thailand', 'Vietnam', 'Malaysia', 'Singapore', 'Philippines'],
  'Latin America': ['Brazil', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Ecuador', 'Uruguay'],
  'Middle East & Africa': ['Saudi Arabia', 'United Arab Emirates', 'South Africa', 'Egypt', 'Nigeria', 'Kenya', 'Qatar', 'Morocco'],
};
const REGIONS = Object.keys(COUNTRIES);
const ALL_COUNTRIES = REGIONS.flatMap((r) => COUNTRIES[r]);
const SEGMENTS = ['Hardware', 'Software', 'Services', 'Residential', 'Commercial', 'Industrial', 'Online', 'Offline'];
const END_USES = ['Automotive', 'Healthcare', 'Retail', 'Energy', 'Logistics', 'Agriculture', 'Construction', 'Education', 'Banking', 'Telecom'];

/** A value with two decimals around `base`, within ±`spread` of it. */
const around = (rng: Rng, base: number, spread: number) => (base * (1 - spread + rng() * 2 * spread)).toFixed(2);

/**
 * Plain text: paragraphs of dated statements of one market's size. One statement in a hundred
 * gives a year a second, different size (a contradiction); the rest agree.
 */
function datedSizes(rng: Rng, bytes: number): string {
  const out: string[] = ['Global Widget Market Report', 'Market overview'];
  const sizeOf = (year: number) => (12 * Math.pow(1.08, year - 2018)).toFixed(2);
  let size = out.join('\n\n').length;
  let paragraph: string[] = [];
  const forms = [
    (y: number, v: string) => `In ${y}, the global widget market was valued at USD ${v} billion.`,
    (y: number, v: string) => `The global widget market stood at USD ${v} billion in ${y}.`,
    (y: number, v: string) => `Revenue of the global widget market reached USD ${v} billion in ${y}, according to the survey.`,
  ];
  while (size < bytes) {
    const year = between(rng, 2018, 2032);
    const value = rng() < 0.01 ? around(rng, Number(sizeOf(year)), 0.4) : sizeOf(year);
    const sentence = pick(rng, forms)(year, value);
    paragraph.push(sentence);
    size += sentence.length + 1;
    if (paragraph.length >= 5) {
      out.push(paragraph.join(' '));
      size += 1;
      paragraph = [];
    }
  }
  if (paragraph.length) out.push(paragraph.join(' '));
  return out.join('\n\n') + '\n';
}

/**
 * HTML: one geographic breakdown, a list of countries under each macro-region label. One item in
 * fifty names a country of another region (misplaced); every country recurs (duplicates).
 */
function countryList(rng: Rng, bytes: number): string {
  const head = '<!DOCTYPE html><html><head><title>Widget Market by Country</title></head><body>\n<h1>Widget Market by Country</h1>\n<h2>Regional scope</h2>\n';
  const parts: string[] = [head];
  // About 16 bytes an item ("<li>Germany</li>" and its line break).
  const perRegion = Math.max(4, Math.ceil(bytes / 16 / REGIONS.length));
  for (const region of REGIONS) {
    const items: string[] = [];
    for (let i = 0; i < perRegion; i++) {
      const name = rng() < 0.02 ? pick(rng, ALL_COUNTRIES) : pick(rng, COUNTRIES[region]);
      items.push(`<li>${name}</li>`);
    }
    const group = `<p><strong>${region}:</strong></p>\n<ul>\n${items.join('\n')}\n</ul>\n`;
    parts.push(group);
  }
  parts.push('</body></html>\n');
  return parts.join('');
}

/**
 * HTML: data tables of size by country, segment and end use, one table per forecast window (a
 * base year and the year eight years on) with a CAGR column. Every row's sizes follow its own
 * steady rate, so tables that share a year agree; one row in fifty states a rate its sizes do not give.
 */
function table(rng: Rng, bytes: number): string {
  const head = '<!DOCTYPE html><html><head><title>Widget Market Data Tables</title></head><body>\n<h1>Widget Market Data Tables</h1>\n';
  const rowCount = ALL_COUNTRIES.length * SEGMENTS.length * END_USES.length;
  // Each row's size in 2010 and its yearly rate, fixed for the whole document.
  const base = Array.from({ length: rowCount }, () => Number(around(rng, 500, 0.9)));
  const rates = Array.from({ length: rowCount }, () => 0.02 + rng() * 0.12);
  const sizeIn = (row: number, year: number) => (base[row] * Math.pow(1 + rates[row], year - 2010)).toFixed(2);
  const parts: string[] = [head];
  let size = head.length;
  for (let t = 0; size < bytes; t++) {
    const from = 2010 + (t % 15);
    const to = from + 8;
    const open =
      `<table>\n<caption>Widget market size by country, segment and end use, ${from} and ${to} (USD Mn)</caption>\n` +
      `<thead><tr><th>Country</th><th>Segment</th><th>End Use</th><th>${from}</th><th>${to}</th><th>CAGR ${from}–${to} (%)</th></tr></thead>\n<tbody>\n`;
    parts.push(open);
    size += open.length;
    for (let row = 0; row < rowCount && size < bytes; row++) {
      const country = ALL_COUNTRIES[row % ALL_COUNTRIES.length];
      const segment = SEGMENTS[Math.floor(row / ALL_COUNTRIES.length) % SEGMENTS.length];
      const endUse = END_USES[Math.floor(row / (ALL_COUNTRIES.length * SEGMENTS.length))];
      const rate = rates[row] * 100;
      const stated = rng() < 0.02 ? rate + 3 + rng() * 4 : rate;
      const line = `<tr><td>${country}</td><td>${segment}</td><td>${endUse}</td><td>${sizeIn(row, from)}</td><td>${sizeIn(row, to)}</td><td>${stated.toFixed(1)}</td></tr>\n`;
      parts.push(line);
      size += line.length;
    }
    parts.push('</tbody>\n</table>\n');
    size += 17;
  }
  parts.push('</body></html>\n');
  return parts.join('');
}

/** A dense document of about `bytes` bytes (at least), of the given kind. */
export function denseDocument(kind: DenseKind, bytes: number, seed: number): string {
  const rng = mulberry32(seed);
  if (kind === 'dated-sizes') return datedSizes(rng, bytes);
  if (kind === 'country-list') return countryList(rng, bytes);
  return table(rng, bytes);
}

/** The file extension a dense document of this kind is written with. */
export const denseExtension = (kind: DenseKind) => (kind === 'dated-sizes' ? 'txt' : 'html');
