// Who a figure is about: read from its clause against the names the document declares; never
// defaulted to the report's market.
import { segmentName } from '../../src/claims/segments.js';
import type { AuditContext } from '../../src/engine/context.js';
import { contextOf, runRule } from '../helpers/harness.js';

const page = (...paras: string[]) => contextOf(['Widget Market Report 2025-2032', '', ...paras.flatMap((p) => [p, ''])].join('\n'));
/** Each growth rate's and size's figure with the kind and label of its subject. */
const subjects = (ctx: AuditContext) =>
  [...ctx.claims.growth.map((c) => [c.rate.text + '%', c]), ...ctx.claims.sizes.map((c) => [c.value.text, c])]
    .sort(
      (a, b) =>
        (a[1] as { evidence: { start: { offset: number } } }).evidence.start.offset -
        (b[1] as { evidence: { start: { offset: number } } }).evidence.start.offset,
    )
    .map(([figure, c]) => [figure, (c as { subject: { kind: string; label: string } }).subject.kind, (c as { subject: { label: string } }).subject.label]);

describe('the subject of a figure', () => {
  it('is the report’s market when the clause names it, pronouns and measure words included', () => {
    const ctx = page(
      'The global widget market was worth USD 4.2 billion in 2024.',
      'It is expected to reach USD 7.5 billion by 2032.',
      'Growth is projected at a CAGR of 7.5% from 2024 to 2032.',
      'Acme Research estimates that the widget market will grow at 7.4% a year, compared with USD 4.5 billion in 2025.',
    );
    expect(subjects(ctx)).toEqual([
      ['4.2', 'market', 'the market'],
      ['7.5', 'market', 'the market'],
      ['7.5%', 'market', 'the market'],
      ['7.4%', 'market', 'the market'],
      ['4.5', 'market', 'the market'],
    ]);
  });

  it('is a region when the clause names one: as subject, possessive, adjective or a leading "In …,"', () => {
    const ctx = page(
      'North America is expected to grow at a CAGR of 6.1% from 2025 to 2032.',
      "China's widget market reached USD 1.1 billion in 2024.",
      'The European widget market will grow at 5.2% a year.',
      'In Asia Pacific, the widget market reached USD 2.3 billion in 2024.',
    );
    expect(subjects(ctx).map(([f, k, l]) => [f, k, l])).toEqual([
      ['6.1%', 'region', 'North America'],
      ['1.1', 'region', 'China'],
      ['5.2%', 'region', 'Europe'],
      ['2.3', 'region', 'Asia-Pacific'],
    ]);
  });

  it('is a segment the document lists, also after a "By <dimension>," cue', () => {
    const ctx = page(
      'By Type',
      '* Hydrogen Fuel-Cell',
      '* Electric',
      'By type, electric trucks held 69% of the market in 2024, while hydrogen fuel-cell trucks are growing at a 10.6% CAGR through 2032.',
    );
    expect(subjects(ctx)).toEqual([['10.6%', 'segment', 'hydrogen fuel-cell']]);
  });

  it('is a company the document lists as a player', () => {
    const ctx = page('Key Players', '* Acme Widgets Inc.', '* Bolt Corp', 'Acme Widgets posted revenue growth of 14% a year from 2020 to 2024.');
    expect(subjects(ctx)).toEqual([['14%', 'company', 'Acme Widgets']]);
  });

  it('is what the clause names, never "the market", when the document declares no such name', async () => {
    const ctx = page(
      'The widget market will grow at 5% a year through 2030.',
      'Digital and social media PR is the fastest-growing service, at a 9.8% CAGR to 2030.',
      'Influencer media should grow at an 11.2% CAGR through 2030.',
    );
    expect(subjects(ctx)).toEqual([
      ['5%', 'market', 'the market'],
      ['9.8%', 'entity', 'Digital and social media PR'],
      ['11.2%', 'entity', 'Influencer media'],
    ]);
    expect(await runRule('numbers/cagr-conflict', ctx)).toEqual([]);
  });

  it('is unknown when the clause’s subject is too long to name one thing', () => {
    const ctx = page('The rapid consolidation of several mid-sized regional distributors and national retail chains resulted in growth of 4% a year.');
    expect(subjects(ctx).map(([, kind]) => kind)).toEqual(['unknown']);
  });

  it('is another market when the clause names one', () => {
    const ctx = page('The global gadget market was valued at USD 10 billion in 2025.');
    expect(subjects(ctx)).toEqual([['10', 'other-market', 'gadget market']]);
  });

  it('follows the heading: "the market" under a region’s heading is that region’s', () => {
    const ctx = page('Europe', 'The market is expected to grow at 4.4% a year through 2032.');
    expect(subjects(ctx)).toEqual([['4.4%', 'region', 'Europe']]);
  });

  it('skips the dateline of a press release', () => {
    const ctx = page('Ottawa, Sept. 16, 2025 (WIRE) -- The worldwide widget market is on course to exceed USD 9.1 billion by 2032.');
    expect(subjects(ctx)).toEqual([['9.1', 'market', 'the market']]);
  });
});

describe('segmentName', () => {
  it('drops asides and "Insights" tails, and lower-cases', () => {
    expect(segmentName('Hospitals (Public and Private)')).toBe('hospitals');
    expect(segmentName('Type Insights (Revenue, USD Mn, 2024 - 2032)')).toBe('type');
  });
});

describe('the subject of a figure, more readings', () => {
  it('follows a relative clause back to what it is about, and reads "US$" as money, not the United States', () => {
    const ctx = page(
      'The global widget market stood at US$348.08 billion in 2020 and will reach USD 858.99 billion in 2030, which the report describes as a 9.5% CAGR.',
    );
    expect(subjects(ctx)).toEqual([
      ['348.08', 'market', 'the market'],
      ['858.99', 'market', 'the market'],
      ['9.5%', 'market', 'the market'],
    ]);
  });

  it('reads a size’s year written "as early as 2026"', () => {
    const ctx = page('If the widget market keeps expanding by 11% a year it should reach US$19.8 billion as early as 2026.');
    expect(ctx.claims.sizes.map((s) => s.year)).toEqual([2026]);
  });

  it('reads "regional demand" as the region a clause before names, and as nothing without one', () => {
    expect(subjects(page('In 2024 Europe held a 31% share, and regional demand is expected to rise at an annual rate of 8.5% through 2032.'))).toEqual([
      ['8.5%', 'region', 'Europe'],
    ]);
    expect(subjects(page('Regional demand is expected to rise at an annual rate of 8.5% through 2032.'))).toEqual([
      ['8.5%', 'unknown', 'an unresolved subject'],
    ]);
  });

  it('reads a place that owns another noun ("the US government", "China\'s economy") as no region', () => {
    const ctx = page(
      'The US government allocated USD 52 billion in 2024 to chip plants.',
      "China's economy reached USD 18 trillion in 2024.",
      'The US market was valued at USD 1.1 billion in 2024.',
      'The Asia Pacific region was worth USD 2 billion in 2024.',
    );
    expect(ctx.claims.sizes.filter((c) => c.subject.kind === 'region').map((c) => [c.value.text, c.subject.label])).toEqual([
      ['1.1', 'United States'],
      ['2', 'Asia-Pacific'],
    ]);
  });
});
