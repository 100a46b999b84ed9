// Tables in the document model: HTML tables (header cells, spans, captions) and plain-text pipe
// tables and dot-leader lines, each cell placed on the table's grid with its source position.
import { contextOf } from '../helpers/harness.js';

const cellTexts = (ctx: ReturnType<typeof contextOf>, t = 0) => ctx.doc.tables[t].cells.map((c) => [c.row, c.col, c.header, c.text]);

describe('tables', () => {
  it('reads an HTML table: header cells, a column span, a row span, a paragraph inside a cell, the caption', () => {
    const ctx = contextOf(
      [
        '<html><body><h2>Market size by region (USD Mn)</h2><table>',
        '<tr><th>Region</th><th colspan="2">Size</th><th>CAGR</th></tr>',
        '<tr><td rowspan="2">Americas</td><td>2024</td><td>1,200</td><td><p>5.1%</p></td></tr>',
        '<tr><td>2032</td><td>1,790</td><td>5.1%</td></tr>',
        '</table><p>After the table.</p></body></html>',
      ].join(''),
      'page.html',
    );
    const [table] = ctx.doc.tables;
    expect(ctx.doc.blocks[table.caption!].text).toBe('Market size by region (USD Mn)');
    expect([table.rows, table.cols]).toEqual([3, 4]);
    expect(cellTexts(ctx)).toEqual([
      [0, 0, true, 'Region'],
      [0, 1, true, 'Size'],
      [0, 3, true, 'CAGR'],
      [1, 0, false, 'Americas'],
      [1, 1, false, '2024'],
      [1, 2, false, '1,200'],
      [1, 3, false, '5.1%'],
      [2, 1, false, '2032'],
      [2, 2, false, '1,790'],
      [2, 3, false, '5.1%'],
    ]);
    expect(ctx.doc.blocks.find((b) => b.text === 'After the table.')!.table).toBeUndefined();
    const cell = table.cells.find((c) => c.text === '1,790')!;
    const ev = ctx.spans.block(cell.blocks[0]);
    expect(ctx.text.slice(ev.start.offset, ev.end.offset)).toBe('1,790');
  });

  it('takes a <caption> as the caption, and keeps cells of a nested table apart', () => {
    const ctx = contextOf(
      '<html><body><table><caption>Shares, 2024</caption><tr><td>Europe</td><td><table><tr><td>inner</td></tr></table></td></tr></table></body></html>',
      'p.html',
    );
    expect(ctx.doc.tables).toHaveLength(2);
    expect(ctx.doc.blocks[ctx.doc.tables[0].caption!].text).toBe('Shares, 2024');
    expect(cellTexts(ctx, 0)).toEqual([
      [0, 0, false, 'Europe'],
      [0, 1, false, ''],
    ]);
    expect(cellTexts(ctx, 1)).toEqual([[0, 0, false, 'inner']]);
  });

  it('reads a plain-text pipe table with its header separator', () => {
    const ctx = contextOf(
      ['Widget Market', '', 'Regional sizes:', '| Region | 2024 | 2032 |', '|---|---:|---:|', '| Europe | 4.1 | 6.0 |', '| Asia | 3.3 |  |', ''].join('\n'),
    );
    const [table] = ctx.doc.tables;
    expect(ctx.doc.blocks[table.caption!].text).toBe('Regional sizes:');
    expect(cellTexts(ctx)).toEqual([
      [0, 0, true, 'Region'],
      [0, 1, true, '2024'],
      [0, 2, true, '2032'],
      [1, 0, false, 'Europe'],
      [1, 1, false, '4.1'],
      [1, 2, false, '6.0'],
      [2, 0, false, 'Asia'],
      [2, 1, false, '3.3'],
      [2, 2, false, ''],
    ]);
    const ev = ctx.spans.block(table.cells.find((c) => c.text === '6.0')!.blocks[0]);
    expect([ev.start.line, ev.start.column]).toEqual([6, 18]);
  });

  it('reads dot-leader lines as a two-column table', () => {
    const ctx = contextOf(['Widget Market', '', 'Regional share, 2023:', '  Europe ........ 34%', '  North America ..... 22%', ''].join('\n'));
    expect(cellTexts(ctx)).toEqual([
      [0, 0, false, 'Europe'],
      [0, 1, false, '34%'],
      [1, 0, false, 'North America'],
      [1, 1, false, '22%'],
    ]);
  });

  it('does not take a line of links joined by bars, or a single dotted line, for a table', () => {
    const ctx = contextOf(
      [
        'Widget Market',
        '',
        'Report Code: W-1 | Example Research | Industrial',
        'Request Sample | Buy Now | Speak to Analyst',
        '',
        'Loading....... please wait',
        '',
      ].join('\n'),
    );
    expect(ctx.doc.tables).toEqual([]);
  });

  it('reads a long row of bars in time linear in its length', () => {
    const line = '|' + ' x |'.repeat(50_000);
    const ctx = contextOf(['Widget Market', '', line, line, ''].join('\n'));
    expect(ctx.doc.tables).toHaveLength(0); // over 60 cells a row: not read as a table
  });
});
