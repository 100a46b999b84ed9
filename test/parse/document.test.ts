// Ingest and the document model: decoding, format by content, blocks with offsets back to the
// source, headings, labelled and nested lists, metadata.
import { decodeBytes } from '../../src/ingest/decode.js';
import { detectFormat } from '../../src/ingest/detect.js';
import { parseDocument } from '../../src/parse/index.js';
import { contextOf, seedContext } from '../helpers/harness.js';

describe('decoding', () => {
  it('honours BOMs and falls back to Windows-1252 for legacy 8-bit text', () => {
    const utf16 = decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]));
    expect(utf16).toMatchObject({ ok: true, text: 'Aé', encoding: { name: 'utf-16le', bom: true } });
    const latin = decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x73]));
    expect(latin).toMatchObject({ ok: true, text: 'café ’s', encoding: { name: 'windows-1252' } });
  });

  it('counts invalid UTF-8 sequences instead of failing', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Zürich '), 0xc3, 0x28, ...new TextEncoder().encode(' end')]);
    const d = decodeBytes(bytes);
    expect(d.ok && d.encoding).toMatchObject({ name: 'utf-8', invalidSequences: 1 });
  });
});

describe('format detection', () => {
  it('reads HTML saved as .txt as HTML, and prose with "<" as text', () => {
    expect(detectFormat('<p><h1>Title</h1></p><p>Body</p>')).toBe('html');
    expect(detectFormat('Shares under <5% are grouped.\nA line.\n')).toBe('text');
  });
});

describe('HTML documents', () => {
  const src =
    '<p><h1>Widget Market 2025 - 2032</h1></p>\n<p>Caf&eacute; &amp; bar&nbsp;growth at <b>12%</b>.</p>\n<p><strong>North America:</strong></p><ul><li>United States</li><li>Canada<ul><li>Ontario</li></ul></li></ul>';
  const { doc, spans } = parseDocument(src, 'html');

  it('maps block text back to source offsets through entities', () => {
    const p = doc.blocks.find((b) => b.text.startsWith('Café'))!;
    expect(p.text).toBe('Café & bar growth at 12%.');
    const ev = spans.of(p.index, p.text.indexOf('12%'), p.text.indexOf('12%') + 3);
    expect(src.slice(ev.start.offset, ev.end.offset)).toBe('12%');
    expect(ev.start).toMatchObject({ line: 2 });
    const bar = spans.of(p.index, p.text.indexOf('bar'), p.text.indexOf('bar') + 3);
    expect(src.slice(bar.start.offset, bar.end.offset)).toBe('bar');
  });

  it('ends a span after the whole character reference its last character came from', () => {
    const html = '<p>Share: 45&#37; (Caf&eacute;) &amp; AT&T &AMP; R&amp;D&amp;</p>';
    const { doc: d, spans: s } = parseDocument(html, 'html');
    const text = d.blocks[0].text;
    expect(text).toBe('Share: 45% (Café) & AT&T & R&D&');
    const source = (from: number, to: number) => {
      const ev = s.of(0, from, to);
      return html.slice(ev.start.offset, ev.end.offset);
    };
    expect(source(text.indexOf('45'), text.indexOf('%') + 1)).toBe('45&#37;');
    expect(source(text.indexOf('Caf'), text.indexOf('é') + 1)).toBe('Caf&eacute;');
    expect(source(text.indexOf(') &') + 2, text.indexOf(') &') + 3)).toBe('&amp;');
    // A literal "&" before a word that looks like a reference ("AT&T") is one character of source.
    expect(source(text.indexOf('AT&'), text.indexOf('AT&') + 3)).toBe('AT&');
    expect(source(text.indexOf('& R'), text.indexOf('& R') + 1)).toBe('&AMP;');
    expect(source(text.indexOf('R&'), text.length)).toBe('R&amp;D&amp;');
  });

  it('leaves plain text as it is: "&amp;" there is five characters of text', () => {
    const plain = 'Revenue R&amp;D grew 12%.\n';
    const { doc: d, spans: s } = parseDocument(plain, 'text');
    const at = d.blocks[0].text.indexOf('R&');
    const ev = s.of(0, at, at + 2);
    expect(plain.slice(ev.start.offset, ev.end.offset)).toBe('R&');
  });

  it('labels lists by their <strong> label and keeps nesting', () => {
    const [top, nested] = doc.lists;
    expect(top.label).toBe('North America');
    expect(top.items.map((i) => doc.blocks[i.block].text)).toEqual(['United States', 'Canada']);
    expect(nested.label).toBe('Canada');
    expect(nested.parent).toEqual({ list: 0, item: 1 });
    expect(top.items[1].lists).toEqual([1]);
  });

  it('reads the title horizon and the market', () => {
    expect(doc.metadata).toMatchObject({ title: 'Widget Market 2025 - 2032', market: 'widget' });
    expect(doc.metadata.titleHorizon).toMatchObject({ from: 2025, to: 2032 });
  });
});

