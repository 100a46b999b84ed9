// How figures are written on scraped pages: every spelling of a percentage is read, at the digits it states.
import { percentsIn } from '../../src/claims/numbers.js';
import { contextOf } from '../helpers/harness.js';

const read = (text: string) => percentsIn(text).map((p) => [p.value.text, p.to?.text ?? null]);

describe('percentages as written', () => {
  it('reads "%", "per cent", "percent", a space before the sign and ranges', () => {
    expect(read('grew 12.8 per cent, then 6.72 %, then 5 percent, within 10-12%')).toEqual([
      ['12.8', null],
      ['6.72', null],
      ['5', null],
      ['10', '12'],
    ]);
  });

  it('reads a rate printed with all its computed decimals, whole', () => {
    expect(read('a CAGR of 6.84213395770124% between 2026 and 2034')).toEqual([['6.84213395770124', null]]);
  });

  it('reads no percentage in a number without a sign or inside a longer number', () => {
    expect(read('revenue of 7.1 billion in 2025; version 1.2.3%')).toEqual([]);
  });
});

describe('growth rates that state a fall', () => {
  const rates = (text: string) => contextOf(`Widget Market Report 2025-2032\n\n${text}\n`).claims.growth.map((g) => [g.rate.value, g.rateTo?.value ?? null]);

  it('reads a minus sign or a verb of decline before the figure as a negative rate', () => {
    expect(rates('The widget market is expected to decline at a CAGR of 3.2% from 2025 to 2032.')).toEqual([[-3.2, null]]);
    expect(rates('The widget market will grow at a CAGR of -1.5% from 2025 to 2032.')).toEqual([[-1.5, null]]);
    expect(rates('The widget market shows a negative CAGR of 4% over 2025-2032.')).toEqual([[-4, null]]);
  });

  it('keeps a rate positive when a fall is mentioned elsewhere, and a range’s dash is no sign', () => {
    expect(rates('Despite a decline in 2020, the widget market will expand at a CAGR of 6% from 2025 to 2032.')).toEqual([[6, null]]);
    expect(rates('The widget market will grow at a CAGR of 10-12% from 2025 to 2032.')).toEqual([[10, 12]]);
    expect(rates('Widget market CAGR (2025-2032) – 5.2%')).toEqual([[5.2, null]]);
  });
});
