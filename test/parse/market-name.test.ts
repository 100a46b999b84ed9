// The report's market from its title, headings or text, and the dates and periods of its metadata.
import { marketNameIn } from '../../src/parse/market-name.js';
import { contextOf } from '../helpers/harness.js';

describe('the market a title names', () => {
  it.each([
    ['How Is Growing Meat Consumption Driving the Animal Pharmaceuticals Market?', 'animal pharmaceuticals'],
    ['Wider Adoption of Pets Is Driving the Global Animal Hospitals and Veterinary Clinics Market', 'animal hospitals and veterinary clinics'],
    ['By 2030 the Plastic Packaging Market Will Be Worth US$586.2 Billion', 'plastic packaging'],
    ['Global Rare Earth Elements Industry (2020 to 2027) - Key Market Trends', 'rare earth elements'],
    ['Artificial Intelligence (AI) Market Size, Share & Growth', 'artificial intelligence'],
    ['COVID-19 Impact on Automotive Radar Market: Explore the Future', 'automotive radar'],
    ['Diagnostic Imaging Global Market Report 2022', 'diagnostic imaging'],
    ['GLOBAL REAL ESTATE MARKET FORECAST 2022-2026', 'real estate'],
    ['US Liquid Biopsy Market Research Report', 'us liquid biopsy'],
  ])('%s → %s', (title, name) => {
    expect(marketNameIn(title)).toBe(name);
  });

  it.each([['Market Size (2022) USD 810 Million'], ['Energy Storage Battery Shipments Worldwide'], ['The Market']])('%s names none', (title) => {
    expect(marketNameIn(title)).toBeNull();
  });
});

describe('metadata', () => {
  it('falls back on the market phrase the text repeats when the title names no market', () => {
    const ctx = contextOf(
      [
        'Rising Disease Rates Set To Lift Widget Sales',
        '',
        'The global smart widget market grew fast.',
        '',
        'Demand in the smart widget market comes from Asia.',
      ].join('\n'),
    );
    expect(ctx.doc.metadata.market).toBe('smart widget');
  });

  it('reads the forecast period and base year from a key-value table', () => {
    const ctx = contextOf(
      '<html><body><h1>Widget Market Report</h1><table><tr><td>Base Year</td><td>2024</td></tr><tr><td>Forecast Period</td><td>2025 to 2034</td></tr></table></body></html>',
      'w.html',
    );
    const m = ctx.doc.metadata;
    expect(m.baseYear?.year).toBe(2024);
    expect([m.forecastPeriod?.from, m.forecastPeriod?.to]).toEqual([2025, 2034]);
    expect(m.forecastPeriod?.evidence.quote).toBe('2025 to 2034');
  });

  it.each([
    ['LONDON, April 04, 2023 (GLOBE NEWSWIRE) -- New research on the widget market.', '2023-04-04'],
    ['Example Wire | Health | May 12, 2020', '2020-05-12'],
    ['Posted by widget_blog | Blogs | April 2024', '2024-04'],
    ['(Example News) · 16 September 2025', '2025-09-16'],
    ['Published By The Widget Team on March 2023', '2023-03'],
  ])('reads the publish date of a dateline or byline: %s', (line, iso) => {
    const ctx = contextOf(['Widget Market Outlook', '', line, '', 'The widget market is growing.'].join('\n'));
    expect(ctx.doc.metadata.publishDate?.iso).toBe(iso);
  });

  it('does not take a date in the running text for the publish date', () => {
    const ctx = contextOf(['Widget Market Outlook', '', 'In July 2024, Acme opened a plant, and the widget market grew by 5% over the year.'].join('\n'));
    expect(ctx.doc.metadata.publishDate).toBeNull();
  });
});
