import { CONTEXT_CHARS, sentenceContext } from '../../src/engine/finding-context.js';
import { contextOf, runRule } from '../helpers/harness.js';

describe('the sentence around a finding', () => {
  const text = 'Widget Market\n\nSales rose. The market grows at a CAGR of 7.2% until 2030. Prices fell.\n';
  const ctx = contextOf(text);
  const block = ctx.doc.blocks.findIndex((b) => b.text.includes('CAGR'));
  const blockText = ctx.doc.blocks[block].text;
  const span = (quote: string) => {
    const from = blockText.indexOf(quote);
    return ctx.spans.of(block, from, from + quote.length);
  };

  it('is the sentence holding the evidence, with its source line:column', () => {
    const context = sentenceContext(span('7.2%'), ctx.sentences(), ctx.spans)!;
    expect(context.quote).toBe('The market grows at a CAGR of 7.2% until 2030.');
    expect(context.start).toMatchObject({ line: 3, column: text.split('\n')[2].indexOf('The market') + 1 });
    expect(text.slice(context.start.offset, context.end.offset)).toBe(context.quote);
  });

  it('takes in every sentence the evidence runs over', () => {
    expect(sentenceContext(span('2030. Prices'), ctx.sentences(), ctx.spans)!.quote).toBe('The market grows at a CAGR of 7.2% until 2030. Prices fell.');
  });

  it('is left out when the evidence is its whole sentence or has no block', () => {
    expect(sentenceContext(span('The market grows at a CAGR of 7.2% until 2030.'), ctx.sentences(), ctx.spans)).toBeUndefined();
    expect(sentenceContext(null, ctx.sentences(), ctx.spans)).toBeUndefined();
    expect(sentenceContext({ ...span('7.2%'), block: null }, ctx.sentences(), ctx.spans)).toBeUndefined();
  });

  it('is clipped around the evidence in a run-on sentence', () => {
    const long = contextOf(`Widget Market\n\n${'word '.repeat(2000)}CAGR of 7.2% ${'word '.repeat(2000)}.\n`);
    const b = long.doc.blocks.findIndex((x) => x.text.includes('CAGR'));
    const from = long.doc.blocks[b].text.indexOf('7.2%');
    const context = sentenceContext(long.spans.of(b, from, from + 4), long.sentences(), long.spans)!;
    expect(context.quote).toContain('CAGR of 7.2%');
    expect(context.quote.length).toBeLessThanOrEqual(4 + 2 * CONTEXT_CHARS);
  });

  it('is in the findings the engine reports, HTML included', async () => {
    const [finding] = await runRule('text/placeholder', '<html><body><p>Sales: <b>USD XX million</b> in 2024, says the study.</p></body></html>');
    expect(finding.primary!.quote).toBe('USD XX million');
    expect(finding.context!.quote).toBe('Sales: USD XX million in 2024, says the study.');
    expect(finding.context!.start.column).toBe('<html><body><p>'.length + 1);
  });
});
