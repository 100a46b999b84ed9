// Small made-up report pages for the consensus and copies tests: each publisher writes in its own
// words (so no two are copies), states the figures it is given, and may sit inside a mirror's wrapper.

const OWN_WORDS = [
  'Our analysts interviewed distributors across three continents and cross-checked shipments with customs records before settling on the estimate for hardware and services.',
  'This edition adds a chapter on software platforms, revises the pricing model for connected units and profiles fourteen suppliers, from start-ups to established instrument makers.',
  'Figures are built bottom-up from unit sales by product type and region, then reconciled with the reported revenue of listed companies, with currency effects removed.',
  'Adoption remains uneven: large operators in dry regions lead, small buyers lag on cost, and public subsidy schemes explain most of the gap between neighbouring countries.',
  'The study team tracked launches, patents and tenders over five years and surveyed two hundred buyers about replacement cycles, which shortened as prices fell.',
  'Regulation shapes the field more than technology does: certification rules differ by country, and vendors with local test laboratories win tenders that others cannot enter.',
  'We weight each region by installed base rather than by new sales, because service contracts on existing equipment now earn more than the equipment itself in mature countries.',
  'Consolidation continues: three acquisitions closed this year, two distributors merged, and a group of mid-sized makers formed a purchasing alliance to share component costs.',
];

export interface PageOptions {
  /** Heading naming the market (the report's title). */
  heading: string;
  /** Sentences stating the figures. */
  figures: string[];
  site?: string;
  /** Wrap in a mirror site's navigation, related headlines, footer and canonical link. */
  mirror?: string;
  published?: string;
}

export function page(n: number, o: PageOptions): string {
  const site = o.site ?? `publisher-${n}.example`;
  const head = o.mirror ? `<link rel="canonical" href="https://${o.mirror}/news/${n}">` : '';
  const before = o.mirror
    ? `<nav><ul><li><a href="/">Home</a></li><li><a href="/latest">Latest news</a></li><li><a href="/about">About us</a></li></ul></nav>`
    : '';
  const after = o.mirror
    ? `<aside><h2>Related</h2><ul><li><a href="/r/1">Port authority names new director</a></li><li><a href="/r/2">City approves budget</a></li></ul></aside><footer><p>© 2025 ${o.mirror}. All rights reserved.</p></footer>`
    : `<footer><p>© 2025 Publisher ${n} Research Ltd. All rights reserved.</p></footer>`;
  return `<html><head><title>${o.heading}</title>${head}</head><body>
${before}
<h1>${o.heading}</h1>
${o.published ? `<p>Published: ${o.published}</p>` : ''}
${o.figures.map((f) => `<p>${f}</p>`).join('\n')}
<p>${OWN_WORDS[n % OWN_WORDS.length]}</p>
<p><a href="https://${site}/sample?utm_source=site&amp;utm_medium=link">Request a free sample</a> <a href="https://${site}/buy">Buy the report</a></p>
${after}
</body></html>`;
}

/** "The soil sensor market was valued at USD 412 million in 2024." in the nth publisher's phrasing. */
export function sizeSentence(n: number, market: string, size: string, year: number, cagr?: { rate: string; from: number; to: number }): string {
  const growth = cagr ? ` and is expected to grow at a CAGR of ${cagr.rate} from ${cagr.from} to ${cagr.to}` : '';
  const forms = [
    `The ${market} market was valued at ${size} in ${year}${growth}.`,
    `The ${market} market is estimated to be worth ${size} in ${year}${growth}.`,
    `The ${market} market size stood at ${size} in ${year}${growth}.`,
    `According to our estimates, the ${market} market reached ${size} in ${year}${growth}.`,
    `Revenue of the ${market} market amounted to ${size} in ${year}${growth}.`,
    `We size the ${market} market at ${size} for ${year}${growth}.`,
  ];
  return forms[n % forms.length];
}