describe('plain-text documents', () => {
  const src =
    'WIDGET MARKET REPORT (2025 - 2032)\n\n  • Published In : 19 Aug, 2025\n  • Base Year: 2024\n  • Historical Range: 2020 - 2024\n  • Forecast Period: 2025 - 2032\n\nMarket Segmentation\n\n  • By Type\n    • Hardware\n    • Software\n  - Services\n\nThis paragraph is long enough and ends with a full stop.\nA second line of the same text\ncontinues in lower case.\n';
  const ctx = contextOf(src);

  it('keeps lines, recognises headings, bullets and nesting by indentation', () => {
    const kinds = ctx.doc.blocks.map((b) => `${b.kind}:${b.text.slice(0, 20)}`);
    expect(kinds).toContain('heading:WIDGET MARKET REPORT');
    expect(kinds).toContain('heading:Market Segmentation');
    const byType = ctx.doc.lists.find((l) => l.label === 'By Type')!;
    expect(byType.items.map((i) => ctx.doc.blocks[i.block].text)).toEqual(['Hardware', 'Software']);
    expect(byType.parent).not.toBeNull();
  });

  it('extracts the report periods and the publish date with their evidence', () => {
    const m = ctx.doc.metadata;
    expect(m.publishDate).toMatchObject({ iso: '2025-08-19', year: 2025 });
    expect(m.baseYear?.year).toBe(2024);
    expect(m.historicalRange).toMatchObject({ from: 2020, to: 2024 });
    expect(m.forecastPeriod).toMatchObject({ from: 2025, to: 2032 });
    expect(m.forecastPeriod!.evidence.start.line).toBe(6);
  });

  it('maps every block exactly onto its source line', () => {
    for (const b of ctx.doc.blocks) {
      const ev = ctx.spans.block(b.index);
      expect(src.slice(ev.start.offset, ev.end.offset).replace(/\s+/g, ' ')).toBe(b.text);
    }
  });

  it('reads CRLF lines, tab indentation (a tab is four spaces) and numbered bullets', () => {
    const crlf = 'Market Segmentation\r\n\r\nBy Type:\r\n1. Hardware\r\n\t- Chips\r\n    - Boards\r\n2) Software\r\n-5% is not a bullet\r\n';
    const c = contextOf(crlf);
    const byType = c.doc.lists.find((l) => l.label === 'By Type')!;
    expect(byType.items.map((i) => c.doc.blocks[i.block].text)).toEqual(['Hardware', 'Software']);
    const nested = c.doc.lists.find((l) => l.parent !== null)!;
    expect(nested.items.map((i) => c.doc.blocks[i.block].text)).toEqual(['Chips', 'Boards']);
    expect(c.doc.blocks.map((b) => b.text)).toContain('-5% is not a bullet');
    for (const b of c.doc.blocks) {
      const ev = c.spans.block(b.index);
      expect(crlf.slice(ev.start.offset, ev.end.offset)).toBe(b.text);
    }
  });
});

describe('the seeds', () => {
  it('000: region lists labelled by their <strong> labels, and the title horizon', () => {
    const ctx = seedContext('000');
    expect(ctx.doc.format).toBe('html');
    expect(ctx.doc.lists.map((l) => l.label)).toEqual(
      expect.arrayContaining(['North America', 'Europe', 'Asia-Pacific', 'Latin America', 'Middle East & Africa']),
    );
    expect(ctx.forecast).toEqual({ from: 2025, to: 2032 });
  });

  it('001: plain text with its stated periods and nested segment lists', () => {
    const ctx = seedContext('001');
    expect(ctx.doc.format).toBe('text');
    expect(ctx.doc.metadata.publishDate?.iso).toBe('2025-08-19');
    expect(ctx.doc.metadata.baseYear?.year).toBe(2024);
    const regional = ctx.doc.lists.find((l) => l.label?.startsWith('Regional Insights'))!;
    expect(regional.items.every((i) => i.lists.length === 1)).toBe(true);
  });
});
