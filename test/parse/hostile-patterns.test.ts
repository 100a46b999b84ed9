// Patterns must stay linear on hostile text: long runs of spaces or digits right after the words
// that start a pattern. A super-linear pattern would not finish within Jest's timeout here.
import { contextOf } from '../helpers/harness.js';

const spaces = ' '.repeat(200_000);
const triggers = [
  'base year',
  'Base Year:',
  'forecast period',
  'Forecast Period:',
  'historical range',
  'published',
  'grow',
  'from',
  'CAGR of',
  'market',
  'USD',
  '$',
];

describe('patterns on hostile text', () => {
  it.each(triggers)('a 200,000-space run after "%s" in one plain-text line', (word) => {
    const ctx = contextOf(`Widget Market\n\n${word}${spaces}2025 x ${word}${spaces}9% end.\n`);
    expect(ctx.doc.blocks.length).toBeGreaterThan(0);
    expect(ctx.sentences().length).toBeGreaterThan(0);
  });

  it('a 200,000-digit number', () => {
    const ctx = contextOf(`Widget Market\n\nThe market grew ${'9'.repeat(200_000)}% and reached $${'1'.repeat(200_000)} billion.\n`);
    expect(ctx.doc.blocks.length).toBe(2);
  });
});
