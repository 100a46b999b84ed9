// Tables and "Name: figure" lists as claims: key-value rows read with their labels, data tables cell
// by cell, and the numbers rules checking them as they check prose.
import { contextOf, runRule } from '../helpers/harness.js';

const html = (body: string) => contextOf(`<html><body><h1>Widget Market Report</h1>${body}</body></html>`, 'w.html');

describe('tables as claims', () => {
  it('reads a key-value table: a size per "Market Size in <year>" row, a rate with the period its label gives', () => {
    const ctx = html(
      '<h2>Market Scope</h2><table><tr><th>Report Coverage</th><th>Details</th></tr>' +
        '<tr><td>Market Size in 2024</td><td>USD 792.57 Billion</td></tr>' +
        '<tr><td>Market Size by 2034</td><td>USD 1,341.04 Billion</td></tr>' +
        '<tr><td>Growth Rate from 2025 to 2034</td><td>CAGR of 5.40%</td></tr></table>',
    );
    expect(ctx.claims.sizes.map((s) => [s.value.text, s.year, s.subject.kind, s.evidence.quote])).toEqual([
      ['792.57', 2024, 'market', 'USD 792.57 Billion'],
      ['1,341.04', 2034, 'market', 'USD 1,341.04 Billion'],
    ]);
    expect(ctx.claims.growth.map((g) => [g.rate.text, g.period.from, g.period.to, g.subject.kind, g.evidence.quote])).toEqual([
      ['5.40', 2025, 2034, 'market', '5.40%'],
    ]);
  });

  it('reads a two-column table without a header row by its caption, and not when the caption does not say what it holds', () => {
    const text = (caption: string) =>
      contextOf(
        `Widget Market Report\n\n${caption}\n\n  Europe ........................ 34%\n  North America ................. 22%\n  Asia Pacific .................. 44%\n`,
        'w.txt',
      );
    const captioned = text('Regional Snapshot, 2023 (share of global revenue)');
    expect(captioned.doc.tables).toHaveLength(1);
    expect(captioned.claims.shares.map((s) => [s.segment, s.share.text, s.dimension, s.year])).toEqual([
      ['Europe', '34', 'region', 2023],
      ['North America', '22', 'region', 2023],
      ['Asia Pacific', '44', 'region', 2023],
    ]);
    expect(text('Regional Snapshot').claims.shares).toEqual([]);
  });

  it('reads a share column and sums it as a breakdown, naming the column header', async () => {
    const ctx = html(
      '<h2>Regional Share</h2><table><tr><th>Region</th><th>Revenue share, 2024</th></tr>' +
        '<tr><td>Asia Pacific</td><td>38%</td></tr><tr><td>North America</td><td>29%</td></tr><tr><td>Europe</td><td>24%</td></tr>' +
        '<tr><td>Latin America</td><td>8%</td></tr><tr><td>Middle East &amp; Africa</td><td>6%</td></tr></table>',
    );
    expect(ctx.claims.shares.map((s) => [s.segment, s.share.text, s.dimension, s.year])).toEqual([
      ['Asia Pacific', '38', 'region', 2024],
      ['North America', '29', 'region', 2024],
      ['Europe', '24', 'region', 2024],
      ['Latin America', '8', 'region', 2024],
      ['Middle East & Africa', '6', 'region', 2024],
    ]);
    const [f] = await runRule('numbers/share-sum', ctx);
    expect(f.data).toMatchObject({ sum: 105 });
    expect(f.related.map((e) => e.quote)).toContain('Revenue share, 2024');
  });

  it('checks each row’s CAGR against the sizes of its own row, in the table’s unit', async () => {
    const rows = [
      ['Germany', '1,000', '1,593.85', '6.0%'],
      ['France', '800', '1,275.08', '6.0%'],
      ['Italy', '500', '796.92', '9.5%'],
    ];
    const ctx = html(
      '<table><caption>Market size by country (USD Mn)</caption><tr><th>Country</th><th>2024</th><th>2032</th><th>CAGR 2024–2032</th></tr>' +
        rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
        '</table>',
    );
    expect(ctx.claims.sizes.filter((s) => s.subject.label === 'Germany').map((s) => [s.year, s.value.value])).toEqual([
      [2024, 1e9],
      [2032, 1593.85e6],
    ]);
    const found = await runRule('numbers/cagr-arithmetic', ctx);
    expect(found.map((f) => [f.data.stated, f.data.implied])).toEqual([['9.5%', '6.00']]);
    expect(found[0].primary!.quote).toBe('9.5%');
  });

  it('names a row by all its label columns: one country in two segments is two subjects, not one contradicted', async () => {
    const table = (rows: string[][]) =>
      html(
        '<table><caption>Market size by country and segment (USD Mn)</caption><tr><th>Country</th><th>Segment</th><th>2024</th><th>2032</th><th>CAGR 2024–2032</th></tr>' +
          rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
          '</table>',
      );
    const consistent = table([
      ['Germany', 'Hardware', '1,000', '1,593.85', '6.0%'],
      ['Germany', 'Software', '500', '1,033.78', '9.5%'],
      ['France', 'Hardware', '800', '1,275.08', '6.0%'],
    ]);
    expect(consistent.claims.sizes.filter((s) => s.year === 2024).map((s) => s.subject.label)).toEqual([
      'Germany (Hardware)',
      'Germany (Software)',
      'France (Hardware)',
    ]);
    for (const rule of ['numbers/size-conflict', 'numbers/cagr-conflict', 'numbers/cagr-arithmetic']) expect(await runRule(rule, consistent)).toEqual([]);
    // The same rows with one rate its own sizes do not give: that row alone is flagged.
    const flagged = table([
      ['Germany', 'Hardware', '1,000', '1,593.85', '6.0%'],
      ['Germany', 'Software', '500', '1,033.78', '6.0%'],
      ['France', 'Hardware', '800', '1,275.08', '6.0%'],
    ]);
    const found = await runRule('numbers/cagr-arithmetic', flagged);
    expect(found.map((f) => [f.data.stated, f.primary!.start.line])).toHaveLength(1);
    expect(found[0].message).toContain('$500 million');
    expect(await runRule('numbers/size-conflict', flagged)).toEqual([]);
  });

  it('reads a table of years down its first column as the sizes its header names', () => {
    const ctx = html(
      '<table><caption>Table 1. Global widget market value</caption><tr><th>Year</th><th>Global Widget Market Value</th></tr>' +
        '<tr><td>2022</td><td>$257 billion</td></tr><tr><td>2030</td><td>$2.07 trillion</td></tr></table>',
    );
    expect(ctx.claims.sizes.map((s) => [s.year, s.value.text, s.subject.kind])).toEqual([
      [2022, '257', 'market'],
      [2030, '2.07', 'market'],
    ]);
  });

  it('reads "Name: figure" items under a label that says what they are', async () => {
    const ctx = contextOf(
      [
        'Widget Market',
        '',
        'Regional split (2022 revenue share)',
        '- North America: 41%',
        '- Europe: 29%',
        '- Asia-Pacific: 24%',
        '- Rest of the World: 14%',
        '',
      ].join('\n'),
    );
    expect(ctx.claims.shares.map((s) => [s.segment, s.share.text, s.year, s.role])).toEqual([
      ['North America', '41', 2022, 'segment'],
      ['Europe', '29', 2022, 'segment'],
      ['Asia-Pacific', '24', 2022, 'segment'],
      ['Rest of the World', '14', 2022, 'remainder'],
    ]);
    expect((await runRule('numbers/share-sum', ctx)).map((f) => f.data.sum)).toEqual([108]);
  });
});

