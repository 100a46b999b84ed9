/**
 * Made-up pages for the documented examples of corpus/copies and corpus/consensus: a report page
 * on a market, from a site, with its own paragraphs; and the same text inside another site's wrapper.
 */
export interface MarketPageSpec {
  /** Title-case market name, e.g. "Soil Sensor". */
  market: string;
  site: string;
  paragraphs: string[];
  /** The page's heading, when not "<market> Market Size and Forecast". */
  heading?: string;
  /** Markup before and after the article (a mirror's navigation, footer and canonical link). */
  wrapper?: { head?: string; before?: string; after?: string };
}

export function marketPage(p: MarketPageSpec): string {
  return `<html><head><title>${p.market} Market Report</title>${p.wrapper?.head ?? ''}</head><body>
${p.wrapper?.before ?? ''}
<h1>${p.heading ?? `${p.market} Market Size and Forecast`}</h1>
${p.paragraphs.map((t) => `<p>${t}</p>`).join('\n')}
<p><a href="https://${p.site}/sample">Request a sample</a> <a href="https://${p.site}/contact">Contact us</a></p>
${p.wrapper?.after ?? ''}
</body></html>`;
}

/** A press-release mirror's wrapper: its own navigation, related headlines, footer and canonical address. */
export function mirrorWrapper(site: string, path: string): NonNullable<MarketPageSpec['wrapper']> {
  return {
    head: `<link rel="canonical" href="https://${site}/${path}">`,
    before: `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/submit">Submit a release</a></li></ul></nav>`,
    after: `<aside><h2>More releases</h2><ul><li><a href="/r/1">Quarterly results announced</a></li><li><a href="/r/2">New plant opens</a></li></ul></aside><footer><p>© 2025 ${site}. All rights reserved.</p></footer>`,
  };
}

/** Paragraphs in five publishers' own words, so that their pages are not copies of each other. */
const OWN_WORDS = [
  'Our analysts interviewed distributors and growers across three continents and cross-checked shipment data with customs records before building the estimate, which covers hardware, installation and monitoring services.',
  'This edition adds a chapter on data platforms, revises the pricing model for wireless probes and profiles fourteen suppliers, from start-ups selling directly to farms to established instrument makers with dealer networks.',
  'Estimates are built bottom-up from unit sales by product type and region, then reconciled with the reported revenue of listed companies; currency effects are removed using average annual exchange rates.',
  'Adoption remains uneven: large irrigated estates in dry regions lead, smallholders lag on cost, and public subsidy schemes for water efficiency explain most of the difference between neighbouring countries.',
  'The study team tracked product launches, patents and tenders over five years and surveyed two hundred buyers about replacement cycles, which shortened as battery life improved and prices fell.',
];

/** The nth publisher's page on a market stating `figures` (a sentence), in that publisher's own words. */
export function publisherPage(n: number, market: string, figures: string, heading?: string): string {
  return marketPage({ market, site: `publisher-${n + 1}.example`, paragraphs: [figures, OWN_WORDS[n % OWN_WORDS.length]], heading });
}
