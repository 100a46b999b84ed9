// How figures are written on scraped pages: every spelling of a percentage is read, at the digits it states.
import { percentsIn } from '../../src/claims/numbers.js';

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
    expect(read('a CAGR of 7.10567977603713% between 2025 and 2033')).toEqual([['7.10567977603713', null]]);
  });

  it('reads no percentage in a number without a sign or inside a longer number', () => {
    expect(read('revenue of 7.1 billion in 2025; version 1.2.3%')).toEqual([]);
  });
});