describe('shares of different wholes and different breakdowns', () => {
  it('does not add a share of production capacity to shares of the market', async () => {
    const ctx = contextOf(
      [
        'Widget Market',
        '',
        'Asia Pacific, led by China, accounts for more than 45% of the global widget market.',
        '',
        'In 2018 China held roughly 51% of global widget production capacity.',
      ].join('\n'),
    );
    expect(ctx.claims.shares.map((s) => [s.segment, s.whole])).toEqual([
      ['Asia Pacific', 'market'],
      ['China', 'widget production capacity'],
    ]);
    expect(await runRule('numbers/share-overlap', ctx)).toEqual([]);
  });

  it('keeps two breakdowns of one dimension apart by their labels', async () => {
    const ctx = contextOf(
      [
        'Widget Charging Market',
        '',
        '- By Charger Types: Slow Charging holds more than 81.80% market share',
        '- By Charging Station Types: Private charging stations capture above 88.20% market share',
        '',
        'By Charger Type: Slow Charging, Fast Charging',
        'By Charging Station Type: Private, Public',
      ].join('\n'),
    );
    expect(ctx.claims.shares.map((s) => s.dimension)).toEqual(['type (charger)', 'type (charging station)']);
    expect(await runRule('numbers/share-sum', ctx)).toEqual([]);
  });
});
